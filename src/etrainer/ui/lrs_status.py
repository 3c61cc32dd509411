"""The status bar's quiet line about the automatic sending to a learning record store (services.lrs_auto).

The main window makes one only for a learner who agreed to send her records to the LRS of Settings (so
without an LRS and her consent there is no line, no thread and no connection). Without the password of
this session it counts what waits and offers «Send» (the password is asked once, kept in memory only);
with it, her new records go in the background after each save, and the line says what was sent, what
waits, the last error and the next try. A refusal (wrong password, no permission, a bad request) stops the
sending for the session with one sentence naming the address and the HTTP status, and «Send» again.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from etrainer.services.lrs_auto import AutoSender, AutoStatus
from etrainer.ui.common import prompts
from etrainer.ui.common.errors import error_sentence

if TYPE_CHECKING:
    from etrainer.core.course.model import Course
    from etrainer.core.ids import LearnerId
    from etrainer.services.facade import AppServices
    from etrainer.services.lrs import LrsConfig


class LrsStatus(QLabel):
    """One line in the status bar; `close_sender()` before it goes away."""

    _changed = Signal(object)  # AutoStatus, from the sender's thread (a queued connection to this label)

    def __init__(self, services: AppServices, learner: LearnerId, config: LrsConfig, course: Callable[[], Course],
                 parent: QWidget | None = None, **timing: float) -> None:
        super().__init__(parent, objectName="lrsStatus")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setOpenExternalLinks(False)
        # a long address must not widen the window past 1024 px: the line takes the room the status bar has
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._services, self.learner, self.config = services, learner, config
        self.auto = AutoSender(services.lrs, learner, course, config, self._changed.emit, **timing)
        self._changed.connect(self._show)
        self.linkActivated.connect(self._on_link)
        services.progress_saved.subscribe(self.auto.nudge)
        self.hide()

    def start(self) -> None:
        """Count what waits; send at once when the password of this session is known."""
        self.auto.start(self._services.lrs.password)

    def send(self) -> None:
        """«Send»: the password (asked when this session does not have it yet), then send now."""
        password = self._services.lrs.password
        if password is None:
            password = prompts.ask_text(self.window(), self.tr("Send to the LRS"), self.tr(
                "The password of {user} at {endpoint} (it is kept only until Е-тренер closes):").format(
                    user=self.config.user or "—", endpoint=self.config.endpoint), password=True)
            if password is None:
                return
            self._services.lrs.password = password
        self.auto.send(password)

    def close_sender(self) -> None:
        self._services.progress_saved.unsubscribe(self.auto.nudge)
        self.auto.close()

    def _on_link(self, link: str) -> None:
        if link == "send":
            self.send()

    def _show(self, status: AutoStatus) -> None:
        endpoint = escape(status.endpoint)
        send = self.tr("Send")
        if status.stopped:
            reason = escape(error_sentence(status.error)) if status.error is not None else ""
            text = self.tr("Automatic sending to the LRS stopped: {reason} — <a href=\"send\">{send}</a>").format(
                reason=reason, send=self.tr("Send again"))
        elif not status.active:
            if status.waiting == 0:
                self.hide()
                return
            text = self.tr("%n record(s) wait to be sent to {endpoint} — <a href=\"send\">{send}</a>", "",
                           status.waiting).format(endpoint=endpoint, send=send)
        elif status.sending:
            text = self.tr("LRS: sending… (sent {sent}, waiting {waiting})").format(sent=status.sent,
                                                                                   waiting=status.waiting)
        elif status.next_try is not None:
            text = self.tr("LRS {endpoint} does not answer: sent {sent}, waiting {waiting}, next try at {time} — "
                           "<a href=\"send\">{send}</a>").format(
                endpoint=endpoint, sent=status.sent, waiting=status.waiting,
                time=status.next_try.astimezone().strftime("%H:%M"), send=self.tr("Try now"))
        else:
            text = self.tr("LRS: sent {sent}, waiting {waiting}").format(sent=status.sent, waiting=status.waiting)
        self.setText(text)
        self.setToolTip(error_sentence(status.error) if status.error is not None else status.endpoint)
        self.setProperty("error", status.stopped)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
