"""The composition root: builds the application, the course, the services and the windows.

Start-up order keeps the first paint fast: the course pack is read and the main window shown
first; the database (SQLAlchemy, migrations, backups) opens right after the first paint.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication

from etrainer import __version__
from etrainer.core.course.catalog import available_packs
from etrainer.core.course.model import Course
from etrainer.core.errors import EtrainerError, NoCourse, Problem
from etrainer.i18n import install_translators
from etrainer.paths import bundled_course_dir, data_dir, packs_dir, resources_dir
from etrainer.prefs import Prefs
from etrainer.ui.common.paint import FirstPaint
from etrainer.ui.theme import Theme, apply_theme


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


def _set_window_icon(app: QApplication) -> None:
    """The window icon, set after the first paint: QIcon and the SVG reader are not needed to show the window."""
    from PySide6.QtGui import QIcon

    icon = resources_dir() / "icons" / "etrainer.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def run(args: argparse.Namespace) -> int:
    try:
        data = data_dir(args.data_dir)
    except OSError as error:  # e.g. a read-only place: one sentence, never a traceback
        print(f"etrainer: the data folder {args.data_dir or ''} cannot be created: {error.strerror or error}. "
              f"Start eTrainer with another data folder (--data-dir).", file=sys.stderr)
        return 1
    prefs = Prefs.load(data)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("etrainer")
    app.setApplicationDisplayName("Е-тренер")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("etrainer")  # Wayland shows the icon of installer/etrainer.desktop
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
        window.resize(min(1200, screen.width()), min(800, screen.height()))

    if args.exit_after_first_paint:
        FirstPaint(window, app.quit)
        window.show()
        app.exec()
        return 0

    from etrainer.ui.controller import AppController

    controller = AppController(app, window, vm, data, prefs, extras_pending=extras_pending,
                               open_files=list(getattr(args, "open", []) or []))
    if args.exit_when_usable:
        controller.usable.connect(lambda: app.exit(0))

    def after_first_paint() -> None:
        _set_window_icon(app)
        controller.start()

    FirstPaint(window, after_first_paint)
    window.show()
    code = app.exec()
    controller.shutdown()
    del translators
    return code

