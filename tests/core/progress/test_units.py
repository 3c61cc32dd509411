"""The one meaning of progress: units (lessons, quizzes, walkthroughs) and module states."""

from __future__ import annotations

import pytest

from etrainer.core.course.pack import load_pack
from etrainer.core.progress.units import Activity, ModuleState, course_units
from etrainer.paths import bundled_course_dir


@pytest.fixture(scope="module")
def course():
    return load_pack(bundled_course_dir()).course


def _first_module_with_everything(course):
    for module in course.modules:
        quizzes = [q.id for q in course.quizzes if q.module_id == module.id]
        walks = [s.id for s in course.scenarios if s.module_id == module.id]
        if module.lessons and quizzes and walks:
            return module, [lesson.id for lesson in module.lessons], quizzes, walks
    raise AssertionError("the bundled course has no module with lessons, a quiz and a walkthrough")


def test_nothing_done_is_not_started_and_zero_percent(course):
    units = course_units(course, Activity())
    assert {m.state for m in units.modules} == {ModuleState.NOT_STARTED}
    assert (units.done, units.percent, units.completed) == (0, 0, False)
    lessons = sum(len(m.lessons) for m in course.modules)
    assert units.total == lessons + len(course.quizzes) + len(course.scenarios)


def test_a_quiz_attempt_alone_puts_the_module_in_progress(course):
    module, _, quizzes, _ = _first_module_with_everything(course)
    units = course_units(course, Activity.of(quizzes_tried=[quizzes[0]]))
    assert units.module(module.id).state is ModuleState.IN_PROGRESS
    assert units.done == 0  # tried, not passed: no unit done yet


def test_a_walkthrough_tried_or_a_lesson_read_puts_the_module_in_progress(course):
    module, lessons, _, walks = _first_module_with_everything(course)
    assert course_units(course, Activity.of(walkthroughs_tried=[walks[0]])).module(module.id).state \
        is ModuleState.IN_PROGRESS
    read_one = course_units(course, Activity.of(lessons_read=[lessons[0]]))
    assert read_one.module(module.id).state is ModuleState.IN_PROGRESS and read_one.done == 1


def test_a_passed_quiz_counts_one_unit_of_the_course(course):
    _, _, quizzes, _ = _first_module_with_everything(course)
    units = course_units(course, Activity.of(quizzes_passed=[quizzes[0]]))
    assert units.done == 1 and units.percent == 100 // units.total


def test_a_module_is_done_only_with_lessons_read_quizzes_and_walkthroughs_passed(course):
    module, lessons, quizzes, walks = _first_module_with_everything(course)
    without_walk = course_units(course, Activity.of(lessons_read=lessons, quizzes_passed=quizzes,
                                                    walkthroughs_passed=walks[:-1]))
    assert without_walk.module(module.id).state is ModuleState.IN_PROGRESS
    done = course_units(course, Activity.of(lessons_read=lessons, quizzes_passed=quizzes, walkthroughs_passed=walks))
    assert done.module(module.id).state is ModuleState.DONE and done.module(module.id).percent == 100


def test_the_course_is_completed_only_when_every_unit_is_done_and_100_percent_means_that(course):
    lessons = [lesson.id for lesson in course.lessons()]
    quizzes = [q.id for q in course.quizzes]
    walks = [s.id for s in course.scenarios]
    almost = course_units(course, Activity.of(lessons, quizzes_passed=quizzes, walkthroughs_passed=walks[1:]))
    assert not almost.completed and almost.percent == 98  # 54 of 55 units, rounded down
    everything = course_units(course, Activity.of(lessons, quizzes_passed=quizzes, walkthroughs_passed=walks))
    assert everything.completed and everything.percent == 100 and everything.done == everything.total


def test_unknown_ids_are_ignored(course):
    assert course_units(course, Activity.of(["no-such-lesson"], ["no-quiz"], ["no-quiz"])).done == 0


def test_quizzes_outside_modules_form_their_own_group(course):
    units = course_units(course, Activity.of(quizzes_passed=["final-test"]))
    final = units.modules[-1]
    assert (final.module_id, final.quizzes_total, final.lessons_total, final.state) == (
        None, 1, 0, ModuleState.DONE)
    assert len(units.modules) == len(course.modules) + 1 and units.total == 38 + 9 + 8
