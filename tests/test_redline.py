"""Redlines between two versions of a deal: what legal staff send back to a counterparty."""

import io
import json
import re
import zipfile

import pytest
from click.testing import CliRunner
from openxml_audit import OpenXmlValidator

import ipclauses
from conftest import example_with
from ipclauses.cli import main
from ipclauses.compare import diff, tokens
from ipclauses.redline_docx import redline_docx
from ipclauses.redline_model import redline, revision_date
from ipclauses.redline_text import to_html, to_json, to_markdown


def _spec(name, **changes):
    return ipclauses.load_spec(example_with(name, **changes))


def _marked(pieces):
    return "".join(p.text if p.op == "equal" else f"[-{p.text}-]" if p.op == "delete" else f"{{+{p.text}+}}" for p in pieces)


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml").decode("utf-8")


# --- words -------------------------------------------------------------------------


def test_english_is_compared_word_by_word_and_numbers_stay_whole():
    assert tokens("pays USD 1,000,000 within 30 days.") == ["pays", " ", "USD", " ", "1,000,000", " ", "within", " ", "30", " ", "days", "."]
    assert _marked(diff(["for 5 years after"], ["for 3 months after"])) == "for [-5 years-]{+3 months+} after"


def test_japanese_is_cut_where_the_script_changes():
    assert tokens("甲が単独で所有する。") == ["甲", "が", "単独", "で", "所有", "する", "。"]
    assert tokens("契約終了後3年間") == ["契約終了後", "3", "年間"]
    # Whole words change, the particles between them stay.
    assert _marked(diff(["本成果は、甲が単独で所有する。"], ["本成果は、甲及び乙が共有する。"])) == "本成果は、[-甲-]{+甲及び乙+}が[-単独で所有-]{+共有+}する。"


# --- alignment ---------------------------------------------------------------------


def test_the_same_version_has_no_changes():
    spec = _spec("license-en")
    result = redline(spec, spec)
    assert result.changed == []
    assert "The two versions have the same text." in to_markdown(result)
    assert "w:ins " not in _document_xml(redline_docx(result)) and "w:del " not in _document_xml(redline_docx(result))


def test_a_removed_article_is_the_only_change_though_every_later_article_is_renumbered():
    old = _spec("poc-ai-en")
    new = _spec("poc-ai-en", confidentiality__supersedes_nda=None)
    result = redline(old, new)
    # Besides the article, only the entire-agreement clause, which named the earlier NDA, changes.
    assert result.counts() == {"inserted": 0, "deleted": 1, "changed": 1}
    assert [(e.status, e.block.id) for e in result.changed] == [
        ("deleted", "confidentiality.supersedes"), ("changed", "general.entire_agreement/p2"),
    ]
    later = result.new.article("general.term")
    assert later.number == result.old.article("general.term").number - 1  # renumbered, yet not a change


def test_a_changed_number_is_marked_inside_its_sentence_and_cross_references_follow_the_new_numbers():
    old = _spec("nda-mutual-ja")
    new = _spec("nda-mutual-ja", confidentiality__survival_years=5, confidentiality__reverse_engineering_banned=False)
    result = redline(old, new)
    changed = {e.block.id: _marked(e.pieces) for e in result.changed}
    assert changed["confidentiality.reverse_engineering"].startswith("[-")  # the article, deleted whole
    survival = changed["general.term/p2"]
    assert "終了後[-3-]{+5+}年間" in survival
    # The deleted article's number goes from the list; the next article, renumbered, is no change.
    assert "第5条[-、第6条-]及び第7条" in survival
    assert result.old.article("confidentiality.return").number == 7 and result.new.article("confidentiality.return").number == 6


def test_an_added_option_is_a_paragraph_inserted_whole():
    old = _spec("license-en", licence__sublicensing="none")
    new = _spec("license-en")
    result = redline(old, new)
    inserted = [e for e in result.changed if e.status == "inserted"]
    assert inserted, _marked(result.changed[0].pieces)
    assert all(p.op == "insert" for e in inserted for p in e.pieces)
    assert any("affiliate" in e.pieces[0].text.lower() for e in inserted)


def test_key_term_and_schedule_rows_are_matched_by_their_label():
    old = _spec("poc-ai-en")
    new = _spec("poc-ai-en", poc__fee={"amount": 5200000, "currency": "JPY"})
    rows = [e for e in redline(old, new).changed if e.block.kind == "row"]
    assert rows and all(e.status == "changed" for e in rows)
    assert any("[-4,800,000-]{+5,200,000+}" in _marked(e.pieces) for e in rows)


