"""LibreOffice driven through UNO, for the tests that need a real client to accept, reject or save a file."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("IPCLAUSES_REQUIRE_SOFFICE") == "1"


def _uno_python() -> str | None:
    """A Python that can import uno: Debian's python3-uno installs it for the system Python."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"], capture_output=True).returncode == 0:
            return candidate
    return None


def require_uno() -> str:
    """The Python to drive LibreOffice with; skips the test (fails in CI) when there is none."""
    python = _uno_python() if SOFFICE else None
    if python is None:
        if REQUIRED:
            raise RuntimeError("LibreOffice and python3-uno are required in CI (apt: libreoffice-writer-nogui python3-uno)")
        pytest.skip("LibreOffice or python3-uno not installed")
    return python


def negotiation_jobs(work: Path, key: str, files: dict[str, bytes]) -> list[dict]:
    """Write a pair's "redline", "old" and "new" DOCX as <key>-<kind>.docx; the jobs that accept and reject the
    redline's changes and keep OLD and NEW, each as text: <key>-<action>-<source>.txt."""
    for kind, data in files.items():
        (work / f"{key}-{kind}.docx").write_bytes(data)
    return [
        {"input": str(work / f"{key}-{source}.docx"), "action": action, "output": str(work / f"{key}-{action}-{source}.txt")}
        for action, source in (("accept", "redline"), ("reject", "redline"), ("keep", "old"), ("keep", "new"))
    ]


def run_uno(work: Path, jobs: list[dict]) -> None:
    """Run jobs ({"input", "action": accept|reject|keep, "output", "format": txt|docx}) in one LibreOffice session."""
    python = require_uno()
    jobs_file = work / "jobs.json"
    jobs_file.write_text(json.dumps(jobs), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(ROOT / "tests" / "fonts" / "fonts.conf"))
    subprocess.run([python, str(ROOT / "tests" / "libreoffice_uno.py"), str(work / "profile"), str(jobs_file)],
                   check=True, capture_output=True, timeout=600, env=env)
    for job in jobs:
        error = Path(job["output"] + ".error")
        assert not error.exists(), f"{job['input']}: {error.read_text(encoding='utf-8')}"
        assert Path(job["output"]).exists(), f"LibreOffice wrote no {job['output']}"
