"""The librarian's month at a glance: her consultations by service and outcome, time spent, a chart, and
for a service she struggled with, a way back to the lesson or walkthrough that covers it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.consultation.catalog import ConsultationCatalog
from etrainer.core.consultation.record import Consultation, Outcome
from etrainer.core.consultation.stats import in_month, month_key, struggled, summarize
from etrainer.ui.common.wrapping import WrappingButton
from etrainer.ui.consultation.chart import OutcomeChart, outcome_label, with_caption


class ConsultationMonthDialog(QDialog):
    lesson_requested = Signal(str)
    walkthrough_requested = Signal(str)

    def __init__(self, consultations: list[Consultation], catalog: ConsultationCatalog,
                 lesson_titles: dict[str, str], now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultationMonth")
        self.setWindowTitle(self.tr("My consultations"))
        self.resize(760, 640)
        self._log, self._catalog, self._titles = consultations, catalog, lesson_titles
        months = sorted({month_key(c.at) for c in consultations} | {month_key(now)}, reverse=True)
        self._month = QComboBox(objectName="monthCombo")
        for month in months:
            self._month.addItem(month, month)
        self._summary = QLabel(objectName="monthSummary", wordWrap=True)
        self._table = QTableWidget(objectName="monthTable")
        self._table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._table.setAccessibleName(self.tr("Consultations by service"))
        rows = self._table.verticalHeader().defaultSectionSize()
        self._table.setMinimumHeight(5 * rows)  # the header and four services, whatever the links below take
        self._chart = OutcomeChart(object_name="monthChart")
        self._chart.setMinimumHeight(160)
        links = QWidget(objectName="monthLinkList")
        self._links = QVBoxLayout(links)
        self._links.setContentsMargins(0, 0, 0, 0)
        # a month with many hard services lists them all: the list scrolls rather than push the dialog off the
        # screen, and each link wraps its sentence rather than widen it
        self._links_area = QScrollArea(objectName="monthLinks", widgetResizable=True)
        self._links_area.setFrameShape(QFrame.Shape.NoFrame)
        self._links_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._links_area.setWidget(links)
        top = QHBoxLayout()
        month_label = QLabel(self.tr("Month:"))
        month_label.setBuddy(self._month)
        top.addWidget(month_label)
        top.addWidget(self._month)
        top.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._summary)
        # the table names the services the chart numbers: it gets the larger share of the height
        layout.addWidget(self._table, 3)
        layout.addWidget(with_caption(self._chart), 2)
        layout.addWidget(self._links_area, 1)
        layout.addWidget(close)
        self._month.currentIndexChanged.connect(lambda _: self._show())
        self._show()

    def _show(self) -> None:
        summary = summarize(in_month(self._log, self._month.currentData()))
        hours, minutes = divmod(summary.minutes, 60)
        self._summary.setText(self.tr("%n consultation(s); time spent: {hours} h {minutes} min", "", summary.count)
                              .format(hours=hours, minutes=minutes))
        headers = [self.tr("Service"), self.tr("Consultations"), self.tr("Minutes"),
                   *(outcome_label(o) for o in Outcome)]
        self._table.clear()
        self._table.setColumnCount(len(headers))
        self._table.setHorizontalHeaderLabels(headers)
        self._table.setRowCount(len(summary.services))
        for row, service in enumerate(summary.services):
            values = [self._catalog.title_of(service.service_id), str(service.count), str(service.minutes),
                      *(str(service.outcomes[o]) for o in Outcome)]
            for column, value in enumerate(values):
                self._table.setItem(row, column, QTableWidgetItem(value))
        self._table.resizeColumnsToContents()
        self._chart.show_outcomes([self._catalog.title_of(s.service_id) for s in summary.services],
                                  [s.outcomes for s in summary.services])
        while self._links.count():
            widget = self._links.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for service in struggled(summary, self._catalog):
            if service.lesson and service.lesson in self._titles:
                button = WrappingButton(self.tr("«{service}» was hard: reread «{lesson}»").format(
                    service=service.title, lesson=self._titles[service.lesson]), objectName=f"lesson_{service.id}")
                button.clicked.connect(lambda _=False, target=service.lesson: self._go(self.lesson_requested, target))
            elif service.walkthrough:
                button = WrappingButton(self.tr("«{service}» was hard: practise it in the walkthrough").format(
                    service=service.title), objectName=f"walkthrough_{service.id}")
                button.clicked.connect(lambda _=False, target=service.walkthrough:
                                       self._go(self.walkthrough_requested, target))
            else:
                continue
            self._links.addWidget(button)
        self._links_area.setVisible(self._links.count() > 0)
        self._links.addStretch(1)

    def _go(self, signal: Signal, target: str) -> None:
        signal.emit(target)  # type: ignore[attr-defined]
        self.accept()
