"""The learner app's automatic sending to an LRS (ui.lrs_status, services.lrs_auto) against a real LRS (Ralph):
started only by her consent in the export dialog, her new records sent in the background after each save, the
next session's quiet «N records wait … — Send», and a refusal said once in the status bar, never in a dialog."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton
from tests.services.test_lrs_auto import finish_a_quiz as finish_a_quiz_of

import etrainer.services.lrs_auto as lrs_auto
from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.facade import open_app_services
from etrainer.ui.common import prompts
from etrainer.ui.export_dialog import ExportDialog
from etrainer.ui.main_window import MainWindow
from etrainer.ui.viewmodels.reader import ReaderViewModel


@pytest.fixture(scope="module")
def course():
    return load_pack(bundled_course_dir()).course


@pytest.fixture(autouse=True)
def _quick(monkeypatch):
    monkeypatch.setattr(lrs_auto, "QUIET", 0.05)
    monkeypatch.setattr(lrs_auto, "FIRST_RETRY", 0.2)


@pytest.fixture
def data(tmp_path, course):
    services = open_app_services(tmp_path / "data")
    make_demo_learners(services, course, 1, seed=3)
    services.close()
    return tmp_path / "data"


@pytest.fixture
def asked(monkeypatch):
    """The password prompts; the test sets `answer` first."""
    class Asked(list):
        answer: str | None = None

    asked = Asked()
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: asked.append(a[2]) or asked.answer)
    return asked


@pytest.fixture
def session(qtbot, data, course):
    """One run of the app on the data folder: (window, services) with the demo learner chosen."""
    opened: list[Any] = []

    def start():
        services = open_app_services(data)
        window = MainWindow(ReaderViewModel(course, (), services))
        qtbot.addWidget(window)
        window.show()
        window.vm.set_learner(services.profiles.list()[0])
        opened.append((window, services))
        return window, services

    yield start
    for window, services in opened:
        window.stop_lrs_sending()
        services.close()


def status_label(window) -> QLabel | None:
    return window.findChild(QLabel, "lrsStatus")


def finish_a_quiz(services, course) -> None:
    finish_a_quiz_of(services, course, services.profiles.list()[0].id)


def no_dialog_shown() -> bool:
    return QApplication.activeModalWidget() is None and not any(
        widget.isVisible() and widget.inherits("QDialog") for widget in QApplication.topLevelWidgets())


def send_from_the_export_dialog(qtbot, monkeypatch) -> None:
    """«Export for the methodist» as the learner uses it: consent, «Send to the LRS», close."""
    def run(dialog: ExportDialog) -> int:
        box = dialog.findChild(QCheckBox, "consentBox")
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
        dialog.findChild(QPushButton, "sendLrsButton").click()
        return 0

    monkeypatch.setattr(ExportDialog, "exec", run)


def test_nothing_is_started_without_an_lrs_or_without_her_consent(qtbot, session, course, lrs_server, asked,
                                                                  monkeypatch):
    started: list[str] = []
    real_start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda thread: started.append(thread.name) or real_start(thread))
    window, services = session()
    finish_a_quiz(services, course)  # progress saved: nobody listens
    assert status_label(window) is None and started == []
    assert services.progress_saved._listeners == []

    services.lrs.configure(lrs_server.endpoint, lrs_server.user)  # an LRS, but she has not agreed to it
    window.refresh_lrs_sending()
    finish_a_quiz(services, course)
    assert status_label(window) is None and started == [] and services.progress_saved._listeners == []
    assert lrs_server.statement_count() == 0 and asked == []

    services.settings.set_lrs_consent(services.profiles.list()[0].id, "https://other.example.org/xAPI/")
    window.refresh_lrs_sending()  # she agreed to another address: not to this one
    assert status_label(window) is None and started == []


def test_after_sending_once_her_new_records_go_by_themselves(qtbot, session, course, lrs_server, asked,
                                                             monkeypatch):
    window, services = session()
    services.lrs.configure(lrs_server.endpoint, lrs_server.user)
    asked.answer = lrs_server.password
    send_from_the_export_dialog(qtbot, monkeypatch)
    window.export_progress()
    first = lrs_server.statement_count()
    assert first > 0 and len(asked) == 1
    label = status_label(window)
    assert label is not None
    qtbot.waitUntil(lambda: label.isVisible() and f"sent {first}, waiting 0" in label.text(), timeout=30_000)

    finish_a_quiz(services, course)  # a finished attempt: sent in the background, no prompt, no dialog
    qtbot.waitUntil(lambda: lrs_server.statement_count() > first, timeout=30_000)
    now = lrs_server.statement_count()
    qtbot.waitUntil(lambda: f"sent {now}, waiting 0" in label.text(), timeout=30_000)
    assert len(asked) == 1 and no_dialog_shown()

    sender = label.auto
    services.lrs.configure("", "")  # Settings: the address removed: the sending stops
    window.refresh_lrs_sending()
    assert status_label(window) is None or not status_label(window).isVisible()
    assert not sender.running and services.progress_saved._listeners == []


def test_the_next_session_says_what_waits_and_sends_after_one_password(qtbot, session, course, lrs_server, asked,
                                                                       monkeypatch):
    window, services = session()
    services.lrs.configure(lrs_server.endpoint, lrs_server.user)
    services.settings.set_lrs_consent(services.profiles.list()[0].id, lrs_server.endpoint)  # a former session
    window.stop_lrs_sending()
    services.close()

    window, services = session()  # a new session: the consent is remembered, the password is not
    assert services.lrs.password is None
    label = status_label(window)
    assert label is not None
    qtbot.waitUntil(lambda: label.isVisible() and "wait to be sent to" in label.text(), timeout=30_000)
    waiting = services.lrs.counts(services.profiles.list()[0].id, lrs_server.endpoint).pending
    assert waiting > 0 and f"{waiting} record" in label.text()
    assert f"wait to be sent to {lrs_server.endpoint}" in label.text()
    assert lrs_server.statement_count() == 0 and asked == []  # nothing sent, nothing asked before «Send»

    asked.answer = lrs_server.password
    label.linkActivated.emit("send")
    qtbot.waitUntil(lambda: f"sent {waiting}, waiting 0" in label.text(), timeout=30_000)
    assert lrs_server.statement_count() == waiting and len(asked) == 1

    finish_a_quiz(services, course)  # and from now on by itself, the password not asked again
    qtbot.waitUntil(lambda: lrs_server.statement_count() > waiting, timeout=30_000)
    assert len(asked) == 1


def test_a_refusal_is_said_once_in_the_status_bar_and_stops_the_sending(qtbot, session, course, lrs_server, asked,
                                                                         monkeypatch):
    window, services = session()
    services.lrs.configure(lrs_server.endpoint, lrs_server.user)
    services.settings.set_lrs_consent(services.profiles.list()[0].id, lrs_server.endpoint)
    services.lrs.password = "wrong"  # the password given this session is wrong
    window.refresh_lrs_sending()
    label = status_label(window)
    qtbot.waitUntil(lambda: "stopped" in label.text(), timeout=30_000)
    assert lrs_server.endpoint in label.text() and "401" in label.text() and label.property("error")
    assert no_dialog_shown() and asked == [] and services.lrs.password is None

    finish_a_quiz(services, course)  # no automatic sending while stopped
    qtbot.wait(300)
    assert lrs_server.statement_count() == 0 and "stopped" in label.text()

    asked.answer = lrs_server.password  # «Send again» asks the password
    label.linkActivated.emit("send")
    qtbot.waitUntil(lambda: "waiting 0" in label.text(), timeout=30_000)
    assert len(asked) == 1 and lrs_server.statement_count() > 0 and not label.property("error")


def test_an_lrs_that_does_not_answer_shows_the_next_try(qtbot, session, course, asked):
    from tests.servers import free_port

    window, services = session()
    endpoint = f"http://127.0.0.1:{free_port()}/regional-library-system/learning-records/statements-store/xAPI/"
    services.lrs.configure(endpoint, "u")
    services.settings.set_lrs_consent(services.profiles.list()[0].id, endpoint)
    services.lrs.password = "p"
    window.refresh_lrs_sending()
    label = status_label(window)
    qtbot.waitUntil(lambda: "does not answer" in label.text(), timeout=30_000)
    assert endpoint in label.text() and "next try at" in label.text() and "Try now" in label.text()
    assert endpoint in label.toolTip() and no_dialog_shown()
    assert window.statusBar().minimumSizeHint().width() < 300  # a long address does not widen the window
