"""What changed in a deal, in plain words: what a project lead reads when the deal terms move."""

import json

import pytest
from click.testing import CliRunner

import ipclauses
from conftest import example_with
from ipclauses.cli import main
from ipclauses.deal_changes import DealChanges
from ipclauses.deal_changes_render import render_changes, to_html, to_json, to_markdown


def _spec(name, lang=None, **changes):
    return ipclauses.load_spec(example_with(name, lang, **changes))


def _line(result: DealChanges, start: str) -> str:
    """The one line of the report that starts with `start`."""
    found = [line for line in result.lines() if line.startswith(start)]
    assert len(found) == 1, f"{start!r} in {result.lines()}"
    return found[0]


# --- what moved -------------------------------------------------------------------------


def test_a_changed_ownership_rule_says_what_it_was_and_is_with_its_article():
    result = ipclauses.changes(_spec("poc-ai-en"), _spec("poc-ai-en", results__ownership={"rule": "joint", "shares": "equal"}))
    line = _line(result, "Inventions, know-how, software, data, models and the report, handed over or not: was")
    assert "was LumiVision owns them alone" in line
    assert "now Both parties own them jointly" in line and "Shares are equal." in line
    assert line.endswith("(Article 15; now balanced)")  # the sole-owner option favoured LumiVision
    change = result.changes[0]
    assert (change.kind, change.subject, change.article, change.article_id) == ("changed", "result", "Article 15", "poc.results_ownership")
    assert (change.variant_was, change.variant_now) == ("sole", "joint")
    # What the owner could do alone is gone, and the article on jointly owned rights comes in.
    assert "No longer: LumiVision may own the results and use them freely. (Article 15)" in result.lines()
    assert _line(result, "New article (Jointly Owned Rights): ").endswith("(Article 17)")


def test_changed_confidentiality_years_read_as_the_number_and_its_unit():
    result = ipclauses.changes(_spec("nda-oneway-en-ny"), _spec("nda-oneway-en-ny", confidentiality__survival_years=3))
    assert result.lines() == ["Confidentiality: was 5 years → now 3 years (Article 11)"]
    change = result.changes[0]
    assert (change.was, change.now) == ("5 years", "3 years")
    assert "5 years" in change.was_text and "3 years" in change.now_text  # the whole points, for tools


def test_an_added_option_says_what_a_party_now_may_do_and_the_balance_shift():
    old = _spec("license-en", licence__sublicensing="none")
    result = ipclauses.changes(old, _spec("license-en"))
    added = _line(result, "New: Meiho may sublicense its group companies")
    assert added.endswith("(Article 4; now balanced)")
    assert _line(result, "No longer: Meiho cannot sublicense anyone").endswith("(Article 4)")  # the shift is said once
    # The other way round, the licensor is favoured again.
    back = ipclauses.changes(_spec("license-en"), old)
    assert _line(back, "No longer: Meiho may sublicense").endswith("(Article 4; now favours Kamo Photonics)")
    assert back.changes[0].balance == "now favours Kamo Photonics"


def test_a_removed_article_keeps_its_old_number_and_renumbering_is_no_change():
    result = ipclauses.changes(_spec("poc-ai-en"), _spec("poc-ai-en", confidentiality__supersedes_nda=None))
    removed = [c for c in result.changes if c.kind == "removed" and c.subject == "article"]
    assert [(c.kind, c.article, c.topic) for c in removed] == [("removed", "Article 14", "Earlier NDA")]
    assert removed[0].text.startswith("Article removed (Earlier NDA): The earlier agreement")
    # Every article after it moved up a number; only the one that refers to the earlier NDA changed.
    assert {c.article for c in result.changes} == {"Article 14", "Article 31"}
    assert result.changes[-1].article_id == "confidentiality.supersedes"  # removed articles come last


