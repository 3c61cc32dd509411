"""Start-up preferences: a broken preferences.json gives the defaults and is left as it is (never rewritten
on a guess)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from etrainer.prefs import FILE_NAME, Prefs


def test_preferences_round_trip(tmp_path: Path) -> None:
    Prefs(language="en", theme="dark", course_id="course", role="trainer", extra={"zoom": 2}).save(tmp_path)
    loaded = Prefs.load(tmp_path)
    assert (loaded.language, loaded.theme, loaded.course_id, loaded.role, loaded.extra) == (
        "en", "dark", "course", "trainer", {"zoom": 2})


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"language": ' + "[" * 5000 + "]" * 5000 + "}",
                                  '{"language": "en"', "[1, 2]", "\udc80", "1" * 5000])
def test_a_broken_file_gives_the_defaults_and_stays_untouched(tmp_path: Path, text: str) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = path.read_bytes()
    assert Prefs.load(tmp_path) == Prefs()
    assert path.read_bytes() == before and path.stat().st_mtime_ns == 1_000_000_000_000_000_000
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]
