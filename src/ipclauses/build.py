"""Build an agreement file from a spec: load, assemble, render, check, write safely."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .agreement import Agreement
from .draft import Draft, make_draft
from .errors import OutputError
from .library import Library, load_library
from .loading import load_spec
from .messages import Message, message
from .renderers import render
from .spec import AnySpec, CommonSpec

SpecSource = AnySpec | str | os.PathLike[str] | bytes | dict[str, Any]
LibrarySource = Library | str | os.PathLike[str] | None

NAME_MAX = 255  # bytes in one file name on the file systems people use (ext4, APFS, NTFS, ...)


@dataclass
class BuildResult:
    path: Path | None
    agreement: Agreement
    size: int


def _spec(spec: SpecSource) -> AnySpec:
    if isinstance(spec, CommonSpec):
        return spec
    return load_spec(spec)


def _library(library: LibrarySource) -> Library:
    if isinstance(library, Library):
        return library
    return load_library(library if library is None or isinstance(library, str | Path) else Path(library))


def document_bytes(spec: SpecSource, library: LibrarySource = None, *, lang: str | None = None) -> tuple[Agreement, bytes]:
    """Assemble and render in memory; refuse if any value the user gave is missing from the text.

    `lang` drafts in another language than the spec's for this call ("ja+en": both side by
    side); the Agreement returned is the (prevailing) language's.
    """
    draft = make_draft(_spec(spec), _library(library), lang=lang)
    return draft.agreement, render(draft, "agreement", "docx")


# --- what this process wrote, so an interrupted command can say so truthfully ---------------

_written_count = 0
_written_last: deque[Path] = deque(maxlen=2)  # a single build writes an agreement and its summary


def written_so_far() -> tuple[int, list[Path]]:
    """How many files this process has written, and the last (at most two) of them."""
    return _written_count, list(_written_last)


def _record(path: Path) -> None:
    global _written_count
    _written_count += 1
    _written_last.append(path)


# --- checks before anything is written -------------------------------------------------------


def os_reason(exc: OSError) -> object:
    """Why an OSError happened, as a message value: in English the OS's own words ("Permission denied"), in
    another language what the usual ones mean, with the OS's words after it."""
    said = exc.strerror
    if not said:
        return str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return message("output.reason_permission", strerror=said)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return message("output.reason_no_space", strerror=said)
    if exc.errno == errno.EROFS:
        return message("output.reason_read_only", strerror=said)
    if exc.errno == errno.ELOOP:
        return message("output.reason_loop", strerror=said)
    if exc.errno == errno.ENOTDIR:
        return message("output.reason_not_a_folder", strerror=said)
    if exc.errno == errno.ENOENT:
        return message("output.reason_not_found", strerror=said)
    return said


def describe_os_error(path: str | os.PathLike[str], exc: OSError) -> Message:
    """An OSError about a path, in words for people: a catalogue message."""
    if exc.errno == errno.ENAMETOOLONG:
        size = len(os.fsencode(Path(path).name))
        if size > NAME_MAX:
            return message("output.name_too_long", path=path, size=size, limit=NAME_MAX)
        return message("output.path_too_long", path=path)
    return message("output.cannot_use", path=path, reason=os_reason(exc))


_KINDS = {stat.S_IFLNK: message("output.kind_symbolic_link"), stat.S_IFIFO: message("output.kind_fifo"),
          stat.S_IFCHR: message("output.kind_device"), stat.S_IFBLK: message("output.kind_device"),
          stat.S_IFSOCK: message("output.kind_socket")}