def test_a_new_finding_and_a_resolved_finding():
    allowed = _spec("license-en")
    refused = _spec("license-en", licence__sublicensing="none")
    forward = ipclauses.changes(allowed, refused)
    assert [(f.id, f.path) for f in forward.new_findings] == [("licence.no_affiliate_sublicence", "/licence/sublicensing")]
    assert forward.resolved_findings == ()
    back = ipclauses.changes(refused, allowed)
    assert [f.id for f in back.resolved_findings] == ["licence.no_affiliate_sublicence"] and back.new_findings == ()
    text = to_markdown(back)
    assert "## Points resolved" in text and "may not sublicense, not even to its affiliates" in text
    assert "## New points to check" not in text
    # Each also stands under the change of the article that reads the field it is about.
    assert [f.id for f in forward.changes[0].new_findings] == ["licence.no_affiliate_sublicence"]
    assert back.changes[0].article == "Article 4" and back.changes[0].resolved_findings == back.resolved_findings
    assert "- New: Meiho may sublicense its group companies without the consent of Kamo Photonics. (Article 4; now balanced)\n" \
        "  - Resolved (Note): Meiho may not sublicense, not even to its affiliates.\n" in text
    assert json.loads(to_json(back))["changes"][0]["findings"] == {
        "new": [], "resolved": [{"id": "licence.no_affiliate_sublicence", "path": "/licence/sublicensing"}]}


def test_identical_versions_have_no_changes_and_say_so():
    spec = _spec("jrd-university-en")
    result = ipclauses.changes(spec, spec)
    assert result.unchanged and result.changes == () and result.values == ()
    assert "No changes: the two versions make the same deal." in to_markdown(result)
    assert "No changes" in to_html(result) and json.loads(to_json(result))["unchanged"] is True


def test_the_changed_spec_values_are_listed_for_legal_staff():
    result = ipclauses.changes(_spec("poc-ai-en"), _spec("poc-ai-en", results__ownership={"rule": "joint", "shares": "equal"}))
    assert [(v.kind, v.path, v.was, v.now) for v in result.values] == [
        ("changed", "/results/ownership/rule", "sole", "joint"),
        ("added", "/results/ownership/shares", None, "equal"),
        ("removed", "/results/ownership/owner", "lumivision", None),
    ]
    assert "- `/results/ownership/rule`: sole → joint" in to_markdown(result)


def test_a_renamed_party_is_no_change_in_the_deal():
    data = example_with("poc-ai-en")
    data["parties"][0]["short_name"] = "Tokai Precision"  # also inside the earlier NDA's title, which keeps "Tokai"
    result = ipclauses.changes(_spec("poc-ai-en"), ipclauses.load_spec(data))
    assert result.changes == () and not result.balance_changed
    assert [(v.path, v.was, v.now) for v in result.values] == [("/parties/0/short_name", "Tokai", "Tokai Precision")]
    text = to_markdown(result)
    assert "No changes: the two versions make the same deal." in text and "## What changed" not in text


# --- languages ----------------------------------------------------------------------------


def test_a_japanese_deal_is_reported_in_japanese():
    result = ipclauses.changes(_spec("nda-mutual-ja"), _spec("nda-mutual-ja", confidentiality__survival_years=5))
    assert result.lines() == ["秘密保持：変更前：契約が終わってから3年間 → 変更後：契約が終わってから5年間（第11条）"]
    text = to_markdown(result)
    assert text.startswith("# 取引の変更点：") and "## 変更点" in text and "## 変更された設定値（法務担当者向け）" in text


def test_a_removed_japanese_article_and_its_balance_shift():
    result = ipclauses.changes(_spec("jrd-startup-ja"), _spec("jrd-startup-ja", non_compete=None))
    first = result.lines()[0]
    assert first.startswith("削除された条項（競合する研究開発の制限）：") and first.endswith("（第21条）")
    assert "削除：大和電機がしてはならないこと：" in "\n".join(result.lines())
    joint = ipclauses.changes(_spec("jrd-startup-ja"), _spec("jrd-startup-ja", results__ownership={"rule": "joint", "shares": "equal"}))
    line = joint.lines()[0]
    assert line.startswith("発明・ノウハウなどの成果：変更前：") and "サーマリンクだけのもの" in line
    assert line.endswith("（第14条、中立に変更）")


