"""The consultations' outcome chart: one numbered bar per table row, as many as its height lets it draw legibly."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtWidgets import QLabel, QToolTip

from etrainer.core.consultation.record import Outcome
from etrainer.ui.consultation.chart import BAR_LINES, FRAME_LINES, OutcomeChart, with_caption

NAMES = [f"Послуга номер {n} з довгою назвою, яка не вміститься біля смуги" for n in range(1, 13)]
OUTCOMES = [{Outcome.DONE: n, Outcome.FAILED: n % 3} for n in range(1, 13)]


def _labels(view: OutcomeChart) -> list[str]:
    axis = next(a for a in view.chart().axes() if isinstance(a, QBarCategoryAxis))
    return list(reversed(axis.categories()))  # the axis lists them bottom to top


def test_the_bars_that_fit_are_numbered_as_the_table_rows_and_a_taller_view_draws_more(qtbot) -> None:
    view = OutcomeChart(object_name="chart")
    holder = with_caption(view)
    qtbot.addWidget(holder)
    holder.resize(400, 260)
    holder.show()
    view.show_outcomes(NAMES, OUTCOMES)
    line = view.fontMetrics().height()
    expected = int((view.height() - FRAME_LINES * line) / (BAR_LINES * line))
    assert 1 <= expected < len(NAMES)
    assert view.drawn == expected and _labels(view) == [str(n) for n in range(1, expected + 1)]
    bars = view.chart().series()[0].barSets()
    done = next(b for b in bars if b.label() == "Done")
    assert [done.at(i) for i in range(done.count())] == [float(n) for n in range(expected, 0, -1)]
    legend = holder.findChild(QLabel, "chartLegend")
    assert f"1–{expected} of 12" in legend.text() and "Referred" in legend.text()

    holder.resize(400, 2000)
    qtbot.waitUntil(lambda: view.drawn == len(NAMES))
    assert _labels(view) == [str(n) for n in range(1, 13)]
    assert "of 12" not in legend.text() and "Failed" in legend.text()


def test_hovering_a_bar_names_its_row(qtbot) -> None:
    view = OutcomeChart(object_name="chart")
    qtbot.addWidget(view)
    view.resize(400, 900)
    view.show()
    view.show_outcomes(NAMES[:3], OUTCOMES[:3])
    series = view.chart().series()[0]
    series.hovered.emit(True, 2, series.barSets()[0])  # the top bar: the first row
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text().startswith(f"1. {NAMES[0]}") and "Done: 1" in QToolTip.text()
    series.hovered.emit(False, 2, series.barSets()[0])
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
