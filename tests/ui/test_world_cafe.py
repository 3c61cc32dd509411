"""The World Café facilitator: a round cycle on a fake clock, hosts' notes, saving and reopening, the harvest export."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit, QPushButton, QSpinBox, QStackedWidget, QTextBrowser

from etrainer.core.classroom.world_cafe import DEFAULT_QUESTION, Stage
from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.ui.classroom import projector
from etrainer.ui.classroom.world_cafe import WorldCafeWindow, start_world_cafe

from .conftest import type_text


class FakeClock:
    def __init__(self) -> None:
        self.now = 10.0

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


def child(window, kind, name):  # type: ignore[no-untyped-def]
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def click(qtbot, window, name: str) -> None:  # type: ignore[no-untyped-def]
    button = child(window, QPushButton, name)
    assert button.isVisible(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def page(window) -> str:  # type: ignore[no-untyped-def]
    return child(window, QStackedWidget, "cafePages").currentWidget().objectName()


def open_window(qtbot, course: Course, folder: Path, clock: FakeClock) -> WorldCafeWindow:  # type: ignore[no-untyped-def]
    window = WorldCafeWindow(course, folder, clock)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    return window


def start_two_short_rounds(qtbot, window: WorldCafeWindow) -> None:  # type: ignore[no-untyped-def]
    child(window, QSpinBox, "tableCount").setValue(3)
    child(window, QSpinBox, "roundCount").setValue(2)
    child(window, QSpinBox, "roundMinutes").setValue(1)
    window.setup_page.set_table(0, "Стіл біля вікна", "Олена")
    click(qtbot, window, "startCafeButton")


def test_setup_offers_the_course_questions_first(qtbot, course, clock, tmp_path):
    window = open_window(qtbot, course, tmp_path, clock)
    questions = child(window, QListWidget, "questionList")
    assert questions.item(0).text() == DEFAULT_QUESTION
    assert child(window, QSpinBox, "roundMinutes").value() == 20
    assert child(window, QSpinBox, "tableCount").value() == 4


def test_a_round_cycle_on_the_fake_clock(qtbot, course, clock, beeps, tmp_path):
    window = open_window(qtbot, course, tmp_path, clock)
    start_two_short_rounds(qtbot, window)
    assert page(window) == "cafeTimer"
    digits = child(window, QLabel, "cafeDigits")
    assert digits.text() == "1:00"
    assert child(window, QLabel, "cafeRound").text() == "Round 1 of 2"
    assert "Hosts stay" in child(window, QLabel, "cafeRotationHint").text()
    saved = list(tmp_path.glob("world-cafe-*.json"))
    assert len(saved) == 1 and json.loads(saved[0].read_text(encoding="utf-8"))["stage"] == "round"
    qtbot.keyClick(window, Qt.Key.Key_Space)  # pause
    clock.now += 500
    qtbot.wait(300)
    assert digits.text() == "1:00" and digits.property("state") == "paused"
    qtbot.keyClick(window, Qt.Key.Key_Space)  # resume
    clock.now += 45
    qtbot.waitUntil(lambda: digits.text() == "0:15", timeout=2000)
    clock.now += 15
    qtbot.waitUntil(lambda: page(window) == "cafeRotation", timeout=2000)
    assert beeps == [1]
    assert child(window, QLabel, "rotationTitle").text() == "Time! Round 1 of 2 is over."
    assert child(window, QLabel, "rotationText").text() == "Hosts stay; everyone else moves to the next table."
    assert "Стіл&nbsp;біля&nbsp;вікна&nbsp;→&nbsp;Table&nbsp;2" in child(window, QLabel, "rotationMoves").text()
    assert json.loads(saved[0].read_text(encoding="utf-8"))["stage"] == "rotation"
    click(qtbot, window, "nextRoundButton")
    assert child(window, QLabel, "cafeRound").text() == "Round 2 of 2"
    clock.now += 60
    qtbot.waitUntil(lambda: page(window) == "cafeRotation", timeout=2000)
    assert not child(window, QPushButton, "nextRoundButton").isVisible()
    assert "last round" in child(window, QLabel, "rotationText").text()
    click(qtbot, window, "harvestButton")
    assert page(window) == "cafeHarvest" and window.session.stage is Stage.HARVEST


def test_timer_digits_are_at_least_a_sixth_of_the_screen_high(qtbot, course, clock, tmp_path):
    window = open_window(qtbot, course, tmp_path, clock)
    start_two_short_rounds(qtbot, window)
    digits = child(window, QLabel, "cafeDigits")
    qtbot.waitUntil(lambda: digits.font().pixelSize() > 0)
    glyphs = QFontMetrics(digits.font()).tightBoundingRect("0123456789").height()
    assert glyphs >= window.height() / 6


def test_notes_typed_per_table_and_round_are_saved_and_reopened(qtbot, course, clock, tmp_path):
    window = open_window(qtbot, course, tmp_path, clock)
    start_two_short_rounds(qtbot, window)
    click(qtbot, window, "endRoundButton")
    click(qtbot, window, "notesButton")
    assert page(window) == "cafeNotes"
    type_text(child(window, QPlainTextEdit, "note_0"), "Консультації з «Дії» щочетверга")
    type_text(child(window, QPlainTextEdit, "note_2"), "Ґрунтовне навчання старших")
    click(qtbot, window, "notesBackButton")
    assert page(window) == "cafeRotation"
    path = next(tmp_path.glob("world-cafe-*.json"))
    notes = json.loads(path.read_text(encoding="utf-8"))["notes"]
    assert notes == [{"table": 0, "round": 0, "text": "Консультації з «Дії» щочетверга"},
                     {"table": 2, "round": 0, "text": "Ґрунтовне навчання старших"}]
    window.close()
    again = open_window(qtbot, course, tmp_path, clock)
    saved = child(again, QListWidget, "savedSessions")
    assert saved.count() == 1 and "after round 1 of 2" in saved.item(0).text()
    click(qtbot, again, "reopenButton")
    assert page(again) == "cafeRotation"
    assert again.session.note(2, 0) == "Ґрунтовне навчання старших"
    click(qtbot, again, "notesButton")
    assert child(again, QPlainTextEdit, "note_0").toPlainText() == "Консультації з «Дії» щочетверга"


def test_a_session_saved_mid_round_reopens_paused(qtbot, course, clock, tmp_path):
    window = open_window(qtbot, course, tmp_path, clock)
    start_two_short_rounds(qtbot, window)
    clock.now += 20
    window.close()
    again = open_window(qtbot, course, tmp_path, clock)
    click(qtbot, again, "reopenButton")
    assert page(again) == "cafeTimer"
    clock.now += 300
    qtbot.wait(300)
    assert child(again, QLabel, "cafeDigits").text() == "0:40"
    qtbot.keyClick(again, Qt.Key.Key_Space)
    assert again.session.timer.running


def test_harvest_presents_tables_and_exports_markdown_and_pdf(qtbot, course, clock, monkeypatch, tmp_path):
    window = open_window(qtbot, course, tmp_path / "classroom", clock)
    start_two_short_rounds(qtbot, window)
    window.session.set_note(0, 0, "Куточок е-послуг біля каталогу")
    click(qtbot, window, "endRoundButton")
    click(qtbot, window, "nextRoundButton")
    window.session.set_note(1, 1, "Домовитися з ЦНАП")
    click(qtbot, window, "endRoundButton")
    click(qtbot, window, "harvestButton")
    view = child(window, QTextBrowser, "harvestView")
    assert "Куточок е-послуг" in view.toPlainText() and "Домовитися з ЦНАП" in view.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert view.toPlainText().startswith("Стіл біля вікна — host: Олена")
    assert "Домовитися" not in view.toPlainText()
    type_text(child(window, QPlainTextEdit, "harvestNotes"), "Спільне: навчати колег щомісяця")
    markdown, pdf = tmp_path / "harvest.md", tmp_path / "harvest.pdf"
    answers = iter([str(markdown), str(pdf)])
    monkeypatch.setattr(projector, "ask_save_path", lambda *args: next(answers))
    click(qtbot, window, "exportMarkdownButton")
    click(qtbot, window, "exportPdfButton")
    text = markdown.read_text(encoding="utf-8")
    assert "## Стіл біля вікна — host: Олена" in text and "Спільне: навчати колег щомісяця" in text
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        extracted = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        for words in ("Куточок е-послуг біля каталогу", "Домовитися з ЦНАП", "Олена", DEFAULT_QUESTION[:30]):
            assert words in " ".join(extracted.split()), words


def test_a_broken_kit_is_reported_and_the_default_question_used(qtbot, course, clock, tmp_path):
    root = tmp_path / "pack"
    root.mkdir()
    (root / "world-cafe.yaml").write_text("questions: [oops\n", encoding="utf-8")
    window = open_window(qtbot, replace(course, root=root), tmp_path / "sessions", clock)
    assert "world-cafe.yaml:1:" in child(window, QLabel, "cafeProblem").text()
    assert child(window, QListWidget, "questionList").item(0).text() == DEFAULT_QUESTION
    click(qtbot, window, "startCafeButton")
    assert page(window) == "cafeTimer"


def test_a_damaged_saved_session_is_reported_not_fatal(qtbot, course, clock, tmp_path):
    (tmp_path / "world-cafe-20250101000000.json").write_text("{damaged", encoding="utf-8")
    window = open_window(qtbot, course, tmp_path, clock)
    assert "could not be read" in child(window, QLabel, "cafeProblem").text()
    assert child(window, QListWidget, "savedSessions").count() == 0


def test_start_world_cafe_opens_full_screen(qtbot, course, tmp_path):
    window = start_world_cafe(None, course, tmp_path / "classroom")
    qtbot.addWidget(window)
    assert window.isFullScreen() and child(window, QPushButton, "startCafeButton").isVisible()
