"""Batch builds: many specs in parallel, each failure reported, none stopping the rest."""

import json
from pathlib import Path

from click.testing import CliRunner

import ipclauses
from conftest import EXAMPLES
from ipclauses.batch import build_many
from ipclauses.cli import main


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
