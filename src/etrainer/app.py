"""The composition root: builds the application, the course, the services and the windows.

Start-up order keeps the first paint fast: the course pack is read and the main window shown
first; the database (SQLAlchemy, migrations, backups) opens right after the first paint.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from etrainer import __version__
from etrainer.core.course.catalog import available_packs
from etrainer.core.course.model import Course
from etrainer.core.errors import EtrainerError, NoCourse, Problem
from etrainer.i18n import install_translators
from etrainer.paths import bundled_course_dir, data_dir, packs_dir, resources_dir
from etrainer.prefs import Prefs
from etrainer.ui.theme import Theme, apply_theme


class _FirstPaint(QObject):
    """Calls `callback` once, after `widget` has painted for the first time."""

    def __init__(self, widget: QObject, callback) -> None:  # type: ignore[no-untyped-def]
        super().__init__(widget)
        self._callback, self._done = callback, False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._callback)
        return False


def load_course(explicit: str | None, data: Path, prefs: Prefs) -> tuple[Course, tuple[Problem, ...], bool]:
    """The course to open: `--course PATH`, else the remembered one, else the first available; and whether
    its quizzes and walkthroughs are still to be read (`load_extras_cached`, after the first paint)."""
    if explicit:
        from etrainer.core.course.pack import load_pack

        result = load_pack(Path(explicit))
        return result.course, result.problems, False
    from etrainer.course_cache import load_pack_cached

    packs = available_packs(bundled_course_dir(), packs_dir(data))
    if not packs:
        raise NoCourse(path=str(bundled_course_dir()))
    chosen = next((p for p in packs if p.course_id == prefs.course_id), packs[0])
    result = load_pack_cached(chosen.root, data, extras=False)
    return result.course, result.problems, True


FRAME = QSize(16, 40)
"""Room for the window's frame and title bar, which are outside the size given to `resize`."""


def first_size(available: QSize) -> QSize:
    """The main window's size at its first start: 1200×800, or less so that the window with its title bar fits
    the screen's free area (a 1024×768 screen gives 1008×728)."""
    return QSize(1200, 800).boundedTo(available - FRAME)


def run(args: argparse.Namespace) -> int:
    data = data_dir(args.data_dir)
    prefs = Prefs.load(data)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("etrainer")
    app.setApplicationDisplayName("Е-тренер")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("etrainer")  # Wayland shows the icon of installer/etrainer.desktop
    icon = resources_dir() / "icons" / "etrainer.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    translators = install_translators(app, args.language or prefs.language)
    apply_theme(app, Theme.parse(args.theme or prefs.theme))

    from etrainer.ui.common.errors import show_error
    from etrainer.ui.main_window import MainWindow
    from etrainer.ui.viewmodels.reader import ReaderViewModel

    try:
        course, problems, extras_pending = load_course(args.course, data, prefs)
    except EtrainerError as error:
        show_error(None, app.translate("App", "Е-тренер"), error)
        return 1
    vm = ReaderViewModel(course, problems)
    window = MainWindow(vm)
    if prefs.geometry:
        window.restoreGeometry(QByteArray.fromBase64(prefs.geometry.encode()))
    else:
        screen = app.primaryScreen().availableGeometry()
        window.resize(first_size(screen.size()))
        window.move(screen.center() - window.rect().center())

    if args.exit_after_first_paint:
        _FirstPaint(window, app.quit)
        window.show()
        app.exec()
        return 0

    from etrainer.ui.controller import AppController

    controller = AppController(app, window, vm, data, prefs, extras_pending=extras_pending,
                               open_files=list(getattr(args, "open", []) or []))
    _FirstPaint(window, controller.start)
    window.show()
    code = app.exec()
    controller.shutdown()
    del translators
    return code

