"""The workspace's charts (QtCharts): average completion per module and the hardest questions.

Each chart can be copied to the clipboard or saved as a PNG for a report. Bars carry their numbers
as labels, so the charts do not rely on colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from etrainer.core.progress.overview import Dashboard

HARDEST = 6
LABEL_LENGTH = 32


def _short(text: str, limit: int = LABEL_LENGTH) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class ChartsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartsTab")
        self.modules_view = self._view("modulesChart")
        self.items_view = self._view("itemsChart")
        layout = QVBoxLayout(self)
        for view in (self.modules_view, self.items_view):
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            copy = QPushButton(self.tr("Copy"), objectName=f"{view.objectName()}Copy")
            copy.clicked.connect(lambda _=False, v=view: QGuiApplication.clipboard().setPixmap(v.grab()))
            save = QPushButton(self.tr("Save as PNG…"), objectName=f"{view.objectName()}Save")
            save.clicked.connect(lambda _=False, v=view: self._save(v))
            buttons.addWidget(copy)
            buttons.addWidget(save)
            layout.addWidget(view, 1)
            layout.addLayout(buttons)

    @staticmethod
    def _view(name: str) -> QChartView:
        view = QChartView(objectName=name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(220)
        return view

    def _save(self, view: QChartView) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the chart"), f"{view.objectName()}.png",
                                              self.tr("PNG pictures (*.png)"))
        if path:
            view.grab().save(path, "PNG")

    def show_dashboard(self, dashboard: Dashboard) -> None:
        matrix = dashboard.matrix
        means = []
        for index, _module in enumerate(matrix.modules):
            cells = [row.cells[index] for row in matrix.rows]
            means.append(round(100 * sum(c.completion for c in cells) / len(cells)) if cells else 0)
        titles = [f"{n}" for n in range(1, len(matrix.modules) + 1)]
        chart = self._bar_chart(self.tr("Average completion by module: lessons, quizzes, walkthroughs (%)"),
                                titles, means, QColor("#1F4E79"))
        self.modules_view.setChart(chart)
        hardest = [item for item in dashboard.items if item.responses][:HARDEST]
        items = self._bar_chart(self.tr("The hardest questions: share answered right (%)"),
                                [_short(item.text) for item in reversed(hardest)],
                                [round(100 * item.facility) for item in reversed(hardest)], QColor("#B88A00"),
                                horizontal=True)
        self.items_view.setChart(items)

    @staticmethod
    def _bar_chart(title: str, categories: list[str], values: list[int], colour: QColor, *,
                   horizontal: bool = False) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().hide()
        bars = QBarSet("")
        bars.append([float(v) for v in values])
        bars.setColor(colour)
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(categories or [""])
        numbers = QValueAxis()
        numbers.setRange(0, 100)
        numbers.setLabelFormat("%d")
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(numbers, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(numbers)
        return chart
