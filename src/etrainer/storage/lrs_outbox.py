"""The learner's queue of xAPI statements for a Learning Record Store (`lrs_outbox`), inside a caller's Session.

A statement is keyed by (endpoint, statement id). Enqueueing it again with the same content changes nothing;
with changed content (an attempt's statement rebuilt later) the body is replaced while it is unsent, and left
alone once the LRS has it: statements are immutable in an LRS, so the same id is never sent twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from etrainer.core.ids import LearnerId
from etrainer.storage.models import LrsOutboxRow

SENT = "sent"
ALREADY = "already"


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    statement_id: str
    statement: dict[str, Any]
    tries: int


@dataclass(frozen=True, slots=True)
class Enqueued:
    added: int
    updated: int
    """Unsent statements whose content changed."""
    unchanged: int
    """Already queued with the same content, or already sent."""


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    sent: int
    already: int
    pending: int


def digest(statement: dict[str, Any]) -> tuple[str, str]:
    """The statement's JSON text (stable key order) and its SHA-256."""
    body = json.dumps(statement, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return body, hashlib.sha256(body.encode("utf-8")).hexdigest()


class LrsOutboxRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def enqueue(self, learner: LearnerId, endpoint: str, statements: Iterable[dict[str, Any]]) -> Enqueued:
        items = {s["id"]: digest(s) for s in statements}
        known = {row.statement_id: row for row in self._session.scalars(
            select(LrsOutboxRow).where(LrsOutboxRow.endpoint == endpoint,
                                       LrsOutboxRow.statement_id.in_(list(items))))} if items else {}
        added = updated = unchanged = 0
        for statement_id, (body, sha) in items.items():
            row = known.get(statement_id)
            if row is None:
                self._session.add(LrsOutboxRow(learner_id=learner, endpoint=endpoint, statement_id=statement_id,
                                               body=body, digest=sha, tries=0, last_error=""))
                added += 1
            elif row.sent_at is None and row.digest != sha:
                row.body, row.digest = body, sha
                updated += 1
            else:
                unchanged += 1
        self._session.flush()
        return Enqueued(added, updated, unchanged)

    def pending(self, learner: LearnerId, endpoint: str) -> list[OutboxItem]:
        """Every unsent statement of the learner for this endpoint, oldest first."""
        rows = self._session.scalars(
            select(LrsOutboxRow).where(LrsOutboxRow.learner_id == learner, LrsOutboxRow.endpoint == endpoint,
                                       LrsOutboxRow.sent_at.is_(None)).order_by(LrsOutboxRow.id))
        return [OutboxItem(row.id, row.statement_id, json.loads(row.body), row.tries) for row in rows]

    def mark_done(self, ids: Sequence[int], outcome: str, at: datetime) -> None:
        if ids:
            self._session.execute(update(LrsOutboxRow).where(LrsOutboxRow.id.in_(list(ids)))
                                  .values(sent_at=at, outcome=outcome, last_error="", next_try_at=None))

    def mark_failed(self, ids: Sequence[int], error: str, next_try_at: datetime | None) -> None:
        if ids:
            self._session.execute(update(LrsOutboxRow).where(LrsOutboxRow.id.in_(list(ids)))
                                  .values(tries=LrsOutboxRow.tries + 1, last_error=error[:2000],
                                          next_try_at=next_try_at))

    def counts(self, learner: LearnerId, endpoint: str) -> OutboxCounts:
        rows = self._session.execute(
            select(LrsOutboxRow.outcome, func.count()).where(LrsOutboxRow.learner_id == learner,
                                                             LrsOutboxRow.endpoint == endpoint)
            .group_by(LrsOutboxRow.outcome))
        by_outcome = {outcome: count for outcome, count in rows}
        return OutboxCounts(by_outcome.get(SENT, 0), by_outcome.get(ALREADY, 0), by_outcome.get(None, 0))
