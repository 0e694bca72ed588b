"""The command line as legal staff use it: messages, exit codes, and files never lost."""

import json
import os
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import ipclauses
from conftest import EXAMPLES, NDA_EXAMPLE, ROOT
from ipclauses.cli import main


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, list(map(str, args)), input=input, catch_exceptions=False)

    return invoke


def test_version_names_package_and_clause_library(run):
    result = run("--version")
    assert result.exit_code == 0
    assert ipclauses.__version__ in result.output
    assert f"clause library {ipclauses.load_library().version}" in result.output


def test_validate_accepts_every_example(run):
    result = run("validate", *EXAMPLES)
    assert result.exit_code == 0, result.stderr


def test_validate_reports_file_pointer_and_fix_and_exits_1(run, tmp_path):
    bad = tmp_path / "bad.json"
    data = json.loads(NDA_EXAMPLE.read_text(encoding="utf-8"))
    data["parties"][0]["kind"] = "corporation"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = run("validate", bad)
    assert result.exit_code == 1
    assert f"{bad}: /parties/0/kind: \"corporation\" is not allowed (allowed: " in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_validate_reads_standard_input(run):
    result = run("validate", "-", input=NDA_EXAMPLE.read_bytes())
    assert result.exit_code == 0
    result = run("validate", "-", input=b'{"type": "nda",}')
    assert result.exit_code == 1
    assert "<stdin>: /: not valid JSON at line 1, column 16" in result.stderr


def test_validate_json_output_is_machine_readable(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "nda", "language": "fr"}', encoding="utf-8")
    result = run("validate", "--json", NDA_EXAMPLE, bad)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report[0]["valid"] is True
    assert report[1]["valid"] is False
    assert {"path": "/language", "message": '"fr" is not allowed (allowed: "ja", "en", "ja+en" or "en+ja")', "id": "field.not_allowed"} \
        in report[1]["errors"]


def test_validate_resolved_shows_every_default(run, tmp_path):
    data = json.loads(NDA_EXAMPLE.read_text(encoding="utf-8"))
    data.pop("termination", None)
    spec = tmp_path / "s.json"
    spec.write_text(json.dumps(data), encoding="utf-8")
    result = run("validate", "--resolved", spec)
    resolved = json.loads(result.stdout)
    assert resolved["termination"] == {"breach_cure_days": 30, "insolvency": True, "change_of_control": False}
    assert "$schema" not in resolved


def test_usage_errors_exit_2(run):
    assert run("validate").exit_code == 2
    assert run("build").exit_code == 2
    assert run("no-such-command").exit_code == 2


def test_schema_command_prints_the_committed_schema(run, tmp_path):
    result = run("schema")
    assert result.stdout == (ROOT / "schema" / "deal-spec.schema.json").read_text(encoding="utf-8")
    out = tmp_path / "s.json"
    assert run("schema", "-o", out).exit_code == 0
    assert run("schema", "-o", out).exit_code == 1  # exists: not replaced without --force


def test_build_writes_next_to_the_spec_and_refuses_to_overwrite(run, tmp_path):
    spec = tmp_path / "deal.json"
    spec.write_bytes(NDA_EXAMPLE.read_bytes().replace(b"../schema/", b"schema/"))
    result = run("build", spec)
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "deal.docx"
    first = out.read_bytes()
    out.write_bytes(b"my edited draft")
    result = run("build", spec)
    assert result.exit_code == 1
    assert "already exists; use --force" in result.stderr
    assert out.read_bytes() == b"my edited draft"
    assert run("build", spec, "--force").exit_code == 0
    assert out.read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.docx", "deal.json", "deal.summary.html"], "no temporary files left"


def test_build_to_stdout(run):
    result = run("build", NDA_EXAMPLE, "-o", "-")
    assert result.exit_code == 0
    assert result.stdout_bytes[:2] == b"PK"


