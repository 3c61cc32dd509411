"""LearningService: visits and time, completion by the core rule, progress, last lesson, bookmarks, notes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from tests.conftest import FakeClock

from etrainer.core.course.model import Course, Lesson
from etrainer.core.ids import LearnerId, LessonId
from etrainer.core.learner.notes import NOTE_MAX, NoteTooLong
from etrainer.core.learner.profiles import Profile, ProfileNotFound
from etrainer.core.progress.completion import LessonState
from etrainer.services.learning import MAX_VISIT_SECONDS, LearningService
from etrainer.services.profiles import ProfileService
from etrainer.storage.models import LessonVisitRow


@pytest.fixture
def learning(sessions: sessionmaker[Session], clock: FakeClock) -> LearningService:
    return LearningService(sessions, clock=clock)


def _lesson(course: Course, lesson_id: str) -> Lesson:
    lesson = course.lesson(lesson_id)
    assert lesson is not None
    return lesson


def test_opening_and_closing_records_the_visit(
        learning: LearningService, learner: Profile, course: Course, clock: FakeClock,
        sessions: sessionmaker[Session]) -> None:
    lesson = _lesson(course, "what-are-e-services")
    token = learning.open_lesson(learner.id, lesson)
    assert (token.lesson_id, token.minutes, token.opened_at) == (lesson.id, 10, clock.now)
    clock.advance(seconds=95)
    progress = learning.close_lesson(token, 95, anchor="portal", scroll=0.4)
    assert (progress.total_seconds, progress.visits, progress.anchor, progress.scroll) == (95, 1, "portal", 0.4)
    assert not progress.completed
    assert progress.first_opened_at == token.opened_at
    assert ProfileService(sessions).get(learner.id).last_active_at == clock.now
    with sessions.begin() as session:
        visit = session.scalars(select(LessonVisitRow)).one()
        assert (visit.seconds, visit.closed_at, visit.reached_end) == (95, clock.now, False)


def test_reaching_the_end_marks_the_lesson_read(learning: LearningService, learner: Profile, course: Course) -> None:
    token = learning.open_lesson(learner.id, _lesson(course, "kep"))
    progress = learning.close_lesson(token, 20, reached_end=True)
    assert progress.completed


def test_sixty_percent_of_the_minutes_over_several_visits_marks_it_read(
        learning: LearningService, learner: Profile, course: Course) -> None:
    lesson = _lesson(course, "what-are-e-services")  # 10 minutes: read after 360 seconds
    first = learning.close_lesson(learning.open_lesson(learner.id, lesson), 200)
    assert not first.completed
    second = learning.close_lesson(learning.open_lesson(learner.id, lesson), 159)
    assert second.total_seconds == 359 and not second.completed
    third = learning.close_lesson(learning.open_lesson(learner.id, lesson), 1)
    assert third.completed and third.visits == 3


def test_checkpoints_of_one_visit_are_not_counted_twice(
        learning: LearningService, learner: Profile, course: Course) -> None:
    token = learning.open_lesson(learner.id, _lesson(course, "kep"))
    learning.close_lesson(token, 60)
    learning.close_lesson(token, 120)
    progress = learning.close_lesson(token, 90)  # a smaller total never takes time away
    assert progress.total_seconds == 120


def test_one_visit_counts_at_most_four_hours(learning: LearningService, learner: Profile, course: Course) -> None:
    token = learning.open_lesson(learner.id, _lesson(course, "kep"))
    assert learning.close_lesson(token, 10 * 3600).total_seconds == MAX_VISIT_SECONDS
    assert learning.close_lesson(learning.open_lesson(learner.id, _lesson(course, "kep")), -50).total_seconds \
        == MAX_VISIT_SECONDS


def test_completion_is_kept_when_read_again(
        learning: LearningService, learner: Profile, course: Course, clock: FakeClock) -> None:
    lesson = _lesson(course, "kep")
    done = learning.close_lesson(learning.open_lesson(learner.id, lesson), 5, reached_end=True)
    clock.advance(days=1)
    again = learning.close_lesson(learning.open_lesson(learner.id, lesson), 5)
    assert again.completed_at == done.completed_at


def test_mark_read_by_hand(learning: LearningService, learner: Profile, clock: FakeClock) -> None:
    progress = learning.mark_read(learner.id, "passwords")
    assert progress.completed_at == clock.now and progress.visits == 0 and progress.first_opened_at is None
    clock.advance(hours=1)
    assert learning.mark_read(learner.id, "passwords").completed_at == progress.completed_at


def test_progress_per_lesson_module_and_course(
        learning: LearningService, learner: Profile, course: Course, sessions: sessionmaker[Session]) -> None:
    learning.mark_read(learner.id, "what-are-e-services")
    learning.mark_read(learner.id, "diia-portal")
    learning.close_lesson(learning.open_lesson(learner.id, _lesson(course, "passwords")), 30)
    learning.mark_read(learner.id, "a-lesson-removed-from-the-course")
    other = ProfileService(sessions).create("Віра")
    learning.mark_read(other.id, "kep")

    progress = learning.progress(learner.id, course)

    assert (progress.completed, progress.total, progress.percent) == (2, 4, 50)
    assert [(m.module_id, m.percent, m.started) for m in progress.modules] == [("e-services", 100, 0),
                                                                               ("safety", 0, 1)]
    assert progress.status("passwords").state is LessonState.STARTED
    assert progress.status("kep").state is LessonState.NOT_STARTED
    assert progress.first_unfinished() == "passwords"


def test_last_lesson_is_remembered_per_learner(
        learning: LearningService, learner: Profile, course: Course, sessions: sessionmaker[Session],
        clock: FakeClock) -> None:
    other = ProfileService(sessions).create("Віра")
    assert learning.last_lesson(learner.id) is None
    learning.open_lesson(learner.id, _lesson(course, "passwords"))
    clock.advance(minutes=1)
    learning.open_lesson(learner.id, _lesson(course, "diia-portal"))
    learning.open_lesson(other.id, _lesson(course, "kep"))
    assert LearningService(sessions).last_lesson(learner.id) == "diia-portal"
    assert learning.last_lesson(other.id) == "kep"


def test_bookmarks(learning: LearningService, learner: Profile, clock: FakeClock) -> None:
    lesson = LessonId("diia-portal")
    first = learning.add_bookmark(learner.id, lesson, label="  Цифрові   документи ")
    clock.advance(minutes=1)
    second = learning.add_bookmark(learner.id, lesson, anchor="vytiah", label="Витяг")
    relabelled = learning.add_bookmark(learner.id, lesson, label="Портал")
    learning.add_bookmark(learner.id, LessonId("kep"))
    assert first.label == "Цифрові документи"
    assert relabelled.uid == first.uid and relabelled.label == "Портал"
    assert [b.uid for b in learning.bookmarks(learner.id, lesson)] == [second.uid, first.uid]
    assert len(learning.bookmarks(learner.id)) == 3
    assert learning.remove_bookmark(learner.id, second.uid)
    assert not learning.remove_bookmark(learner.id, second.uid)
    assert [b.anchor for b in learning.bookmarks(learner.id, lesson)] == [""]


def test_notes(learning: LearningService, learner: Profile, clock: FakeClock) -> None:
    assert learning.note(learner.id, "kep") is None
    saved = learning.set_note(learner.id, "kep", "  Ключ КЕП — лише у власника.\n")
    assert saved is not None and saved.text == "Ключ КЕП — лише у власника." and saved.updated_at == clock.now
    clock.advance(minutes=5)
    edited = learning.set_note(learner.id, "kep", "Оновлено")
    assert edited is not None and edited.uid == saved.uid and edited.updated_at == clock.now
    assert learning.note(learner.id, "kep") == edited
    assert learning.notes(learner.id) == [edited]
    assert learning.set_note(learner.id, "kep", "   ") is None
    assert learning.note(learner.id, "kep") is None


def test_a_too_long_note_is_refused_and_the_old_one_kept(learning: LearningService, learner: Profile) -> None:
    learning.set_note(learner.id, "kep", "стара")
    with pytest.raises(NoteTooLong):
        learning.set_note(learner.id, "kep", "я" * (NOTE_MAX + 1))
    note = learning.note(learner.id, "kep")
    assert note is not None and note.text == "стара"


def test_an_unknown_learner_is_reported_and_nothing_is_written(
        learning: LearningService, course: Course, sessions: sessionmaker[Session]) -> None:
    missing = LearnerId(404)
    lesson = _lesson(course, "kep")
    for call in (lambda: learning.open_lesson(missing, lesson), lambda: learning.mark_read(missing, "kep"),
                 lambda: learning.add_bookmark(missing, "kep"), lambda: learning.set_note(missing, "kep", "x")):
        with pytest.raises(ProfileNotFound):
            call()
    with sessions.begin() as session:
        assert session.scalar(select(func.count()).select_from(LessonVisitRow)) == 0


def test_a_short_lesson_estimate_still_needs_some_reading(
        learning: LearningService, learner: Profile, course: Course) -> None:
    lesson = replace(_lesson(course, "kep"), minutes=0)  # counted as one minute: 36 seconds
    assert not learning.close_lesson(learning.open_lesson(learner.id, lesson), 35).completed
    assert learning.close_lesson(learning.open_lesson(learner.id, lesson), 1).completed
