"""«Надіслати до LRS…» from the workspace window: sends to the real test LRS, once; the password is kept for the
session only; a refused password is a sentence; «Cancel» reaches a send running in a worker thread."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from tests.services.test_methodist import KEY
from tests.storage.test_workspace import make_doc

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.services.lrs_workspace import SendReport
from etrainer.services.methodist import WorkspaceService
from etrainer.storage.workspace import open_workspace
from etrainer.ui.common import tasks
from etrainer.ui.methodist import lrs_send
from etrainer.ui.methodist.lrs_send import LrsSendDialog
from etrainer.ui.methodist.window import WorkspaceWindow


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(lrs_send, "_SESSION", {})
    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "olena.etprogress").write_text(json.dumps(KEY.sign(make_doc()), ensure_ascii=False),
                                                      encoding="utf-8")
    service = WorkspaceService(workspace, load_pack(bundled_course_dir()).course)
    assert len(service.import_paths([tmp_path / "in"]).accepted) == 1
    shown = WorkspaceWindow(service)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    workspace.dispose()


def open_dialog(qtbot: Any, window: Any) -> LrsSendDialog:
    qtbot.mouseClick(window.findChild(QPushButton, "sendToLrsButton"), Qt.MouseButton.LeftButton)
    shown = [d for d in window.findChildren(LrsSendDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def fill(dialog: LrsSendDialog, server: Any, password: str | None = None) -> None:
    dialog.findChild(QLineEdit, "lrsEndpoint").setText(server.endpoint)
    dialog.findChild(QLineEdit, "lrsUser").setText(server.user)
    dialog.findChild(QLineEdit, "lrsPassword").setText(server.password if password is None else password)


def test_the_methodist_sends_her_workspace_once(qtbot: Any, window: Any, lrs_server: Any) -> None:
    dialog = open_dialog(qtbot, window)
    assert dialog.findChild(QLineEdit, "lrsPassword").echoMode() is QLineEdit.EchoMode.Password
    fill(dialog, lrs_server)
    qtbot.mouseClick(dialog.findChild(QPushButton, "lrsSendButton"), Qt.MouseButton.LeftButton)
    status = dialog.findChild(QLabel, "lrsStatus").text()
    # make_doc: a visit, a lesson read, a quiz attempt (started, one answer, failed), an open walkthrough
    assert status.startswith("Done: 6 sent, 0 were in the LRS already") and lrs_server.statement_count() == 6
    dialog.close()
    again = open_dialog(qtbot, window)
    assert again.findChild(QLineEdit, "lrsPassword").text() == lrs_server.password  # asked once per session
    qtbot.mouseClick(again.findChild(QPushButton, "lrsSendButton"), Qt.MouseButton.LeftButton)
    assert "0 sent" in again.findChild(QLabel, "lrsStatus").text()
    assert "6 sent earlier" in again.findChild(QLabel, "lrsStatus").text()


def test_a_refused_password_is_a_sentence(qtbot: Any, window: Any, lrs_server: Any) -> None:
    dialog = open_dialog(qtbot, window)
    fill(dialog, lrs_server, password="wrong")
    qtbot.mouseClick(dialog.findChild(QPushButton, "lrsSendButton"), Qt.MouseButton.LeftButton)
    status = dialog.findChild(QLabel, "lrsStatus").text()
    assert "refused the user name or password" in status and lrs_server.statement_count() == 0
    assert dialog.findChild(QPushButton, "lrsSendButton").isEnabled()


class _Endless:
    """A send that reports progress until it is cancelled (what a long send to a slow LRS looks like)."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.thread: str = ""

    def send(self, endpoint: Any, progress: Any, cancelled: Any) -> SendReport:
        self.thread = threading.current_thread().name
        done = 0
        progress(0, 1000)
        self.started.set()
        while not cancelled():
            done = min(999, done + 1)
            progress(done, 1000)
            threading.Event().wait(0.01)
        return SendReport(1000, done, cancelled=True)


def test_cancel_reaches_a_send_in_a_worker_thread(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "INLINE", False)
    monkeypatch.setattr(lrs_send, "_SESSION", {})
    endless = _Endless()
    dialog = LrsSendDialog(endless)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QLineEdit, "lrsEndpoint").setText("http://127.0.0.1:9/xAPI/")
    dialog.findChild(QLineEdit, "lrsUser").setText("u")
    qtbot.mouseClick(dialog.findChild(QPushButton, "lrsSendButton"), Qt.MouseButton.LeftButton)
    assert endless.started.wait(10)
    cancel = dialog.findChild(QPushButton, "lrsCancelButton")
    assert cancel.text() == "Cancel" and not dialog.findChild(QPushButton, "lrsSendButton").isEnabled()
    qtbot.waitUntil(lambda: dialog.bar.maximum() == 1000, timeout=5000)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.cancelled and endless.thread != threading.current_thread().name
    assert dialog.findChild(QLabel, "lrsStatus").text().startswith("Sending was cancelled")
    assert cancel.text() == "Close" and dialog.isVisible()


def test_closing_while_sending_stops_the_send_then_closes(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Esc (or the title bar's close) during a send: the worker is told to stop, and the dialog, deleted when
    it closes, goes only once the worker has stopped reporting to it."""
    import shiboken6

    monkeypatch.setattr(tasks, "INLINE", False)
    monkeypatch.setattr(lrs_send, "_SESSION", {})
    endless = _Endless()
    dialog = LrsSendDialog(endless)  # type: ignore[arg-type]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.findChild(QLineEdit, "lrsEndpoint").setText("http://127.0.0.1:9/xAPI/")
    dialog.findChild(QLineEdit, "lrsUser").setText("u")
    qtbot.mouseClick(dialog.findChild(QPushButton, "lrsSendButton"), Qt.MouseButton.LeftButton)
    assert endless.started.wait(10)
    dialog.close()
    assert shiboken6.isValid(dialog) and dialog.isVisible()
    assert dialog.findChild(QLabel, "lrsStatus").text().startswith("Stopping")
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=10000)


def test_the_lrs_of_the_settings_is_offered_until_she_types_another(qtbot: Any, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The address and user saved in Settings fill the dialog (never a password: none is stored); what she typed
    in this session wins over them."""
    monkeypatch.setattr(lrs_send, "_SESSION", {})
    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    asked: list[int] = []

    def configured() -> tuple[str, str]:
        asked.append(1)
        return "https://lrs.region.example/xAPI/", "metodyst"

    service = WorkspaceService(workspace, load_pack(bundled_course_dir()).course)
    shown = WorkspaceWindow(service, lrs_configured=configured)
    qtbot.addWidget(shown)
    shown.show()
    try:
        assert not asked  # read when the dialog opens, not before
        dialog = open_dialog(qtbot, shown)
        assert dialog.findChild(QLineEdit, "lrsEndpoint").text() == "https://lrs.region.example/xAPI/"
        assert dialog.findChild(QLineEdit, "lrsUser").text() == "metodyst"
        assert dialog.findChild(QLineEdit, "lrsPassword").text() == ""
        dialog.close()
        lrs_send._SESSION.update(endpoint="https://other.example/xAPI/", user="inshyi")
        again = open_dialog(qtbot, shown)
        assert again.findChild(QLineEdit, "lrsEndpoint").text() == "https://other.example/xAPI/"
        assert again.findChild(QLineEdit, "lrsUser").text() == "inshyi"
        again.close()
    finally:
        workspace.dispose()
