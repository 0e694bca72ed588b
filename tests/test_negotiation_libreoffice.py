"""A real client agrees: LibreOffice accepting a redline's changes gives NEW and rejecting them OLD, and a file
LibreOffice has opened and saved again still verifies.

One LibreOffice session does every job of this module: its start-up dominates the cost.
"""

import pytest

import ipclauses
from conftest import EXAMPLES, example_ids, example_with
from ipclauses.build import document_bytes
from ipclauses.redline_docx import redline_docx
from ipclauses.redline_model import redline, revision_date
from ipclauses.verification import verify
from real_clients import negotiation_jobs, require_uno, run_uno

# One pair per agreement type, each a different kind of change.
PAIRS = {
    "nda-number": ("nda-mutual-ja", {"confidentiality__survival_years": 5}),
    "jrd-ownership": ("jrd-startup-ja", {"results__ownership": {"rule": "joint", "shares": "equal"}}),
    "license-added-option": ("license-en", {"licence__sublicensing": "none"}),  # OLD lacks the option NEW has
    "poc-removed-article": ("poc-ai-en", {"confidentiality__supersedes_nda": None}),  # renumbers every later article
}


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    require_uno()
    work = tmp_path_factory.mktemp("negotiation-lo")
    jobs = []
    for path in EXAMPLES:
        ipclauses.build(path, work / f"{path.stem}.docx")
        jobs.append({"input": str(work / f"{path.stem}.docx"), "action": "keep", "output": str(work / f"{path.stem}-saved.docx"), "format": "docx"})
    for key, (name, changes) in PAIRS.items():
        base = ipclauses.load_spec(example_with(name))
        changed = ipclauses.load_spec(example_with(name, **changes))
        old, new = (changed, base) if key == "license-added-option" else (base, changed)
        files = {
            "redline": redline_docx(redline(old, new, author="Counsel", date=revision_date("2026-12-01"))),
            "old": document_bytes(old)[1],
            "new": document_bytes(new)[1],
        }
        jobs += negotiation_jobs(work, key, files)
    run_uno(work, jobs)
    return work


@pytest.fixture(scope="module")
def texts(work):
    return lambda key, what: (work / f"{key}-{what}.txt").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("key", PAIRS)
def test_accepting_every_change_gives_new_and_rejecting_gives_old(texts, key):
    accepted, rejected = texts(key, "accept-redline"), texts(key, "reject-redline")
    # LibreOffice's text export writes list numbers and REF field results: equal text means equal numbering too.
    assert accepted == texts(key, "keep-new")
    assert rejected == texts(key, "keep-old")
    assert accepted != rejected


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_a_file_libreoffice_opened_and_saved_still_verifies(work, path):
    saved = work / f"{path.stem}-saved.docx"
    assert saved.read_bytes() != (work / f"{path.stem}.docx").read_bytes(), "LibreOffice wrote its own file"
    result = verify(saved)
    assert result.exact, (result.edited, result.added, result.removed, result.tracked_changes, result.problems)