def test_build_into_a_missing_folder_fails_cleanly_and_into_a_folder_goes_inside(run, tmp_path):
    result = run("build", NDA_EXAMPLE, "-o", tmp_path / "nope" / "a.docx")
    assert result.exit_code == 1 and "folder does not exist" in result.stderr
    result = run("build", NDA_EXAMPLE, "-o", tmp_path)  # a folder: the agreement goes inside it
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / f"{NDA_EXAMPLE.stem}.docx").exists()
    with pytest.raises(ipclauses.OutputError, match="is a directory"):
        ipclauses.build(NDA_EXAMPLE, tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_build_into_an_unwritable_folder_fails_cleanly(run, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    result = run("build", NDA_EXAMPLE, "-o", locked / "a.docx")
    assert result.exit_code == 1 and "cannot write here" in result.stderr


def test_bad_spec_build_leaves_nothing_behind(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "poc"}', encoding="utf-8")
    result = run("build", bad)
    assert result.exit_code == 1
    assert not (tmp_path / "bad.docx").exists()


def test_inspect_prints_provenance(run, tmp_path):
    out = tmp_path / "a.docx"
    run("build", NDA_EXAMPLE, "-o", out)
    result = run("inspect", out)
    assert result.exit_code == 0
    assert "spec_sha256: " in result.stdout and "clause_library_version: " in result.stdout
    info = json.loads(run("inspect", "--json", out).stdout)
    assert info["custom_properties"]["agreement_type"] == json.loads(NDA_EXAMPLE.read_text())["type"]


def test_clauses_list_and_show(run):
    result = run("clauses", "list", "--type", "nda")
    assert result.exit_code == 0
    assert "confidentiality.definition" in result.stdout
    result = run("clauses", "show", "confidentiality.definition")
    assert result.exit_code == 0
    for variant in ("all_disclosed", "marked", "marked_or_confirmed"):
        assert f"== variant {variant}" in result.stdout
    assert result.stdout.count("-- summary (ja)") == 3 and result.stdout.count("-- commentary (en)") == 3
    result = run("clauses", "show", "confidentiality.defintion")
    assert result.exit_code == 1 and "did you mean confidentiality.definition" in result.stderr


def test_console_script_and_module_entry_points():
    result = subprocess.run([sys.executable, "-m", "ipclauses", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("ipclauses ")


FIRM_CLAUSE = """id = "firm.export_note"
category = "general"
title = { ja = "輸出管理", en = "Export Control Note" }
agreements = ["nda"]
order = 995

[[variants]]
id = "only"
balance = "balanced"
text.ja = "各当事者は、{{ purpose }}に関し、適用される輸出管理法令を遵守しなければならない。"
text.en = "Each party shall comply with applicable export control laws in relation to {{ purpose }}."
summary.ja = "両者は輸出管理の法令を守ります。"
summary.en = "Both sides follow export control laws."
commentary.ja = "当事務所の標準条項である。"
commentary.en = "Our firm's standard clause."
"""


def test_build_and_clauses_with_a_firm_library(run, tmp_path):
    firm = tmp_path / "firm" / "general"
    firm.mkdir(parents=True)
    (firm / "export.toml").write_text(FIRM_CLAUSE, encoding="utf-8")
    result = run("clauses", "list", "--type", "nda", "--library", tmp_path / "firm")
    assert "firm.export_note" in result.stdout
    out = tmp_path / "a.docx"
    result = run("build", NDA_EXAMPLE, "-o", out, "--library", tmp_path / "firm")
    assert result.exit_code == 0, result.stderr
    info = ipclauses.inspect_docx(out)
    assert any(c["clause"] == "firm.export_note" for c in info["choices"])
    # An overlay is named by its content hash (or its library.toml), never by its folder name.
    assert "+overlay-" in info["custom_properties"]["clause_library_version"]
    assert "firm" not in info["custom_properties"]["clause_library_version"]


def test_a_broken_firm_library_is_reported_with_file_and_line(run, tmp_path):
    firm = tmp_path / "firm" / "general"
    firm.mkdir(parents=True)
    (firm / "export.toml").write_text(FIRM_CLAUSE.replace('balance = "balanced"', 'balance = "fair"'), encoding="utf-8")
    result = run("build", NDA_EXAMPLE, "-o", tmp_path / "a.docx", "--library", tmp_path / "firm")
    assert result.exit_code == 1
    assert "firm/general/export.toml:7: variants[0].balance: unknown balance label 'fair'" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "a.docx").exists()


def test_clauses_show_never_sends_control_sequences_to_the_terminal(run, tmp_path):
    firm = tmp_path / "firm" / "general"
    firm.mkdir(parents=True)
    hostile = FIRM_CLAUSE.replace('commentary.en = "Our firm\'s standard clause."',
                                  'commentary.en = "Our clause.\\u001b[2J\\u009b31m \\u202eevil\\u202c"')
    (firm / "export.toml").write_text(hostile, encoding="utf-8")
    result = run("clauses", "show", "firm.export_note", "--library", tmp_path / "firm")
    assert result.exit_code == 0, result.stderr
    assert not any(ch in result.stdout for ch in "\x1b\x9b\u202e\u202c")
    assert "Our clause.\\u001b[2J\\u009b31m \\u202eevil\\u202c" in result.stdout


def test_error_messages_spell_out_control_characters_of_the_input(run, tmp_path):
    spec = json.loads(NDA_EXAMPLE.read_text(encoding="utf-8"))
    spec["purpose"]["\x1b[2Jfield"] = 1
    spec["purpose"]["\u202edleif"] = 1  # unknown fields are named in the message
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "/purpose: a key holds the control character U+001B" in result.stderr
    assert "\u202e" not in result.stderr and 'unknown field "\\u202edleif"' in result.stderr


def test_clauses_show_says_which_variant_a_shared_text_comes_from(run):
    result = run("clauses", "show", "general.liability", "--lang", "en")
    assert result.exit_code == 0
    block = result.stdout.split("== variant one_party_license")[1].split("== variant")[0]
    assert "text from: variant one_party_poc" in block


# --- conventions: what was asked for on standard output, JSON for tools, an example in every help ----------


def test_check_prints_its_findings_to_standard_output(run, tmp_path):
    grantback = ROOT / "examples" / "license-grantback-en.json"
    result = run("check", grantback)
    assert result.exit_code == 0
    cap = [line for line in result.stdout.splitlines() if line.startswith(f"{grantback}: /liability/cap_applies_to: warning: ")]
    assert len(cap) == 1 and cap[0].endswith("(liability.one_sided_cap)")
    assert "    why: " in result.stdout and "    fix: " in result.stdout
    assert result.stderr == "", "standard error is for errors"
    result = run("check", NDA_EXAMPLE)
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"{NDA_EXAMPLE}: no findings\n", "")
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    result = run("check", bad)
    assert result.exit_code == 1 and result.stdout == "" and result.stderr.startswith(f"{bad}: /: ")


def test_clauses_list_and_show_as_json(run):
    result = run("clauses", "list", "--type", "nda", "--json")
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    as_text = run("clauses", "list", "--type", "nda").stdout
    assert [c["id"] for c in listed] == [line.split()[0] for line in as_text.splitlines()], "the same clauses, in the same order"
    assert {frozenset(c) for c in listed} == {frozenset({"id", "title", "category", "agreements", "variants", "file"})}
    definition = next(c for c in listed if c["id"] == "confidentiality.definition")
    assert set(definition["title"]) == {"en", "ja"} and "nda" in definition["agreements"]
    assert definition["title"]["ja"] in result.stdout, "Japanese as it reads, not as \\u escapes"
    category = json.loads(run("clauses", "list", "--category", definition["category"], "--json").stdout)
    assert definition["id"] in [c["id"] for c in category] and {c["category"] for c in category} == {definition["category"]}

    result = run("clauses", "show", "confidentiality.definition", "--json")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert shown["id"] == "confidentiality.definition" and shown["file"] == definition["file"]
    assert [v["id"] for v in shown["variants"]] == definition["variants"]
    for variant in shown["variants"]:
        assert {"id", "balance", "default", "when", "text_from", "text", "summary", "commentary"} <= set(variant)
        assert set(variant["text"]) == set(variant["commentary"]) == {"en", "ja"}
        assert f"== variant {variant['id']} ({variant['balance']})" in run("clauses", "show", "confidentiality.definition").stdout
    english = json.loads(run("clauses", "show", "confidentiality.definition", "--lang", "en", "--json").stdout)
    assert all(set(v["text"]) == {"en"} for v in english["variants"])
    assert english["variants"][0]["text"]["en"] == shown["variants"][0]["text"]["en"]


def test_clauses_show_json_spells_out_control_characters_and_stays_parseable(run, tmp_path):
    firm = tmp_path / "firm" / "general"
    firm.mkdir(parents=True)
    hostile = FIRM_CLAUSE.replace('commentary.en = "Our firm\'s standard clause."', 'commentary.en = "Our clause.\\u001b[2J \\u202eevil"')
    (firm / "export.toml").write_text(hostile, encoding="utf-8")
    result = run("clauses", "show", "firm.export_note", "--json", "--library", tmp_path / "firm")
    assert not any(ch in result.stdout for ch in "\x1b\u202e")
    assert json.loads(result.stdout)["variants"][0]["commentary"]["en"] == "Our clause.\x1b[2J \u202eevil"


def _commands(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name)


@pytest.mark.parametrize("command", [" ".join(c) for c in _commands(main)])
def test_every_commands_help_gives_an_example(run, command):
    result = run(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout, f"'ipclauses {command} --help' shows no example"
    examples = [line.strip() for line in result.stdout.split("Example", 1)[1].splitlines()
                if line.strip().startswith(f"ipclauses {command} ")]
    assert examples, f"no example of 'ipclauses {command}'"
    assert all(line.count("ipclauses ") == 1 for line in examples), "one example a line, as written (click kept the breaks)"


def test_summary_and_build_write_the_same_summary_format_by_default(run, tmp_path):
    summary = run("summary", NDA_EXAMPLE)
    assert summary.exit_code == 0
    assert summary.stdout.lstrip().lower().startswith("<!doctype html")
    assert run("build", NDA_EXAMPLE, "-o", tmp_path / "a.docx").exit_code == 0
    assert (tmp_path / "a.summary.html").read_text(encoding="utf-8") == summary.stdout
    help_text = " ".join(run("build", "--help").stdout.split())
    assert "--summary-format [" in help_text and "Format of the plain-language summary" in help_text
