"""Sending to an LRS from «Export for the methodist»: nothing, no connection and no sending thread until an LRS is
configured, the consent names where the statements go, the password is asked once and kept in memory, a progress
bar and Cancel — against a real LRS (Ralph, tests/servers.py)."""

from __future__ import annotations

import socket
import threading

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QProgressBar, QPushButton
from sqlalchemy import func, select, text

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.prefs import Prefs
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.facade import open_app_services
from etrainer.storage.models import LrsOutboxRow
from etrainer.ui.common import prompts, tasks
from etrainer.ui.export_dialog import ExportDialog
from etrainer.ui.main_window import MainWindow
from etrainer.ui.settings_dialog import SettingsDialog
from etrainer.ui.viewmodels.reader import ReaderViewModel


@pytest.fixture(scope="module")
def course():
    return load_pack(bundled_course_dir()).course


@pytest.fixture
def services(tmp_path, course):
    services = open_app_services(tmp_path / "data")
    make_demo_learners(services, course, 1, seed=3)
    yield services
    services.close()


def consent(qtbot, dialog) -> None:
    box = dialog.findChild(QCheckBox, "consentBox")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert box.isChecked()


def outbox_rows(services) -> int:
    with services.database.sessions() as session:
        return session.scalar(select(func.count()).select_from(LrsOutboxRow))


def test_no_lrs_no_button_and_no_connection(qtbot, services, course, tmp_path, monkeypatch):
    opened: list[object] = []

    def refuse(*args, **kwargs):
        opened.append(args)
        raise AssertionError("a connection was opened")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    settings = SettingsDialog(services, Prefs.load(tmp_path / "data"), tmp_path / "data")
    qtbot.addWidget(settings)
    learner = services.profiles.list()[0]
    dialog = ExportDialog(services, course, learner)
    qtbot.addWidget(dialog)
    consent(qtbot, dialog)
    assert services.lrs.config() is None
    assert dialog.findChild(QPushButton, "sendLrsButton").isHidden()
    assert "record store" not in dialog.findChild(QLabel, "consentText").text()
    dialog.export_to(tmp_path / "x.etprogress")  # an export is not a sending either
    assert opened == [] and outbox_rows(services) == 0

    # the main window with her profile: saved progress starts no automatic sending (no thread, no listener)
    started: list[str] = []
    real_start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda thread: started.append(thread.name) or real_start(thread))
    window = MainWindow(ReaderViewModel(course, (), services))
    qtbot.addWidget(window)
    window.vm.set_learner(learner)
    attempt = services.quizzes.start(learner.id, course.quizzes[0], course)
    services.quizzes.finish(learner.id, attempt)
    window.refresh_lrs_sending()
    assert window.findChild(QLabel, "lrsStatus") is None and services.progress_saved._listeners == []
    assert started == [] and opened == [] and outbox_rows(services) == 0


def test_settings_keep_the_lrs_without_its_password(qtbot, services, tmp_path):
    settings = SettingsDialog(services, Prefs.load(tmp_path / "data"), tmp_path / "data")
    qtbot.addWidget(settings)
    assert "not saved" in settings.findChild(QLabel, "lrsPasswordNote").text()
    endpoint, user = settings.findChild(QLineEdit, "lrsEndpointEdit"), settings.findChild(QLineEdit, "lrsUserEdit")
    endpoint.setText("lrs.example.org")
    settings.findChild(QPushButton, "lrsSaveButton").click()
    assert "http://" in settings.findChild(QLabel, "lrsMessage").text() and services.lrs.config() is None
    endpoint.setText("https://lrs.example.org/xAPI")
    user.setText("branch-3")
    settings.findChild(QPushButton, "lrsSaveButton").click()
    assert services.lrs.config().endpoint == "https://lrs.example.org/xAPI/"
    assert endpoint.text() == "https://lrs.example.org/xAPI/"
    reopened = SettingsDialog(services, Prefs.load(tmp_path / "data"), tmp_path / "data")
    qtbot.addWidget(reopened)
    assert reopened.findChild(QLineEdit, "lrsUserEdit").text() == "branch-3"
    with services.database.sessions() as session:
        assert not session.execute(text("SELECT 1 FROM setting WHERE value LIKE '%password%'")).first()


def test_send_after_consent_with_progress_asks_the_password_once(qtbot, services, course, lrs_server,
                                                                  monkeypatch):
    services.lrs.configure(lrs_server.endpoint, lrs_server.user)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: asked.append(a[2]) or lrs_server.password)
    learner = services.profiles.list()[0]
    dialog = ExportDialog(services, course, learner)
    qtbot.addWidget(dialog)
    assert lrs_server.endpoint in dialog.findChild(QLabel, "consentText").text()
    send = dialog.findChild(QPushButton, "sendLrsButton")
    assert not send.isHidden() and not send.isEnabled()  # offered, but not before the consent
    consent(qtbot, dialog)
    assert send.isEnabled()
    bar = dialog.findChild(QProgressBar, "exportProgress")
    values: list[tuple[int, int]] = []
    bar.valueChanged.connect(lambda value: values.append((value, bar.maximum())))
    send.click()
    total = lrs_server.statement_count()
    assert total > 0 and values[-1] == (total, total)
    message = dialog.findChild(QLabel, "exportMessage").text()
    assert f"sent {total}, already there 0, waiting 0" in message
    assert len(asked) == 1 and services.lrs.password == lrs_server.password

    send.click()  # the password is not asked again; nothing new goes
    assert len(asked) == 1 and lrs_server.statement_count() == total
    assert "Nothing new" in dialog.findChild(QLabel, "exportMessage").text()


def test_a_wrong_password_is_said_and_asked_again(qtbot, services, course, lrs_server, monkeypatch):
    services.lrs.configure(lrs_server.endpoint, lrs_server.user)
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "wrong")
    dialog = ExportDialog(services, course, services.profiles.list()[0])
    qtbot.addWidget(dialog)
    consent(qtbot, dialog)
    dialog.findChild(QPushButton, "sendLrsButton").click()
    message = dialog.findChild(QLabel, "exportMessage").text()
    assert "401" in message and lrs_server.endpoint in message and "queued" in message
    assert services.lrs.password is None and lrs_server.statement_count() == 0


def test_cancel_stops_the_sending_and_keeps_the_rest(qtbot, services, course, lrs_server, monkeypatch):
    import etrainer.services.lrs as module

    monkeypatch.setattr(tasks, "INLINE", False)  # a real worker thread: Cancel is clicked while it sends
    monkeypatch.setattr(module, "BATCH", 1)
    services.lrs.configure(lrs_server.endpoint, lrs_server.user)
    services.lrs.password = lrs_server.password
    dialog = ExportDialog(services, course, services.profiles.list()[0])
    qtbot.addWidget(dialog)
    consent(qtbot, dialog)
    bar = dialog.findChild(QProgressBar, "exportProgress")
    dialog.findChild(QPushButton, "sendLrsButton").click()
    qtbot.waitUntil(lambda: bar.value() >= 3, timeout=60_000)
    close = dialog.findChild(QPushButton, "closeExportButton")
    assert close.text() == "Cancel"
    close.click()
    message = dialog.findChild(QLabel, "exportMessage")
    qtbot.waitUntil(lambda: "Cancelled" in message.text(), timeout=60_000)
    sent = lrs_server.statement_count()
    assert 3 <= sent < bar.maximum()
    assert services.lrs.counts(services.profiles.list()[0].id, lrs_server.endpoint).pending == bar.maximum() - sent
    assert close.text() == "Close"
