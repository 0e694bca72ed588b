"""Batch builds: many specs in parallel, each failure reported, none stopping the rest."""

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import ipclauses
from conftest import EXAMPLES, NDA_EXAMPLE, ROOT, example_with
from ipclauses.batch import build_many
from ipclauses.cli import main
from limits import _preexec


def _bad(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_build_many_builds_all_good_specs_and_reports_bad_ones(tmp_path):
    bad_json = _bad(tmp_path, "broken.json", '{"type": "nda",')
    bad_spec = _bad(tmp_path, "wrong.json", json.dumps({"type": "poc", "language": "fr"}))
    specs = [*EXAMPLES, bad_json, bad_spec]
    seen = []
    results = build_many(specs, tmp_path / "out", jobs=2, on_result=seen.append)
    assert [r.spec for r in results] == [str(s) for s in specs], "results in the order given"
    assert len(seen) == len(specs)
    good = results[: len(EXAMPLES)]
    assert all(r.ok for r in good), [r.error for r in good if not r.ok]
    for result in good:
        info = ipclauses.inspect_docx(result.output)
        assert info["spec"]["type"] == json.loads(Path(result.spec).read_text(encoding="utf-8"))["type"]
    assert "line 1, column" in results[-2].error
    assert '/language: "fr" is not allowed' in results[-1].error
    out = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len([n for n in out if n.endswith(".docx")]) == len(EXAMPLES)
    assert len([n for n in out if n.endswith(".summary.html")]) == len(EXAMPLES)
    assert not [n for n in out if n.endswith(".tmp")]


def test_parallel_and_serial_batches_give_the_same_bytes(tmp_path):
    build_many(EXAMPLES, tmp_path / "a", jobs=1, summary_format=None)
    build_many(EXAMPLES, tmp_path / "b", jobs=2, summary_format=None)
    for path in EXAMPLES:
        name = path.stem + ".docx"
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_same_file_name_twice_is_reported_not_overwritten(tmp_path):
    copy = tmp_path / "other" / EXAMPLES[0].name
    copy.parent.mkdir()
    copy.write_bytes(EXAMPLES[0].read_bytes())
    results = build_many([EXAMPLES[0], copy], tmp_path / "out", jobs=1, summary_format=None)
    assert results[0].ok and not results[1].ok
    assert "same file name" in results[1].error


def test_existing_outputs_are_kept_without_force(tmp_path):
    out = tmp_path / "out"
    build_many(EXAMPLES[:1], out, jobs=1)
    target = out / (EXAMPLES[0].stem + ".docx")
    target.write_bytes(b"edited by hand")
    results = build_many(EXAMPLES[:1], out, jobs=1)
    assert not results[0].ok and "already exists" in results[0].error
    assert target.read_bytes() == b"edited by hand"
    assert build_many(EXAMPLES[:1], out, jobs=1, force=True)[0].ok


def test_cli_batch_exit_code_and_summary_line(tmp_path):
    bad = _bad(tmp_path, "broken.json", "[]")
    runner = CliRunner()
    result = runner.invoke(main, ["build", *map(str, EXAMPLES), str(bad), "-o", str(tmp_path / "out"), "-j", "2"])
    assert result.exit_code == 1
    assert f"built {len(EXAMPLES)} of {len(EXAMPLES) + 1} agreements" in result.stderr
    assert "1 failed" in result.stderr and "broken.json: " in result.stderr
    result = runner.invoke(main, ["build", *map(str, EXAMPLES), "-o", str(tmp_path / "ok"), "-j", "2"])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(main, ["build", *map(str, EXAMPLES)])
    assert result.exit_code == 2 and "-o FOLDER" in result.stderr


# --- every output name counts, and names the file system cannot hold -----------------------------


@pytest.mark.parametrize("order", ["agreement-first", "summary-first"])
def test_a_summary_name_that_is_another_specs_agreement_is_refused(tmp_path, order):
    # a.json's summary and a.summary.json's agreement are both a.summary.docx: one would overwrite the other.
    a = _bad(tmp_path, "a.json", NDA_EXAMPLE.read_text(encoding="utf-8"))
    b = _bad(tmp_path, "a.summary.json", NDA_EXAMPLE.read_text(encoding="utf-8"))
    specs = [a, b] if order == "agreement-first" else [b, a]
    out = tmp_path / "out"
    results = build_many(specs, out, jobs=2, summary_format="docx", force=True)
    assert results[0].ok, results[0].error
    assert not results[1].ok and "a.summary.docx" in results[1].error and str(specs[0]) in results[1].error
    if order == "agreement-first":
        assert sorted(p.name for p in out.iterdir()) == ["a.docx", "a.summary.docx"]
        with pytest.raises(ipclauses.DocumentError):
            ipclauses.inspect_docx(out / "a.summary.docx")  # a.json's summary, not a.summary.json's agreement
    else:
        assert sorted(p.name for p in out.iterdir()) == ["a.summary.docx", "a.summary.summary.docx"]
        assert ipclauses.inspect_docx(out / "a.summary.docx")["spec"]["type"] == "nda"


def test_a_summary_name_too_long_for_the_file_system_fails_that_spec_cleanly(tmp_path):
    # The spec's own name is valid (250 bytes); its summary's would be 258, over the usual 255.
    long = _bad(tmp_path, "d" * 245 + ".json", NDA_EXAMPLE.read_text(encoding="utf-8"))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(long), str(EXAMPLES[0]), "-o", str(out), "-j", "2"])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), "a message, not a traceback"
    assert "the file name is 258 bytes long" in result.stderr
    assert "built 1 of 2 agreements" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [EXAMPLES[0].stem + ".docx", EXAMPLES[0].stem + ".summary.html"]
    result = CliRunner().invoke(main, ["build", str(EXAMPLES[0]), str(long), "-o", str(tmp_path / ("o" * 300))])
    assert result.exit_code == 1 and "the file name is 300 bytes long" in result.stderr
    assert isinstance(result.exception, SystemExit)


