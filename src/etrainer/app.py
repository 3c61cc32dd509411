"""The composition root: builds the application, the course, the services and the windows.

Start-up order keeps the first window fast. A librarian past her first run gets the profile chooser first, from a
read-only sqlite3 peek at the database (`ui.chooser_start`); the main window is built behind it and the database
opened fully while she chooses. Every other start reads the course pack and shows the main window first; the
database (SQLAlchemy, migrations, backups) opens right after its first paint.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QApplication, QMainWindow

from etrainer import __version__
from etrainer.core.errors import EtrainerError, NoCourse, Problem
from etrainer.i18n import install_translators
from etrainer.paths import bundled_course_dir, data_dir, packs_dir, resources_dir
from etrainer.prefs import Prefs
from etrainer.ui.common.paint import FirstPaint
from etrainer.ui.theme import Theme, apply_theme

if TYPE_CHECKING:
    from etrainer.core.course.model import Course
    from etrainer.ui.controller import AppController
    from etrainer.ui.main_window import MainWindow
    from etrainer.ui.single_instance import InstanceServer


def load_course(explicit: str | None, data: Path, prefs: Prefs) -> tuple[Course, tuple[Problem, ...], bool]:
    """The course to open: `--course PATH`, else the remembered one, else the first available; and whether
    its quizzes and walkthroughs are still to be read (`load_extras_cached`, after the first paint)."""
    if explicit:
        from etrainer.core.course.pack import load_pack

        result = load_pack(Path(explicit))
        return result.course, result.problems, False
    from etrainer.core.course.catalog import available_packs
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


FRAME = QSize(16, 40)
"""Room for the window's frame and title bar, which are outside the size given to `resize`."""


def first_size(available: QSize) -> QSize:
    """The main window's size at its first start: 1200×800, or less so that the window with its title bar fits
    the screen's free area (a 1024×768 screen gives 1008×728)."""
    return QSize(1200, 800).boundedTo(available - FRAME)


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

    lock, code = _claim_data_folder(app, data)
    if lock is None:
        return code
    try:
        return _run_window(app, args, data, prefs)
    finally:
        lock.release()
        del translators


def _run_window(app: QApplication, args: argparse.Namespace, data: Path, prefs: Prefs) -> int:
    """The window on a data folder this process holds the lock of."""
    if _chooser_first(args, prefs):
        from etrainer.services.startup import peek_start

        peeked = peek_start(data)
        if peeked is not None:
            from etrainer.ui.chooser_start import ChooserFirst

            started: list[_Started] = []

            def build() -> AppController | None:
                built = _build_window(app, args, data, prefs)
                if built is not None:
                    built.listen(app, data)
                    started.append(built)
                return built.controller if built is not None else None

            code = ChooserFirst(app, peeked, build, exit_when_usable=args.exit_when_usable).run()
            for built in started:
                built.stop()
            return code
    if args.exit_after_first_paint:
        built = _build_window(app, args, data, prefs, with_controller=False)
        if built is None:
            return 1
        FirstPaint(built.window, app.quit)
        built.window.show()
        app.exec()
        return 0
    built = _build_window(app, args, data, prefs)
    if built is None:
        return 1
    controller = built.controller
    assert controller is not None
    if args.exit_when_usable:
        controller.usable.connect(lambda: app.exit(0))

    def after_first_paint() -> None:
        built.listen(app, data)
        controller.start()

    FirstPaint(built.window, after_first_paint)
    built.window.show()
    code = app.exec()
    built.stop()
    return code


def _chooser_first(args: argparse.Namespace, prefs: Prefs) -> bool:
    """Whether this start is a librarian's past her first run with nothing to open: then the profile chooser comes
    first, from a read-only peek at the database (`services.startup`), and the main window is built behind it.
    Every other start (the first run, a trainer, a methodist, files to open, a database to repair or upgrade)
    shows the main window first and opens the database after its first paint."""
    return (not args.exit_after_first_paint and not getattr(args, "open", None)
            and bool(prefs.extra.get("welcome_seen")) and (prefs.role or "librarian") == "librarian")


