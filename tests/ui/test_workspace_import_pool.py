"""The workspace window imports on a worker thread of the Qt application; its import's worker processes
(started with "spawn" from that thread) check the files, and «Cancel» stops them."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from tests.services.test_methodist import write
from tests.storage.test_workspace import make_doc

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.services import methodist
from etrainer.services.methodist import WorkspaceService
from etrainer.storage.workspace import open_workspace
from etrainer.ui.common import tasks
from etrainer.ui.methodist.window import WorkspaceWindow


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "INLINE", False)  # a real worker thread, as in the app
    monkeypatch.setattr(methodist, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(methodist, "pool_workers", lambda: 2)
    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    window = WorkspaceWindow(WorkspaceService(workspace, load_pack(bundled_course_dir()).course))
    qtbot.addWidget(window)
    window.show()
    yield window
    qtbot.waitUntil(lambda: not window._importing, timeout=30_000)
    workspace.dispose()


def files(folder: Path, count: int) -> Path:
    for n in range(count):
        write(folder / f"{n:02d}.etprogress", make_doc(uid=f"learner-{n}"))
    return folder


def test_the_window_imports_through_the_worker_processes(window, qtbot, tmp_path):
    window.import_paths([files(tmp_path / "in", 12)])
    qtbot.waitUntil(lambda: window.last_report is not None, timeout=30_000)
    report = window.last_report
    assert len(report.accepted) == 12 and not report.rejected and not report.cancelled
    assert window.service.row_counts()["ws_learner"] == 12
    assert multiprocessing.active_children() == []


def test_cancel_stops_the_worker_processes(window, qtbot, tmp_path):
    window.import_paths([files(tmp_path / "in", 40)])
    window.findChild(QPushButton, "cancelImportButton").click()
    qtbot.waitUntil(lambda: window.last_report is not None, timeout=30_000)
    report = window.last_report
    assert report.cancelled and len(report.files) < 40 and report.total_files == 40
    assert window.service.row_counts()["ws_import"] == len(report.files)
    assert multiprocessing.active_children() == []
