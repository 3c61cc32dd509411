"""A stacked bar chart of consultation outcomes per category (a service, a branch or a month)."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QEvent, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QResizeEvent
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from etrainer.core.consultation.record import Outcome

COLOURS = {Outcome.DONE: "#2E7D32", Outcome.PARTLY: "#B88A00", Outcome.REFERRED: "#1F4E79",
           Outcome.FAILED: "#B23A3A"}
BAR_LINES = 1.25
"""A bar's height in lines of the chart's font: room for its number (the numbers are on the bars, so that the
chart does not rely on colour)."""
FRAME_LINES = 3
"""What the axis of numbers and the margins take, in lines of the font."""


def outcome_label(outcome: Outcome) -> str:
    return QCoreApplication.translate("Consultation", outcome.label)


def outcome_chart(labels: Sequence[str], outcomes: Sequence[Mapping[Outcome, int]], font: QFont) -> QChart:
    """One horizontal bar per category, top to bottom in the given order, stacked by outcome, with the numbers on
    the bars; no title (the view above says what is counted) and no legend (`outcome_legend`, under the view,
    wraps where QtCharts' one line would cut the outcomes' names). Every text in
    `font`, set before the axes are added: QtCharts measures an axis's labels when it is added, and a font set
    later leaves them cut to «…»."""
    chart = QChart()
    chart.legend().hide()
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.setBackgroundRoundness(0)
    series = QHorizontalStackedBarSeries()
    for outcome in Outcome:
        bars = QBarSet(outcome_label(outcome))
        bars.append([float(counts.get(outcome, 0)) for counts in reversed(outcomes)])
        bars.setColor(QColor(COLOURS[outcome]))
        bars.setLabelFont(font)
        series.append(bars)
    highest = max((sum(counts.values()) for counts in outcomes), default=0)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.setLabelsFont(font)
    names.setTruncateLabels(False)
    names.append(list(reversed(labels)) or [""])
    numbers = QValueAxis()
    numbers.setLabelsFont(font)
    numbers.setRange(0, max(highest, 1))
    numbers.setLabelFormat("%d")
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(numbers, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(numbers)
    return chart


def outcome_legend() -> str:
    """The outcomes' colours and names, as rich text for a word-wrapping label."""
    return "&nbsp;&nbsp; ".join(
        f'<span style="color:{COLOURS[outcome]}">■</span>&nbsp;{html.escape(outcome_label(outcome))}'
        for outcome in Outcome)


class OutcomeChart(QChartView):
    """The outcomes of the rows of a table beside it, one bar per row, labelled with the row's number as the
    table shows it (a service's or a library's name would not fit beside a bar; hovering a bar names it).

    Only the first rows that fit the view's height get a bar, so that each bar stays tall enough to read its
    numbers; `caption()` says which rows are drawn. Resizing the view draws more or fewer (`redrawn`)."""

    redrawn = Signal()

    def __init__(self, parent: QWidget | None = None, *, object_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._names: list[str] = []
        self._outcomes: list[Mapping[Outcome, int]] = []
        self._drawn = -1

    @property
    def drawn(self) -> int:
        """How many rows have a bar."""
        return max(self._drawn, 0)

    def fitting(self) -> int:
        """How many bars fit the view's height (at least one)."""
        line = self.fontMetrics().height()
        return max(1, int((self.height() - FRAME_LINES * line) / (BAR_LINES * line)))

    def show_outcomes(self, names: Sequence[str], outcomes: Sequence[Mapping[Outcome, int]]) -> None:
        self._names, self._outcomes = list(names), list(outcomes)
        self._draw(again=True)

    def caption(self) -> str:
        """Which rows are drawn, for a label beside the view ("" when every row is)."""
        if self.drawn >= len(self._names):
            return ""
        return self.tr("Rows 1–{shown} of {total}; more in a taller window.").format(
            shown=self.drawn, total=len(self._names))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._draw()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new theme: the chart's text follows the view's font
            self._draw(again=True)

    def _draw(self, *, again: bool = False) -> None:
        shown = min(len(self._names), self.fitting())
        if shown == self._drawn and not again:
            return
        self._drawn = shown
        chart = outcome_chart([str(number) for number in range(1, shown + 1)], self._outcomes[:shown], self.font())
        chart.series()[0].hovered.connect(self._hovered)
        self.setChart(chart)
        self.redrawn.emit()

    def _hovered(self, status: bool, index: int, _bars: QBarSet) -> None:
        row = self._drawn - 1 - index  # the bars are drawn bottom to top
        if not status or not 0 <= row < len(self._names):
            QToolTip.hideText()
            return
        counts = self._outcomes[row]
        QToolTip.showText(QCursor.pos(), f"{row + 1}. {self._names[row]}\n" + "\n".join(
            f"{outcome_label(outcome)}: {counts.get(outcome, 0)}" for outcome in Outcome), self)


def with_caption(chart: OutcomeChart) -> QWidget:
    """The chart above one wrapping label: its legend and, when it cannot draw every row, which rows it draws
    (one label, so that in a cramped window the text is cut at the bottom rather than drawn over the chart)."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    legend = QLabel(outcome_legend(), objectName=f"{chart.objectName()}Legend", wordWrap=True)
    legend.setTextFormat(Qt.TextFormat.RichText)
    layout.addWidget(chart, 1)
    layout.addWidget(legend)

    def update() -> None:
        caption = chart.caption()
        legend.setText(outcome_legend() + (f"<br>{html.escape(caption)}" if caption else ""))

    chart.redrawn.connect(update)
    return holder
