"""Home cards, the tree and «Мій курс» use the one meaning of progress (docs/progress.md)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFrame, QLabel

from etrainer.core.course.pack import load_pack
from etrainer.core.progress.completion import summarize
from etrainer.paths import bundled_course_dir
from etrainer.services.quizzes import QuizStatus
from etrainer.ui.course_tree import CourseTree, TreeMarks
from etrainer.ui.home_page import HomePage


@pytest.fixture(scope="module")
def course():
    return load_pack(bundled_course_dir()).course


def _cards(page: HomePage) -> list[QFrame]:
    return page.widget().findChildren(QFrame, "moduleCard")


def test_a_card_with_a_quiz_result_is_in_progress_not_not_started(qtbot, course):
    quiz = next(q for q in course.quizzes if q.module_id == course.modules[0].id)
    page = HomePage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()  # the cards are built at the page's real width, once it is shown
    statuses = {quiz.id: QuizStatus(quiz.id, 1, None, 0.69, False, False)}
    page.show_course(course, summarize(course, []), "Ірина Коваль", None, statuses, {})
    first, second = _cards(page)[:2]
    assert "In progress" in first.findChild(QLabel, "cardState").text()
    assert "69" in first.findChild(QLabel, "cardQuiz").text()
    assert "Not started" in second.findChild(QLabel, "cardState").text()


def test_a_passed_quiz_and_walkthrough_count_in_the_course_percent(qtbot, course):
    quizzes = {q.id: QuizStatus(q.id, 1, None, 1.0, True, False) for q in course.quizzes}
    walks = {s.id: "✓" for s in course.scenarios}
    page = HomePage()
    qtbot.addWidget(page)
    page.show()
    page.show_course(course, summarize(course, []), "Ірина Коваль", None, quizzes, walks)
    summary = page.widget().findChild(QLabel, "courseSummary").text()
    units = 38 + len(course.quizzes) + len(course.scenarios)
    done = len(course.quizzes) + len(course.scenarios)
    assert f"{done * 100 // units}" in summary and f"{done} of {units}" in summary


def test_the_tree_marks_a_module_with_only_a_walkthrough_tried_as_started(qtbot, course):
    scenario = course.scenarios[0]
    tree = CourseTree()
    qtbot.addWidget(tree)
    tree.populate(course, TreeMarks(summarize(course, []), {}, {scenario.id: "●"}), None)
    number = next(i for i, m in enumerate(course.modules) if m.id == scenario.module_id)
    assert tree.topLevelItem(number).text(0).startswith("●")
    others = [tree.topLevelItem(i).text(0) for i in range(len(course.modules)) if i != number]
    assert others and all(text.startswith("○") for text in others)


def test_the_tree_marks_each_lesson_read_opened_or_not_yet(qtbot, course):
    from datetime import UTC, datetime

    from etrainer.core.ids import LessonId
    from etrainer.core.progress.completion import LessonProgress

    when = datetime(2025, 3, 12, 10, tzinfo=UTC)
    read, opened, untouched = [lesson.id for lesson in course.modules[0].lessons[:3]]
    progress = summarize(course, [LessonProgress(LessonId(read), when, when, when, 600, 1),
                                  LessonProgress(LessonId(opened), when, when, None, 5, 1)])
    tree = CourseTree()
    qtbot.addWidget(tree)
    tree.populate(course, TreeMarks(progress, {}, {}), None)
    module = tree.topLevelItem(0)
    marks = {module.child(i).data(0, 256): module.child(i).text(0)[0] for i in range(module.childCount())}
    assert (marks[read], marks[opened], marks[untouched]) == ("✓", "●", "○")
