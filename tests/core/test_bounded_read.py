"""`read_bounded`: a regular file's bytes up to a limit; a FIFO, a device or a folder is refused at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.special_files import finishes, needs_posix, special_files

from etrainer.core.bounded_read import FileTooLarge, NotAFile, read_bounded


def test_a_file_is_read_and_one_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100) == b"x" * 100
    with pytest.raises(FileTooLarge) as refused:
        read_bounded(path, 99)
    assert (refused.value.size, refused.value.limit) == (100, 99)


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises((NotAFile, PermissionError)):  # Windows refuses to open a folder at all
        read_bounded(tmp_path, 100)


@needs_posix
def test_a_fifo_and_dev_zero_are_refused_at_once(tmp_path: Path) -> None:
    for path in special_files(tmp_path, ".txt"):
        with pytest.raises(NotAFile):
            finishes(lambda path=path: read_bounded(path, 1 << 20), path)
