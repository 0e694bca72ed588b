"""OOXML structure: every example's agreement and summary pass a schema validator; templates are in sync."""

import sys
import zipfile

import pytest
from openxml_audit import OpenXmlValidator

import ipclauses
from conftest import EXAMPLES, ROOT, example_ids
from ipclauses.build import document_bytes


@pytest.fixture(scope="module")
def validator():
    return OpenXmlValidator()


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_agreement_and_summary_are_valid_ooxml(validator, path, tmp_path):
    spec = ipclauses.load_spec(path)
    agreement = tmp_path / "agreement.docx"
    agreement.write_bytes(document_bytes(spec)[1])
    summary = tmp_path / "summary.docx"
    summary.write_bytes(ipclauses.summarize(spec, format="docx"))
    for target in (agreement, summary):
        result = validator.validate(str(target))
        assert result.is_valid, [str(e) for e in result.errors]


def test_templates_match_their_unpacked_sources_and_the_generator():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_templates
    finally:
        sys.path.pop(0)
    for lang in ("ja", "en", "bilingual"):
        expected = make_templates.parts(lang)
        with zipfile.ZipFile(ROOT / "templates" / f"agreement-{lang}.docx") as zf:
            assert zf.namelist() == list(expected)
            for name, text in expected.items():
                assert zf.read(name).decode("utf-8") == text, f"templates/agreement-{lang}.docx {name}: run tools/make_templates.py"
                assert (ROOT / "templates" / "src" / lang / name).read_text(encoding="utf-8") == text
