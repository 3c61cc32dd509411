"""Reading a file a user named: only a regular file, and never more than a limit.

Asking the size with `stat()` and then reading the whole file trusts the size: a FIFO has none and makes
the read wait for a writer forever, `/dev/zero` has none and never ends (a MemoryError), and a file that
grows meanwhile is read whole. `read_bounded` opens first (without blocking: a FIFO opens at once), asks
the opened file what it is, and reads at most `limit + 1` bytes, so anything over the limit is caught.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotAFile(Exception):
    """The path is a folder, a pipe (FIFO), a device or a socket: nothing to read as a file."""


class FileTooLarge(Exception):
    """The file has more than `limit` bytes (`size`: its size, or `limit + 1` when it grew while read)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes; the limit is {limit}")
        self.size = size
        self.limit = limit


_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path` (a symbolic link is followed); raises NotAFile, FileTooLarge, or
    OSError when it cannot be opened or read."""
    descriptor = os.open(path, _FLAGS)
    try:
        info = os.fstat(descriptor)
    except OSError:
        os.close(descriptor)
        raise
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise NotAFile(str(path))
    with os.fdopen(descriptor, "rb") as stream:
        if info.st_size > limit:
            raise FileTooLarge(info.st_size, limit)
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(len(data), limit)
    return data
