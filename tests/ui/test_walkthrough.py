"""Drive walkthroughs through the real widgets: Practice to the end (every shipped scenario), a mistake
explained beside its control, a hint highlighting the control, Demo mode playing itself, resume."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QRadioButton, QWidget
from sqlalchemy import select

from etrainer.core.course.context import PackContext
from etrainer.core.course.pack import load_pack
from etrainer.core.walkthrough.engine import (
    CARD_CVV,
    CARD_EXPIRY,
    CARD_NUMBER,
    KEP_PASSWORD,
    Action,
    ActionKind,
    Mode,
    Scenario,
    ScenarioRun,
)
from etrainer.core.walkthrough.loading import load_scenario_file
from etrainer.paths import bundled_course_dir
from etrainer.services.facade import AppServices, open_app_services
from etrainer.storage.models import WalkthroughAttemptRow, WalkthroughEventRow
from etrainer.ui.viewmodels.walkthrough import WalkthroughViewModel
from etrainer.ui.walkthrough.page import WalkthroughPage

from .conftest import type_text

DATA = Path(__file__).parents[1] / "data" / "scenarios"
BUNDLED = load_pack(bundled_course_dir()).course


@pytest.fixture
def services(tmp_path) -> AppServices:
    opened = open_app_services(tmp_path / "data")
    yield opened
    opened.close()


def open_page(qtbot, services: AppServices, scenario: Scenario, mode: Mode | None = Mode.PRACTICE):
    learner = next(iter(services.profiles.list()), None) or services.profiles.create("Марта Коваль", "", "")
    page = WalkthroughPage()
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    vm = WalkthroughViewModel(services, None, learner, scenario)
    page.open(vm, mode)
    return page, vm


def child(page: QWidget, kind, name: str):
    found = page.findChild(kind, name)
    assert found is not None, name
    return found


def choose_in_combo(qtbot, box: QComboBox, data: str, commit: bool = True) -> None:
    """Pick an item by keyboard, as a learner would (Down / Up keys on the closed list, then Enter)."""
    target = box.findData(data)
    assert target >= 0, data
    box.setFocus()
    while box.currentIndex() != target:
        qtbot.keyClick(box, Qt.Key.Key_Down if box.currentIndex() < target else Qt.Key.Key_Up)
    if commit:
        qtbot.keyClick(box, Qt.Key.Key_Return)


def click(qtbot, button) -> None:
    """Click near the left edge: a radio button or check box only takes clicks on its box and text. Pending
    layout runs first, as it does before any real click (a widget just shown may still be 0 pixels high)."""
    QApplication.processEvents()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.clear()
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def perform(qtbot, page: WalkthroughPage, action: Action) -> None:
    """Do `action` with the widgets a learner would use."""
    control = action.control_id
    kind = action.kind
    if kind is ActionKind.FILL:
        type_into(qtbot, child(page, QLineEdit, f"input-{control}"), action.value)
    elif kind is ActionKind.CHOOSE:
        radio = page.findChild(QRadioButton, f"option-{control}-{action.value}")
        if radio is not None:
            click(qtbot, radio)
        else:
            choose_in_combo(qtbot, child(page, QComboBox, f"input-{control}"), action.value)
    elif kind is ActionKind.CHECK:
        box = child(page, QCheckBox, f"input-{control}")
        if box.isChecked() != (action.value == "true"):
            click(qtbot, box)
    elif kind is ActionKind.CLICK:
        qtbot.mouseClick(child(page, QPushButton, f"input-{control}"), Qt.MouseButton.LeftButton)
    elif kind is ActionKind.ATTACH:
        click(qtbot, child(page, QRadioButton, f"file-{control}-{action.value}"))
        qtbot.mouseClick(child(page, QPushButton, f"attach-{control}"), Qt.MouseButton.LeftButton)
    elif kind is ActionKind.SIGN:
        choose_in_combo(qtbot, child(page, QComboBox, f"key-{control}"), action.value, commit=False)
        password = child(page, QLineEdit, f"password-{control}")
        password.clear()
        type_text(password, action.part(KEP_PASSWORD))
        qtbot.mouseClick(child(page, QPushButton, f"sign-{control}"), Qt.MouseButton.LeftButton)
    elif kind is ActionKind.PAY:
        for part in (CARD_NUMBER, CARD_EXPIRY, CARD_CVV):
            field = child(page, QLineEdit, f"{part}-{control}")
            field.clear()
            type_text(field, action.part(part))
        qtbot.mouseClick(child(page, QPushButton, f"pay-{control}"), Qt.MouseButton.LeftButton)
    elif kind is ActionKind.DECIDE:
        qtbot.mouseClick(child(page, QPushButton, f"response-{action.value}"), Qt.MouseButton.LeftButton)
    elif kind is ActionKind.CONFIRM:
        click(qtbot, child(page, QCheckBox, f"check-{control}"))


def play_to_the_end(qtbot, page: WalkthroughPage, vm: WalkthroughViewModel) -> None:
    for _ in range(200):
        if vm.state.finished:
            return
        move = ScenarioRun.demo_next(vm.state)
        assert move is not None
        before = len(vm.state.log)
        perform(qtbot, page, move[0])
        assert len(vm.state.log) == before + 1 and vm.state.log[-1].correct, (move[0], page.findChild(
            QLabel, "narrationBar").text())
    pytest.fail("did not finish")


def all_controls() -> Scenario:
    scenario = load_scenario_file(DATA / "all-controls.scenario.yaml", PackContext(root=DATA))
    assert scenario is not None
    return scenario


@pytest.mark.parametrize("scenario", [all_controls(), *BUNDLED.scenarios], ids=lambda s: s.id)
def test_practice_mode_to_the_end_through_the_widgets(qtbot, services, scenario):
    page, vm = open_page(qtbot, services, scenario)
    play_to_the_end(qtbot, page, vm)
    result = child(page, QLabel, "walkthroughResult")
    assert result.isVisible() and "100" in result.text()
    with services.database.sessions.begin() as session:
        attempt = session.scalars(select(WalkthroughAttemptRow)).one()
        assert (attempt.mode, attempt.score, attempt.passed, attempt.errors) == ("practice", 100, True, 0)
        assert len(session.scalars(select(WalkthroughEventRow)).all()) == len(vm.state.log)


def test_a_mistake_is_explained_beside_its_control_and_a_hint_highlights(qtbot, services):
    scenario = all_controls()
    page, vm = open_page(qtbot, services, scenario)
    move, _ = ScenarioRun.demo_next(vm.state)
    # Click the first button on the screen that is not the expected control: a wrong move.
    wrong = next(c for c in vm.state.screen.controls if c.kind.value == "button" and c.id != move.control_id)
    qtbot.mouseClick(child(page, QPushButton, f"input-{wrong.id}"), Qt.MouseButton.LeftButton)
    assert vm.state.errors == 1
    narration = child(page, QLabel, "narrationBar").text()
    assert narration.startswith("✗") and len(narration) > 3
    note = child(page, QLabel, f"note-{wrong.id}")
    assert note.isVisible() and note.text() in narration
    qtbot.mouseClick(child(page, QPushButton, "hintButton"), Qt.MouseButton.LeftButton)
    assert vm.state.hints == 1
    assert page._portal.highlight.isVisible() and page._portal.highlight.target is page._portal.frames[
        move.control_id]


def test_test_mode_has_no_hints(qtbot, services):
    page, vm = open_page(qtbot, services, all_controls(), Mode.TEST)
    assert not child(page, QPushButton, "hintButton").isVisible()
    play_to_the_end(qtbot, page, vm)
    assert vm.result is not None and vm.result.passed


def test_demo_mode_plays_itself_to_the_end(qtbot, services, monkeypatch):
    monkeypatch.setattr("etrainer.ui.walkthrough.page.BASE_DELAY_MS", 1)
    page, vm = open_page(qtbot, services, all_controls(), Mode.DEMO)
    assert child(page, QPushButton, "playButton").isVisible()
    qtbot.mouseClick(child(page, QPushButton, "playButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: vm.state.finished, timeout=20000)
    assert child(page, QLabel, "walkthroughResult").isVisible()
    assert vm.result is not None and vm.result.mode is Mode.DEMO


def test_demo_step_and_step_back(qtbot, services):
    page, vm = open_page(qtbot, services, all_controls(), Mode.DEMO)
    step = child(page, QPushButton, "demoStepButton")
    qtbot.mouseClick(step, Qt.MouseButton.LeftButton)   # announce: narration and highlight
    assert page._portal.highlight.isVisible() and child(page, QLabel, "narrationBar").text().startswith("▶")
    assert vm.state.completed_steps == 0
    qtbot.mouseClick(step, Qt.MouseButton.LeftButton)   # perform
    assert vm.state.completed_steps == 1
    qtbot.mouseClick(child(page, QPushButton, "stepBackButton"), Qt.MouseButton.LeftButton)
    assert vm.state.completed_steps == 0


def test_an_interrupted_walkthrough_resumes(qtbot, services):
    scenario = all_controls()
    page, vm = open_page(qtbot, services, scenario)
    for _ in range(3):
        perform(qtbot, page, ScenarioRun.demo_next(vm.state)[0])
    done = vm.state.completed_steps
    qtbot.mouseClick(child(page, QPushButton, "walkthroughBackButton"), Qt.MouseButton.LeftButton)
    again, vm2 = open_page(qtbot, services, scenario, mode=None)
    assert vm2.state.completed_steps == done and vm2.state.mode is Mode.PRACTICE
    assert next(b for b in [again.findChild(QPushButton, "mode-practice")] if b.isChecked()).property(
        "mode") == "practice"


def test_the_message_bar_forgets_an_earlier_step_and_focus_stays_in_the_portal(qtbot, services):
    """A hint of step 1 is gone once step 2 is shown; after each step the keyboard is in the portal."""
    page, vm = open_page(qtbot, services, BUNDLED.scenario("criminal-record"))
    narration = child(page, QLabel, "narrationBar")
    qtbot.mouseClick(child(page, QPushButton, "hintButton"), Qt.MouseButton.LeftButton)
    hint = narration.text()
    assert hint
    start = vm.state.completed_steps
    for _ in range(5):
        move = ScenarioRun.demo_next(vm.state)
        perform(qtbot, page, move[0])
        if vm.state.completed_steps > start:
            break
    assert vm.state.completed_steps > start
    assert narration.text() != hint
    portal = child(page, QWidget, "portalScroll")
    focused = QApplication.focusWidget()
    assert focused is not None and portal.isAncestorOf(focused), focused


def test_an_inline_error_starts_after_its_red_mark(qtbot, services):
    import dataclasses

    page, vm = open_page(qtbot, services, BUNDLED.scenario("criminal-record"))
    for _ in range(60):
        move = ScenarioRun.demo_next(vm.state)[0]
        if move.kind is ActionKind.FILL:
            perform(qtbot, page, dataclasses.replace(move, value="Qwerty 123"))
            break
        perform(qtbot, page, move)
    notes = [label for label in page.findChildren(QLabel) if label.property("role") == "fieldNote"
             and label.isVisible()]
    assert notes and notes[0].text()
    assert notes[0].contentsRect().left() >= 8  # the 4-pixel mark at the left edge does not cover the first letter
