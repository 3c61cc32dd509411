"""ProfileService: names, PINs kept only as salted hashes, choosing, last profile, cascading delete."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from tests.conftest import FakeClock

from etrainer.core.errors import EtrainerError
from etrainer.core.ids import LearnerId
from etrainer.core.learner.profiles import (
    BadPin,
    PinFormat,
    Profile,
    ProfileFieldTooLong,
    ProfileNameEmpty,
    ProfileNameTaken,
    ProfileNameTooLong,
    ProfileNotFound,
)
from etrainer.services.learning import LearningService
from etrainer.services.profiles import ProfileService
from etrainer.services.settings import SettingsService
from etrainer.storage.models import BookmarkRow, LessonProgressRow, LessonVisitRow, NoteRow, SettingRow


@pytest.fixture
def profiles(sessions: sessionmaker[Session], clock: FakeClock) -> ProfileService:
    return ProfileService(sessions, clock=clock)


def test_create_trims_and_lists_by_name(profiles: ProfileService, clock: FakeClock) -> None:
    created = profiles.create("  Юлія   Бондар ", " Центральна бібліотека ", "методистка")
    profiles.create("Анна Шевчук")
    assert (created.name, created.branch, created.position) == ("Юлія Бондар", "Центральна бібліотека", "методистка")
    assert created.created_at == clock.now and created.last_active_at is None and not created.has_pin
    assert [p.name for p in profiles.list()] == ["Анна Шевчук", "Юлія Бондар"]
    assert profiles.get(created.id) == created
    assert len(created.uid) == 36


@pytest.mark.parametrize("other", ["олена", "ОЛЕНА", "  Олена  "])
def test_names_are_unique_whatever_the_case(profiles: ProfileService, other: str) -> None:
    profiles.create("Олена")
    with pytest.raises(ProfileNameTaken) as caught:
        profiles.create(other)
    assert "Олена" in str(caught.value)


@pytest.mark.parametrize(("name", "error"), [
    ("", ProfileNameEmpty), ("   \t ", ProfileNameEmpty), ("Я" * 81, ProfileNameTooLong)])
def test_bad_names_are_refused(profiles: ProfileService, name: str, error: type[EtrainerError]) -> None:
    with pytest.raises(error):
        profiles.create(name)
    assert profiles.list() == []


def test_a_too_long_branch_is_refused(profiles: ProfileService) -> None:
    with pytest.raises(ProfileFieldTooLong):
        profiles.create("Ірина", branch="б" * 121)


def test_the_pin_is_stored_only_as_a_salted_hash(profiles: ProfileService, db_path: Path) -> None:
    first = profiles.create("Ганна", pin="4821")
    second = profiles.create("Богдана", pin="4821")
    assert first.has_pin and second.has_pin
    with closing(sqlite3.connect(db_path)) as connection:
        rows = connection.execute("SELECT pin_hash, pin_salt FROM learner ORDER BY id").fetchall()
        dump = "\n".join(connection.iterdump())
    assert all(len(pin_hash) == 32 and len(salt) == 16 for pin_hash, salt in rows)
    assert rows[0][0] != rows[1][0]  # different salts, different hashes
    assert "4821" not in dump and b"4821" not in b"".join(h + s for h, s in rows)
    assert "4821" not in repr(first)


def test_verify_pin(profiles: ProfileService) -> None:
    locked = profiles.create("Ганна", pin="482190")
    open_profile = profiles.create("Віра")
    assert profiles.verify_pin(locked.id, "482190")
    assert not profiles.verify_pin(locked.id, "482191")
    assert not profiles.verify_pin(locked.id, "")
    assert not profiles.verify_pin(locked.id, "4821９0")  # a full-width digit is not an ASCII digit
    assert profiles.verify_pin(open_profile.id, "")


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤"])
def test_pins_must_be_four_to_eight_digits(profiles: ProfileService, pin: str) -> None:
    with pytest.raises(PinFormat):
        profiles.create("Ганна", pin=pin)
    assert profiles.list() == []


def test_set_and_remove_a_pin(profiles: ProfileService) -> None:
    profile = profiles.create("Ганна")
    assert profiles.set_pin(profile.id, "2468").has_pin
    assert profiles.verify_pin(profile.id, "2468") and not profiles.verify_pin(profile.id, "1357")
    assert not profiles.set_pin(profile.id, None).has_pin
    assert profiles.verify_pin(profile.id, "")


def test_choose_checks_the_pin_and_is_remembered(profiles: ProfileService, clock: FakeClock) -> None:
    first = profiles.create("Ганна", pin="2468")
    second = profiles.create("Віра")
    assert profiles.last_profile() is None
    with pytest.raises(BadPin):
        profiles.choose(first.id, "0000")
    assert profiles.last_profile() is None
    clock.advance(minutes=3)
    chosen = profiles.choose(first.id, "2468")
    assert chosen.last_active_at == clock.now
    assert profiles.last_profile() == chosen
    profiles.choose(second.id)
    assert profiles.last_profile() == profiles.get(second.id)


def test_touch_records_activity_and_remembers_the_profile(profiles: ProfileService, clock: FakeClock) -> None:
    profile = profiles.create("Ганна")
    profiles.create("Віра")
    clock.advance(days=2)
    touched = profiles.touch(profile.id)
    assert touched.last_active_at == clock.now == profiles.get(profile.id).last_active_at
    assert profiles.last_profile() == touched


def test_rename_and_update(profiles: ProfileService) -> None:
    profile = profiles.create("Ганна")
    profiles.create("Віра")
    assert profiles.rename(profile.id, "ГАННА").name == "ГАННА"  # her own name in another case is fine
    with pytest.raises(ProfileNameTaken):
        profiles.rename(profile.id, "віра")
    updated = profiles.update(profile.id, branch="Філія 2", position="бібліотекарка")
    assert (updated.name, updated.branch, updated.position) == ("ГАННА", "Філія 2", "бібліотекарка")


def test_unknown_profiles_are_reported(profiles: ProfileService) -> None:
    missing = LearnerId(999)
    for call in (lambda: profiles.get(missing), lambda: profiles.rename(missing, "Хтось"),
                 lambda: profiles.delete(missing), lambda: profiles.choose(missing), lambda: profiles.touch(missing)):
        with pytest.raises(ProfileNotFound):
            call()


def test_delete_removes_everything_of_the_learner_only(
        profiles: ProfileService, sessions: sessionmaker[Session], learner: Profile, course) -> None:
    other = profiles.create("Віра")
    learning, settings = LearningService(sessions), SettingsService(sessions)
    lesson = next(course.lessons())
    for who in (learner.id, other.id):
        token = learning.open_lesson(who, lesson)
        learning.close_lesson(token, 30)
        learning.add_bookmark(who, lesson.id)
        learning.set_note(who, lesson.id, "моя нотатка")
        settings.set_zoom(who, 150)
    profiles.choose(learner.id)

    profiles.delete(learner.id)

    assert [p.name for p in profiles.list()] == ["Віра"]
    assert profiles.last_profile() is None
    with sessions.begin() as session:
        for row in (LessonVisitRow, LessonProgressRow, BookmarkRow, NoteRow, SettingRow):
            owners = session.scalars(select(row.learner_id).distinct()).all()
            assert owners == [other.id], row.__tablename__
        assert session.scalar(select(func.count()).select_from(NoteRow)) == 1