# --- the DOCX ------------------------------------------------------------------------


def test_the_docx_marks_insertions_and_deletions_with_author_and_no_clock_date():
    old = _spec("nda-oneway-en-ny")
    new = _spec("nda-oneway-en-ny", confidentiality__survival_years=2)
    first = redline_docx(redline(old, new))
    assert first == redline_docx(redline(old, new)), "the same versions must give the same bytes"
    xml = _document_xml(first)
    assert re.search(r'<w:del w:id="\d+" w:author="ipclauses">', xml) and re.search(r'<w:ins w:id="\d+" w:author="ipclauses">', xml)
    assert "w:date" not in xml
    dated = _document_xml(redline_docx(redline(old, new, author="Legal <Team>", date=revision_date("2026-12-01"))))
    assert 'w:author="Legal &lt;Team&gt;" w:date="2026-12-01T00:00:00Z"' in dated


def test_a_deleted_paragraph_marks_its_paragraph_mark_so_accepting_removes_it():
    old = _spec("nda-mutual-ja")
    new = _spec("nda-mutual-ja", confidentiality__reverse_engineering_banned=False)
    xml = _document_xml(redline_docx(redline(old, new)))
    deleted_paragraphs = re.findall(r"<w:p><w:pPr>(?:(?!</w:pPr>).)*<w:rPr><w:del [^>]*/></w:rPr></w:pPr>", xml)
    assert len(deleted_paragraphs) >= 2  # the heading and the article's paragraphs


def test_the_redline_carries_new_s_provenance_so_it_inspects_as_new(tmp_path):
    old = _spec("poc-ai-en")
    new = _spec("poc-ai-en", confidentiality__supersedes_nda=None)
    path = tmp_path / "redline.docx"
    path.write_bytes(redline_docx(redline(old, new)))
    info = ipclauses.inspect_docx(path)
    assert not info["problems"]
    assert "confidentiality.supersedes" not in [c["clause"] for c in info["choices"]]
    assert "poc.work/p1" in info["paragraph_ids"]


@pytest.mark.parametrize("name", ["jrd-startup-ja", "license-en"])
def test_the_redline_is_valid_ooxml(tmp_path, name):
    old = _spec(name)
    changes = {"results__ownership": {"rule": "joint", "shares": "equal"}} if name.startswith("jrd") else {"licence__sublicensing": "none"}
    path = tmp_path / "redline.docx"
    path.write_bytes(redline_docx(redline(old, _spec(name, **changes), date=revision_date("2026-12-01T10:00+09:00"))))
    result = OpenXmlValidator().validate(str(path))
    assert result.is_valid, [str(e) for e in result.errors]


def test_versions_in_two_languages_are_refused():
    with pytest.raises(ipclauses.RenderError, match="different languages"):
        redline(_spec("nda-mutual-ja"), _spec("nda-mutual-ja", lang="en"))


# --- text ------------------------------------------------------------------------------


def test_text_formats_show_each_change_where_it_is():
    old = _spec("jrd-startup-ja")
    new = _spec("jrd-startup-ja", results__ownership={"rule": "joint", "shares": "equal"})
    result = redline(old, new)
    md = to_markdown(result)
    ownership = result.new.article("jrd.ownership")
    assert f"## {ownership.heading}" in md and "{+共有" in md
    data = json.loads(to_json(result))
    assert data["articles"]["changed"] >= 1
    statuses = {c["id"]: c["status"] for c in data["changes"]}
    assert statuses.get("jrd.joint_ownership") == "inserted"
    html_page = to_html(result)
    assert "<ins>" in html_page and "<del>" in html_page


def test_markdown_and_html_show_a_party_name_as_typed():
    old = _spec("license-en")
    new = _spec("license-en", parties=[
        {**example_with("license-en")["parties"][0], "legal_name": "Evil <script>alert(1)</script> [x](javascript:y) Inc."},
        example_with("license-en")["parties"][1],
    ])
    result = redline(old, new)
    assert "<script>" not in to_html(result)
    assert "](javascript" not in to_markdown(result).replace("\\]", "")


