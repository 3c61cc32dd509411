"""The one meaning of progress (docs/progress.md), used by every screen, report and certificate.

A course is made of *units*: each lesson, each quiz and each walkthrough is one unit. A lesson is done
when it is read (`completion.lesson_completed`), a quiz when an attempt passed it, a walkthrough when an
attempt passed it (in practice or test mode).

A module is
- «не розпочато» (NOT_STARTED) while nothing in it is done or tried;
- «в процесі» (IN_PROGRESS) as soon as anything in it is done or tried: a lesson read, a quiz attempt
  (even unfinished or failed), a walkthrough tried;
- «пройдено» (DONE) when all its units are done: its lessons read, its quizzes passed, its walkthroughs
  passed.

Quizzes and walkthroughs outside any module (a final test) form a unit group of their own with
`module_id` None. Course completion is units done ÷ units in the course, as a whole percent rounded
down (100 % only when everything is done); the course is completed — and a certificate can be
printed — when every unit is done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from etrainer.core.course.model import Course


class ModuleState(Enum):
    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Activity:
    """What one learner has done in a course, by id (ids not in the course are ignored)."""

    lessons_read: frozenset[str] = frozenset()
    quizzes_tried: frozenset[str] = frozenset()
    """Quizzes with any attempt, finished or not (review sessions are not quiz attempts)."""
    quizzes_passed: frozenset[str] = frozenset()
    walkthroughs_tried: frozenset[str] = frozenset()
    walkthroughs_passed: frozenset[str] = frozenset()

    @classmethod
    def of(cls, lessons_read: Iterable[str] = (), quizzes_tried: Iterable[str] = (),
           quizzes_passed: Iterable[str] = (), walkthroughs_tried: Iterable[str] = (),
           walkthroughs_passed: Iterable[str] = ()) -> Activity:
        passed_q, passed_w = frozenset(quizzes_passed), frozenset(walkthroughs_passed)
        return cls(frozenset(lessons_read), frozenset(quizzes_tried) | passed_q, passed_q,
                   frozenset(walkthroughs_tried) | passed_w, passed_w)


def _percent(done: int, total: int) -> int:
    """Whole percent, rounded down so that 100 % means everything is done."""
    return done * 100 // total if total else 0


@dataclass(frozen=True, slots=True)
class ModuleUnits:
    module_id: str | None
    """None: the quizzes and walkthroughs outside any module."""
    lessons_read: int
    lessons_total: int
    quizzes_passed: int
    quizzes_total: int
    walkthroughs_passed: int
    walkthroughs_total: int
    touched: bool
    """Anything in the module done or tried."""

    @property
    def done(self) -> int:
        return self.lessons_read + self.quizzes_passed + self.walkthroughs_passed

    @property
    def total(self) -> int:
        return self.lessons_total + self.quizzes_total + self.walkthroughs_total

    @property
    def percent(self) -> int:
        return _percent(self.done, self.total)

    @property
    def share(self) -> float:
        """0..1, units done ÷ units."""
        return self.done / self.total if self.total else 0.0

    @property
    def state(self) -> ModuleState:
        if self.total and self.done == self.total:
            return ModuleState.DONE
        return ModuleState.IN_PROGRESS if self.touched or self.done else ModuleState.NOT_STARTED


@dataclass(frozen=True, slots=True)
class CourseUnits:
    modules: tuple[ModuleUnits, ...]
    """In course order; the group of units outside modules (module_id None), if any, last."""

    @property
    def done(self) -> int:
        return sum(m.done for m in self.modules)

    @property
    def total(self) -> int:
        return sum(m.total for m in self.modules)

    @property
    def percent(self) -> int:
        return _percent(self.done, self.total)

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def completed(self) -> bool:
        return self.total > 0 and self.done == self.total

    def module(self, module_id: str | None) -> ModuleUnits | None:
        return next((m for m in self.modules if m.module_id == module_id), None)


def course_units(course: Course, activity: Activity) -> CourseUnits:
    """Every module's units of `course` and how many of them `activity` has done."""
    known = {module.id for module in course.modules}
    groups: list[str | None] = [module.id for module in course.modules]
    loose = [q for q in course.quizzes if q.module_id not in known] + [
        s for s in course.scenarios if s.module_id not in known]
    if loose:
        groups.append(None)
    lessons = {module.id: [lesson.id for lesson in module.lessons] for module in course.modules}
    quizzes: dict[str | None, list[str]] = {}
    for quiz in course.quizzes:
        quizzes.setdefault(quiz.module_id if quiz.module_id in known else None, []).append(quiz.id)
    scenarios: dict[str | None, list[str]] = {}
    for scenario in course.scenarios:
        scenarios.setdefault(scenario.module_id if scenario.module_id in known else None, []).append(scenario.id)
    modules = []
    for group in groups:
        group_lessons = lessons.get(group, []) if group is not None else []
        group_quizzes, group_walks = quizzes.get(group, []), scenarios.get(group, [])
        touched = (any(q in activity.quizzes_tried for q in group_quizzes)
                   or any(s in activity.walkthroughs_tried for s in group_walks))
        modules.append(ModuleUnits(
            group, sum(1 for x in group_lessons if x in activity.lessons_read), len(group_lessons),
            sum(1 for q in group_quizzes if q in activity.quizzes_passed), len(group_quizzes),
            sum(1 for s in group_walks if s in activity.walkthroughs_passed), len(group_walks), touched))
    return CourseUnits(tuple(modules))
