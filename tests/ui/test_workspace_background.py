"""The workspace window computes its dashboard off the UI thread: the progress bar shows meanwhile, and a
filter chosen while a computation runs is computed next, for the newest filter; a failure is one sentence."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QProgressBar

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.services.methodist import WorkspaceService
from etrainer.storage.workspace import open_workspace
from etrainer.ui.methodist.window import WorkspaceWindow

from .conftest import Deferred

COURSE = load_pack(bundled_course_dir()).course


@pytest.fixture
def window(qtbot, tmp_path, deferred):
    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    service = WorkspaceService(workspace, COURSE)
    asked: list[Any] = []
    dashboard = service.dashboard
    service.dashboard = lambda filters=None, progress=None: (asked.append(filters), dashboard(filters, progress))[1]
    window = WorkspaceWindow(service)
    window.asked = asked
    qtbot.addWidget(window)
    yield window
    workspace.dispose()


def test_a_filter_chosen_meanwhile_is_computed_next(window: WorkspaceWindow, deferred: Deferred) -> None:
    bar = window.findChild(QProgressBar, "importProgress")
    assert window.dashboard is None and len(deferred.tasks) == 1 and not bar.isHidden()
    window._dated.setChecked(True)  # two changes while the first computation runs: one more, for the newest
    window._start.setDate(window._start.date().addDays(-3))
    assert len(deferred.tasks) == 1
    deferred.finish()
    assert window.dashboard is None  # the first result is for a filter no longer chosen: not shown
    assert len(deferred.tasks) == 1 and not bar.isHidden()
    deferred.finish()
    assert window.dashboard is not None and window.dashboard.filters == window.filters()
    assert window.dashboard.filters.start is not None and window.asked[-1] == window.filters()
    assert bar.isHidden() and not deferred.tasks


def test_a_failed_computation_says_why(window: WorkspaceWindow, deferred: Deferred, monkeypatch) -> None:
    def broken(filters=None, progress=None):
        raise OSError("the server went away")

    deferred.finish()
    monkeypatch.setattr(window.service, "dashboard", broken)
    window.refresh()
    deferred.finish()
    status = window.findChild(QLabel, "workspaceStatus").text()
    assert "the server went away" in status and window.findChild(QProgressBar, "importProgress").isHidden()


def test_a_result_arriving_after_the_window_closed_is_dropped(qtbot, tmp_path, deferred: Deferred) -> None:
    import shiboken6

    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    window = WorkspaceWindow(WorkspaceService(workspace, COURSE))
    shiboken6.delete(window)  # closed with WA_DeleteOnClose while the worker computes
    try:
        deferred.finish()  # would touch the deleted progress bar and raise in the Qt event loop
        assert window._loading
    finally:
        workspace.dispose()
