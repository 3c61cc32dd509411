"""Paths that are not regular files, for the tests of readers that must refuse them without hanging: a FIFO
(reading one waits for a writer forever) and a symbolic link to /dev/zero (endless)."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def endless(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


def special_files(folder: Path, suffix: str) -> list[Path]:
    """A FIFO and a link to /dev/zero in `folder`, both named with `suffix`."""
    return [fifo(folder / f"fifo{suffix}"), endless(folder / f"zero{suffix}")]


def finishes(call: Callable[[], T], path: Path, seconds: float = 20.0) -> T:
    """What `call()` returns (or raises), failing the test instead of hanging when it does not finish in time
    (a reader blocked on the FIFO `path` is let go by opening its writing end)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(("value", call()))
        except BaseException as error:  # handed to the test's thread as it was
            outcome.append(("error", error))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        if path.is_fifo():
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(5)
        pytest.fail(f"reading {path} did not finish in {seconds} s")
    kind, value = outcome[0]  # type: ignore[misc]
    if kind == "error":
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]
