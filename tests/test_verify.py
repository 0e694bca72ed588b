"""verify: a draft that comes back from a counterparty, compared with what its recorded spec produces."""

import json

import docx
import pytest
from click.testing import CliRunner

import ipclauses
from conftest import EXAMPLES, example_ids, example_with
from ipclauses.cli import main
from ipclauses.library import load_library
from ipclauses.messages import LOCALE_VARIABLES
from ipclauses.redline_docx import redline_docx
from ipclauses.redline_model import redline, revision_date
from ipclauses.verification import verify
from test_inspect_security import PROVENANCE_PART, provenance_xml, recorded, rewrite
from test_summary import FREE_ASSIGNMENT


def _build(tmp_path, source, name="agreement.docx", library=None):
    path = tmp_path / name
    ipclauses.build(source, path, library=library)
    return path


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_a_freshly_built_example_is_exactly_what_its_spec_produces(tmp_path, path):
    result = verify(_build(tmp_path, path))
    assert result.exact, result
    assert result.text_matches_record and result.record_matches_spec and not result.library_changed


def _paragraph(document, text):
    return next(p for p in document.paragraphs if text in p.text)


def test_edits_made_in_python_docx_are_reported_by_article(tmp_path):
    path = _build(tmp_path, "examples/license-en.json")
    agreement = ipclauses.assemble(ipclauses.load_spec("examples/license-en.json"))
    document = docx.Document(str(path))
    # One sentence edited: the payment clause's transfer charges.
    payment = _paragraph(document, "shall bear the transfer charges")
    for run in payment.runs:
        run.text = run.text.replace("shall bear the transfer charges", "shall share the transfer charges equally")
    # One paragraph deleted: the second paragraph of the audit article.
    audit = agreement.article("license.audit")
    doomed = _paragraph(document, audit.paragraphs[1].segments[0][:60])
    doomed._element.getparent().remove(doomed._element)
    # One article added before the signature block.
    intro = _paragraph(document, agreement.signing_intro)
    intro.insert_paragraph_before("Publicity", style="IPC Article")
    intro.insert_paragraph_before("Neither party shall issue a press release about this Agreement.", style="IPC Text")
    document.save(str(path))

    result = verify(path)
    assert not result.exact and result.text_matches_record is False and result.record_matches_spec
    payments = agreement.article("license.reports")
    edited = {drift.id: drift for drift in result.edited}
    assert set(edited) == {"license.reports", "license.audit"}, list(edited)
    assert edited["license.reports"].article == payments.heading
    [change] = edited["license.reports"].changes
    assert change.status == "changed" and "{+share+}" in "".join(
        f"{{+{p.text}+}}" if p.op == "insert" else p.text for p in change.pieces
    )
    [deleted] = edited["license.audit"].changes
    assert deleted.status == "deleted" and deleted.new is None
    last = agreement.articles[-1].number
    assert result.added == (f"Article {last + 1} Publicity",)  # the heading as typed, numbered where it stands
    assert result.removed == ()

    cli = CliRunner().invoke(main, ["verify", str(path)])
    assert cli.exit_code == 1
    assert f"edited: {payments.heading}" in cli.output and "added: Article" in cli.output
    data = json.loads(CliRunner().invoke(main, ["verify", "--json", str(path)]).output)
    assert data["exact"] is False and {d["id"] for d in data["edited"]} == {"license.reports", "license.audit"}


def test_a_removed_article_is_named(tmp_path):
    path = _build(tmp_path, "examples/nda-mutual-ja.json")
    agreement = ipclauses.assemble(ipclauses.load_spec("examples/nda-mutual-ja.json"))
    article = agreement.article("confidentiality.reverse_engineering")
    document = docx.Document(str(path))
    heading = next(p for p in document.paragraphs if p.style.name == "IPC Article" and article.title in p.text)
    body = [p for p in document.paragraphs if any(para.segments[0][:30] in p.text for para in article.paragraphs)]
    for paragraph in [heading, *body]:
        paragraph._element.getparent().remove(paragraph._element)
    document.save(str(path))
    result = verify(path)
    assert result.removed == (article.heading,)
    assert not result.edited, result.edited  # the articles after it are renumbered, not edited


def test_a_forged_record_is_told_from_an_edited_text(tmp_path):
    """The text is as written, but the recorded spec was changed afterwards: the record no longer produces it."""
    path = _build(tmp_path, "examples/nda-mutual-ja.json")
    data = path.read_bytes()
    record = recorded(data)
    record["spec"]["confidentiality"]["survival_years"] = 5
    from ipclauses.assemble import json_sha256

    record["custom_properties"]["spec_sha256"] = json_sha256(record["spec"])
    custom = data  # docProps/custom.xml keeps the old hash: inspect's problem, reported too
    forged = tmp_path / "forged.docx"
    forged.write_bytes(rewrite(custom, {PROVENANCE_PART: provenance_xml(json.dumps(record, ensure_ascii=False))}))
    result = verify(forged)
    assert result.text_matches_record is True and result.record_matches_spec is False and not result.exact
    assert any("年間" in (c.old or "") for drift in result.edited for c in drift.changes)
    assert result.problems  # the two copies of spec_sha256 disagree


