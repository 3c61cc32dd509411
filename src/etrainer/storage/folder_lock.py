"""One writer per data folder: an advisory lock on `<data>/etrainer.lock`.

The app holds it for as long as it runs; command-line writers (`profiles --reset-pin`, `add-pack`,
`demo-data`) take it for their work, waiting a while when someone else holds it (docs/cli.md lists them).
The operating system releases the lock when its process ends, however it ends (a crash, a SIGKILL, a
power cut), so a stale lock file never blocks anyone. POSIX: `fcntl.flock`; Windows: `msvcrt.locking`
on the file's first byte. After the first byte the file says who holds it (JSON: pid, what), for the
message the others show.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from etrainer.core.errors import EtrainerError
from etrainer.i18n import QT_TRANSLATE_NOOP

LOCK_NAME = "etrainer.lock"


class DataFolderBusy(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "Another Е-тренер is using the data folder {folder} ({holder}). Close it, "
                             "then try again.")


@dataclass(frozen=True, slots=True)
class Holder:
    pid: int
    what: str
    """"app" for the window, else the command (e.g. "etrainer add-pack")."""

    def describe(self) -> str:
        return f"{self.what}, process {self.pid}"


class DataFolderLock:
    def __init__(self, folder: Path, what: str = "app") -> None:
        self.path = Path(folder) / LOCK_NAME
        self.what = what
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it; True when this object holds it now."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _lock(fd):
            os.close(fd)
            return False
        os.lseek(fd, 1, os.SEEK_SET)
        os.write(fd, json.dumps({"pid": os.getpid(), "what": self.what}).encode() + b"\n")
        os.ftruncate(fd, os.lseek(fd, 0, os.SEEK_CUR))
        self._fd = fd
        return True

    def acquire(self, timeout: float, *, on_wait: Callable[[Holder | None], None] | None = None,
                poll: float = 0.1) -> None:
        """Take the lock, waiting up to `timeout` seconds; raises DataFolderBusy. `on_wait` is called once
        when the wait begins, with who holds the lock."""
        deadline = time.monotonic() + timeout
        told = False
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                holder = self.holder()
                raise DataFolderBusy(folder=str(self.path.parent),
                                     holder=holder.describe() if holder else "another process")
            if on_wait is not None and not told:
                on_wait(self.holder())
                told = True
            time.sleep(poll)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    def holder(self) -> Holder | None:
        """Who holds the lock (from the file), or None when unknown."""
        try:
            with self.path.open("rb") as file:
                file.seek(1)
                data = json.loads(file.read(4096).decode("utf-8") or "null")
            return Holder(int(data["pid"]), str(data["what"]))
        except (OSError, ValueError, TypeError, KeyError, RecursionError):  # what another process wrote
            return None

    def __enter__(self) -> DataFolderLock:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        if os.fstat(fd).st_size == 0:
            os.write(fd, b" ")
            os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        if os.fstat(fd).st_size == 0:
            os.write(fd, b" ")
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def held_by_another_process(folder: Path) -> Holder | None:
    """Who else holds the data folder's lock, or None when nobody does or this process does. Reads only:
    a lock taken here to test is let go at once (flock and msvcrt locks belong to the open file, so the
    lock this process may already hold is untouched)."""
    probe = DataFolderLock(folder, "check")
    if not probe.path.exists():
        return None
    if probe.try_acquire():
        probe.release()
        return None
    holder = probe.holder()
    if holder is not None and holder.pid == os.getpid():
        return None
    return holder or Holder(0, "?")

