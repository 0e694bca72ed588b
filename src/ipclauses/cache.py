"""A per-user cache of derived data: the validated clause library, the prepared DOCX templates,
compiled clause templates.

Whoever can write the cache decides what it holds (clause text, template XML, and compiled
template code, which runs as Python's own __pycache__ files do), so a folder
another user owns or can write is never used, and every entry is written under a fresh,
unpredictable name, then renamed. An entry is `{"sha256": "<hash of the payload>", "<kind>":
<payload>}`: the hash catches a damaged or hand-edited entry, which is then ignored (and
rewritten by the caller). It is no defence against someone who can write the folder: the
folder's permissions are. Everything here is best effort: a cache that cannot be read or
written only costs speed.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import sys
import tempfile
from contextlib import suppress
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2


def folder() -> Path | None:
    """$IPCLAUSES_CACHE_DIR, else ~/.cache/ipclauses (XDG); None when IPCLAUSES_NO_CACHE is set."""
    if os.environ.get("IPCLAUSES_NO_CACHE"):
        return None
    base = os.environ.get("IPCLAUSES_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "ipclauses"
    )
    return Path(base)


def entry(kind: str, *key: str) -> Path | None:
    """Where the entry of this kind for this key (versions, content hashes) lives, if caching is on."""
    where = folder()
    if where is None:
        return None
    digest = hashlib.sha256("\n".join(key).encode("utf-8")).hexdigest()
    return where / f"{kind}-{digest}.json"


def trusted(path: Path) -> bool:
    """A folder only this user can write."""
    try:
        info = path.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if os.name != "posix":
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _head(kind: str) -> tuple[bytes, bytes]:
    return b'{"sha256": "', f'", "{kind}": '.encode()


def read(path: Path, kind: str) -> bytes | None:
    """The payload of an intact entry in a trusted folder, else None."""
    if not trusted(path.parent):
        return None
    try:
        text = path.read_bytes()
    except OSError:
        return None
    head, middle = _head(kind)
    start = len(head) + 64 + len(middle)
    if not (text.startswith(head) and text[start - len(middle):start] == middle and text.endswith(b"}")):
        return None
    payload = text[start:-1]
    if hashlib.sha256(payload).hexdigest().encode() != text[len(head):start - len(middle)]:
        return None
    return payload


def write(path: Path, kind: str, payload: bytes, keep: int) -> None:
    """Write an entry atomically, then keep only the `keep` newest entries of its kind."""
    where = path.parent
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return
    if not trusted(where):
        return
    head, middle = _head(kind)
    text = head + hashlib.sha256(payload).hexdigest().encode() + middle + payload + b"}"
    try:
        # A fresh, unpredictable name created by us: a planted link at a fixed name cannot redirect the write.
        fd, temporary = tempfile.mkstemp(dir=where, prefix=f".{kind}-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except OSError:
        with suppress(OSError):
            os.unlink(temporary)
        return
    _prune(where, kind, keep)


def _prune(where: Path, kind: str, keep: int) -> None:
    """Each edit makes a new entry: keep the newest few, not every one ever made."""
    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    for old in sorted(where.glob(f"{kind}-*.json"), key=age, reverse=True)[keep:]:
        with suppress(OSError):
            old.unlink()


# --- compiled Jinja templates -------------------------------------------------------------------

_CODE_KEEP = 5_000  # compiled templates kept (the bundled library has about 550 that need Jinja)


def compiled_template(env: jinja2.Environment, source: str, flavour: str) -> Any:
    """env.from_string(source), with the compiled code kept as Python keeps .pyc files.

    Jinja's parse and code generation take most of a cold CLI build. `flavour` names the
    environment's settings (the clause sandbox, the DOCX template), which change the code;
    the versions of Python, Jinja and ipclauses are part of the key too.
    """
    from . import __version__

    where = entry("jinja", flavour, __version__, jinja2.__version__, sys.implementation.cache_tag or "none",
                  hashlib.sha256(source.encode("utf-8")).hexdigest())
    code = None
    payload = read(where, "jinja") if where is not None else None
    if payload is not None:
        with suppress(ValueError, EOFError, TypeError):
            loaded = marshal.loads(payload)
            code = loaded if isinstance(loaded, CodeType) else None
    if code is None:
        code = env.compile(source)
        if where is not None:
            write(where, "jinja", marshal.dumps(code), _CODE_KEEP)
    return env.template_class.from_code(env, code, env.make_globals(None), None)
