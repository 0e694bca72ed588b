"""Real clients judge bilingual agreements: LibreOffice prints every example as ja+en with both numberings,
and accepting a bilingual redline's changes gives NEW, rejecting them OLD.

Each module fixture is one LibreOffice run: its start-up dominates the cost.
"""

import re
import subprocess

import pytest
from openxml_audit import OpenXmlValidator

import ipclauses
from conftest import EXAMPLES, example_ids, example_with
from ipclauses.agreement import plain
from ipclauses.build import document_bytes
from ipclauses.draft import make_draft
from ipclauses.locales import get_locale
from ipclauses.redline_docx import redline_docx
from ipclauses.redline_model import redline
from real_clients import negotiation_jobs, require_uno, run_uno
from test_libreoffice import PDFTOTEXT, convert_examples

# Where the columns meet on an A4 page, in points: the 20 mm margin and half of the 170 mm text width.
PAGE_WIDTH, SPLIT = 595, 297


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    return convert_examples(tmp_path_factory.mktemp("lo-bilingual"),
                            lambda path, out: out.write_bytes(document_bytes(ipclauses.load_spec(path), lang="ja+en")[1]))


def column_text(pdf, left: bool) -> str:
    """One column of every page, as LibreOffice printed it, without spaces (pdftotext spaces out mixed scripts)."""
    x, width = (0, SPLIT) if left else (SPLIT, PAGE_WIDTH - SPLIT)
    text = subprocess.run(
        [PDFTOTEXT, "-r", "72", "-x", str(x), "-y", "0", "-W", str(width), "-H", "842", "-layout", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout
    return re.sub(r"\s+", "", text)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_libreoffice_prints_both_numberings_side_by_side(pdfs, path):
    pdf = pdfs / "out" / f"{path.stem}.pdf"
    assert pdf.exists() and pdf.stat().st_size > 5000, "LibreOffice exits 0 even when it fails: the PDF must exist"
    draft = make_draft(ipclauses.load_spec(path), lang="ja+en")
    for column, agreement in zip((column_text(pdf, True), column_text(pdf, False)), draft.columns, strict=True):
        locale = get_locale(agreement.language)
        checked = 0
        for article in agreement.articles:
            # The number comes from Word numbering, the title from the text: 第3条（定義） on the left, Article 3 (...) on the right.
            heading = locale.article_heading(article.number, article.title)
            assert squeeze(heading) in column, (agreement.language, heading)
            for para in article.paragraphs:
                if para.label:  # 2, 3 in Japanese; 3.1, 3.2 in English: each column's own list
                    start = squeeze(plain(para.segments))[:10]
                    assert squeeze(para.label) + start in column, (agreement.language, para.label, start)
                    checked += 1
        assert checked, "the example has numbered paragraphs"


def test_the_bilingual_examples_are_valid_ooxml(tmp_path):
    validator = OpenXmlValidator()
    for path in EXAMPLES:
        target = tmp_path / f"{path.stem}.docx"
        target.write_bytes(document_bytes(ipclauses.load_spec(path), lang="ja+en")[1])
        result = validator.validate(str(target))
        assert result.is_valid, (path.stem, [str(e) for e in result.errors][:5])


# A change of words in one article, and an article removed (which renumbers every later one in both columns).
PAIRS = {
    "nda-number": ("nda-mutual-ja", {"confidentiality__survival_years": 5}),
    "poc-removed-article": ("poc-ai-en", {"confidentiality__supersedes_nda": None}),
}


@pytest.fixture(scope="module")
def negotiated(tmp_path_factory):
    require_uno()
    work = tmp_path_factory.mktemp("lo-bilingual-redline")
    jobs = []
    for key, (name, changes) in PAIRS.items():
        old = ipclauses.load_spec(example_with(name, lang="ja+en"))
        new = ipclauses.load_spec(example_with(name, lang="ja+en", **changes))
        files = {"redline": redline_docx(redline(old, new, author="Counsel")), "old": document_bytes(old)[1],
                 "new": document_bytes(new)[1]}
        jobs += negotiation_jobs(work, key, files)
    run_uno(work, jobs)
    return work


@pytest.mark.parametrize("key", PAIRS)
def test_accepting_a_bilingual_redline_gives_new_and_rejecting_it_old(negotiated, key):
    def text(what: str) -> list[str]:
        # LibreOffice writes list numbers and REF field results in its text export: equal text, equal numbering.
        # A row whose cells were emptied by accepting leaves blank lines; those say nothing.
        return [line for line in (negotiated / f"{key}-{what}.txt").read_text(encoding="utf-8-sig").splitlines() if line.strip()]

    accepted, rejected = text("accept-redline"), text("reject-redline")
    assert accepted == text("keep-new")
    assert rejected == text("keep-old")
    assert accepted != rejected
