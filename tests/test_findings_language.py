"""Deal-check findings read in the spec's language: in the summary, in `check` and in `build`.

A finding's message, why and fix are locale words (`Words.findings`) filled with the spec's
values; its English texts (and `check --json`) come from the English locale.
"""

from __future__ import annotations

import ast
import re

import pytest
from click.testing import CliRunner

from conftest import ROOT
from ipclauses import load_spec, summarize
from ipclauses.checks import run_checks
from ipclauses.cli import main
from ipclauses.locales import codes, get_locale

EXAMPLES = ROOT / "examples"
KANA = re.compile(r"[\u3040-\u30ff]")


def test_a_japanese_spec_summary_shows_japanese_findings():
    spec = load_spec(EXAMPLES / "jrd-startup-ja.json")
    ja = get_locale(spec.language)
    english = {f.id: f for f in run_checks(spec)}
    assert "licence.exclusive_no_minimum" in english
    markdown = summarize(spec, format="md")
    assert isinstance(markdown, str)
    message = ja.words.findings["licence.exclusive_no_minimum"][0]
    assert message in markdown and "最低実施料" in message
    assert english["licence.exclusive_no_minimum"].message not in markdown
    for f in english.values():
        assert f.message not in markdown, f"English finding text in a Japanese summary: {f.message}"


def test_an_english_spec_summary_shows_english_findings():
    spec = load_spec(EXAMPLES / "license-grantback-en.json")
    findings = run_checks(spec)
    assert findings
    markdown = summarize(spec, format="md")
    assert isinstance(markdown, str)
    for f in findings:
        assert f.message in markdown
    assert not KANA.search(" ".join(f.message for f in findings))


def test_the_summary_in_another_language_shows_findings_in_that_language():
    spec = load_spec(EXAMPLES / "license-grantback-en.json")
    markdown = summarize(spec, lang="ja", format="md")
    assert isinstance(markdown, str)
    for f in run_checks(spec):
        assert f.in_locale(get_locale("ja")).message in markdown
        assert f.message not in markdown


def test_placeholders_are_filled_with_the_specs_values():
    spec = load_spec(EXAMPLES / "license-grantback-en.json")
    ja = get_locale("ja")
    finding = next(f for f in run_checks(spec) if f.id == "licence.sublicensable_grant_back")
    licensor, licensee = spec.parties_with_role("licensor")[0], spec.parties_with_role("licensee")[0]
    local = finding.in_locale(ja)
    assert licensor.short_name in local.message and licensee.short_name in local.message
    assert "{" not in local.message + local.why
    assert KANA.search(local.message) and KANA.search(local.why) and KANA.search(local.fix)
    # The English texts stay the finding's own, for --json and the English summary.
    assert finding.message.startswith(f"{licensor.short_name} gets a free licence to {licensee.short_name}'s")
    assert finding.in_locale(get_locale("en")) == finding and finding.in_locale(get_locale("en")).message == finding.message


def test_a_variant_finding_reads_in_japanese_with_the_party_name():
    spec = load_spec(EXAMPLES / "poc-ai-en.json")
    provider = spec.parties_with_role("provider")[0]
    spec = spec.model_copy(update={"poc": spec.poc.model_copy(update={"fee": spec.poc.fee.model_copy(update={"amount": 0})})})
    finding = next(f for f in run_checks(spec) if f.id == "poc.free")
    local = finding.in_locale(get_locale("ja"))
    assert provider.kind == "startup" and finding.severity == "warning"
    assert "無償" in local.message and "スタートアップ" in local.message
    assert provider.short_name in local.message and provider.short_name in finding.message


def _finding_ids_in_source() -> set[str]:
    """The id of every `finding(...)` call in the package: the findings the checks can produce."""
    ids = set()
    for path in (ROOT / "src" / "ipclauses").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "finding"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                ids.add(node.args[0].value)
    return ids


def test_deal_checks_make_their_findings_from_the_locales():
    """Only the drafting checks (developer-facing, from the clause library's style rules) write texts directly."""
    package = ROOT / "src" / "ipclauses"
    for path in [package / "checks.py", *(package / "agreement_types").glob("*.py")]:
        if path.name != "base.py":
            assert "Finding(" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("code", codes())
def test_every_finding_the_checks_can_produce_has_texts_in_every_language(code):
    ids = _finding_ids_in_source()
    assert len(ids) >= 37
    keys = get_locale(code).words.findings
    assert ids == {key.split("#")[0] for key in keys}
    for key, texts in keys.items():
        if code != "en":
            assert all(KANA.search(t) for t in texts), f"{code} {key}: not Japanese"


def test_check_prints_findings_in_the_spec_language_or_lang():
    runner = CliRunner()
    ja_spec = str(EXAMPLES / "jrd-startup-ja.json")
    result = runner.invoke(main, ["check", "--fail-on", "never", ja_spec])
    assert result.exit_code == 0, result.output
    assert "最低実施料" in result.output and "(licence.exclusive_no_minimum)" in result.output
    result = runner.invoke(main, ["check", "--fail-on", "never", "--lang", "en", ja_spec])
    assert "An exclusive licence from a startup has no minimum royalty." in result.output
    result = runner.invoke(main, ["check", "--fail-on", "never", "--json", ja_spec])
    assert "An exclusive licence from a startup has no minimum royalty." in result.stdout
    result = runner.invoke(main, ["check", "--lang", "xx", ja_spec])
    assert result.exit_code != 0 and "xx" in result.output
