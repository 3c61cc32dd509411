"""The methodist's «Consultations» tab: the imported desk logs by branch, service or month, with a chart,
and desk vs training — for each service, the share of consultations that went wrong beside the training
results on the module that teaches it (where training should go next)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.consultation.record import Outcome
from etrainer.core.consultation.stats import DeskReport
from etrainer.ui.common.errors import reason_text
from etrainer.ui.common.tasks import LatestRun, run_in_background
from etrainer.ui.consultation.chart import OutcomeChart, outcome_label, with_caption


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)} %"


WIDEST_COLUMN = 280
"""No column's cells make it wider than this (a module's long title would push the figures out of sight); a cell
cut short shows its whole text as its tooltip. A header is never cut."""


def _fill(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    metrics = table.horizontalHeader().fontMetrics()
    for column, header in enumerate(headers):
        widest = max(WIDEST_COLUMN, metrics.horizontalAdvance(header) + 2 * metrics.averageCharWidth() + 8)
        table.setColumnWidth(column, min(widest, table.columnWidth(column)))


class DeskTab(QWidget):
    def __init__(self, load: Callable[[], Callable[[], DeskReport]], module_titles: dict[str, str],
                 parent: QWidget | None = None) -> None:
        """`load()` is called on the UI thread (it reads the window's filter) and returns the work that counts,
        which runs on a worker thread."""
        super().__init__(parent)
        self.setObjectName("deskTab")
        self._load, self._modules = load, module_titles
        self.report: DeskReport | None = None
        self._run = LatestRun()
        self._group = QComboBox(objectName="deskGroup")
        for key, text in (("service", self.tr("by service")), ("branch", self.tr("by library")),
                          ("month", self.tr("by month"))):
            self._group.addItem(text, key)
        self._group.currentIndexChanged.connect(lambda _: self._show())
        self._summary = QLabel(objectName="deskSummary", wordWrap=True)
        self._groups = QTableWidget(objectName="deskGroups")
        self._versus = QTableWidget(objectName="deskVersus")
        for table in (self._groups, self._versus):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._chart = OutcomeChart(object_name="deskChart")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Consultations")))
        top.addWidget(self._group)
        top.addWidget(self._summary, 1)
        upper = QSplitter()
        upper.addWidget(self._groups)
        upper.addWidget(with_caption(self._chart))
        # the chart gets two fifths of the width (proportions: the splitter scales them to its own width; no
        # minimum height, so that the window fits 768 pixels in large type)
        upper.setSizes([600, 400])
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("Desk vs training: where consultations went wrong, beside the "
                                              "results on the module that teaches the service"), wordWrap=True))
        lower_layout.addWidget(self._versus)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload_if_visible(self) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Count the consultations for the window's filter off the UI thread (a region's workspace takes
        seconds); the figures shown stay until the new ones come. A reload asked for meanwhile (the filter
        changed) runs when this one is done, so the last filter's figures are the ones left on screen."""
        if not self._run.start():
            return
        self._summary.setText(self.tr("Counting the consultations…"))
        work = self._load()
        run_in_background(lambda _progress: work(), self._on_loaded, self._on_failed)

    @property
    def loading(self) -> bool:
        return self._run.running

    def _finished(self) -> bool:
        """False when the tab is gone (its window closed meanwhile) or another reload is due (started now)."""
        return self._run.shown(self._summary, self.reload)

    def _on_loaded(self, report: DeskReport) -> None:
        if self._finished():
            self.report = report
            self._show()

    def _on_failed(self, error: BaseException) -> None:
        if self._finished():
            sentence = reason_text(error)
            self._summary.setText(self.tr("The consultations could not be counted: {reason}").format(
                reason=sentence))

    def _show(self) -> None:
        report = self.report
        if report is None:
            return
        hours, minutes = divmod(report.total.minutes, 60)
        self._summary.setText(self.tr("%n consultation(s), {hours} h {minutes} min", "", report.total.count)
                              .format(hours=hours, minutes=minutes))
        key = self._group.currentData()
        groups = {"service": report.by_service, "branch": report.by_branch, "month": report.by_month}[key]
        names = [report.titles.get(g.key, g.key) if key == "service" else g.key or "—" for g in groups]
        first = {"service": self.tr("Service"), "branch": self.tr("Library"), "month": self.tr("Month")}[key]
        _fill(self._groups, [first, self.tr("Consultations"), self.tr("Minutes"),
                             *(outcome_label(o) for o in Outcome)],
              [[name, str(g.count), str(g.minutes), *(str(g.outcomes[o]) for o in Outcome)]
               for name, g in zip(names, groups, strict=True)])
        self._chart.show_outcomes(names, [g.outcomes for g in groups])
        _fill(self._versus, [self.tr("Service"), self.tr("Module"), self.tr("Consultations"),
                             self.tr("Partly, referred or failed"), self.tr("Failed"), self.tr("Module quiz average"),
                             self.tr("Walkthroughs passed")],
              [[v.title, self._modules.get(v.module_id or "", v.module_id or "—"), str(v.consultations),
                _percent(v.trouble_share), _percent(v.failed_share), _percent(v.quiz_average),
                _percent(v.walkthrough_pass_rate)] for v in report.versus])
