"""Take a whole quiz through the real main window, by keyboard and by mouse; resume; review deck."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)
from sqlalchemy import select

from etrainer.core.course.pack import load_pack
from etrainer.services.facade import AppServices, open_app_services
from etrainer.services.quizzes import QuizService
from etrainer.storage.models import QuizAttemptRow, QuizResponseRow, utc_now
from etrainer.ui.main_window import MainWindow
from etrainer.ui.quiz.answers import HotspotAnswer
from etrainer.ui.viewmodels.reader import ReaderViewModel

from .conftest import GOOD_PACK, type_text

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(GOOD_PACK, root)
    shutil.copy(DATA / "ui" / "basics.quiz.yaml", root / "01-basics" / "basics.quiz.yaml")
    (root / "01-basics" / "images").mkdir(exist_ok=True)
    shutil.copy(DATA / "quiz" / "images" / "diia-form.png", root / "01-basics" / "images" / "diia-form.png")
    return root


def open_window(qtbot, pack: Path, data: Path, name: str = "Марта Коваль") -> tuple[MainWindow, AppServices]:
    result = load_pack(pack)
    assert not result.problems, [p.format() for p in result.problems]
    services = open_app_services(data)
    vm = ReaderViewModel(result.course, result.problems, services)
    window = MainWindow(vm)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    profile = next((p for p in services.profiles.list() if p.name == name), None) or \
        services.profiles.create(name, "Філія № 3", "бібліотекарка")
    vm.set_learner(profile)
    return window, services


def click_tree(qtbot, window: MainWindow, text: str) -> None:
    tree = window.findChild(QTreeWidget, "courseTree")
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    items += [item.child(j) for item in list(items) for j in range(item.childCount())]
    item = next(i for i in items if text in i.text(0))
    if item.parent():
        item.parent().setExpanded(True)
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def page(window: MainWindow) -> str:
    return window.findChild(QStackedWidget, "quizStack").currentWidget().objectName()


def heading(window: MainWindow) -> str:
    return window.findChild(QLabel, "quizHeading").text()


def feedback(window: MainWindow) -> str:
    return window.findChild(QLabel, "feedbackPanel").text()


def quiz_page(window: MainWindow) -> QWidget:
    return window.findChild(QWidget, "quizPage")


def stored_responses(services: AppServices) -> list[tuple[str, bool]]:
    with services.database.sessions.begin() as session:
        rows = session.scalars(select(QuizResponseRow).order_by(QuizResponseRow.position)).all()
        return [(r.question_id, r.correct) for r in rows]


def test_a_whole_quiz_by_keyboard(qtbot, pack, tmp_path):
    window, services = open_window(qtbot, pack, tmp_path / "data")
    click_tree(qtbot, window, "Перевірка — основи")
    assert page(window) == "quizIntro"
    qtbot.keyClick(window.findChild(QPushButton, "startQuizButton"), Qt.Key.Key_Space)
    assert page(window) == "quizQuestion" and "1 of 9" in heading(window)  # tests run untranslated
    keys = quiz_page(window)

    def check_and_next() -> None:
        qtbot.keyClick(keys, Qt.Key.Key_Return)   # check
        assert window.findChild(QLabel, "feedbackPanel").isVisible()
        qtbot.keyClick(keys, Qt.Key.Key_Return)   # next

    qtbot.keyClick(keys, Qt.Key.Key_2)            # single choice: option 2 is right
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    assert "✓" in feedback(window)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    qtbot.keyClick(keys, Qt.Key.Key_1)            # multiple: 1 and 3
    qtbot.keyClick(keys, Qt.Key.Key_3)
    check_and_next()
    qtbot.keyClick(keys, Qt.Key.Key_2)            # true/false: "False" is wrong
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    assert "✗" in feedback(window)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    field = window.findChild(QLineEdit, "answerField")
    type_text(field, "київ")                      # short answer, any case
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "✓" in feedback(window)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    field = window.findChild(QLineEdit, "answerField")
    qtbot.keyClicks(field, "30")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    for number, value in ((1, "підпис"), (2, "центр")):   # matching by keyboard: type to select in the list
        box = window.findChild(QComboBox, f"match{number}")
        box.setFocus()
        box.setCurrentIndex(box.findText(value))
    check_and_next()
    order = window.findChild(QListWidget, "orderingList")
    texts = [order.item(i).text() for i in range(order.count())]
    for wanted_row, text in enumerate(["Увійти", "Заповнити", "Надіслати"]):   # Alt+Up moves the current item
        order.setCurrentRow(texts.index(text))
        for _ in range(texts.index(text) - wanted_row):
            qtbot.keyClick(order, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        texts = [order.item(i).text() for i in range(order.count())]
    assert texts == ["Увійти", "Заповнити", "Надіслати"]
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    assert "✓" in feedback(window)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    type_text(window.findChild(QLineEdit, "gap1"), "ЦНАП")
    gap = window.findChild(QComboBox, "gap2")
    gap.setCurrentIndex(gap.findText("«Дія»"))
    check_and_next()
    window.findChild(HotspotAnswer).click_at(300, 260)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    qtbot.keyClick(keys, Qt.Key.Key_Return)       # "See the results"
    assert page(window) == "quizResults"
    score = window.findChild(QLabel, "resultScore").text()
    assert "89%" in score  # 8 of 9 right
    assert [c for _, c in stored_responses(services)] == [True, True, False, True, True, True, True, True, True]
    review = window.findChild(QTextBrowser, "resultReview").toPlainText()
    assert "КЕП від КНЕДП ДПС безоплатний" in review
    services.close()


def test_a_quiz_by_mouse_and_the_review_deck(qtbot, pack, tmp_path):
    window, services = open_window(qtbot, pack, tmp_path / "data")
    click_tree(qtbot, window, "Перевірка — основи")
    qtbot.mouseClick(window.findChild(QPushButton, "startQuizButton"), Qt.MouseButton.LeftButton)
    check = window.findChild(QPushButton, "checkButton")
    assert not check.isEnabled()  # nothing chosen yet
    qtbot.mouseClick(window.findChild(QRadioButton, "option1"), Qt.MouseButton.LeftButton)  # wrong
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert "✗" in feedback(window) and "Орган місцевого самоврядування" in feedback(window)
    assert not window.findChild(QRadioButton, "option2").isEnabled()  # checked answers are final
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    for number in range(2, 9):  # questions 2..8: give some answer to each
        assert page(window) == "quizQuestion" and str(number) in heading(window).split("·")[1], heading(window)
        answer = window.findChild(QAbstractButton, "option1")
        if answer is not None and answer.isVisible():
            qtbot.mouseClick(answer, Qt.MouseButton.LeftButton)
        elif (field := window.findChild(QLineEdit, "answerField")) is not None and field.isVisible():
            qtbot.keyClicks(field, "1")
        elif (gap := window.findChild(QLineEdit, "gap1")) is not None and gap.isVisible():
            qtbot.keyClicks(gap, "x")
        elif (box := window.findChild(QComboBox, "match1")) is not None and box.isVisible():
            box.setCurrentIndex(2)
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    picture = window.findChild(HotspotAnswer)
    scale = picture.width() / 400 if picture.width() < 400 else 1.0
    qtbot.mouseClick(picture, Qt.MouseButton.LeftButton, pos=QPoint(int(300 * scale), int(260 * scale)))
    assert picture.response() is not None
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert "✓" in feedback(window)
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert page(window) == "quizResults"
    assert "✗" in window.findChild(QLabel, "resultScore").text()

    # The next day the review deck offers the questions answered wrong.
    tomorrow = utc_now() + timedelta(days=1)
    services.quizzes = QuizService(services.database.sessions, clock=lambda: tomorrow)
    window.vm.set_learner(window.vm.learner)
    wrong = sum(1 for _, correct in stored_responses(services) if not correct)
    assert f"({wrong})" in window.findChild(QWidget, "reviewButton").text()
    qtbot.mouseClick(window.findChild(QWidget, "reviewButton"), Qt.MouseButton.LeftButton)
    assert page(window) == "quizQuestion" and f"1 of {wrong}" in heading(window)
    services.close()


def test_an_interrupted_quiz_resumes_after_a_restart(qtbot, pack, tmp_path):
    window, services = open_window(qtbot, pack, tmp_path / "data")
    click_tree(qtbot, window, "Перевірка — основи")
    qtbot.mouseClick(window.findChild(QPushButton, "startQuizButton"), Qt.MouseButton.LeftButton)
    keys = quiz_page(window)
    qtbot.keyClick(keys, Qt.Key.Key_2)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    window.close()
    services.close()

    window, services = open_window(qtbot, pack, tmp_path / "data")
    click_tree(qtbot, window, "Перевірка — основи")
    resume = window.findChild(QPushButton, "resumeQuizButton")
    assert resume.isVisible()
    qtbot.mouseClick(resume, Qt.MouseButton.LeftButton)
    assert "2" in heading(window).split("·")[1]
    with services.database.sessions.begin() as session:
        assert len(session.scalars(select(QuizAttemptRow)).all()) == 1
    services.close()


def test_the_tree_lists_walkthroughs_and_opens_them_full_width(qtbot, pack, tmp_path):
    scenario = (DATA / "scenarios" / "all-controls.scenario.yaml").read_text(encoding="utf-8")
    (pack / "01-basics" / "all-controls.scenario.yaml").write_text("module: basics\n" + scenario, encoding="utf-8")
    window, services = open_window(qtbot, pack, tmp_path / "data")
    tree = window.findChild(QTreeWidget, "courseTree")
    click_tree(qtbot, window, "Тестовий сценарій")
    page_widget = window.findChild(QWidget, "walkthroughPage")
    assert window.findChild(QStackedWidget, "pages").currentWidget() is page_widget
    assert not tree.isVisible()  # the simulator takes the whole width
    qtbot.mouseClick(window.findChild(QPushButton, "walkthroughBackButton"), Qt.MouseButton.LeftButton)
    assert tree.isVisible()
    services.close()


def test_a_number_with_words_is_refused_before_grading(qtbot, pack, tmp_path):
    """«30 днів» in a numerical question: an inline note, no answer stored; «30» then counts as right."""
    window, services = open_window(qtbot, pack, tmp_path / "data")
    click_tree(qtbot, window, "Перевірка — основи")
    qtbot.keyClick(window.findChild(QPushButton, "startQuizButton"), Qt.Key.Key_Space)
    quiz = quiz_page(window)
    while window.findChild(QLineEdit, "answerField") is None or "number" not in \
            window.findChild(QLineEdit, "answerField").placeholderText():
        quiz.vm.go(quiz.vm.attempt.position + 1)
    before = len(stored_responses(services))
    field = window.findChild(QLineEdit, "answerField")
    type_text(field, "30 днів")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "without words" in feedback(window) and window.findChild(QLabel, "feedbackPanel").isVisible()
    assert len(stored_responses(services)) == before
    assert quiz.vm.attempt.position not in quiz.vm.attempt.answers
    field.clear()
    qtbot.keyClicks(field, "30")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "✓" in feedback(window)
    assert stored_responses(services)[-1][1] is True
    services.close()


def test_the_review_speaks_to_learners_without_codes_or_coordinates(qtbot, pack, tmp_path):
    from etrainer.core.quiz.grading import grade
    from etrainer.core.quiz.model import QuestionKind
    from etrainer.core.quiz.response import ClozeResponse, HotspotResponse
    from etrainer.ui.quiz.page import _feedback_html, shown

    window, services = open_window(qtbot, pack, tmp_path / "data")
    quiz = next(q for q in window.vm.course.quizzes if q.questions)
    by_kind = {q.kind: q for q in quiz.questions}
    hotspot = grade(by_kind[QuestionKind.HOTSPOT], HotspotResponse(3, 4))
    text = _feedback_html(hotspot, QuestionKind.HOTSPOT) + " ".join(shown(g) for g in hotspot.given)
    assert "(3, 4)" not in text and "A click on the picture" in text
    cloze = grade(by_kind[QuestionKind.CLOZE], ClozeResponse(("30", None)))
    lines = [shown(line, QuestionKind.CLOZE) for line in cloze.given]
    assert lines[0].startswith("gap [1]: ") and all(not line[0].isdigit() for line in lines)
    graded = grade(by_kind[QuestionKind.SINGLE_CHOICE], None)
    coded = type(graded)(**{**{f: getattr(graded, f) for f in graded.__slots__}, "source": "FACTS §6.3"})
    assert "FACTS" not in _feedback_html(coded) and "Source" not in _feedback_html(coded)
    services.close()


PAGES_QUIZ = """\
id: basics-quiz
title: Перевірка — основи
module: basics
pass_mark: 100%
feedback: immediate
shuffle_options: false
questions:
  - id: ui-single
    type: single_choice
    text: Хто утворює **ЦНАП**?
    options:
      - text: Бібліотека
      - text: Орган місцевого самоврядування
        correct: true
  - id: ui-page
    type: description
    title: Далі — «Дія»
    text: Наступне питання — про **«Дію»**. Прочитайте й натисніть «Далі».
  - id: ui-true-false
    type: true_false
    text: КЕП можна отримати в банку.
    correct: true
