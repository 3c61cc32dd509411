"""The learner app's automatic sending to an LRS: after she has agreed (the export dialog's consent, remembered
per profile) and given the password this session, her new records go to the LRS in the background.

`AutoSender` owns one daemon thread, started by `start()` and by nothing else: the app creates it only when an
LRS is configured and the learner agreed (`SettingsService.lrs_consent`), so without both there is no thread,
no timer and no connection. `nudge()` (the services' ProgressSaved calls it after each finished quiz attempt or
walkthrough, lesson time or mark) only sets a time and wakes the thread: a save never waits for the network.
QUIET seconds after a nudge (the nudges until then join that round) the thread queues her settled statements
(`LrsService.enqueue`, no network) and, once it has the password (`send(password)`), sends what waits through
`LrsService.push` (one try per round).

While the LRS does not answer (no connection, timeout, 429, 5xx) the next round waits FIRST_RETRY seconds,
then twice as long each time up to LONGEST_RETRY; a nudge does not shorten the wait. When it answers again,
the waits start over. A refusal (400, 401, 403, 404 …) stops the automatic sending for the session: the
status says why (the sentence names the address and the HTTP status), what waits keeps being counted, and a
new `send(password)` (the learner's «Send») tries again. The listener hears an `AutoStatus` after every change,
on the sender's thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from etrainer.core.course.model import Course
from etrainer.core.errors import EtrainerError
from etrainer.core.ids import LearnerId
from etrainer.exchange.lrs import LrsAddressInvalid, LrsRefused
from etrainer.services.lrs import LrsConfig, LrsService
from etrainer.storage.models import utc_now

log = logging.getLogger(__name__)

QUIET = 5.0
"""Seconds from a saved piece of progress to the round that sends it (the saves until then join that round)."""
FIRST_RETRY = 15.0
"""Seconds before the first retry when the LRS does not answer; each next wait doubles."""
LONGEST_RETRY = 15 * 60.0


@dataclass(frozen=True, slots=True)
class AutoStatus:
    endpoint: str
    sent: int = 0
    """Her statements the LRS has (sent now or before, or there already)."""
    waiting: int = 0
    """Her statements queued and not sent yet."""
    active: bool = False
    """The password is there: new records are sent (False: only counted until she presses «Send»)."""
    sending: bool = False
    error: EtrainerError | None = None
    """Why the last round did not send everything."""
    next_try: datetime | None = None
    """When the next try is (the LRS did not answer); None when none is planned."""
    stopped: bool = False
    """The LRS refused: no automatic sending until she presses «Send» again."""


Listener = Callable[[AutoStatus], None]


class AutoSender:
    def __init__(self, lrs: LrsService, learner: LearnerId, course: Callable[[], Course], config: LrsConfig,
                 listener: Listener, *, quiet: float | None = None, first_retry: float | None = None,
                 longest_retry: float | None = None) -> None:
        self.learner, self.config = learner, config
        self._lrs, self._course, self._listener = lrs, course, listener
        self._quiet = QUIET if quiet is None else quiet
        self._first_retry = FIRST_RETRY if first_retry is None else first_retry
        self._longest_retry = LONGEST_RETRY if longest_retry is None else longest_retry
        self._password: str | None = None
        self._condition = threading.Condition()
        self._due: float | None = None
        """time.monotonic() of the next round; None: none planned."""
        self._retry_at: float | None = None
        self._failures = 0
        self._closing = False
        self._thread: threading.Thread | None = None
        self.status = AutoStatus(config.endpoint)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, password: str | None = None) -> None:
        """Start the thread; it counts what waits at once, and sends when it has the password."""
        with self._condition:
            self._password = password
            self.status = replace(self.status, active=password is not None)
            self._due = time.monotonic()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="etrainer-lrs-auto", daemon=True)
                self._thread.start()
            self._condition.notify_all()

    def send(self, password: str) -> None:
        """Send now with this password (the learner's «Send»): clears a refusal and the retry wait."""
        with self._condition:
            self._password = password
            self._failures, self._retry_at = 0, None
            self.status = replace(self.status, active=True, stopped=False, error=None, next_try=None)
        if self._thread is None:
            self.start(password)
        else:
            self._wake(at=time.monotonic(), force=True)

    def nudge(self, learner: LearnerId | None = None) -> None:
        """Her progress was saved: a round QUIET seconds from now (not before a planned retry). Returns at once."""
        if learner is not None and learner != self.learner:
            return
        self._wake(at=time.monotonic() + self._quiet)

    def close(self, timeout: float = 2.0) -> None:
        """Stop the thread (a batch on the wire finishes or times out on its own; its thread is a daemon)."""
        with self._condition:
            self._closing = True
            self._condition.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _wake(self, at: float, force: bool = False) -> None:
        with self._condition:
            if self._retry_at is not None and not force:
                at = max(at, self._retry_at)
            self._due = at if self._due is None or force else min(self._due, at)
            self._condition.notify_all()

    def _run(self) -> None:
        while True:
            with self._condition:
                while not self._closing and (self._due is None or self._due > time.monotonic()):
                    self._condition.wait(None if self._due is None else self._due - time.monotonic())
                if self._closing:
                    return
                self._due = None
                password = self._password  # None after a refusal, until «Send» gives one again
            try:
                self._round(password)
            except Exception:  # never let the thread die quietly: log it, and try again later
                if self._closing:
                    return  # the app is closing (its database too): nothing to report to
                log.exception("automatic sending to %s failed", self.config.endpoint)
                with contextlib.suppress(Exception):
                    self._unanswered(None)

    def _round(self, password: str | None) -> None:
        course = self._course()
        try:
            if password is None:
                self._lrs.enqueue(self.learner, course, self.config.endpoint)
                self._counted()
                return
            self._tell(lambda status: replace(status, sending=True, next_try=None))
            result = self._lrs.push(self.learner, course, self.config.endpoint, self.config.user, password,
                                    lambda done, total: not self._closing, tries=1)
        except LrsAddressInvalid as error:
            self._refused(error, password)
            return
        except EtrainerError as error:  # her database did not save the queue (SaveFailed): later
            self._unanswered(error)
            return
        if isinstance(result.error, LrsRefused):
            self._refused(result.error, password)
        elif result.error is not None:
            self._unanswered(result.error)
        else:
            with self._condition:
                self._failures, self._retry_at = 0, None
            self._counted(sent_now=True)

    def _counted(self, sent_now: bool = False) -> None:
        """Tell the counts; `sent_now`: a round that sent (or found nothing to send) without an error."""
        counts = self._lrs.counts(self.learner, self.config.endpoint)

        def change(status: AutoStatus) -> AutoStatus:
            stopped = status.stopped and not sent_now
            return replace(status, sent=counts.sent + counts.already, waiting=counts.pending, sending=False,
                           error=status.error if stopped else None, next_try=None, stopped=stopped,
                           active=status.active or sent_now)

        self._tell(change)

    def _unanswered(self, error: EtrainerError | None) -> None:
        with self._condition:
            wait = min(self._longest_retry, self._first_retry * 2 ** self._failures)
            self._failures += 1
            self._retry_at = time.monotonic() + wait
            self._due = self._retry_at if self._due is None else max(self._due, self._retry_at)
        counts = self._lrs.counts(self.learner, self.config.endpoint)
        self._tell(lambda status: replace(status, sent=counts.sent + counts.already, waiting=counts.pending,
                                          sending=False, error=error, next_try=utc_now() + timedelta(seconds=wait)))

    def _refused(self, error: EtrainerError, password: str | None) -> None:
        with self._condition:
            self._failures, self._retry_at = 0, None
            if self._password == password:
                self._password = None  # asked again when she presses «Send»
        if error.params.get("status") == 401 and self._lrs.password == password:
            self._lrs.password = None
        counts = self._lrs.counts(self.learner, self.config.endpoint)
        self._tell(lambda status: replace(status, sent=counts.sent + counts.already, waiting=counts.pending,
                                          sending=False, error=error, next_try=None, stopped=True, active=False))

    def _tell(self, change: Callable[[AutoStatus], AutoStatus]) -> None:
        """Change the status under the lock `send()` and `start()` change it under (the learner's «Send» on the UI
        thread, a round on this one), then tell the listener what it became, outside the lock."""
        with self._condition:
            self.status = status = change(self.status)
        try:
            self._listener(status)
        except Exception:
            log.exception("the listener of the automatic sending failed")
