"""The librarian's start, chooser first: «Who is studying?» is on screen before the main window is built.

On a librarian's PC past its first run (see `app._chooser_first`), the profiles come from a read-only peek at
the database (`services.startup.peek_start`: sqlite3 only, the same health and schema checks as the full
opening). Once the chooser has painted — the moment `etrainer --exit-when-usable` exits — the main window is
built behind it, the database layer (SQLAlchemy, the services) is imported on a worker thread, and the database
is opened fully on the UI thread (`AppController.prepare`). A choice made before that is over waits for it with
a busy cursor; every write (a new profile, a PIN check, the choice itself) goes through the full services.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from etrainer.ui.common.paint import FirstPaint
from etrainer.ui.profiles.dialog import ProfileDialog

if TYPE_CHECKING:
    from etrainer.core.ids import LearnerId
    from etrainer.core.learner.profiles import Profile
    from etrainer.services.facade import AppServices
    from etrainer.storage.start_peek import Peek
    from etrainer.ui.controller import AppController

DATABASE_MODULES = ("etrainer.services.facade",)
"""What the worker thread imports while the chooser is up: the services, the storage layer, SQLAlchemy and the
models (pure Python; nothing of Qt)."""


class _Profiles:
    """The chooser's view of the profiles: the peek's list until the services are open; everything that writes
    or checks a secret waits for them."""

    def __init__(self, peeked: Peek, services: Callable[[], AppServices | None],
                 ready: Callable[[], AppServices | None]) -> None:
        self._peeked, self._services, self._ready = peeked, services, ready

    def list(self) -> list[Profile]:
        services = self._services()
        return services.profiles.list() if services is not None else list(self._peeked.profiles)

    def verify_pin(self, learner: LearnerId, pin: str) -> bool:
        services = self._ready()
        return services is not None and services.profiles.verify_pin(learner, pin)

    def create(self, name: str, branch: str = "", position: str = "", pin: str | None = None) -> Profile:
        services = self._ready()
        if services is None:
            from etrainer.services.startup import DatabaseNotOpened

            raise DatabaseNotOpened()
        return services.profiles.create(name, branch, position, pin)


class ChooserFirst(QObject):
    settled = Signal()
    """The database is open (or could not be, said already)."""

    def __init__(self, app: QApplication, peeked: Peek, build: Callable[[], AppController | None], *,
                 exit_when_usable: bool = False) -> None:
        super().__init__()
        self._app, self._build, self._exit_when_usable = app, build, exit_when_usable
        self.controller: AppController | None = None
        self._state = "starting"  # → "open" or "failed"
        self.dialog = ProfileDialog(_Profiles(peeked, self._services, self.wait_for_services), None,
                                    peeked.last_profile)
        self.dialog.profile_chosen.connect(lambda _profile: self.wait_for_services())  # still on screen, waiting
        self.dialog.finished.connect(self._finished)

    def run(self) -> int:
        self.show()
        try:
            return self._app.exec()
        finally:
            self._app.setQuitOnLastWindowClosed(True)

    def show(self) -> None:
        FirstPaint(self.dialog, self._painted)
        # Until the main window is shown, closing the chooser must not end the app: its answer opens the window.
        self._app.setQuitOnLastWindowClosed(False)
        self.dialog.show()

    def _services(self) -> AppServices | None:
        return self.controller.services if self.controller is not None and self._state == "open" else None

    def _painted(self) -> None:
        if self._exit_when_usable:  # the chooser takes input: that is the measure, and nothing later is started
            self._app.exit(0)
            return
        QTimer.singleShot(0, self._build_behind)

    def _build_behind(self) -> None:
        self.controller = self._build()
        if self.controller is None:  # the course could not be read (said already)
            self._settle("failed")
            self._app.exit(1)
            return
        self.controller.mark_usable()
        from etrainer.ui.common import tasks

        # Either way the database is opened next: after a failed import the UI thread imports again and says why.
        tasks.run_in_background(self._import, lambda _done: self._open(), lambda _error: self._open())

    def _import(self, progress: object) -> None:
        """On a worker thread: import the database layer (pure Python; nothing of Qt)."""
        import importlib

        for name in DATABASE_MODULES:
            importlib.import_module(name)

    def _open(self) -> None:
        assert self.controller is not None
        if self.controller.prepare():
            self._settle("open")
        else:  # said already; the main window is closed
            self._settle("failed")
            self.dialog.reject()
            self._app.exit(1)

    def _settle(self, state: str) -> None:
        self._state = state
        self.settled.emit()

    def wait_for_services(self) -> AppServices | None:
        """The open services, waiting (a busy cursor, the chooser disabled) until the opening is over."""
        if self._state == "starting":
            from PySide6.QtCore import Qt

            loop = QEventLoop()
            self.settled.connect(loop.quit)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.dialog.setEnabled(False)
            try:
                loop.exec()
            finally:
                self.dialog.setEnabled(True)
                QApplication.restoreOverrideCursor()
                self.settled.disconnect(loop.quit)
        return self._services()

    def _finished(self, result: int) -> None:
        if self.wait_for_services() is None or self.controller is None:
            return  # the app is quitting, the reason said
        self.controller.window.show()
        self._app.setQuitOnLastWindowClosed(True)
        self.controller.profile_chosen(self.dialog, result == _ACCEPTED, first_time=True)


_ACCEPTED = 1
"""QDialog.DialogCode.Accepted, as the int `finished` gives."""



