"""A librarian's start past her first run: the profile chooser first (from the read-only peek), the main window
and the database's full opening behind it; every answer of the chooser leads where the old start led."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton

from etrainer import app as app_module
from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.prefs import Prefs
from etrainer.services.facade import open_app_services
from etrainer.services.startup import peek_start
from etrainer.ui import chooser_start
from etrainer.ui.chooser_start import ChooserFirst
from etrainer.ui.common import tasks

from .conftest import type_text

COURSE = load_pack(bundled_course_dir()).course
SECOND_LESSON = COURSE.modules[0].lessons[1]


def _librarians_pc(data: Path, *, pin: str | None = None) -> Prefs:
    """A data folder past its first run with Марта's profile, who last read the course's second lesson."""
    services = open_app_services(data)
    try:
        marta = services.profiles.create("Марта Коваль", "Філія № 3", pin=pin)
        services.profiles.create("Ірина Савчук")
        services.learning.open_lesson(marta.id, SECOND_LESSON)
        services.profiles.touch(marta.id)
    finally:
        services.close()
    prefs = Prefs.load(data)
    prefs.role, prefs.extra["welcome_seen"] = "librarian", True
    prefs.save(data)
    return prefs


def _args(**overrides: object) -> argparse.Namespace:
    values = {"course": None, "open": [], "exit_after_first_paint": False, "exit_when_usable": False}
    values.update(overrides)
    return argparse.Namespace(**values)


@pytest.fixture
def start(qtbot, tmp_path):
    """(make(pin=None) -> ChooserFirst shown, not yet answered); everything it built is closed at the end."""
    made: list[ChooserFirst] = []
    data = tmp_path / "data"

    def make(pin: str | None = None) -> ChooserFirst:
        prefs = _librarians_pc(data, pin=pin)
        peeked = peek_start(data)
        assert peeked is not None
        app = QApplication.instance()
        chooser = ChooserFirst(app, peeked, lambda: _build(app, data, prefs))
        qtbot.addWidget(chooser.dialog)
        chooser.show()
        made.append(chooser)
        return chooser

    def _build(app, data, prefs):
        built = app_module._build_window(app, _args(), data, prefs)
        assert built is not None
        qtbot.addWidget(built.window)
        return built.controller

    yield make
    for chooser in made:
        if chooser.controller is not None:
            chooser.controller.window.close()
            if chooser.controller.services is not None:
                chooser.controller.services.close()
    QApplication.instance().setQuitOnLastWindowClosed(True)


def _open(qtbot, chooser: ChooserFirst) -> None:
    qtbot.waitUntil(lambda: chooser.controller is not None and chooser.controller.services is not None,
                    timeout=30000)


def test_the_chooser_lists_the_profiles_with_the_last_one_chosen_before_anything_else(qtbot, start) -> None:
    chooser = start()
    profiles = chooser.dialog.findChild(QListWidget, "profileList")
    assert [profiles.item(i).text() for i in range(profiles.count())] == ["Ірина Савчук", "Марта Коваль — Філія № 3"]
    assert profiles.currentItem().text().startswith("Марта")
    assert chooser.controller is None  # nothing else is built before the chooser is on screen
    _open(qtbot, chooser)
    assert not chooser.controller.window.isVisible()  # built behind the chooser, shown with her answer


def test_choosing_opens_the_window_at_her_last_lesson(qtbot, start) -> None:
    chooser = start()
    _open(qtbot, chooser)
    qtbot.mouseClick(chooser.dialog.findChild(QPushButton, "chooseButton"), Qt.MouseButton.LeftButton)
    window = chooser.controller.window
    assert window.isVisible() and not chooser.dialog.isVisible()
    assert window.vm.learner is not None and window.vm.learner.name == "Марта Коваль"
    assert window.findChild(QLabel, "lessonTitleLabel").text() == SECOND_LESSON.title


def test_a_choice_made_while_the_database_opens_waits_for_it(qtbot, start, monkeypatch) -> None:
    go_on = threading.Event()
    original = ChooserFirst._import

    def slow_import(self: ChooserFirst, progress: object) -> None:
        go_on.wait(30)
        original(self, progress)

    monkeypatch.setattr(ChooserFirst, "_import", slow_import)
    monkeypatch.setattr(tasks, "INLINE", False)  # a real worker thread, as in the app
    chooser = start()
    qtbot.waitUntil(lambda: chooser.controller is not None, timeout=30000)  # the window is built, not opened
    assert chooser.controller.services is None
    seen: list[bool] = []

    def let_it_open() -> None:
        seen.append((chooser.dialog.isVisible(), chooser.dialog.isEnabled()))
        go_on.set()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(200, let_it_open)
    qtbot.mouseClick(chooser.dialog.findChild(QPushButton, "chooseButton"), Qt.MouseButton.LeftButton)
    assert seen == [(True, False)]  # the chooser waited on screen, disabled, until the database was open
    window = chooser.controller.window
    assert window.isVisible() and window.vm.learner.name == "Марта Коваль"
    assert chooser.dialog.isEnabled() and QApplication.overrideCursor() is None


def test_a_pin_is_checked_by_the_full_services(qtbot, start) -> None:
    chooser = start(pin="2468")
    pin = chooser.dialog.findChild(QLineEdit, "pinEntry")
    qtbot.keyClicks(pin, "1111")
    qtbot.mouseClick(chooser.dialog.findChild(QPushButton, "chooseButton"), Qt.MouseButton.LeftButton)
    assert chooser.dialog.isVisible()
    assert "PIN" in chooser.dialog.findChild(QLabel, "chooseError").text()
    pin.clear()
    qtbot.keyClicks(pin, "2468")
    qtbot.mouseClick(chooser.dialog.findChild(QPushButton, "chooseButton"), Qt.MouseButton.LeftButton)
    assert chooser.controller.window.vm.learner.name == "Марта Коваль"


def test_a_new_profile_made_in_the_chooser_is_stored(qtbot, start) -> None:
    chooser = start()
    qtbot.mouseClick(chooser.dialog.findChild(QPushButton, "newProfileButton"), Qt.MouseButton.LeftButton)
    type_text(chooser.dialog.findChild(QLineEdit, "nameField"), "Олена Гнатюк")
    qtbot.mouseClick(chooser.dialog.findChild(QPushButton, "createButton"), Qt.MouseButton.LeftButton)
    services = chooser.controller.services
    assert "Олена Гнатюк" in [profile.name for profile in services.profiles.list()]
    assert chooser.controller.window.vm.learner.name == "Олена Гнатюк"


def test_closing_the_chooser_opens_the_course_without_a_profile(qtbot, start) -> None:
    chooser = start()
    _open(qtbot, chooser)
    chooser.dialog.reject()
    window = chooser.controller.window
    assert window.isVisible() and window.vm.learner is None
    assert "profile" in window.statusBar().currentMessage().lower() or "профіль" in window.statusBar().currentMessage()


def test_the_workspace_button_opens_the_workspace(qtbot, start, monkeypatch) -> None:
    opened: list[object] = []
    from etrainer.ui.controller import AppController

    monkeypatch.setattr(AppController, "open_workspace", lambda self, files=None: opened.append(files))
    chooser = start()
    _open(qtbot, chooser)
    qtbot.mouseClick(chooser.dialog.findChild(QPushButton, "workspaceButton"), Qt.MouseButton.LeftButton)
    assert opened == [None]


@pytest.mark.parametrize(("role", "seen", "files", "first_paint", "expected"), [
    ("librarian", True, [], False, True),
    ("", True, [], False, True),  # an older install that saw the tour starts as a librarian
    ("librarian", False, [], False, False),  # the first run asks who works here
    ("trainer", True, [], False, False),
    ("methodist", True, [], False, False),
    ("librarian", True, [Path("a.etprogress")], False, False),  # files to open: the workspace or the reply
    ("librarian", True, [], True, False),  # the first-paint measure is the main window's
])
def test_which_starts_show_the_chooser_first(role, seen, files, first_paint, expected, tmp_path) -> None:
    prefs = Prefs.load(tmp_path)
    prefs.role = role
    prefs.extra["welcome_seen"] = seen
    assert app_module._chooser_first(_args(open=files, exit_after_first_paint=first_paint), prefs) is expected


PROBE = """
import sys
from etrainer.cli import main
code = main(sys.argv[1:])
print(code, "sqlalchemy" in sys.modules, "etrainer.ui.main_window" in sys.modules)
"""


def test_usable_comes_with_the_chooser_before_the_database_layer_is_imported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _librarians_pc(data)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", PROBE, "--data-dir", str(data), "--exit-when-usable"],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.stdout.split() == ["0", "False", "False"], result.stdout + result.stderr


def test_a_database_the_peek_steps_aside_for_takes_the_main_window_first(tmp_path, monkeypatch) -> None:
    """peek_start gives None (a first start, damage, an upgrade, a question): the old start, window first."""
    import etrainer.services.startup as startup

    monkeypatch.setattr(startup, "peek_start", lambda data: None)
    monkeypatch.setattr(chooser_start, "ChooserFirst", None)  # would raise if it were used
    built: list[bool] = []
    monkeypatch.setattr(app_module, "_build_window", lambda *args, **kwargs: built.append(True))
    prefs = Prefs.load(tmp_path)
    prefs.role, prefs.extra["welcome_seen"] = "librarian", True
    assert app_module._run_window(QApplication.instance(), _args(), tmp_path, prefs) == 1
    assert built == [True]


def test_a_second_launch_meanwhile_brings_the_chooser_forward_not_the_empty_window(qtbot, start) -> None:
    chooser = start()
    _open(qtbot, chooser)
    app_module._bring_forward(chooser.controller.window)  # what the single-instance listener calls
    assert chooser.dialog.isVisible() and not chooser.controller.window.isVisible()
    qtbot.mouseClick(chooser.dialog.findChild(QPushButton, "chooseButton"), Qt.MouseButton.LeftButton)
    chooser.controller.window.showMinimized()
    app_module._bring_forward(chooser.controller.window)
    assert chooser.controller.window.isVisible() and not chooser.controller.window.isMinimized()
