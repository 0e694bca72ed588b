"""Run an attack in a child process under memory and CPU limits.

A regression in a memory or time bound then fails one test with a clear message,
instead of exhausting the shared machine that runs the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Limited:
    returncode: int
    stdout: str
    stderr: str

    @property
    def killed_by_limit(self) -> bool:
        """The child ran out of CPU time (SIGXCPU/SIGKILL) or memory (MemoryError)."""
        return self.returncode in (-9, -24) or "MemoryError" in self.stderr


def _preexec(memory_mb: int, cpu_seconds: int):
    def apply() -> None:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))

    return apply


def run_python(code: str, *, memory_mb: int = 1024, cpu_seconds: int = 30, cwd: str | os.PathLike | None = None,
               env: dict[str, str] | None = None, stdin: bytes | None = None) -> Limited:
    """Run Python code in a child limited to memory_mb of address space and cpu_seconds of CPU."""
    return run_command([sys.executable, "-c", textwrap.dedent(code)], memory_mb=memory_mb,
                       cpu_seconds=cpu_seconds, cwd=cwd, env=env, stdin=stdin)


def run_cli(*args: str, memory_mb: int = 1024, cpu_seconds: int = 30, cwd: str | os.PathLike | None = None,
            env: dict[str, str] | None = None, stdin: bytes | None = None) -> Limited:
    """Run `ipclauses ARGS...` (as `python -m ipclauses`) under the same limits."""
    return run_command([sys.executable, "-m", "ipclauses", *args], memory_mb=memory_mb,
                       cpu_seconds=cpu_seconds, cwd=cwd, env=env, stdin=stdin)


def run_command(argv: list[str], *, memory_mb: int, cpu_seconds: int, cwd: str | os.PathLike | None = None,
                env: dict[str, str] | None = None, stdin: bytes | None = None) -> Limited:
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run(
        argv, input=stdin if stdin is not None else b"", capture_output=True, cwd=cwd, env=full_env,
        preexec_fn=_preexec(memory_mb, cpu_seconds), timeout=cpu_seconds * 4 + 30, check=False,
    )
    return Limited(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))
