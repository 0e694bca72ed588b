"""Every error ipclauses raises on purpose. The CLI maps each to a message and an exit code."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


class IpclausesError(Exception):
    """Base class: anything the user can fix by changing their input or options."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located by a JSON pointer (spec) or a key (clause file)."""

    path: str
    message: str

    def __iter__(self) -> Iterator[str]:  # lets callers unpack `for path, message in err.errors`
        return iter((self.path, self.message))


class SpecError(IpclausesError):
    """Raised by `load_spec` when a deal spec is not valid JSON or breaks the spec's rules.

    `.errors` lists every problem found, each a `Problem(path, message)` where `path`
    is a JSON pointer such as `/parties/0/kind`; `.source` names the file or "<stdin>".
    """

    def __init__(self, source: str, errors: list[Problem]):
        self.source = source
        self.errors = list(errors)
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(f"{self.source}: {p.path or '/'}: {p.message}" for p in self.errors)


class LibraryError(IpclausesError):
    """Raised when a clause library (bundled or a --library directory) has invalid files.

    `.errors` lists every problem, each a `Problem(path, message)` where `path` is
    `file.toml: key` so legal staff can find it.
    """

    def __init__(self, errors: list[Problem]):
        self.errors = list(errors)
        super().__init__("\n".join(f"{p.path}: {p.message}" for p in self.errors))


class RenderError(IpclausesError):
    """Raised when a clause cannot be rendered from a spec (a value is missing or a template fails)."""


class OutputError(IpclausesError):
    """Raised when an output file cannot be written, or would overwrite a file without --force."""


class DocumentError(IpclausesError):
    """Raised when a DOCX to read (inspect, verify, redline) is not a readable ipclauses DOCX, or is unsafe to read."""
