"""The «Consultations» tab counts on a worker thread: the window answers meanwhile, a filter changed while it
counts is counted next (the last filter's figures stay on screen), a failure is a sentence, and a window closed
meanwhile drops the result."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QTableWidget

from etrainer.core.consultation.record import Outcome
from etrainer.core.consultation.stats import DeskRecord, DeskReport, desk_report
from etrainer.storage.workspace import WorkspaceUnavailable
from etrainer.ui.common import tasks
from etrainer.ui.consultation.desk_tab import DeskTab


def _report(branch: str, n: int) -> DeskReport:
    return desk_report([DeskRecord("a", branch, datetime(2026, 11, 2, tzinfo=UTC), "kep", Outcome.DONE, 10)] * n,
                       None, {})


class _Loads:
    """A desk load that waits for the test to let each call finish, and says which call it was."""

    def __init__(self) -> None:
        self.calls = 0
        self.started = threading.Semaphore(0)
        self.go = threading.Semaphore(0)

    def __call__(self) -> DeskReport:
        self.calls += 1
        call = self.calls
        self.started.release()
        assert self.go.acquire(timeout=10)
        return _report(f"Філія № {call}", call)


def _groups(tab: DeskTab) -> list[str]:
    table = tab.findChild(QTableWidget, "deskGroups")
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def test_counting_runs_off_the_ui_thread_and_the_last_filter_wins(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(tasks, "INLINE", False)
    loads = _Loads()
    tab = DeskTab(lambda: loads, {})
    qtbot.addWidget(tab)
    tab._group.setCurrentIndex(tab._group.findData("branch"))
    tab.show()  # the first count starts
    assert loads.started.acquire(timeout=10)
    summary = tab.findChild(QLabel, "deskSummary")
    assert tab.loading and "…" in summary.text()
    tab.reload()  # the filter changed twice while counting: one more count, after this one
    tab.reload()
    loads.go.release()
    qtbot.waitUntil(lambda: loads.calls == 2, timeout=10_000)  # the first count's result, then the next count
    assert tab.loading
    loads.go.release()
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    assert loads.calls == 2
    assert _groups(tab) == ["Філія № 2"]
    assert "2" in summary.text()


def test_a_failure_is_a_sentence_and_the_figures_shown_stay(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(tasks, "INLINE", False)
    refusal = WorkspaceUnavailable(url="workspace.sqlite3", reason="database is locked")
    outcomes: list[object] = [_report("Центральна", 3), refusal]

    def load() -> DeskReport:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome  # type: ignore[return-value]

    tab = DeskTab(lambda: load, {})
    qtbot.addWidget(tab)
    tab._group.setCurrentIndex(tab._group.findData("branch"))
    tab.show()
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    assert _groups(tab) == ["Центральна"]
    tab.reload()
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    text = tab.findChild(QLabel, "deskSummary").text()
    assert "workspace.sqlite3" in text and "Traceback" not in text
    assert _groups(tab) == ["Центральна"]


def test_a_tab_closed_while_counting_drops_the_result(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(tasks, "INLINE", False)
    loads = _Loads()
    tab = DeskTab(lambda: loads, {})
    tab.show()
    assert loads.started.acquire(timeout=10)
    summary = tab.findChild(QLabel, "deskSummary")
    tab.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(summary)
    loads.go.release()
    qtbot.wait(200)  # the result arrives for a deleted tab: nothing is shown, nothing raises
    assert loads.calls == 1


def test_a_long_module_title_is_cut_to_its_column_with_the_whole_title_as_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    from etrainer.core.consultation.catalog import ConsultationCatalog, Service
    from etrainer.core.consultation.stats import TrainingResult
    from etrainer.ui.consultation.desk_tab import WIDEST_COLUMN

    title = "Інші канали е-послуг: ПФУ, податкова, eHealth, черга, ЦНАП онлайн, реєстри, субсидії та допомоги"
    catalog = ConsultationCatalog((Service("kep", "КЕП", "m1"),), (), (), ())
    report = desk_report([DeskRecord("a", "Центральна", datetime(2026, 11, 2, tzinfo=UTC), "kep", Outcome.DONE, 10)],
                         catalog, {"m1": TrainingResult("m1", 0.5, None)})
    tab = DeskTab(lambda: lambda: report, {"m1": title})
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    versus = tab.findChild(QTableWidget, "deskVersus")
    assert versus.item(0, 1).text() == title and versus.item(0, 1).toolTip() == title
    assert versus.columnWidth(1) <= WIDEST_COLUMN < versus.fontMetrics().horizontalAdvance(title)
    header = versus.horizontalHeaderItem(3).text()  # «Partly, referred or failed»: a header is never cut
    assert versus.columnWidth(3) >= versus.horizontalHeader().fontMetrics().horizontalAdvance(header)
    chart, groups = tab.findChild(QChartView, "deskChart"), tab.findChild(QTableWidget, "deskGroups")
    assert chart.width() >= 0.35 * (chart.width() + groups.width())  # two fifths of the width, not a sliver


def test_latest_run_starts_one_at_a_time_and_says_when_another_is_due() -> None:
    from etrainer.ui.common.tasks import LatestRun

    run = LatestRun()
    assert run.start() and run.running
    assert not run.start() and not run.start()  # two changes meanwhile: one more run, not two
    assert not run.end() and not run.running  # not shown: the caller starts the due one
    assert run.start() and run.end() and not run.running  # this one is shown


def test_a_long_task_does_not_hold_back_another_on_a_one_processor_pc(qtbot, monkeypatch) -> None:
    import threading

    from PySide6.QtCore import QThreadPool

    from etrainer.ui.common import tasks

    monkeypatch.setattr(tasks, "INLINE", False)
    pool = QThreadPool.globalInstance()
    before = pool.maxThreadCount()
    pool.setMaxThreadCount(1)  # as Qt sizes it on a one-processor PC
    release, done = threading.Event(), []
    try:
        tasks.run_in_background(lambda _p: release.wait(20), lambda _r: done.append("long"), lambda _e: None)
        tasks.run_in_background(lambda _p: "view", done.append, lambda _e: None)
        qtbot.waitUntil(lambda: done == ["view"], timeout=10_000)
    finally:
        release.set()
        qtbot.waitUntil(lambda: "long" in done, timeout=10_000)
        pool.setMaxThreadCount(before)
