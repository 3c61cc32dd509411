"""Connecting to the methodist's workspace on a server, off the UI thread, asking for the password when needed.

The password is asked only when the server wants one that neither the URL nor libpq's password or service
file gave, kept for this session in memory (`_PASSWORDS`, never written anywhere), and forgotten when the
server refuses it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from etrainer.core.errors import EtrainerError
from etrainer.services.workspace_server import WorkspaceLocation, WorkspaceLoginFailed
from etrainer.ui.common import prompts
from etrainer.ui.common.errors import show_error, show_message
from etrainer.ui.common.tasks import run_in_background

_PASSWORDS: dict[tuple[str, int, str, str, str], str] = {}
"""This session's passwords by login (host, port, database, user, service): in memory only."""
MAX_ASKS = 3


def forget_passwords() -> None:
    _PASSWORDS.clear()


def remembered_password(location: WorkspaceLocation) -> str | None:
    return _PASSWORDS.get(location.login_key)


class ServerConnection(QObject):
    """Runs `work(password)` (which connects to the server) in the background; when the server wants a
    password, asks for it (up to MAX_ASKS times) and tries again; then `on_done(result)`, or the error is
    shown in a message box (`quiet`: not shown) and `on_failed(error)` is called, when given (with None when
    the methodist cancelled the password)."""

    def __init__(self, parent: QWidget | None, location: WorkspaceLocation, title: str,
                 work: Callable[[str | None], Any], on_done: Callable[[Any], None],
                 on_failed: Callable[[BaseException | None], None] | None = None, *, quiet: bool = False) -> None:
        super().__init__(parent)
        self._parent, self._location, self._title = parent, location, title
        self._work, self._on_done, self._on_failed, self._quiet = work, on_done, on_failed, quiet
        self._asked = 0

    def start(self) -> None:
        self._try(remembered_password(self._location))

    def _try(self, password: str | None) -> None:
        run_in_background(lambda _progress: self._work(password),
                          lambda result: self._succeeded(result, password),
                          lambda error: self._refused(error, password))

    def _succeeded(self, result: Any, password: str | None) -> None:
        if password:
            _PASSWORDS[self._location.login_key] = password
        self._on_done(result)

    def _refused(self, error: BaseException, password: str | None) -> None:
        wants_password = isinstance(error, WorkspaceLoginFailed) and (
            error.params.get("password_missing") or error.params.get("password_refused"))
        if wants_password and self._asked < MAX_ASKS:
            _PASSWORDS.pop(self._location.login_key, None)
            self._asked += 1
            location = self._location
            server = location.service or f"{location.host}:{location.port}"
            label = QCoreApplication.translate(
                "ServerLogin", "Password of the user {user} on the server {server} (asked once per session, never "
                "saved):").format(user=location.user or "—", server=server)
            if password or error.params.get("password_refused"):
                label = QCoreApplication.translate("ServerLogin", "The server did not accept the password.") + \
                    "\n" + label
            asked = prompts.ask_text(self._parent, self._title, label, password=True)
            if asked:
                self._try(asked)
                return
            if self._on_failed is not None:
                self._on_failed(None)
            return
        if self._quiet:
            pass
        elif isinstance(error, EtrainerError):
            show_error(self._parent, self._title, error)
        else:
            show_message(self._parent, self._title, str(error))
        if self._on_failed is not None:
            self._on_failed(error)
