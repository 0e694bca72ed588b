"""One version of a deal, read from a spec file or from an ipclauses DOCX that embeds its spec.

Redlines and "what changed" compare two versions. Legal staff hold either the specs or
the DOCX files they sent out (which carry their resolved spec in the provenance part),
so both are accepted wherever a version is asked for.
"""

from __future__ import annotations

import os
from pathlib import Path

from .spec import AnySpec

VersionSource = str | os.PathLike[str] | AnySpec


def is_docx(path: str | os.PathLike[str]) -> bool:
    """A path named .docx, or a file that starts as a zip does ("PK")."""
    if Path(path).suffix.lower() in (".docx", ".docm"):
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == b"PK"
    except OSError:
        return False  # loading the spec says what is wrong with the path


def load_version(source: VersionSource) -> AnySpec:
    """The validated spec of a version: a spec (path or model) or the spec a DOCX embeds.

    Raises SpecError for a spec that does not validate (an embedded one is named
    "<file> (embedded spec)"), and DocumentError for a DOCX that is not a readable
    ipclauses agreement.
    """
    if not isinstance(source, (str, os.PathLike)):
        return source
    from .loading import load_spec

    if is_docx(source):
        from .docx_read import inspect_docx

        embedded = inspect_docx(source)["spec"]
        return load_spec(embedded, origin=f"{os.fspath(source)} (embedded spec)")
    return load_spec(Path(source))
