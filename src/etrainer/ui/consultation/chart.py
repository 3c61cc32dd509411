"""A stacked bar chart of consultation outcomes per category (a service, a branch or a month)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QHorizontalStackedBarSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from etrainer.core.consultation.record import Outcome

COLOURS = {Outcome.DONE: "#2E7D32", Outcome.PARTLY: "#B88A00", Outcome.REFERRED: "#1F4E79",
           Outcome.FAILED: "#B23A3A"}
LABEL_LENGTH = 36


def outcome_label(outcome: Outcome) -> str:
    return QCoreApplication.translate("Consultation", outcome.label)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1].rstrip() + "…"


def outcome_chart(title: str, categories: Sequence[str], outcomes: Sequence[Mapping[Outcome, int]]) -> QChart:
    """One horizontal bar per category, stacked by outcome, numbers on the bars (not only colour)."""
    chart = QChart()
    chart.setTitle(title)
    series = QHorizontalStackedBarSeries()
    highest = 1
    for outcome in Outcome:
        bars = QBarSet(outcome_label(outcome))
        bars.append([float(counts.get(outcome, 0)) for counts in reversed(outcomes)])
        bars.setColor(QColor(COLOURS[outcome]))
        series.append(bars)
    for counts in outcomes:
        highest = max(highest, sum(counts.values()))
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([_short(c) for c in reversed(categories)] or [""])
    numbers = QValueAxis()
    numbers.setRange(0, highest)
    numbers.setLabelFormat("%d")
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(numbers, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(numbers)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart
