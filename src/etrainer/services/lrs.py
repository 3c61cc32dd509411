"""Sending the learner's progress to a Learning Record Store (xAPI 1.0.3) through an offline-first queue.

The LRS address and the Basic user are settings (Settings → LRS); the password is never stored: the app asks
for it once per session and keeps it in memory (`LrsService.password`), the command line reads it from
ETRAINER_LRS_PASSWORD. Nothing here opens a connection until `push` is called with an endpoint.

`push`: the learner's settled statements (exchange.xapi.settled) go into `lrs_outbox` (by their deterministic
ids, so enqueueing again changes nothing), then the unsent ones are POSTed in batches of BATCH. 200/204 mark
a batch sent (an id a 200 does not list, and every id of a 204, was there already: the LRS dropped an equal
statement); 409 means the LRS has some of the ids, so that batch is sent again one statement at a time and a
409 for one statement counts as already there. No answer, 429 and 5xx are retried TRIES times with exponential
backoff (DELAY, 2×DELAY, 4×DELAY … seconds), then the sending stops and the rest stays queued for the next
time; any other 4xx stops it at once with a sentence naming the endpoint and the status. Every batch is
committed as it is confirmed, so a cancel, a crash or a pulled cable loses nothing and sends nothing twice.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from etrainer.core.course.model import Course
from etrainer.core.errors import EtrainerError
from etrainer.core.ids import LearnerId
from etrainer.exchange import xapi
from etrainer.exchange.lrs import (
    LrsRefused,
    LrsUnavailable,
    Outcome,
    Posted,
    normalize_endpoint,
    post_statements,
)
from etrainer.services.saving import Sessions, guarded
from etrainer.services.settings import GlobalSetting, SettingsService
from etrainer.services.transfer import ExportService
from etrainer.storage.lrs_outbox import ALREADY, SENT, Enqueued, LrsOutboxRepository, OutboxCounts, OutboxItem
from etrainer.storage.models import utc_now

BATCH = 50
TRIES = 4
DELAY = 1.0
"""Seconds before the first retry; each next wait doubles."""

Report = Callable[[int, int], bool]
"""`report(done, total)`; returns False once the user cancelled."""


@dataclass(frozen=True, slots=True)
class LrsConfig:
    endpoint: str
    user: str


@dataclass(frozen=True, slots=True)
class PushResult:
    total: int
    """Statements that were waiting when the sending began."""
    sent: int
    already: int
    """The LRS had them already (409)."""
    cancelled: bool = False
    error: EtrainerError | None = None
    """Why the sending stopped early (the LRS did not answer, or refused)."""

    @property
    def failed(self) -> int:
        """Statements still waiting because of an error (a cancel is not a failure)."""
        return 0 if self.error is None else self.total - self.sent - self.already

    @property
    def waiting(self) -> int:
        return self.total - self.sent - self.already


class LrsService:
    def __init__(self, sessions: Sessions, settings: SettingsService | None = None) -> None:
        self._sessions = guarded(sessions)
        self._settings = settings or SettingsService(sessions)
        self._export = ExportService(sessions)
        self.password: str | None = None
        """The Basic password for this session only (asked once, never written anywhere)."""
        self._pushing = threading.Lock()  # the export dialog's sending and the automatic one take turns

    def config(self) -> LrsConfig | None:
        """The LRS of the Settings, or None when none is configured (then nothing is ever sent)."""
        endpoint = self._settings.get(GlobalSetting.LRS_ENDPOINT)
        if not isinstance(endpoint, str) or not endpoint.strip():
            return None
        user = self._settings.get(GlobalSetting.LRS_USER, "")
        return LrsConfig(endpoint.strip(), user if isinstance(user, str) else "")

    def configure(self, endpoint: str, user: str) -> LrsConfig | None:
        """Store the LRS address and user (an empty address removes the LRS); raises LrsAddressInvalid."""
        endpoint = normalize_endpoint(endpoint) if endpoint.strip() else ""
        before = self.config()
        self._settings.set(GlobalSetting.LRS_ENDPOINT, endpoint or None)
        self._settings.set(GlobalSetting.LRS_USER, user.strip() if endpoint else None)
        after = self.config()
        if before != after:
            self.password = None  # another LRS or user: ask again
        return after

    def enqueue(self, learner: LearnerId, course: Course, endpoint: str) -> Enqueued:
        """Queue the learner's settled statements for `endpoint` (no network)."""
        document = xapi.settled(self._export.document(learner, course))
        statements = self._export.xapi_statements(learner, course, document)
        with self._sessions.begin() as session:
            return LrsOutboxRepository(session).enqueue(learner, endpoint, statements)

    def counts(self, learner: LearnerId, endpoint: str) -> OutboxCounts:
        with self._sessions.begin() as session:
            return LrsOutboxRepository(session).counts(learner, endpoint)

    def push(self, learner: LearnerId, course: Course, endpoint: str, user: str, password: str,
             report: Report | None = None, *, tries: int | None = None, delay: float | None = None,
             sleep: Callable[[float], None] | None = None) -> PushResult:
        """Enqueue, then send what waits (see the module docstring). Raises LrsAddressInvalid for a bad address."""
        endpoint = normalize_endpoint(endpoint)
        with self._pushing:
            self.enqueue(learner, course, endpoint)
            with self._sessions.begin() as session:
                pending = LrsOutboxRepository(session).pending(learner, endpoint)
            sender = _Sender(self._sessions, endpoint, user, password, report or (lambda done, total: True),
                             len(pending), tries or TRIES, DELAY if delay is None else delay, sleep or time.sleep)
            return sender.run(pending)


class _Cancelled(Exception):
    pass


class _Sender:
    def __init__(self, sessions: Sessions, endpoint: str, user: str, password: str, report: Report, total: int,
                 tries: int, delay: float, sleep: Callable[[float], None]) -> None:
        self._sessions, self.endpoint, self._user, self._password = sessions, endpoint, user, password
        self._report, self.total, self._tries, self._delay, self._sleep = report, total, tries, delay, sleep
        self.sent = self.already = 0

    def run(self, pending: list[OutboxItem]) -> PushResult:
        error: EtrainerError | None = None
        cancelled = not self._report(0, self.total)
        try:
            for start in range(0, len(pending) if not cancelled else 0, BATCH):
                self._send(pending[start:start + BATCH])
                if not self._report(self.sent + self.already, self.total):
                    cancelled = True
                    break
        except _Cancelled:
            cancelled = True
        except (LrsUnavailable, LrsRefused) as failure:
            error = failure
        return PushResult(self.total, self.sent, self.already, cancelled, error)

    def _send(self, batch: list[OutboxItem]) -> None:
        posted = self._post(batch)
        if posted.outcome is Outcome.STORED:
            stored = posted.stored
            self._done([item for item in batch if stored is None or item.statement_id in stored], SENT)
            self._done([item for item in batch if stored is not None and item.statement_id not in stored], ALREADY)
            return
        if len(batch) == 1:
            self._done(batch, ALREADY)
            return
        for item in batch:  # the LRS has some of them: find out which, one by one
            self._send([item])
            self._check()

    def _post(self, batch: Sequence[OutboxItem]) -> Posted:
        statements: list[dict[str, Any]] = [item.statement for item in batch]
        for attempt in range(self._tries):
            try:
                return post_statements(self.endpoint, self._user, self._password, statements)
            except LrsUnavailable as failure:
                wait = self._delay * 2 ** attempt
                self._failed(batch, str(failure), wait)
                if attempt + 1 >= self._tries:
                    raise
                self._wait(wait)
            except LrsRefused as failure:
                self._failed(batch, str(failure), None)
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait(self, seconds: float) -> None:
        """Sleep before a retry, in short steps so that a cancel is not kept waiting."""
        left = seconds
        while left > 0:
            self._check()
            step = min(0.2, left)
            self._sleep(step)
            left -= step

    def _check(self) -> None:
        """Report the progress; raise _Cancelled once the user cancelled."""
        if not self._report(self.sent + self.already, self.total):
            raise _Cancelled

    def _done(self, batch: Sequence[OutboxItem], outcome: str) -> None:
        if not batch:
            return
        with self._sessions.begin() as session:
            LrsOutboxRepository(session).mark_done([item.id for item in batch], outcome, utc_now())
        if outcome == SENT:
            self.sent += len(batch)
        else:
            self.already += len(batch)

    def _failed(self, batch: Sequence[OutboxItem], error: str, wait: float | None) -> None:
        next_try = utc_now() + timedelta(seconds=wait) if wait is not None else None
        with self._sessions.begin() as session:
            LrsOutboxRepository(session).mark_failed([item.id for item in batch], error, next_try)