def test_tracked_changes_and_comments_are_listed_by_article(tmp_path):
    old = ipclauses.load_spec("examples/nda-mutual-ja.json")
    new = ipclauses.load_spec(example_with("nda-mutual-ja", confidentiality__survival_years=5))
    path = tmp_path / "redline.docx"
    path.write_bytes(redline_docx(redline(old, new, author="Counsel", date=revision_date("2026-12-01"))))
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if "目的" in p.text and p.style.name == "IPC Article")
    document.add_comment(paragraph.runs, text="目的をもう少し具体的に", author="Nanocell legal")
    document.save(str(path))
    result = verify(path)
    term = new.language and ipclauses.assemble(new).article("general.term")
    kinds = {(c.article, c.kind, c.text, c.author) for c in result.tracked_changes}
    assert (term.heading, "deletion", "3", "Counsel") in kinds and (term.heading, "insertion", "5", "Counsel") in kinds
    assert [(c.article, c.author, c.text) for c in result.comments] == [("第1条（目的）", "Nanocell legal", "目的をもう少し具体的に")]
    assert not result.exact


def test_a_different_clause_library_is_reported(tmp_path):
    folder = tmp_path / "firm" / "general"
    folder.mkdir(parents=True)
    (folder / "general-no-assignment.toml").write_text(FREE_ASSIGNMENT, encoding="utf-8")
    path = _build(tmp_path, "examples/poc-ai-en.json", library=load_library(tmp_path / "firm"))
    result = verify(path)
    assert result.library_changed and result.text_matches_record and not result.exact
    assert [drift.id for drift in result.edited] == ["general.no_assignment"]
    assert verify(path, library=load_library(tmp_path / "firm")).exact


@pytest.mark.parametrize("content, message", [
    (b"not a zip at all", "not a DOCX"),
    (None, "no ipclauses provenance"),
])
def test_a_file_that_cannot_be_verified_exits_2(tmp_path, content, message):
    path = tmp_path / "x.docx"
    if content is None:
        document = docx.Document()
        document.add_paragraph("hello")
        document.save(str(path))
    else:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["verify", str(path)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_verify_reads_standard_input(tmp_path):
    path = _build(tmp_path, "examples/nda-mutual-ja.json")
    result = CliRunner().invoke(main, ["verify", "-"], input=path.read_bytes())
    assert result.exit_code == 0, result.output
    assert "exactly what its recorded spec produces" in result.output


def test_the_report_reads_in_the_user_s_language(tmp_path, monkeypatch):
    path = _build(tmp_path, "examples/nda-mutual-ja.json")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    result = CliRunner().invoke(main, ["verify", str(path)])
    assert result.exit_code == 0
    assert "本文：ipclauses が書き出したとおりです" in result.output
    assert "結果：記録された仕様から作られるとおりの文書です" in result.output


@pytest.mark.parametrize("content, english, japanese", [
    (b"not a zip at all", "not a DOCX file (File is not a zip file); a DOCX is a zip, and this file is not one",
     "DOCX ファイルではありません（File is not a zip file）。DOCX は zip 形式のファイルですが、このファイルは zip ではありません"),
    (None, "holds no ipclauses provenance (was it written by ipclauses?)",
     "ipclauses の来歴情報がありません（ipclauses で作成したファイルですか？）"),
])
def test_a_file_that_cannot_be_verified_is_explained_in_the_user_s_language(tmp_path, content, english, japanese):
    path = tmp_path / "x.docx"
    if content is None:
        docx.Document().save(str(path))
    else:
        path.write_bytes(content)
    env = {name: None for name in LOCALE_VARIABLES}
    ja = CliRunner().invoke(main, ["verify", str(path)], env={**env, "LANG": "ja_JP.UTF-8"})
    assert ja.exit_code == 2 and ja.stderr == f"エラー：{path}：{japanese}\n", ja.output
    en = CliRunner().invoke(main, ["verify", str(path)], env={**env, "LANG": "C.UTF-8"})
    assert en.exit_code == 2 and en.stderr == f"error: {path}: {english}\n", en.output


def test_a_recorded_spec_that_no_longer_loads_is_explained_with_its_problems_in_japanese(tmp_path):
    data = _build(tmp_path, "examples/nda-mutual-ja.json").read_bytes()
    record = recorded(data)
    record["spec"]["parties"][0]["kind"] = "company"
    path = tmp_path / "old.docx"
    path.write_bytes(rewrite(data, {PROVENANCE_PART: provenance_xml(json.dumps(record, ensure_ascii=False))}))
    with pytest.raises(ipclauses.DocumentError) as info:
        verify(path)
    assert str(info.value) == (
        f"{path}: its recorded spec does not load with this version of ipclauses, so it cannot be rebuilt:\n"
        f'{path} (recorded spec): /parties/0/kind: "company" is not allowed (allowed: "large_company", "startup", '
        '"university" or "other")'
    )
    assert info.value.render("ja") == (
        f"{path}：記録された仕様がこのバージョンの ipclauses では読み込めないため、文書を作り直せません：\n"
        f'{path} (recorded spec): /parties/0/kind: "large_company"、"startup"、"university"、"other" のいずれかを'
        '指定してください（"company" は使えません）'
    )