# --- a worker that dies, and Ctrl-C: the CLI in a real process ------------------------------------


def _copies(folder, count):
    """count specs with distinct names (the examples, copied), enough for a batch that lasts a while."""
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"deal-{i:03d}.json"
        path.write_bytes(EXAMPLES[i % len(EXAMPLES)].read_bytes())
        paths.append(path)
    return paths


def _start_batch(tmp_path, count):
    specs = _copies(tmp_path / "specs", count)
    out = tmp_path / "out"
    # Its own session, so the test can signal the CLI with its workers as a terminal does, and
    # limits, so a regression fails this test instead of exhausting the machine.
    proc = subprocess.Popen([sys.executable, "-m", "ipclauses", "build", *map(str, specs), "-o", str(out), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_preexec(memory_mb=1024, cpu_seconds=120))
    return proc, specs, out


def _wait_until(condition, proc, seconds=60.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert proc.poll() is None, f"the batch ended too early: {proc.stderr.read()}"
        assert time.monotonic() < deadline, "timed out waiting for the batch"
        time.sleep(0.005)


def _children(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _in_session(sid):
    """Processes still running in the session the CLI led."""
    left = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if fields[3] == str(sid) and fields[0] != "Z":
                left.append(stat.parent.name)
    return left


def _end(proc):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)


needs_proc = pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                                reason="finds the worker processes through /proc")


@needs_proc
def test_a_worker_killed_as_by_the_out_of_memory_killer_fails_only_its_spec(tmp_path):
    proc, specs, out = _start_batch(tmp_path, 40)
    try:
        _wait_until(lambda: _children(proc.pid) and any(out.glob("*.docx")), proc)
        os.kill(_children(proc.pid)[0], signal.SIGKILL)
        _, stderr = proc.communicate(timeout=120)  # it used to wait for ever
    finally:
        _end(proc)
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
    died = [line.split(": ")[0] for line in stderr.splitlines()
            if line.endswith(": the worker building it died (killed by signal 9, perhaps out of memory)")]
    assert len(died) == 1, stderr
    assert f"built {len(specs) - 1} of {len(specs)} agreements" in stderr and "1 failed" in stderr
    for spec in specs:
        if str(spec) != died[0]:
            assert (out / f"{spec.stem}.docx").is_file() and (out / f"{spec.stem}.summary.html").is_file(), spec


@needs_proc
def test_ctrl_c_in_a_batch_says_how_many_agreements_were_written(tmp_path):
    proc, specs, out = _start_batch(tmp_path, 80)
    try:
        _wait_until(lambda: len(list(out.glob("*.docx"))) >= 5, proc)
        os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the CLI and its workers
        _, stderr = proc.communicate(timeout=60)
        assert _in_session(proc.pid) == [], "no worker is left running"
    finally:
        _end(proc)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    found = re.search(r"interrupted: (\d+) agreements were written into (.+) before the interrupt; the rest were not built", stderr)
    assert found, stderr
    written = int(found[1])
    assert found[2] == str(out)
    assert 5 <= written < len(specs)
    assert len(list(out.glob("*.docx"))) == written, "the count is what is on disk"
    assert len(list(out.glob("*.summary.html"))) == written, "each agreement with its summary"
    assert not list(out.glob(".*.tmp"))


# --- what a batch shows: each spec's warnings, each failure naming its file once, JSON for tools ---------


def _batch(tmp_path, *specs, options=()):
    return CliRunner().invoke(main, ["build", *map(str, specs), "-o", str(tmp_path / "out"), "-j", "1", *options])


def test_a_batch_shows_each_specs_warnings_in_its_language(tmp_path):
    grantback = ROOT / "examples" / "license-grantback-en.json"
    free = _bad(tmp_path, "free-poc-ja.json", json.dumps(example_with("poc-medical-ja", poc__fee__amount=0), ensure_ascii=False))
    result = _batch(tmp_path, grantback, free)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    findings = ipclauses.check(ipclauses.load_spec(grantback))
    warned = [f for f in findings if f.severity == "warning"]
    assert len(warned) >= 2
    for f in warned:
        assert f"{grantback}: {f.path}: warning: {f.message} ({f.id})" in lines
    for f in findings:
        if f.severity == "info":
            assert f"({f.id})" not in result.stderr, "notes are for `check`, not for a batch"
    free_poc = [line for line in lines if line.startswith(f"{free}: ") and line.endswith("(poc.free)")]
    assert len(free_poc) == 1 and "無償" in free_poc[0], "a Japanese spec's warning reads in Japanese"
    assert f"built 2 of 2 agreements into {tmp_path / 'out'}" in result.stderr and f"{len(warned) + 1} warning(s)" in result.stderr


def test_a_failure_line_names_its_file_once(tmp_path):
    broken = _bad(tmp_path, "broken.json", '{"type": "nda",')
    vague = _bad(tmp_path, "vague.json", json.dumps(example_with("poc-ai-en", purpose__description="Business collaboration.")))
    result = _batch(tmp_path, broken, vague, EXAMPLES[0])
    assert result.exit_code == 1
    for spec in (broken, vague):
        lines = [line for line in result.stderr.splitlines() if spec.name in line]
        assert lines and all(line.startswith(f"{spec}: ") and line.count(spec.name) == 1 for line in lines), lines
    assert f"{broken}: /: not valid JSON at line 1, column 16" in result.stderr
    assert f"{vague}: /purpose/description: error: " in result.stderr, "the finding that stopped it, with its pointer"
    assert (f"{vague}: not built: 1 error-level deal-check finding(s) (purpose.vague); "
            "fix them, or pass --despite-errors to build anyway") in result.stderr.splitlines()
    result = _batch(tmp_path, vague, options=["--despite-errors"])
    assert result.exit_code == 0 and f"{vague}: /purpose/description: error: " in result.stderr, "built, and still shown"


def test_why_a_spec_of_a_batch_failed_reads_in_the_users_language(tmp_path):
    vague = _bad(tmp_path, "vague.json", json.dumps(example_with("poc-ai-en", purpose__description="Business collaboration.")))
    twin = tmp_path / "twin" / EXAMPLES[0].name
    twin.parent.mkdir()
    twin.write_bytes(EXAMPLES[0].read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.docx").write_bytes(b"edited by hand")
    kept = _bad(tmp_path, "kept.json", EXAMPLES[0].read_text(encoding="utf-8"))
    args = ["build", str(vague), str(EXAMPLES[0]), str(twin), str(kept), "-o", str(out), "-j", "2"]
    result = CliRunner(env={"LANG": "ja_JP.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}).invoke(main, args)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    # a worker's OutputError crosses the process boundary with its message, to be said in the user's language
    assert (f"{vague}: 作成しませんでした。取引内容のチェックでエラーが1件見つかりました（purpose.vague）。"
            "直すか、--despite-errors を付けて作成してください") in lines
    assert f"{kept}: {out / 'kept.docx'}：既にあります。置き換えるには --force を付けてください" in lines
    assert (f"{twin}: {EXAMPLES[0]} と同じファイル名のため、どちらも {EXAMPLES[0].stem}.docx を書き出すことになります。"
            "どちらかの名前を変えてください") in lines
    again = tmp_path / "again"
    again.mkdir()
    (again / "kept.docx").write_bytes(b"edited by hand")
    result = CliRunner(env={"LANG": "ja_JP.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}).invoke(
        main, [*args[:-4], "-o", str(again), "-j", "2", "--json"])
    errors = [e["message"] for spec in json.loads(result.stdout) for e in spec["errors"] if e["id"] is None]
    assert errors == [
        "not built: 1 error-level deal-check finding(s) (purpose.vague); fix them, or pass --despite-errors to build anyway",
        f"has the same file name as {EXAMPLES[0]}, so both would write {EXAMPLES[0].stem}.docx; rename one",
        f"{again / 'kept.docx'}: already exists; use --force to replace it",
    ], "--json stays English, for tools"


def test_cli_batch_json_holds_every_spec_with_the_same_keys(tmp_path):
    bad = _bad(tmp_path, "broken.json", "[]")
    grantback = ROOT / "examples" / "license-grantback-en.json"
    specs = [*EXAMPLES, bad]
    result = CliRunner().invoke(main, ["build", *map(str, specs), "-o", str(tmp_path / "out"), "-j", "2", "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [r["file"] for r in report] == [str(s) for s in specs], "one object per spec, in the order given"
    keys = {"file", "status", "output", "summary", "pdfs", "companions", "articles", "warnings", "errors"}
    assert all(set(r) == keys for r in report)
    for r in report[:-1]:
        assert r["status"] == "built" and r["errors"] == [] and r["articles"] > 0
        assert ipclauses.inspect_docx(r["output"])["spec"]["type"] == json.loads(Path(r["file"]).read_text(encoding="utf-8"))["type"]
        assert Path(r["output"]).is_file() and r["summary"] == r["output"].removesuffix(".docx") + ".summary.html"
        assert Path(r["summary"]).is_file() and r["pdfs"] == []
    failed = report[-1]
    assert (failed["status"], failed["output"], failed["summary"], failed["warnings"]) == ("failed", None, None, [])
    assert [(e["id"], e["path"]) for e in failed["errors"]] == [(None, "/")] and failed["errors"][0]["message"]
    warnings = next(r for r in report if r["file"] == str(grantback))["warnings"]
    expected = [f for f in ipclauses.check(ipclauses.load_spec(grantback)) if f.severity == "warning"]
    assert warnings == [{"id": f.id, "path": f.path, "message": f.message} for f in expected]
    assert "building" in result.stderr and "[" not in result.stderr, "the JSON alone on standard output"
    one = CliRunner().invoke(main, ["build", str(EXAMPLES[0]), "-o", str(tmp_path / "one"), "--json"])
    assert one.exit_code == 0 and [r["status"] for r in json.loads(one.stdout)] == ["built"]
    assert "-o FOLDER" in CliRunner().invoke(main, ["build", str(EXAMPLES[0]), "--json"]).stderr