def test_lang_gives_the_report_in_another_language():
    result = ipclauses.changes(_spec("nda-mutual-ja"), _spec("nda-mutual-ja", confidentiality__survival_years=5), lang="en")
    assert result.language == "en"
    assert result.lines() == ["Confidentiality: was 3 years → now 5 years (Article 11)"]


# --- versions ------------------------------------------------------------------------------


def test_a_built_docx_as_old_is_the_same_as_its_spec(tmp_path):
    old, new = _spec("license-en"), _spec("license-en", licence__sublicensing="none")
    built = tmp_path / "v1.docx"
    ipclauses.build(old, built)
    from_docx = ipclauses.changes(built, new)
    from_spec = ipclauses.changes(old, new)
    assert from_docx.old_name == "v1.docx"
    assert from_docx.changes == from_spec.changes and from_docx.values == from_spec.values
    assert from_docx.new_findings == from_spec.new_findings


# --- the command -----------------------------------------------------------------------------


@pytest.fixture
def versions(tmp_path):
    old = tmp_path / "v1.json"
    new = tmp_path / "v2.json"
    old.write_text(json.dumps(example_with("nda-oneway-en-ny"), ensure_ascii=False), encoding="utf-8")
    new.write_text(json.dumps(example_with("nda-oneway-en-ny", confidentiality__survival_years=3), ensure_ascii=False),
                   encoding="utf-8")
    return old, new


def test_the_command_prints_markdown_and_json(versions):
    old, new = versions
    runner = CliRunner()
    md = runner.invoke(main, ["changes", str(old), str(new)])
    assert md.exit_code == 0, md.output
    assert md.output.startswith("# What changed in the deal: v1.json → v2.json")
    assert "- Confidentiality: was 5 years → now 3 years (Article 11)" in md.output
    js = runner.invoke(main, ["changes", str(old), str(new), "--format", "json"])
    data = json.loads(js.output)
    assert data["changes"][0]["line"] == "Confidentiality: was 5 years → now 3 years (Article 11)"
    assert data["values"] == [{"kind": "changed", "path": "/confidentiality/survival_years", "was": 5, "now": 3}]
    assert list(data) == sorted(data)


def test_the_command_never_overwrites_without_force(versions, tmp_path):
    old, new = versions
    out = tmp_path / "changes.html"
    out.write_text("keep me", encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(main, ["changes", str(old), str(new), "--format", "html", "-o", str(out)])
    assert refused.exit_code != 0 and "--force" in refused.output
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = runner.invoke(main, ["changes", str(old), str(new), "--format", "html", "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_missing_version_is_a_clear_error(versions, tmp_path):
    old, _ = versions
    result = CliRunner().invoke(main, ["changes", str(old), str(tmp_path / "v9.json")])
    assert result.exit_code != 0
    assert "v9.json" in result.output and "not found" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)  # reported, not raised


def test_html_is_escaped_and_output_is_stable():
    data = example_with("nda-oneway-en-ny")
    data["parties"][1]["short_name"] = "Kurose <b>"
    old = ipclauses.load_spec(data)
    data["confidentiality"]["survival_years"] = 3
    data["confidentiality"]["permitted_recipients"]["affiliates"] = True
    result = ipclauses.changes(old, ipclauses.load_spec(data))
    page = to_html(result)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "Kurose &lt;b&gt;" in page and "Kurose <b>" not in page
    assert "Kurose \\<b\\>" in to_markdown(result)
    assert render_changes(result, "html") == page == to_html(ipclauses.changes(old, ipclauses.load_spec(data)))
    with pytest.raises(ValueError, match="unknown format"):
        render_changes(result, "docx")
