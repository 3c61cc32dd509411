"""The consultation dialog (Enter saves, personal data refused inline, the last service remembered), the
librarian's month, and the main window's button."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QToolButton,
    QWidget,
)

from etrainer.core.consultation.catalog import load_catalog
from etrainer.core.consultation.record import Outcome
from etrainer.services.consultations import ConsultationService
from etrainer.services.facade import open_app_services
from etrainer.ui.consultation.dialog import ConsultationDialog
from etrainer.ui.consultation.month import ConsultationMonthDialog

from .conftest import type_text

LESSONS = Path(__file__).resolve().parents[2] / "lessons"


@pytest.fixture
def setup(tmp_path: Path):  # type: ignore[no-untyped-def]
    services = open_app_services(tmp_path)
    profile = services.profiles.create("Олена Петренко")
    catalog = load_catalog(LESSONS)[0]
    yield services, profile, catalog, ConsultationService(services.database.sessions)
    services.close()


def make_dialog(qtbot, setup) -> ConsultationDialog:  # type: ignore[no-untyped-def]
    services, profile, catalog, log = setup
    dialog = ConsultationDialog(log, services.settings, catalog, profile.id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_enter_saves_and_the_last_service_is_remembered(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    _, profile, _, log = setup
    dialog = make_dialog(qtbot, setup)
    type_text(dialog.findChild(QLineEdit, "serviceSearch"), "ehealth")
    assert dialog.findChild(QListWidget, "serviceList").currentItem().text() == "eHealth: декларація з лікарем"
    dialog.findChild(QRadioButton, "outcome_failed").setChecked(True)
    qtbot.mouseClick(dialog.findChild(QToolButton, "minutes_30"), Qt.MouseButton.LeftButton)
    note = dialog.findChild(QLineEdit, "noteField")
    type_text(note, "лікар не приймав декларації, 2 спроби")
    with qtbot.waitSignal(dialog.recorded) as recorded:
        qtbot.keyClick(note, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = log.list(profile.id)
    assert stored == [recorded.args[0]]
    assert (stored[0].service_id, stored[0].outcome, stored[0].minutes) == ("ehealth-declaration", Outcome.FAILED, 30)
    assert stored[0].note == "лікар не приймав декларації, 2 спроби"

    again = make_dialog(qtbot, setup)
    assert again.findChild(QListWidget, "serviceList").currentItem().text() == "eHealth: декларація з лікарем"


def test_a_phone_number_in_the_note_is_refused_inline(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    _, profile, _, log = setup
    dialog = make_dialog(qtbot, setup)
    note = dialog.findChild(QLineEdit, "noteField")
    qtbot.keyClicks(note, "call back +380 (67) 123-45-67")
    problem = dialog.findChild(QLabel, "noteProblem")
    assert problem.isVisible()
    assert "phone number" in problem.text() or "номер телефону" in problem.text()
    assert not dialog.findChild(QPushButton, "saveConsultation").isEnabled()
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert dialog.isVisible() and log.list(profile.id) == []
    note.setText("call back later")
    assert not problem.isVisible()
    assert dialog.findChild(QPushButton, "saveConsultation").isEnabled()
    assert dialog.findChild(QLabel, "noteRule").text()


def test_the_month_shows_counts_minutes_and_a_way_back_to_the_lesson(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    _, profile, catalog, log = setup
    november = datetime(2026, 11, 14, 12, tzinfo=UTC)
    for outcome, minutes in ((Outcome.FAILED, 20), (Outcome.PARTLY, 25), (Outcome.DONE, 10)):
        log.record(profile.id, catalog, service_id="kep-diia-signature", outcome=outcome, minutes=minutes, at=november)
    log.record(profile.id, catalog, service_id="subsidy", outcome=Outcome.DONE, minutes=15, at=november)
    log.record(profile.id, catalog, service_id="subsidy", outcome=Outcome.DONE, minutes=15,
               at=datetime(2026, 10, 14, 12, tzinfo=UTC))
    titles = {"getting-kep": "Як отримати КЕП"}
    dialog = ConsultationMonthDialog(log.list(profile.id), catalog, titles, november)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "monthTable")
    assert table.rowCount() == 2
    assert [table.item(0, c).text() for c in range(3)] == ["КЕП і Дія.Підпис", "3", "55"]
    summary = dialog.findChild(QLabel, "monthSummary").text()
    assert "4" in summary and "1" in summary and "10" in summary
    link = dialog.findChild(QPushButton, "lesson_kep-diia-signature")
    assert link is not None and "Як отримати КЕП" in link.accessibleName()
    with qtbot.waitSignal(dialog.lesson_requested) as requested:
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert requested.args == ["getting-kep"]


def test_the_main_window_has_the_button_and_its_shortcut(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from etrainer.core.course.pack import load_pack
    from etrainer.ui.main_window import MainWindow
    from etrainer.ui.viewmodels.reader import ReaderViewModel

    result = load_pack(LESSONS)
    services = open_app_services(tmp_path)
    try:
        window = MainWindow(ReaderViewModel(result.course, result.problems, services))
        qtbot.addWidget(window)
        assert window.findChild(QToolButton, "consultButton") is not None
        action = window.findChild(QAction, "consultAction")  # Ctrl+K anywhere in the window
        assert [key.toString() for key in action.shortcuts()] == ["Ctrl+K"]
        window.record_consultation()  # no profile chosen yet: it says so instead of opening the dialog
        assert window.statusBar().currentMessage()
    finally:
        services.close()


def test_the_export_consent_lists_the_consultations(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    from etrainer.core.course.pack import load_pack
    from etrainer.ui.export_dialog import ExportDialog

    services, profile, catalog, log = setup
    course = load_pack(LESSONS).course
    dialog = ExportDialog(services, course, profile)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "consentConsultations") is None
    log.record(profile.id, catalog, service_id="subsidy", outcome=Outcome.DONE, minutes=10)
    log.record(profile.id, catalog, service_id="other", outcome=Outcome.DONE, minutes=5)
    dialog = ExportDialog(services, course, profile)
    qtbot.addWidget(dialog)
    assert " 2 " in dialog.findChild(QLabel, "consentConsultations").text()


def test_the_workspace_tab_shows_the_desk_by_library_and_beside_training(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCharts import QChartView
    from PySide6.QtWidgets import QComboBox, QTabWidget
    from tests.services.test_consultation_workspace import hand_made_workspace

    from etrainer.core.course.pack import load_pack
    from etrainer.services.methodist import WorkspaceService
    from etrainer.storage.workspace import open_workspace
    from etrainer.ui.methodist.window import WorkspaceWindow

    workspace = open_workspace(tmp_path / "ws.sqlite3")
    try:
        service = WorkspaceService(workspace, load_pack(LESSONS).course)
        hand_made_workspace(service, tmp_path)
        window = WorkspaceWindow(service)
        qtbot.addWidget(window)
        window.show()
        tabs = window.findChild(QTabWidget)
        desk = window.findChild(QWidget, "deskTab")
        tabs.setCurrentWidget(desk)
        groups = window.findChild(QTableWidget, "deskGroups")
        assert [groups.item(r, 0).text() for r in range(groups.rowCount())] == ["КЕП і Дія.Підпис", "Субсидія"]
        combo = window.findChild(QComboBox, "deskGroup")
        combo.setCurrentIndex(combo.findData("branch"))
        assert [(groups.item(r, 0).text(), groups.item(r, 1).text()) for r in range(groups.rowCount())] == [
            ("Філія № 3", "3"), ("Центральна", "2")]
        versus = window.findChild(QTableWidget, "deskVersus")
        assert [versus.item(0, c).text() for c in range(7)] == [
            "КЕП і Дія.Підпис", "Електронна ідентифікація та електронний підпис", "4", "75 %", "50 %", "70 %", "—"]
        assert window.findChild(QChartView, "deskChart").chart() is not None
    finally:
        workspace.dispose()


def test_the_workspace_pdf_carries_the_desk(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import subprocess

    from tests.services.test_consultation_workspace import hand_made_workspace

    from etrainer.core.course.pack import load_pack
    from etrainer.services.methodist import WorkspaceService
    from etrainer.storage.workspace import open_workspace

    workspace = open_workspace(tmp_path / "ws.sqlite3")
    try:
        service = WorkspaceService(workspace, load_pack(LESSONS).course)
        hand_made_workspace(service, tmp_path)
        pdf = service.export_pdf(tmp_path / "report.pdf")
    finally:
        workspace.dispose()
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Консультації відвідувачів" in text and "КЕП і Дія.Підпис" in text
