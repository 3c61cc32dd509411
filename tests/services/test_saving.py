"""Database refusals become SaveFailed sentences in one place (services.saving), and the SaveMonitor
hears when saving fails and when a write succeeds again."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from tests.faults import disk_full, read_only

from etrainer.core.course.model import Course
from etrainer.core.learner.profiles import Profile, ProfileNameTaken
from etrainer.core.quiz.model import Question, QuestionKind, Quiz, TrueFalse
from etrainer.core.quiz.response import TrueFalseResponse
from etrainer.services.learning import LearningService
from etrainer.services.profiles import ProfileService
from etrainer.services.quizzes import QuizService
from etrainer.services.saving import (
    GuardedSessions,
    SaveFailed,
    SaveFailedDamaged,
    SaveFailedDiskFull,
    SaveFailedIOError,
    SaveFailedLocked,
    SaveFailedReadOnly,
    SaveFailure,
    SaveMonitor,
    save_failed,
)
from etrainer.storage.db import Database

LONG_NOTE = "Довгий конспект уроку. " * 400  # ~9 KB: needs new pages


@pytest.fixture
def monitor() -> SaveMonitor:
    return SaveMonitor()


@pytest.fixture
def learning(database: Database, monitor: SaveMonitor) -> LearningService:
    return LearningService(GuardedSessions(database.sessions, monitor))


def test_a_full_disk_is_a_disk_full_sentence_and_nothing_is_reported_saved(
        database: Database, db_path: Path, learner: Profile, learning: LearningService,
        monitor: SaveMonitor) -> None:
    heard: list[SaveFailed | None] = []
    monitor.subscribe(heard.append)
    lift = disk_full(database.engine, db_path)
    with pytest.raises(SaveFailedDiskFull) as caught:
        learning.set_note(learner.id, "kep", LONG_NOTE)
    assert caught.value.reason is SaveFailure.DISK_FULL
    assert str(caught.value).startswith("Progress is not being saved right now: the disk is full.")
    assert "database or disk is full" in caught.value.params["detail"]
    assert [type(h) for h in heard] == [SaveFailedDiskFull]
    with pytest.raises(SaveFailedDiskFull):  # the same failure again is not announced again
        learning.set_note(learner.id, "kep", LONG_NOTE)
    assert len(heard) == 1
    assert learning.note(learner.id, "kep") is None  # a read still works; nothing was saved
    assert isinstance(monitor.failure, SaveFailedDiskFull)
    lift()
    learning.set_note(learner.id, "kep", LONG_NOTE)
    assert heard[-1] is None and monitor.failure is None
    assert learning.note(learner.id, "kep").text == LONG_NOTE.strip()  # type: ignore[union-attr]


def test_a_read_only_database_is_a_read_only_sentence_naming_the_folder(
        database: Database, db_path: Path, learner: Profile, learning: LearningService,
        monitor: SaveMonitor) -> None:
    learning.add_bookmark(learner.id, "diia-portal")
    lift = read_only(database.engine)
    with pytest.raises(SaveFailedReadOnly) as caught:
        learning.add_bookmark(learner.id, "kep")
    assert str(db_path.parent) in str(caught.value)
    assert isinstance(monitor.failure, SaveFailedReadOnly)
    assert [b.lesson_id for b in learning.bookmarks(learner.id)] == ["diia-portal"]  # reading goes on
    lift()
    learning.add_bookmark(learner.id, "kep")
    assert monitor.failure is None


def test_a_read_that_succeeds_does_not_clear_the_failure(database: Database, db_path: Path, learner: Profile,
                                                         learning: LearningService, monitor: SaveMonitor) -> None:
    lift = read_only(database.engine)
    with pytest.raises(SaveFailed):
        learning.add_bookmark(learner.id, "kep")
    lift()
    assert learning.bookmarks(learner.id) == []
    assert isinstance(monitor.failure, SaveFailedReadOnly)


def test_constraint_violations_are_not_storage_failures(database: Database, learner: Profile,
                                                        monitor: SaveMonitor) -> None:
    profiles = ProfileService(GuardedSessions(database.sessions, monitor))
    with pytest.raises(ProfileNameTaken):
        profiles.create(learner.name)
    assert monitor.failure is None


def _sqlite_error(message: str, code: int | None) -> OperationalError:
    original = sqlite3.OperationalError(message)
    if code is not None:
        original.sqlite_errorcode = code  # type: ignore[attr-defined]
    return OperationalError("INSERT …", {}, original)


@pytest.mark.parametrize(("message", "code", "kind"), [
    ("database or disk is full", 13, SaveFailedDiskFull),
    ("attempt to write a readonly database", 8, SaveFailedReadOnly),
    ("database is locked", 5, SaveFailedLocked),
    ("disk I/O error", 10 | (4 << 8), SaveFailedIOError),  # SQLITE_IOERR_WRITE
    ("database disk image is malformed", 11, SaveFailedDamaged),
    ("unable to open database file", 14, SaveFailedReadOnly),
    ("database is locked", None, SaveFailedLocked),
    ("something new", None, SaveFailed),
])
def test_each_refusal_has_its_own_sentence(message: str, code: int | None, kind: type[SaveFailed]) -> None:
    failure = save_failed(_sqlite_error(message, code), "/data")
    assert type(failure) is kind
    assert failure.params["detail"] == message
    assert str(failure).startswith("Progress is not being saved right now:")
    assert str(failure).endswith("You can go on reading the lessons.")


def test_an_answer_saved_straight_on_sqlite_fails_as_a_sentence_and_clears_when_saving_works(
        database: Database, learner: Profile, course: Course, monitor: SaveMonitor) -> None:
    quiz = Quiz("q", "Тест", (Question("q1", QuestionKind.TRUE_FALSE, "Так?", true_false=TrueFalse(True)),))
    quizzes = QuizService(GuardedSessions(database.sessions, monitor))
    attempt = quizzes.start(learner.id, quiz, replace(course, quizzes=(quiz,)))
    lift = read_only(database.engine)
    with pytest.raises(SaveFailedReadOnly):
        quizzes.answer(learner.id, attempt, 0, TrueFalseResponse(True))
    assert isinstance(monitor.failure, SaveFailedReadOnly)
    lift()
    attempt = quizzes.answer(learner.id, attempt, 0, TrueFalseResponse(True))
    assert monitor.failure is None and attempt.answers[0].graded.correct
    assert quizzes.resume(learner.id, quiz, replace(course, quizzes=(quiz,))) is not None
