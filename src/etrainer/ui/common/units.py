"""The learner's progress in units (core.progress.units) from what the reader's view model knows.

`core.progress.completion` is imported for type checking only: the first window has no learner yet, and
that module (with `datetime` and five dataclasses, about 6 ms) can wait until one is chosen."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from etrainer.core.progress.units import Activity, CourseUnits, ModuleState, course_units

if TYPE_CHECKING:
    from etrainer.core.course.model import Course
    from etrainer.core.progress.completion import CourseProgress
    from etrainer.services.quizzes import QuizStatus


def units_for(course: Course, progress: CourseProgress | None, quizzes: Mapping[str, QuizStatus] | None,
              walkthroughs: Mapping[str, str] | None) -> CourseUnits:
    """`quizzes`: quiz id → QuizStatus; `walkthroughs`: scenario id → ✓ (passed) or ● (tried)."""
    quizzes, walkthroughs = quizzes or {}, walkthroughs or {}
    read = progress.completed_ids() if progress else []
    return course_units(course, Activity.of(
        read, quizzes_tried=[q for q, s in quizzes.items() if s.finished_attempts or s.unfinished],
        quizzes_passed=[q for q, s in quizzes.items() if s.passed], walkthroughs_tried=list(walkthroughs),
        walkthroughs_passed=[w for w, mark in walkthroughs.items() if mark == "✓"]))


#: The mark shown before a module in the tree and on its home card.
STATE_MARKS = {ModuleState.NOT_STARTED: "○", ModuleState.IN_PROGRESS: "●", ModuleState.DONE: "✓"}


def state_of(units: CourseUnits, module_id: str | None) -> ModuleState:
    found = units.module(module_id)
    return found.state if found is not None else ModuleState.NOT_STARTED
