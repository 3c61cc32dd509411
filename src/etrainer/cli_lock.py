"""Command-line writers take the data folder's lock (storage.folder_lock) that the running app holds.

`profiles --reset-pin`, `add-pack` and `demo-data` change the data folder: each waits up to
`CLI_LOCK_WAIT_S` seconds for the folder (saying once on stderr who holds it), then gives up with
exit code 3 and a sentence; nothing is changed then. docs/cli.md lists the commands.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from os import PathLike
from pathlib import Path
from typing import TextIO

from etrainer.paths import data_dir
from etrainer.storage.folder_lock import DataFolderBusy, DataFolderLock, Holder

CLI_LOCK_WAIT_S = 30.0
BUSY_EXIT_CODE = 3


class FolderBusyExit(Exception):
    """The folder stayed busy; the message was printed. `code` is the exit code."""

    code = BUSY_EXIT_CODE


@contextmanager
def data_folder_for_writing(explicit: str | PathLike[str] | None, command: str,
                            err: TextIO | None = None) -> Iterator[Path]:
    """The data folder, held for `etrainer <command>` until the block ends; raises FolderBusyExit."""
    err = err or sys.stderr
    folder = data_dir(explicit)
    lock = DataFolderLock(folder, f"etrainer {command}")

    def waiting(holder: Holder | None) -> None:
        who = holder.describe() if holder else "another process"
        print(f"etrainer {command}: the data folder {folder} is in use ({who}); waiting up to "
              f"{CLI_LOCK_WAIT_S:g} s…", file=err, flush=True)

    try:
        lock.acquire(CLI_LOCK_WAIT_S, on_wait=waiting)
    except DataFolderBusy as error:
        print(f"etrainer {command}: {error} Nothing was changed.", file=err)
        raise FolderBusyExit from None
    try:
        yield folder
    finally:
        lock.release()