"""


def test_an_information_page_is_read_with_next_and_counts_no_points(qtbot, pack, tmp_path):
    (pack / "01-basics" / "basics.quiz.yaml").write_text(PAGES_QUIZ, encoding="utf-8")
    window, services = open_window(qtbot, pack, tmp_path / "data")
    click_tree(qtbot, window, "Перевірка — основи")
    assert "Questions: 2" in window.findChild(QLabel, "quizIntroText").text()  # the page is not a question
    qtbot.mouseClick(window.findChild(QPushButton, "startQuizButton"), Qt.MouseButton.LeftButton)
    keys = quiz_page(window)
    qtbot.keyClick(keys, Qt.Key.Key_2)
    qtbot.keyClick(keys, Qt.Key.Key_Return)       # check
    qtbot.keyClick(keys, Qt.Key.Key_Return)       # next: the information page
    assert "page 2 of 3" in heading(window)
    text = window.findChild(QLabel, "questionText").text()
    assert "<b>«Дію»</b>" in text or "<strong>«Дію»</strong>" in text
    assert window.findChild(QWidget, "informationPage") is not None  # nothing to pick or type
    next_button = window.findChild(QPushButton, "checkButton")
    assert next_button.isEnabled() and next_button.text() == "Next ▸"
    assert not window.findChild(QLabel, "feedbackPanel").isVisible()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert "question 3 of 3" in heading(window)
    qtbot.keyClick(keys, Qt.Key.Key_1)            # true
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    qtbot.keyClick(keys, Qt.Key.Key_Return)       # see the results: no question «without an answer» asked
    assert page(window) == "quizResults"
    score = window.findChild(QLabel, "resultScore").text()
    assert "100%" in score and "✓ Passed" in score  # the page took no answer and cost no points
    review = window.findChild(QTextBrowser, "resultReview").toPlainText()
    assert "Далі — «Дія»" not in review and "No answer" not in review
    assert [qid for qid, _ in stored_responses(services)] == ["ui-single", "ui-true-false"]
    services.close()
