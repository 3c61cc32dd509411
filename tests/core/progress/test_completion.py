"""The completion rule and the course summary (pure core, no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from tests.conftest import build_course

from etrainer.core.ids import LessonId
from etrainer.core.progress.completion import LessonProgress, LessonState, lesson_completed, summarize

WHEN = datetime(2025, 3, 12, 10, tzinfo=UTC)


def _progress(lesson_id: str, seconds: int = 60, done: bool = False) -> LessonProgress:
    return LessonProgress(LessonId(lesson_id), WHEN, WHEN, WHEN if done else None, seconds, 1)


@pytest.mark.parametrize(("seconds", "minutes", "reached_end", "expected"), [
    (0, 10, True, True),
    (359, 10, False, False),
    (360, 10, False, True),
    (35, 0, False, False),     # an estimate below one minute counts as one minute
    (36, 0, False, True),
    (7199, 200, False, False),
    (7200, 200, False, True),
])
def test_a_lesson_is_read_at_its_end_or_after_sixty_percent_of_its_minutes(
        seconds: int, minutes: int, reached_end: bool, expected: bool) -> None:
    assert lesson_completed(seconds, minutes, reached_end) is expected


def test_summary_per_lesson_module_and_course() -> None:
    course = build_course()
    summary = summarize(course, [_progress("what-are-e-services", 400, done=True), _progress("passwords", 50),
                                 _progress("not-in-the-course", 999, done=True)])
    assert [(s.lesson_id, s.state) for s in summary.lessons] == [
        ("what-are-e-services", LessonState.COMPLETED), ("diia-portal", LessonState.NOT_STARTED),
        ("passwords", LessonState.STARTED), ("kep", LessonState.NOT_STARTED)]
    first, second = summary.modules
    assert (first.completed, first.started, first.total, first.percent, first.seconds) == (1, 0, 2, 50, 400)
    assert (second.completed, second.started, second.total, second.percent, second.seconds) == (0, 1, 2, 0, 50)
    assert (summary.completed, summary.total, summary.percent, summary.seconds) == (1, 4, 25, 450)
    assert summary.is_completed("what-are-e-services") and not summary.is_completed("passwords")
    assert summary.is_started("passwords") and not summary.is_started("what-are-e-services")
    assert not summary.is_started("kep") and not summary.is_started("not-in-the-course")
    assert summary.completed_ids() == ["what-are-e-services"]
    assert summary.module("safety") == second and summary.module("nope") is None
    assert summary.first_unfinished() == "diia-portal"


def test_percent_is_rounded_down_so_100_means_all_done() -> None:
    course = build_course()
    done = [_progress(lesson.id, done=True) for lesson in list(course.lessons())[:3]]
    summary = summarize(course, done)
    assert summary.percent == 75
    everything = summarize(course, [_progress(lesson.id, done=True) for lesson in course.lessons()])
    assert everything.percent == 100 and everything.first_unfinished() is None


def test_an_empty_course_is_zero_percent() -> None:
    empty = replace(build_course(), modules=(), _lessons={})
    summary = summarize(empty, [_progress("kep", done=True)])
    assert (summary.total, summary.percent, summary.modules) == (0, 0, ())
