"""The workspace's exports read on a worker thread with the progress bar and «Cancel»; a cancelled export
writes nothing; closing the window while an import or export runs asks first, then stops it and closes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shiboken6
from openpyxl import load_workbook
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.services.methodist import EXPORT_STEPS, REPORT_STEPS, ExportCancelled, WorkspaceService
from etrainer.storage.workspace import open_workspace
from etrainer.ui.common import prompts, tasks
from etrainer.ui.methodist import window as window_module
from etrainer.ui.methodist.window import WorkspaceWindow

COURSE = load_pack(bundled_course_dir()).course


@pytest.fixture
def service(tmp_path):
    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    yield WorkspaceService(workspace, COURSE)
    workspace.dispose()


@pytest.fixture
def window(qtbot, service, deferred):
    window = WorkspaceWindow(service)
    qtbot.addWidget(window)
    window.show()
    deferred.finish()  # the first dashboard
    return window


def _status(window: WorkspaceWindow) -> str:
    return window.findChild(QLabel, "workspaceStatus").text()


def test_the_report_is_read_in_steps_and_a_false_answer_stops_it(service) -> None:
    heard: list[tuple[int, int]] = []
    report = service.report(None, lambda done, total: heard.append((done, total)))
    assert [done for done, _ in heard] == list(range(REPORT_STEPS + 1))
    assert {total for _, total in heard} == {REPORT_STEPS} and report.desk is not None
    with pytest.raises(ExportCancelled):
        service.report(None, lambda done, _total: done < 3)


def test_an_export_hears_the_readings_then_the_writing_and_stops_before_writing(service, tmp_path) -> None:
    heard: list[tuple[int, int]] = []
    service.export_pdf(tmp_path / "report.pdf", None, lambda done, total: heard.append((done, total)))
    assert heard == [(done, EXPORT_STEPS) for done in range(EXPORT_STEPS + 1)]
    with pytest.raises(ExportCancelled):  # the last reading's step answered False: nothing is written
        service.export_xlsx(tmp_path / "report.xlsx", None, lambda done, _total: done < REPORT_STEPS)
    assert not (tmp_path / "report.xlsx").exists()


def test_a_cancelled_workbook_export_writes_nothing_and_keeps_an_older_file(window, deferred, tmp_path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"an older report")
    window.export_xlsx(target)
    bar, cancel = window.findChild(QProgressBar, "importProgress"), window.findChild(QPushButton, "cancelImportButton")
    assert bar.isVisible() and cancel.isVisible() and _status(window) == "Saving…"
    window.import_paths([tmp_path])  # one long job at a time
    assert "Wait until" in _status(window) and len(deferred.tasks) == 1
    cancel.click()
    assert "Cancelling the export" in _status(window)
    deferred.finish()
    assert "cancelled" in _status(window) and "no file was written" in _status(window)
    assert target.read_bytes() == b"an older report" and not bar.isVisible() and not cancel.isVisible()


def test_the_workbook_and_the_pdf_are_saved_after_their_reading(window, deferred, tmp_path) -> None:
    window.export_xlsx(tmp_path / "report.xlsx")
    deferred.finish()
    assert _status(window) == f"Saved: {tmp_path / 'report.xlsx'}"
    assert "Модулі" in load_workbook(tmp_path / "report.xlsx").sheetnames
    window.export_pdf(tmp_path / "report.pdf")
    assert not (tmp_path / "report.pdf").exists()  # nothing is drawn before the reading is done
    deferred.finish()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert _status(window) == f"Saved: {tmp_path / 'report.pdf'}"


def test_closing_during_an_export_asks_and_keep_working_keeps_it(window, deferred, tmp_path, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_yes_no", lambda _parent, _title, question, *_: asked.append(question) or False)
    window.export_pdf(tmp_path / "report.pdf")
    window.close()
    assert asked and "export" in asked[0] and window.isVisible()
    deferred.finish()
    assert (tmp_path / "report.pdf").exists()


def test_stop_and_close_cancels_the_export_then_closes_the_window(qtbot, service, deferred, tmp_path,
                                                                    monkeypatch) -> None:
    monkeypatch.setattr(prompts, "ask_yes_no", lambda *_: True)
    window = WorkspaceWindow(service)
    window.setAttribute(window_module.Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    deferred.finish()
    window.export_xlsx(tmp_path / "report.xlsx")
    window.close()
    assert not window.isVisible() and shiboken6.isValid(window)  # hidden: the export is still stopping
    deferred.finish()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    assert not (tmp_path / "report.xlsx").exists()


def test_stop_and_close_during_a_real_import_waits_for_the_worker_thread(qtbot, service, tmp_path,
                                                                         monkeypatch) -> None:
    from tests.services.test_methodist import write
    from tests.storage.test_workspace import make_doc

    monkeypatch.setattr(tasks, "INLINE", False)
    monkeypatch.setattr(prompts, "ask_yes_no", lambda *_: True)
    for n in range(60):
        write(tmp_path / "in" / f"{n:02d}.etprogress", make_doc(uid=f"learner-{n}"))
    window = WorkspaceWindow(service)
    window.setAttribute(window_module.Qt.WidgetAttribute.WA_DeleteOnClose)
    closed: list[Any] = []
    window.destroyed.connect(lambda *_: closed.append(service.row_counts()["ws_import"]))
    window.show()
    window.import_paths([tmp_path / "in"])
    window.close()
    qtbot.waitUntil(lambda: bool(closed), timeout=30_000)
    imported = closed[0]
    assert imported < 60  # stopped early; what was imported stays
    qtbot.wait(200)
    assert service.row_counts()["ws_import"] == imported  # nothing written after the window closed


def test_a_pdf_export_on_a_real_worker_thread(qtbot, service, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(tasks, "INLINE", False)
    window = WorkspaceWindow(service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window._loading, timeout=30_000)
    window.export_pdf(tmp_path / "report.pdf")
    qtbot.waitUntil(lambda: _status(window).startswith("Saved"), timeout=30_000)
    assert Path(tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_closing_while_a_view_reads_closes_once_the_reading_ends(qtbot, service, deferred) -> None:
    window = WorkspaceWindow(service)
    window.setAttribute(window_module.Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()  # its first dashboard is being read
    window.close()
    assert not window.isVisible() and shiboken6.isValid(window)  # the database is still in use
    qtbot.wait(3 * window_module.READ_WAIT_MS)
    assert shiboken6.isValid(window)
    deferred.finish()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5_000)
