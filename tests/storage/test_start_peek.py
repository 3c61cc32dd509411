"""The start's read-only peek (sqlite3 only) gives the profile chooser exactly what the full services give, and
steps aside (None) for every database the full opening has to decide about."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from etrainer.services.facade import open_app_services
from etrainer.services.settings import GlobalSetting
from etrainer.services.startup import LAST_PROFILE_KEY, peek_start
from etrainer.storage import commits
from etrainer.storage.start_peek import peek


def _folder_with_profiles(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    services = open_app_services(data)
    try:
        services.profiles.create("Оксана Петренко", "Філія № 3", "бібліотекарка")
        pinned = services.profiles.create("Ірина Савчук", "Центральна", "методистка", pin="2468")
        services.profiles.create("андрій бондар")  # a lower-case name sorts by its case-folded key
        services.profiles.touch(pinned.id)
    finally:
        services.close()
    return data


def test_the_peek_lists_the_profiles_and_the_last_one_as_the_services_do(tmp_path: Path) -> None:
    data = _folder_with_profiles(tmp_path)
    peeked = peek_start(data)
    services = open_app_services(data)
    try:
        assert peeked is not None
        assert list(peeked.profiles) == services.profiles.list()
        assert peeked.last_profile == services.last_profile_id() is not None
        assert all(profile.created_at.tzinfo is UTC for profile in peeked.profiles)
        assert [p.has_pin for p in peeked.profiles] == [p.has_pin for p in services.profiles.list()]
    finally:
        services.close()


def test_the_key_of_the_last_profile_is_the_settings_one() -> None:
    assert LAST_PROFILE_KEY == GlobalSetting.LAST_PROFILE


def test_the_peek_imports_no_sqlalchemy(tmp_path: Path) -> None:
    data = _folder_with_profiles(tmp_path)
    probe = ("import sys\nfrom pathlib import Path\nfrom etrainer.services.startup import peek_start\n"
             f"peeked = peek_start(Path({str(data)!r}))\n"
             "print(len(peeked.profiles), 'sqlalchemy' in sys.modules, 'alembic' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.split() == ["3", "False", "False"], result.stdout + result.stderr


def test_a_last_profile_that_was_deleted_is_not_offered(tmp_path: Path) -> None:
    data = _folder_with_profiles(tmp_path)
    services = open_app_services(data)
    try:
        last = services.last_profile_id()
        assert last is not None
        services.profiles.delete(last)
    finally:
        services.close()
    peeked = peek_start(data)
    assert peeked is not None and peeked.last_profile is None and len(peeked.profiles) == 2


def test_no_database_yet_is_for_the_full_opening(tmp_path: Path) -> None:
    assert peek_start(tmp_path / "nothing-here") is None


def test_a_damaged_database_is_for_the_full_opening(tmp_path: Path) -> None:
    data = _folder_with_profiles(tmp_path)
    path = data / "etrainer.sqlite"
    content = bytearray(path.read_bytes())
    content[200:4096] = b"\xff" * (4096 - 200)  # the first page's cells: the schema cannot be read
    path.write_bytes(bytes(content))
    assert peek_start(data) is None


def test_lost_commits_are_for_the_full_opening(tmp_path: Path) -> None:
    data = _folder_with_profiles(tmp_path)
    path = data / "etrainer.sqlite"
    commits.record(path, commits.recorded_count(path) + 5)  # the counter beside it knows of newer commits
    assert peek_start(data) is None


def test_an_older_schema_is_for_the_full_opening(tmp_path: Path) -> None:
    data = _folder_with_profiles(tmp_path)
    with closing(sqlite3.connect(data / "etrainer.sqlite")) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001_initial'")
    assert peek_start(data) is None


def test_a_file_that_is_not_etrainers_is_for_the_full_opening(tmp_path: Path) -> None:
    path = tmp_path / "etrainer.sqlite"
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE photos (id INTEGER)")
    assert peek(path, LAST_PROFILE_KEY) is None


def test_a_time_it_cannot_read_is_for_the_full_opening(tmp_path: Path) -> None:
    data = _folder_with_profiles(tmp_path)
    with closing(sqlite3.connect(data / "etrainer.sqlite")) as connection, connection:
        connection.execute("UPDATE learner SET created_at = 'yesterday' WHERE id = 1")
        connection.execute("PRAGMA user_version = user_version")  # the counter check still agrees
    assert peek_start(data) is None


@pytest.mark.parametrize("value", ["\"3\"", "true", "not json", "99"])
def test_a_strange_last_profile_value_offers_none(tmp_path: Path, value: str) -> None:
    data = _folder_with_profiles(tmp_path)
    with closing(sqlite3.connect(data / "etrainer.sqlite")) as connection, connection:
        connection.execute("UPDATE setting SET value = ? WHERE learner_id IS NULL AND key = ?",
                           (value, LAST_PROFILE_KEY))
    peeked = peek_start(data)
    assert peeked is not None and peeked.last_profile is None


def test_times_are_read_as_sqlalchemy_stores_them(tmp_path: Path) -> None:
    data = _folder_with_profiles(tmp_path)
    with closing(sqlite3.connect(data / "etrainer.sqlite")) as connection:
        stored = connection.execute("SELECT created_at FROM learner ORDER BY id LIMIT 1").fetchone()[0]
    peeked = peek_start(data)
    assert peeked is not None
    first = min(peeked.profiles, key=lambda p: p.id)
    assert first.created_at == datetime.fromisoformat(stored).replace(tzinfo=UTC)
