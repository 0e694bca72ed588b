"""Build an agreement file from a spec: load, assemble, render, check, write safely."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .agreement import Agreement
from .assemble import assemble, missing_values
from .docx_render import package
from .errors import OutputError, RenderError
from .library import Library, load_library
from .loading import load_spec
from .spec import CommonSpec


@dataclass
class BuildResult:
    path: Path | None
    agreement: Agreement
    size: int


def _spec(spec) -> CommonSpec:
    return spec if isinstance(spec, CommonSpec) else load_spec(spec)


def _library(library) -> Library:
    if isinstance(library, Library):
        return library
    return load_library(library)


def document_bytes(spec, library=None) -> tuple[Agreement, bytes]:
    """Assemble and render in memory; refuse if any value the user gave is missing from the text."""
    spec = _spec(spec)
    agreement = assemble(spec, _library(library))
    data, text = package(agreement)
    missing = missing_values(spec, text)
    if missing:
        where = "; ".join(f"{path} ({value[:40]!r})" for path, value in missing[:10])
        raise RenderError(
            f"{len(missing)} value(s) from the spec would not appear in the agreement: {where}. "
            "The clause library does not print them for the options chosen; remove them from the spec or "
            "choose the option that uses them."
        )
    return agreement, data


def write_atomic(path: str | os.PathLike, data: bytes, *, force: bool = False) -> Path:
    """Write bytes to path via a temporary file in the same folder, then rename.

    Without force an existing file is never replaced, even if it appears while writing.
    On any failure the temporary file is removed and an existing file is left as it was.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name such as {path / 'agreement.docx'}")
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; use --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{folder}: folder does not exist; create it first")
    _sweep_stale_temporaries(folder, path.name)
    try:
        # The writer's pid is in the name, so a later run can tell a temporary file left by a
        # killed process from one that another build is still writing.
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if the file appeared meanwhile: never overwrite silently
            except FileExistsError:
                raise OutputError(f"{path}: already exists; use --force to replace it") from None
            except OSError:
                if path.exists():
                    raise OutputError(f"{path}: already exists; use --force to replace it") from None
                os.rename(tmp, path)  # file systems without hard links
    except OSError as exc:
        raise OutputError(f"{path}: could not be written ({exc.strerror or exc}); nothing was changed") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _sweep_stale_temporaries(folder: Path, name: str) -> None:
    """Remove temporary files of this output left behind by builds that were killed."""
    for stale in folder.glob(f".{glob_escape(name)}.*.tmp"):
        parts = stale.name[len(name) + 2:].split(".")
        if not parts or not parts[0].isdigit():
            continue
        try:
            os.kill(int(parts[0]), 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                stale.unlink()
        except (PermissionError, OverflowError):
            pass  # alive under another user, or not a pid: leave it


def glob_escape(text: str) -> str:
    import glob

    return glob.escape(text)


def write_with_summary(spec, out: str | os.PathLike, data: bytes, *, summary_format: str | None = None,
                       library=None, force: bool = False) -> Path | None:
    """Write the agreement and, with a summary format, its plain-language summary beside it.

    The summary (<stem>.summary.<format>) is made and its path checked before anything is
    written, so a refused summary never leaves a lone new agreement. Returns the summary path.
    """
    from .summary import summarize

    out = Path(out)
    target = payload = None
    if summary_format:
        target = out.with_name(out.stem + ".summary." + summary_format)
        text = summarize(spec, format=summary_format, library=_library(library))
        payload = text if isinstance(text, bytes) else text.encode("utf-8")
        if target.exists() and not force:
            raise OutputError(f"{target}: already exists; use --force to replace it, or --no-summary")
    write_atomic(out, data, force=force)
    if target is not None:
        write_atomic(target, payload, force=force)
    return target


def build(spec, out: str | os.PathLike | IO[bytes], *, library=None, force: bool = False) -> BuildResult:
    """Build the DOCX agreement for a spec (path, JSON text, dict or DealSpec).

    `out` is a file path (written atomically; an existing file is replaced only with
    force=True) or a binary stream. Returns what was built.
    """
    agreement, data = document_bytes(spec, library)
    if hasattr(out, "write"):
        out.write(data)
        return BuildResult(None, agreement, len(data))
    path = write_atomic(out, data, force=force)
    return BuildResult(path, agreement, len(data))
