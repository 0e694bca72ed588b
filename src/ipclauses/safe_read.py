"""Read a file that may be hostile: a regular file only, and never past a limit.

A size on disk is not trusted (/dev/zero and a FIFO report none, and a file can grow
while it is read), and opening a FIFO waits for a writer. So the file is opened
without blocking, checked with fstat to be a regular file, and read up to one byte
past the limit: the caller tells "too large" from the length. Specs, clause files and
DOCX files to inspect are all read this way.
"""

from __future__ import annotations

import os
import stat

_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a directory",
}


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words: "a named pipe (FIFO)", ..."""
    return _KINDS.get(stat.S_IFMT(mode), "a special file")


class NotARegularFile(Exception):
    """The path is a directory, a device, a pipe or a socket; `kind` says which, in words."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most limit + 1 bytes of a regular file.

    Raises NotARegularFile for anything else, and OSError as opening or reading raises it.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(file_kind(mode))
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        return handle.read(limit + 1)
