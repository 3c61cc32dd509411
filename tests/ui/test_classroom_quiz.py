"""The classroom quiz window: set-up, countdown on a fake clock, reveal, tally, scoreboard, summary files."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPlainTextEdit, QPushButton, QSpinBox, QWidget

from etrainer.core.classroom.quiz import (
    ClassroomSession,
    ClassroomSettings,
    Stage,
    TallyMode,
    classroom_question,
    eligible_questions,
)
from etrainer.core.classroom.summary import load_summary
from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.core.quiz.model import QuestionKind
from etrainer.paths import bundled_course_dir
from etrainer.ui.classroom import projector
from etrainer.ui.classroom.quiz_board import QuizBoard
from etrainer.ui.classroom.quiz_screen import ClassroomQuizWindow, start_classroom_quiz
from etrainer.ui.theme import Theme, apply_theme

from .conftest import type_text


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def course() -> Course:
    return load_pack(bundled_course_dir()).course


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def beeps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    monkeypatch.setattr(projector, "beep", lambda: calls.append(1))
    return calls


def make_window(qtbot, course: Course, clock: FakeClock) -> ClassroomQuizWindow:  # type: ignore[no-untyped-def]
    window = ClassroomQuizWindow(course, course.quiz("admin-services-quiz"), clock, random.Random(4))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    return window


def child(window: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def press_text(widget: QWidget, text: str) -> None:
    """A key that types `text` with no Qt key code (as a Ukrainian keyboard layout sends «к»)."""
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, text))


def test_setup_starts_a_hands_quiz_with_lettered_tiles(qtbot, course, clock):
    window = make_window(qtbot, course, clock)
    combo = child(window, QComboBox, "quizCombo")
    assert combo.count() == sum(1 for q in course.quizzes if eligible_questions(q, course.quizzes))
    child(window, QSpinBox, "countSpin").setValue(2)
    child(window, QSpinBox, "secondsSpin").setValue(20)
    qtbot.mouseClick(child(window, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    session = window.session
    assert session is not None and len(session.questions) == 2 and session.settings.seconds == 20
    assert all(q.kind.value in {"single_choice", "multiple_choice", "true_false"} for q in session.questions)
    letters = [label.text() for label in window.findChildren(QLabel, "optionLetter")]
    assert letters == list("АБВГДЕ"[:len(session.current.options)])
    assert child(window, QLabel, "questionProgress").text() == "Question 1 of 2"
    assert child(window, QLabel, "countdownDigits").text() == "0:20"


def test_countdown_runs_on_the_fake_clock_and_beeps_once_when_time_is_up(qtbot, course, clock, beeps):
    window = make_window(qtbot, course, clock)
    child(window, QSpinBox, "secondsSpin").setValue(20)
    qtbot.mouseClick(child(window, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    digits = child(window, QLabel, "countdownDigits")
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.session.stage is Stage.VOTING
    clock.now += 7.5
    qtbot.waitUntil(lambda: digits.text() == "0:13", timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Space)  # pause
    clock.now += 100
    qtbot.wait(300)
    assert digits.text() == "0:13" and not beeps
    qtbot.keyClick(window, Qt.Key.Key_Space)  # resume
    clock.now += 13
    qtbot.waitUntil(lambda: digits.text() == "0:00", timeout=2000)
    qtbot.wait(300)
    assert beeps == [1]
    assert child(window, QLabel, "stageLabel").text().startswith("Time is up")
    assert digits.property("state") == "over"


def test_reveal_marks_the_right_tiles_and_shows_the_explanation(qtbot, course, clock):
    window = make_window(qtbot, course, clock)
    qtbot.mouseClick(child(window, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    question = window.session.current
    press_text(window, "к")  # R on a Ukrainian layout
    assert window.session.stage is Stage.REVEALED
    states = {tile.letter: tile.property("state") for tile in window.findChildren(QWidget, "optionTile")}
    assert states == {o.letter: ("right" if o.correct else "dim") for o in question.options}
    explanation = child(window, QLabel, "explanationText")
    board = window.findChild(QuizBoard)
    while board.split and board.part != "why":  # a long question shows its explanation on a page of its own
        press_text(window, "o")
    assert explanation.isVisible() and "Why:" in explanation.text()
    assert child(window, QLabel, "stageLabel").text() == "The right answer"


def test_hands_typed_per_option_give_shares_and_reach_the_summary(qtbot, course, clock, monkeypatch, tmp_path):
    window = make_window(qtbot, course, clock)
    child(window, QSpinBox, "countSpin").setValue(2)
    qtbot.mouseClick(child(window, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    first = window.session.current
    right = first.right_letters[0]
    wrong = next(o.letter for o in first.options if not o.correct)
    child(window, QSpinBox, f"handsSpin_{right}").setValue(6)
    child(window, QSpinBox, f"handsSpin_{wrong}").setValue(2)
    qtbot.keyClick(window, Qt.Key.Key_R)
    shares = {tile.letter: tile.share.text() for tile in window.findChild(QuizBoard).tiles}
    assert shares[right] == "75%" and shares[wrong] == "25%"
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert child(window, QLabel, "questionProgress").text() == "Question 2 of 2"
    assert all(spin.value() == 0 for spin in window.findChildren(QSpinBox) if spin.objectName().startswith("hands"))
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert window.session.stage is Stage.FINISHED
    summary = window.session.summary()
    assert summary.results[0].share_right(TallyMode.HANDS) == pytest.approx(0.75)
    json_path, md_path = tmp_path / "room.json", tmp_path / "room.md"
    answers = iter([str(json_path), str(md_path)])
    monkeypatch.setattr(projector, "ask_save_path", lambda *args: next(answers))
    qtbot.mouseClick(child(window, QPushButton, "saveSummaryButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(child(window, QPushButton, "exportSummaryButton"), Qt.MouseButton.LeftButton)
    assert load_summary(json_path) == summary
    text = md_path.read_text(encoding="utf-8")
    assert f"| {right} ✓ |" in text and "Hands for the right answer: 75%" in text


def test_team_points_build_the_scoreboard(qtbot, course, clock):
    window = make_window(qtbot, course, clock)
    child(window, QComboBox, "tallyModeCombo").setCurrentIndex(1)
    teams = child(window, QPlainTextEdit, "teamsEdit")
    teams.clear()
    type_text(teams, "Сови, Лиси")
    child(window, QSpinBox, "countSpin").setValue(2)
    qtbot.mouseClick(child(window, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    assert window.session.settings.teams == ("Сови", "Лиси")
    assert not window.findChildren(QSpinBox, "handsSpin_А"), "a team game has no hand counts"
    child(window, QSpinBox, "teamSpin_1").setValue(2)
    assert child(window, QLabel, "teamTotal_1").text() == "= 2"
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # a clicker: start the countdown …
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # … reveal …
    assert window.session.stage is Stage.REVEALED
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # … next question
    assert child(window, QSpinBox, "teamSpin_1").value() == 0
    child(window, QSpinBox, "teamSpin_0").setValue(1)
    child(window, QSpinBox, "teamSpin_1").setValue(3)
    assert [child(window, QLabel, f"teamTotal_{i}").text() for i in (0, 1)] == ["= 1", "= 5"]
    assert window.session.summary().team_totals() == (("Лиси", 5), ("Сови", 1))


def test_a_team_game_without_teams_does_not_start(qtbot, course, clock):
    window = make_window(qtbot, course, clock)
    child(window, QComboBox, "tallyModeCombo").setCurrentIndex(1)
    child(window, QPlainTextEdit, "teamsEdit").setPlainText(" \n ")
    qtbot.mouseClick(child(window, QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    assert window.session is None
    assert "team" in child(window, QLabel, "setupProblem").text()


def test_a_short_question_is_projector_size_and_every_tile_fits(qtbot, course):
    app = QApplication.instance()
    sheet, theme = app.styleSheet(), app.property("etrainerTheme")
    apply_theme(app, Theme.PROJECTOR)
    try:
        short = next(q for quiz in course.quizzes for q in quiz.questions
                     if q.kind is QuestionKind.TRUE_FALSE and len(q.text) < 120)
        longest = max((q for quiz in course.quizzes for q in eligible_questions(quiz)),
                      key=lambda q: len(q.text) + sum(len(a.text) for a in q.answers))
        for question in (short, longest):
            window = ClassroomQuizWindow(course, clock=FakeClock())
            qtbot.addWidget(window)
            window.resize(1024, 768)
            window.show()
            window.start(ClassroomSession("t", (classroom_question(question),), ClassroomSettings()))
            board = window.findChild(QuizBoard)
            qtbot.waitUntil(lambda b=board: b.body_pixels > 0)
            assert board.body_pixels >= 37, question.id  # 28 pt at 1024×768: the question alone if it must be
            if question is longest:  # too long for one screen at 28 pt: shown in parts, each at 28 pt or more
                assert board.split and not any(tile.isVisible() for tile in board.tiles)
                part = window.findChild(QPushButton, "partButton")
                for _ in range(board.pages):
                    part.click()
                    assert board.body_pixels >= 37 and any(tile.isVisible() for tile in board.tiles)
                window._on_reveal()
                assert board.body_pixels >= 37 and any(t.isVisible() and t.property("state") == "right"
                                                       for t in board.tiles)  # the page with the right answer
                seen_explanation = False
                for _ in range(board.pages + 1):
                    part.click()
                    assert board.body_pixels >= 37
                    seen_explanation |= board.part == "why"
                assert seen_explanation
            assert all(tile.geometry().bottom() <= board.height() for tile in board.tiles)
    finally:
        app.setStyleSheet(sheet)
        app.setProperty("etrainerTheme", theme)


def test_start_classroom_quiz_opens_the_setup_full_screen(qtbot, course):
    window = start_classroom_quiz(None, course)
    qtbot.addWidget(window)
    assert window.isVisible() and window.isFullScreen()
    assert child(window, QPushButton, "startButton").isVisible()


def _ordering(course: Course):  # type: ignore[no-untyped-def]
    return next(q for quiz in course.quizzes for q in eligible_questions(quiz) if q.kind is QuestionKind.ORDERING)


def test_an_ordering_question_is_shown_shuffled_and_revealed_in_the_right_order_with_hands_for_the_first(
        qtbot, course, clock):
    question = _ordering(course)
    lettered = classroom_question(question, random.Random(2))
    window = ClassroomQuizWindow(course, clock=clock)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    window.start(ClassroomSession("t", (lettered,), ClassroomSettings(), clock))
    board = window.findChild(QuizBoard)
    assert [tile.letter for tile in board.tiles] == [o.letter for o in lettered.options]
    assert [o.text for o in lettered.options] != list(question.ordering)  # shuffled for the room
    assert "Put them in the right order." in child(window, QLabel, "boardQuestion").text()
    first, *rest = lettered.right_letters
    spin = child(window, QSpinBox, f"handsSpin_{first}")
    assert spin.accessibleName() == f"Hands for {first} first"
    spin.setValue(3)
    child(window, QSpinBox, f"handsSpin_{rest[0]}").setValue(1)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert child(window, QLabel, "stageLabel").text() == "Hands up: which comes first?"
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert [tile.letter for tile in board.tiles] == list(lettered.right_letters)  # now in the right order
    assert [tile.badge.text() for tile in board.tiles] == [f"{n}·{letter}" for n, letter in
                                                         enumerate(lettered.right_letters, 1)]
    shares = {tile.letter: tile.share.text() for tile in board.tiles}
    assert shares[first] == "75%" and shares[rest[0]] == "25%"
    visible = [tile for tile in board.tiles if tile.isVisible()]
    assert visible and all(tile.property("state") == "right" for tile in visible)
    tops = [tile.geometry().top() for tile in visible]
    assert tops == sorted(tops)  # read top to bottom in the right order
    for tile in visible:
        assert tile.geometry().bottom() <= board.height()
        assert tile.badge.fontMetrics().horizontalAdvance(tile.badge.text()) <= tile.badge.width()
    child(window, QSpinBox, f"handsSpin_{first}").setValue(1)  # a correction after the reveal, found by letter
    assert {tile.letter: tile.share.text() for tile in board.tiles}[first] == "50%"
    assert window.session.summary().results[0].share_right(TallyMode.HANDS) == pytest.approx(0.5)
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert f"The right order: {' → '.join(lettered.right_letters)}" in window.summary_markdown()


def test_a_team_game_offers_ordering_questions_and_the_trainer_gives_points(qtbot, course, clock):
    lettered = classroom_question(_ordering(course), random.Random(5))
    window = ClassroomQuizWindow(course, clock=clock)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    window.start(ClassroomSession("t", (lettered,), ClassroomSettings(mode=TallyMode.TEAMS, teams=("Сови", "Лиси")),
                                  clock))
    assert not window.findChildren(QSpinBox, "handsSpin_А")
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert [tile.letter for tile in window.findChild(QuizBoard).tiles] == list(lettered.right_letters)
    child(window, QSpinBox, "teamSpin_0").setValue(3)
    assert window.session.summary().team_totals() == (("Сови", 3), ("Лиси", 0))
