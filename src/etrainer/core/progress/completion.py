"""Reading progress: when a lesson counts as read, and per-lesson/module/course completion.

The rule (`lesson_completed`): a lesson counts as read once the learner has reached its end
(scrolled to the bottom, or pressed "next" from it), or once the time she spent on it, summed over
all her visits, is at least 60 % of its estimated minutes. Completion is sticky: reading a lesson
again never un-reads it. Progress is keyed by the lesson's stable id, so edits keep it; progress
on lessons no longer in the course is kept in storage but left out of the course figures.

Essays (reflection questions, core.quiz.essay): a quiz that has them is passed when its automatic score
reaches the pass mark and every essay was sent; a sent essay counts as done for the module and the
course even while it waits for the methodist's mark, and the mark never changes passing or completion.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from etrainer.core.course.model import Course
from etrainer.core.ids import CourseId, LearnerId, LessonId, ModuleId

COMPLETION_SHARE = 0.6
"""The share of a lesson's estimated minutes that counts it as read."""


def lesson_completed(total_seconds: float, minutes: int, reached_end: bool) -> bool:
    """True when a lesson counts as read (see the module docstring); `minutes` below 1 counts as 1."""
    if reached_end:
        return True
    return total_seconds >= COMPLETION_SHARE * max(minutes, 1) * 60


@dataclass(frozen=True, slots=True)
class VisitToken:
    """One opening of a lesson, handed back to `LearningService.close_lesson`."""

    visit_uid: str
    learner: LearnerId
    lesson_id: LessonId
    minutes: int
    opened_at: datetime


@dataclass(frozen=True, slots=True)
class LessonProgress:
    """What is stored about one learner and one lesson."""

    lesson_id: LessonId
    first_opened_at: datetime | None
    last_opened_at: datetime | None
    completed_at: datetime | None
    total_seconds: int = 0
    visits: int = 0
    anchor: str | None = None
    """The last heading anchor the learner was at, for "continue where I stopped"."""
    scroll: float | None = None
    """The last scroll position as a fraction 0.0–1.0 of the lesson's height."""
    uid: str = ""

    @property
    def completed(self) -> bool:
        return self.completed_at is not None


class LessonState(Enum):
    NOT_STARTED = "not-started"
    STARTED = "started"
    COMPLETED = "completed"


@dataclass(frozen=True, slots=True)
class LessonStatus:
    lesson_id: LessonId
    module_id: ModuleId
    state: LessonState
    seconds: int
    completed_at: datetime | None


def _percent(done: int, total: int) -> int:
    """Whole percent, rounded down so that 100 % means everything is done."""
    return done * 100 // total if total else 0


@dataclass(frozen=True, slots=True)
class ModuleProgress:
    module_id: ModuleId
    completed: int
    started: int
    total: int
    seconds: int

    @property
    def percent(self) -> int:
        return _percent(self.completed, self.total)


@dataclass(frozen=True, slots=True)
class CourseProgress:
    """One learner's completion of one course; `lessons` and `modules` are in course order."""

    course_id: CourseId
    lessons: tuple[LessonStatus, ...]
    modules: tuple[ModuleProgress, ...]
    _by_lesson: dict[str, LessonStatus] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_lesson.update((status.lesson_id, status) for status in self.lessons)

    @property
    def completed(self) -> int:
        return sum(1 for status in self.lessons if status.state is LessonState.COMPLETED)

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def seconds(self) -> int:
        return sum(status.seconds for status in self.lessons)

    @property
    def percent(self) -> int:
        return _percent(self.completed, self.total)

    def status(self, lesson_id: str) -> LessonStatus | None:
        return self._by_lesson.get(lesson_id)

    def completed_ids(self) -> list[LessonId]:
        """The read lessons' ids, in course order."""
        return [status.lesson_id for status in self.lessons if status.state is LessonState.COMPLETED]

    def is_completed(self, lesson_id: str) -> bool:
        status = self._by_lesson.get(lesson_id)
        return status is not None and status.state is LessonState.COMPLETED

    def is_started(self, lesson_id: str) -> bool:
        """Opened but not read yet."""
        status = self._by_lesson.get(lesson_id)
        return status is not None and status.state is LessonState.STARTED

    def module(self, module_id: str) -> ModuleProgress | None:
        return next((m for m in self.modules if m.module_id == module_id), None)

    def first_unfinished(self) -> LessonId | None:
        """The first lesson in course order that is not read yet (None when all are)."""
        return next((s.lesson_id for s in self.lessons if s.state is not LessonState.COMPLETED), None)


def summarize(course: Course, progress: Iterable[LessonProgress]) -> CourseProgress:
    """Per-lesson, per-module and course completion of `course` from one learner's stored progress."""
    by_lesson: Mapping[str, LessonProgress] = {item.lesson_id: item for item in progress}
    statuses: list[LessonStatus] = []
    modules: list[ModuleProgress] = []
    for module in course.modules:
        completed = started = seconds = 0
        for lesson in module.lessons:
            item = by_lesson.get(lesson.id)
            if item is None:
                state, spent, done_at = LessonState.NOT_STARTED, 0, None
            else:
                state = LessonState.COMPLETED if item.completed else LessonState.STARTED
                spent, done_at = item.total_seconds, item.completed_at
            completed += state is LessonState.COMPLETED
            started += state is LessonState.STARTED
            seconds += spent
            statuses.append(LessonStatus(lesson.id, module.id, state, spent, done_at))
        modules.append(ModuleProgress(module.id, completed, started, len(module.lessons), seconds))
    return CourseProgress(course.id, tuple(statuses), tuple(modules))