class _Started:
    """The main window, its controller, and (once something is on screen) the single-instance listener."""

    def __init__(self, window: MainWindow, controller: AppController | None) -> None:
        self.window, self.controller = window, controller
        self._servers: list[InstanceServer] = []

    def listen(self, app: QApplication, data: Path) -> None:
        """After the first paint: a second launch meanwhile finds the folder locked and keeps asking for ten
        seconds, so the listener (QtNetwork) and the window icon can wait until something is on screen."""
        from etrainer.ui.single_instance import InstanceServer

        server = InstanceServer(data, app)
        server.show_requested.connect(lambda: _bring_forward(self.window))
        self._servers.append(server)
        _set_window_icon(app)

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.shutdown()
        for server in self._servers:
            server.close()


def _build_window(app: QApplication, args: argparse.Namespace, data: Path, prefs: Prefs, *,
                  with_controller: bool = True) -> _Started | None:
    """The main window with the course (not shown yet) and, with `with_controller`, its controller; None when
    the course could not be read (said already)."""
    from etrainer.ui.common.errors import show_error
    from etrainer.ui.main_window import MainWindow
    from etrainer.ui.viewmodels.reader import ReaderViewModel

    try:
        course, problems, extras_pending = load_course(args.course, data, prefs)
    except EtrainerError as error:
        show_error(None, app.translate("App", "Е-тренер"), error)
        return None
    vm = ReaderViewModel(course, problems)
    window = MainWindow(vm)
    if prefs.geometry:
        window.restoreGeometry(QByteArray.fromBase64(prefs.geometry.encode()))
    else:
        screen = app.primaryScreen().availableGeometry()
        window.resize(first_size(screen.size()))
        window.move(screen.center() - window.rect().center())
    if not with_controller:
        return _Started(window, None)

    from etrainer.ui.controller import AppController

    _swallow_unhandled_save_failures()
    return _Started(window, AppController(app, window, vm, data, prefs, extras_pending=extras_pending,
                                          open_files=list(getattr(args, "open", []) or [])))


APP_LOCK_WAIT_S = 10.0
"""How long a second launch waits for the data folder while its holder neither answers nor lets go."""


def _claim_data_folder(app: QApplication, data: Path):  # type: ignore[no-untyped-def]
    """(the data folder's lock, 0) for this app; or (None, exit code) when the app already running on this
    folder was asked to bring its window forward (0), or the folder stayed busy (1, after saying so)."""
    import time

    from etrainer.storage.folder_lock import DataFolderBusy, DataFolderLock
    from etrainer.ui.common.errors import show_error
    lock = DataFolderLock(data, "app")
    deadline = time.monotonic() + APP_LOCK_WAIT_S
    while not lock.try_acquire():
        from etrainer.ui.single_instance import ask_first_window_to_show  # QtNetwork: only when the lock is held

        if ask_first_window_to_show(data, timeout_ms=1000):
            return None, 0
        if time.monotonic() >= deadline:
            holder = lock.holder()
            error = DataFolderBusy(folder=str(data), holder=holder.describe() if holder else "?")
            show_error(None, app.translate("App", "Е-тренер"), error)
            return None, 1
        time.sleep(0.3)
    return lock, 0


def _bring_forward(window: QMainWindow) -> None:
    if not window.isVisible() and not window.isMinimized():
        # A chooser-first start whose chooser is still up: the window waits for its answer, so the chooser
        # (the visible top-level windows) comes forward instead.
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.isWindow():
                widget.raise_()
                widget.activateWindow()
        return
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def _swallow_unhandled_save_failures() -> None:
    """A SaveFailed that no view-model caught (a read while the data is locked, say) is already shown by
    the main window's banner (services.saving.SaveMonitor): it must not end as a traceback on stderr."""
    from etrainer.services.save_errors import SaveFailed

    previous = sys.excepthook

    def hook(kind, error, trace) -> None:  # type: ignore[no-untyped-def]
        if isinstance(error, SaveFailed):
            logging.getLogger(__name__).debug("unhandled %s: %s", kind.__name__, error)
            return
        previous(kind, error, trace)

    sys.excepthook = hook