def _existing(path: Path, force: bool, or_no_summary: bool = False) -> bool:
    """Whether path already exists (as a regular file that force allows to replace).

    Anything else there is refused even with force: replacing a link, a device or a pipe
    with a regular file would break what the user set up.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise OutputError(describe_os_error(path, exc)) from None
    if stat.S_ISDIR(mode):
        raise OutputError(message("output.is_directory", path=path, example=path / "agreement.docx"))
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode)) or message("output.kind_special")
        raise OutputError(message("output.not_regular_file", path=path, kind=kind))
    if not force:
        raise OutputError(message("output.exists_or_no_summary" if or_no_summary else "output.exists", path=path))
    return True


def _folder(path: Path) -> Path:
    """The folder path goes into, which must exist; its stale temporaries are swept once."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        info = os.stat(folder)
    except (FileNotFoundError, NotADirectoryError):
        raise OutputError(message("output.no_folder", folder=folder)) from None
    except OSError as exc:
        raise OutputError(describe_os_error(folder, exc)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise OutputError(message("output.not_a_folder", folder=folder))
    _sweep_once(folder, (info.st_dev, info.st_ino))
    return folder


# --- temporary files -------------------------------------------------------------------------

# mkstemp names are .<output name>.<pid>.<8 random characters>.tmp; the writer's pid lets a
# later run tell a file left by a killed process from one another build is still writing.
_TEMPORARY = re.compile(r"\..+\.(\d+)\.[a-z0-9_]{8}\.tmp")
_swept: set[tuple[int, int]] = set()  # (device, inode) of folders this process has swept


def _sweep_once(folder: Path, key: tuple[int, int]) -> None:
    # Listing a folder of 10,000 files costs milliseconds: do it once per folder per process,
    # not per write (forked batch workers inherit the parent's sweep).
    if key in _swept:
        return
    _swept.add(key)
    sweep_stale_temporaries(folder)


def sweep_stale_temporaries(folder: str | os.PathLike[str]) -> None:
    """Remove temporary files in folder left behind by builds that were killed."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = _TEMPORARY.fullmatch(entry.name)
        if match is None:
            continue
        try:
            os.kill(int(match.group(1)), 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
        except (PermissionError, OverflowError):
            pass  # alive under another user, or not a pid: leave it


@dataclass(frozen=True)
class _Temporary:
    name: str
    inode: int


def _prepare(path: Path, folder: Path, data: bytes) -> _Temporary:
    """Write data to a new temporary file beside path and flush it to disk."""
    # The temporary name is longer than the output's: shorten it so any valid output name works.
    room = NAME_MAX - len(f"..{os.getpid()}.") - 8 - len(".tmp")
    short = os.fsencode(path.name)[:room].decode("utf-8", "ignore")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{short}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(message("output.cannot_write_here", folder=folder, reason=os_reason(exc))) from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
            os.fchmod(fd, 0o644)
            inode = os.fstat(fd).st_ino
        finally:
            os.close(fd)
    except BaseException as exc:
        _discard(tmp)
        if isinstance(exc, OSError):
            raise _not_written(path, exc) from None
        raise
    return _Temporary(tmp, inode)


_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}


def _commit(tmp: _Temporary, path: Path, force: bool) -> None:
    """Put the temporary file in place: whole or not at all (an OSError means not at all)."""
    if force:
        os.replace(tmp.name, path)
        return
    try:
        os.link(tmp.name, path)  # fails if the file appeared meanwhile: never overwrite silently
    except FileExistsError:
        raise OutputError(message("output.exists", path=path)) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        if os.path.lexists(path):
            raise OutputError(message("output.exists", path=path)) from None
        os.rename(tmp.name, path)  # file systems without hard links


def _not_written(path: Path, exc: OSError) -> OutputError:
    return OutputError(message("output.not_written", path=path, reason=os_reason(exc)))


def _discard(tmp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)


def _remove_if_ours(path: Path, tmp: _Temporary) -> bool:
    """Remove a file this process has just put at path (and nobody has replaced since)."""
    try:
        if os.lstat(path).st_ino != tmp.inode:
            return False
        os.unlink(path)
    except OSError:
        return False
    return True


# --- writing -----------------------------------------------------------------------------------


def write_atomic(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> Path:
    """Write bytes to path via a temporary file in the same folder, then rename.

    Without force an existing file is never replaced, even if it appears while writing;
    a symbolic link, device, pipe or socket at path is never replaced. On any failure the
    temporary file is removed and an existing file is left as it was.
    """
    path = Path(path)
    folder = _folder(path)
    _existing(path, force)
    tmp = _prepare(path, folder, data)
    try:
        _commit(tmp, path, force)
    except OSError as exc:
        raise _not_written(path, exc) from None
    finally:
        _discard(tmp.name)
    _record(path)
    return path


def summary_path(out: str | os.PathLike[str], summary_format: str) -> Path:
    """Where the summary of the agreement at `out` goes: <stem>.summary.<format> beside it."""
    out = Path(out)
    return out.with_name(out.stem + ".summary." + summary_format)


def companion_path(out: str | os.PathLike[str], name: str) -> Path:
    """Where an agreement drafted beside the one at `out` goes: <stem>.<name>.docx ("jrd.joint-filing-1.docx")."""
    out = Path(out)
    return out.with_name(f"{out.stem}.{name}.docx")


def pdf_path(out: str | os.PathLike[str]) -> Path:
    """Where the PDF of the document at `out` goes: <stem>.pdf beside it."""
    return Path(out).with_suffix(".pdf")


def write_with_summary(source: SpecSource | Draft, out: str | os.PathLike[str], data: bytes, *, summary_format: str | None = None,
                       library: LibrarySource = None, force: bool = False) -> Path | None:
    """Write the agreement and, with a summary format, its plain-language summary beside it.

    Both are written, or neither (see write_outputs). Returns the summary path.
    """
    if not summary_format:
        write_atomic(out, data, force=force)
        return None
    draft = source if isinstance(source, Draft) else make_draft(_spec(source), _library(library))
    return write_outputs(draft, out, data, summary_format=summary_format, force=force)[1]


def write_outputs(draft: Draft, out: str | os.PathLike[str], data: bytes, *, summary_format: str | None = None,
                  pdf: bool = False, force: bool = False) -> list[Path]:
    """Write the agreement `data` to `out`, with its summary and, with `pdf`, PDFs of both beside them.

    All are written, or none, with the old files left as they were. Every file is made and
    checked (the PDFs by LibreOffice, which takes seconds), and written to a temporary file,
    before any is put in place; if one still cannot be put in place, the new files before it
    are removed again and a replaced one is named in the error. Returns the paths written:
    the agreement, the summary, the agreements drafted beside it (`Draft.companions`), then the PDFs.
    """
    from .pdf import docx_to_pdf

    out = Path(out)
    files: list[tuple[Path, bytes]] = [(out, data)]
    to_convert: list[tuple[Path, bytes]] = [(pdf_path(out), data)] if pdf else []
    if summary_format == "pdf" or (summary_format and pdf):  # converted with the agreement: one LibreOffice run
        to_convert.append((summary_path(out, "pdf"), render(draft, "summary", "docx")))
    if summary_format and summary_format != "pdf":
        files.append((summary_path(out, summary_format), render(draft, "summary", summary_format)))
    for name, companion in draft.companions:  # a joint R&D's joint filing agreements, written with it or not at all
        path, document = companion_path(out, name), render(companion, "agreement", "docx")
        files.append((path, document))
        if pdf:
            to_convert.append((pdf_path(path), document))
    targets = [path for path, _ in files + to_convert]
    if len(set(targets)) < len(targets):
        raise OutputError(message("output.pdf_same_name", path=out))
    folder = _folder(out)
    # Before the conversion, which takes seconds: a file that may not be replaced fails the build now.
    summaries = {summary_path(out, summary_format), summary_path(out, "pdf")} if summary_format else set()
    existed = [_existing(path, force, or_no_summary=path in summaries)
               for path in targets]
    if to_convert:
        converted = docx_to_pdf([document for _, document in to_convert], locale=draft.summary.locale,
                                created=draft.spec.effective_date)
        files += [(path, pdf_bytes) for (path, _), pdf_bytes in zip(to_convert, converted, strict=True)]
    _put_in_place(files, existed, folder, force)
    return targets


def _put_in_place(files: list[tuple[Path, bytes]], existed: list[bool], folder: Path, force: bool) -> None:
    """Write every file, or (as far as a failing file system allows) none."""
    temporaries: list[_Temporary] = []
    placed: list[tuple[Path, _Temporary, bool]] = []
    try:
        for path, payload in files:
            temporaries.append(_prepare(path, folder, payload))
        for (path, _), tmp, was_there in zip(files, temporaries, existed, strict=True):
            try:
                _commit(tmp, path, force)
            except BaseException as exc:  # Ctrl-C too: never leave some new files without the rest
                kept = [p for p, t, replaced in placed if replaced or not _remove_if_ours(p, t)]
                for p in kept:
                    _record(p)
                if not isinstance(exc, OSError):
                    raise
                if not kept:
                    raise _not_written(path, exc) from None
                written = ", ".join(map(str, kept))
                raise OutputError(message("output.partly_written_one", written=written, path=path, reason=os_reason(exc))
                                  if len(kept) == 1 else
                                  message("output.partly_written", written=written, path=path, reason=os_reason(exc))) from None
            placed.append((path, tmp, was_there))
    finally:
        for tmp in temporaries:
            _discard(tmp.name)
    for path, _ in files:
        _record(path)


def build(spec: SpecSource, out: str | os.PathLike[str] | IO[bytes], *, library: LibrarySource = None,
          force: bool = False, lang: str | None = None) -> BuildResult:
    """Build the DOCX agreement for a spec (path, JSON text, dict or DealSpec).

    `out` is a file path (written atomically; an existing file is replaced only with
    force=True) or a binary stream. `lang` overrides the spec's language for this build
    ("ja+en": Japanese and English side by side, Japanese prevailing). Returns what was built.
    """
    agreement, data = document_bytes(spec, library, lang=lang)
    if isinstance(out, str | os.PathLike):
        path = write_atomic(out, data, force=force)
        return BuildResult(path, agreement, len(data))
    out.write(data)
    return BuildResult(None, agreement, len(data))