# --- the command -------------------------------------------------------------------------


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_writes_a_docx_redline_from_specs_or_built_files_alike(tmp_path):
    old = _write(tmp_path, "v1.json", example_with("poc-ai-en"))
    new = _write(tmp_path, "v2.json", example_with("poc-ai-en", poc__acceptance_days=15))
    ipclauses.build(old, tmp_path / "v1.docx")
    runner = CliRunner()
    from_specs = runner.invoke(main, ["redline", str(old), str(new), "-o", str(tmp_path / "a.docx")])
    assert from_specs.exit_code == 0, from_specs.output
    from_docx = runner.invoke(main, ["redline", str(tmp_path / "v1.docx"), str(new), "-o", str(tmp_path / "b.docx")])
    assert from_docx.exit_code == 0, from_docx.output
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    again = runner.invoke(main, ["redline", str(old), str(new), "-o", str(tmp_path / "a.docx")])
    assert again.exit_code != 0 and "--force" in again.output
    md = runner.invoke(main, ["redline", str(old), str(new), "--format", "md"])
    assert md.exit_code == 0 and "[-10-]{+15+}" in md.output


@pytest.mark.parametrize("args, message", [
    (["--format", "docx"], "needs -o"),
    (["--date", "yesterday"], "not a date"),
    (["--author", "a\u202eb", "--format", "md"], "plain name"),
])
def test_cli_usage_errors_exit_2_without_a_traceback(tmp_path, args, message):
    old = _write(tmp_path, "v1.json", example_with("nda-mutual-ja"))
    result = CliRunner().invoke(main, ["redline", str(old), str(old), *args])
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output


def test_cli_names_a_broken_version_file(tmp_path):
    old = _write(tmp_path, "v1.json", example_with("nda-mutual-ja"))
    broken = tmp_path / "v2.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = CliRunner().invoke(main, ["redline", str(old), str(broken), "--format", "md"])
    assert result.exit_code == 1 and "v2.docx" in result.output and "Traceback" not in result.output


def test_the_readme_round_trip(tmp_path, monkeypatch):
    """build v1, edit the spec, redline, changes, verify: the commands README shows, in order."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    v1 = _write(tmp_path, "deal.json", example_with("poc-ai-en"))
    assert runner.invoke(main, ["build", str(v1), "-o", "v1.docx"]).exit_code == 0
    _write(tmp_path, "deal-v2.json", example_with("poc-ai-en", confidentiality__survival_years=5, poc__acceptance_days=15))
    redlined = runner.invoke(main, ["redline", "v1.docx", "deal-v2.json", "-o", "redline.docx"])
    assert redlined.exit_code == 0, redlined.output
    text = runner.invoke(main, ["redline", "v1.docx", "deal-v2.json", "--format", "md"])
    assert "[-10-]{+15+}" in text.output and "[-3-]{+5+}" in text.output
    plain = runner.invoke(main, ["changes", "v1.docx", "deal-v2.json"])
    assert plain.exit_code == 0 and "3 years" in plain.output and "5 years" in plain.output
    assert runner.invoke(main, ["verify", "v1.docx"]).exit_code == 0
    pending = runner.invoke(main, ["verify", "redline.docx"])
    assert pending.exit_code == 1 and "tracked insertion" in pending.output
    assert "edited:" not in pending.output  # NEW's text once its changes are accepted: nothing else differs


def test_an_old_file_edited_after_its_build_is_named_in_a_warning(tmp_path):
    import docx

    v1 = tmp_path / "v1.docx"
    ipclauses.build("examples/poc-ai-en.json", v1)
    document = docx.Document(str(v1))
    paragraph = next(p for p in document.paragraphs if "transfer" in p.text or "pay" in p.text)
    paragraph.runs[0].text = "Edited by hand. " + paragraph.runs[0].text
    document.save(str(v1))
    v2 = _write(tmp_path, "v2.json", example_with("poc-ai-en", poc__acceptance_days=15))
    result = redline(v1, v2)
    [warning] = map(str, result.warnings)
    assert warning.startswith("v1.docx: its text is not what its recorded spec produces") and "verify v1.docx" in warning
    assert json.loads(to_json(result))["warnings"] == [warning]
    japanese = CliRunner().invoke(main, ["redline", str(v1), str(v2), "--format", "md"], env={"LANG": "ja_JP.UTF-8"})
    assert "v1.docx：本文が、記録された仕様からこの条項ライブラリで作られる本文と異なります" in japanese.stderr
    assert redline(_write(tmp_path, "v1.json", example_with("poc-ai-en")), v2).warnings == ()
