"""Opening the consultation dialog and the month page from the main window (imported lazily by its slots)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from etrainer.core.errors import EtrainerError
from etrainer.services.consultations import ConsultationService, catalog_for

if TYPE_CHECKING:
    from etrainer.ui.main_window import MainWindow


def _ready(window: MainWindow):  # type: ignore[no-untyped-def]
    """(services, catalog) or None after saying in the status bar what is missing."""
    vm = window.vm
    if vm.learner is None or vm.services is None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "ConsultationLaunch", "Choose your profile first: consultations are kept in it."), 6000)
        return None
    try:
        return vm.services, catalog_for(vm.course.root)
    except EtrainerError as error:
        window.statusBar().showMessage(QCoreApplication.translate("Errors", error.text).format(**error.params), 8000)
        return None


def record_consultation(window: MainWindow) -> None:
    from etrainer.ui.consultation.dialog import ConsultationDialog

    ready = _ready(window)
    if ready is None:
        return
    services, catalog = ready
    dialog = ConsultationDialog(ConsultationService(services.database.sessions), services.settings, catalog,
                                window.vm.learner.id, window)
    dialog.recorded.connect(lambda _c: window.statusBar().showMessage(
        QCoreApplication.translate("ConsultationLaunch", "Consultation saved."), 4000))
    dialog.exec()


def show_month(window: MainWindow) -> None:
    from etrainer.ui.consultation.month import ConsultationMonthDialog

    ready = _ready(window)
    if ready is None:
        return
    services, catalog = ready
    consultations = ConsultationService(services.database.sessions).list(window.vm.learner.id)
    titles = {lesson.id: lesson.title for lesson in window.vm.course.lessons()}
    dialog = ConsultationMonthDialog(consultations, catalog, titles, datetime.now(UTC), window)
    dialog.lesson_requested.connect(window.vm.open_lesson)
    dialog.walkthrough_requested.connect(window.open_walkthrough)
    dialog.exec()
