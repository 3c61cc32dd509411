"""Rows ↔ core values for quiz attempts, the review deck and walkthrough attempts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from etrainer.core.ids import LearnerId, QuestionId
from etrainer.core.quiz.attempt import AttemptAnswer, AttemptSummary, QuizAttempt
from etrainer.core.quiz.response import response_to_json
from etrainer.core.quiz.review import ReviewCard
from etrainer.core.walkthrough.engine import LogEntry, RunResult
from etrainer.storage.models import (
    QuizAttemptRow,
    QuizResponseRow,
    ReviewCardRow,
    WalkthroughAttemptRow,
    WalkthroughEventRow,
    new_uid,
)

QUIZ = "quiz"
REVIEW = "review"


@dataclass(frozen=True, slots=True)
class StoredResponse:
    position: int
    question_id: str
    response: dict[str, Any]
    answered_at: datetime
    seconds: float


@dataclass(frozen=True, slots=True)
class StoredAttempt:
    """An unfinished attempt as stored, for the service to rebuild against the current quiz."""

    uid: str
    quiz_id: str
    review: bool
    started_at: datetime
    position: int
    drawn: list[dict[str, Any]]
    responses: list[StoredResponse]


def _summary(row: QuizAttemptRow, answered: int) -> AttemptSummary:
    return AttemptSummary(row.uid, row.quiz_id, row.started_at, row.finished_at, row.question_count, answered,
                          row.score, row.passed, row.kind == REVIEW)


class QuizAttemptRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self, uid: str) -> QuizAttemptRow:
        row = self._session.scalar(select(QuizAttemptRow).where(QuizAttemptRow.uid == uid))
        if row is None:
            raise KeyError(uid)
        return row

    def add(self, learner: LearnerId, attempt: QuizAttempt, course_id: str, course_version: str) -> None:
        self._session.add(QuizAttemptRow(
            uid=attempt.uid, learner_id=learner, quiz_id=attempt.quiz.id, kind=REVIEW if attempt.review else QUIZ,
            course_id=course_id, course_version=course_version, started_at=attempt.started_at,
            question_count=attempt.count, pass_mark=attempt.quiz.pass_mark, position=attempt.position,
            drawn=json.dumps([q.as_json() for q in attempt.questions], ensure_ascii=False)))
        self._session.flush()

    def save_answer(self, uid: str, item: AttemptAnswer, question_kind: str) -> None:
        """Insert or replace the response at `item.position` and remember the position.

        Two Core statements on the session's connection (an UPDATE … RETURNING and an upsert), not ORM
        loads and a flush: an answer is the most frequent write, and the ORM's unit of work cost four
        times the commit itself (docs/benchmarks.md). Nothing is cached: both run in the caller's transaction."""
        connection = self._session.connection()
        attempt_id = connection.execute(
            update(QuizAttemptRow).where(QuizAttemptRow.uid == uid).values(position=item.position)
            .returning(QuizAttemptRow.id)).scalar_one_or_none()
        if attempt_id is None:
            raise KeyError(uid)
        values = {"question_id": item.graded.question_id, "question_kind": question_kind,
                  "response": json.dumps(response_to_json(item.response), ensure_ascii=False),
                  "score": item.graded.score, "correct": item.graded.correct, "answered_at": item.answered_at,
                  "seconds": round(item.seconds, 3)}
        if connection.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as postgresql_insert  # ~50 ms: not at start-up

            insert = postgresql_insert(QuizResponseRow)
        else:
            insert = sqlite_insert(QuizResponseRow)
        connection.execute(insert.values(attempt_id=attempt_id, position=item.position, **values)
                           .on_conflict_do_update(index_elements=["attempt_id", "position"], set_=values))

    def move(self, uid: str, position: int) -> None:
        self._row(uid).position = position


    def finish(self, uid: str, finished_at: datetime, score: float, passed: bool) -> None:
        row = self._row(uid)
        row.finished_at, row.score, row.passed = finished_at, score, passed

    def delete(self, uid: str) -> None:
        self._session.execute(delete(QuizAttemptRow).where(QuizAttemptRow.uid == uid))

    def unfinished(self, learner: LearnerId, quiz_id: str, *, review: bool = False) -> StoredAttempt | None:
        row = self._session.scalar(
            select(QuizAttemptRow).where(QuizAttemptRow.learner_id == learner, QuizAttemptRow.quiz_id == quiz_id,
                                         QuizAttemptRow.kind == (REVIEW if review else QUIZ),
                                         QuizAttemptRow.finished_at.is_(None))
            .order_by(QuizAttemptRow.started_at.desc(), QuizAttemptRow.id.desc()).limit(1))
        if row is None:
            return None
        responses = self._session.scalars(select(QuizResponseRow).where(QuizResponseRow.attempt_id == row.id)
                                          .order_by(QuizResponseRow.position))
        try:
            drawn = json.loads(row.drawn)
        except ValueError:
            drawn = []
        stored = []
        for response in responses:
            try:
                data = json.loads(response.response)
            except ValueError:
                continue
            stored.append(StoredResponse(response.position, response.question_id, data, response.answered_at,
                                         response.seconds))
        return StoredAttempt(row.uid, row.quiz_id, row.kind == REVIEW, row.started_at, row.position,
                             drawn if isinstance(drawn, list) else [], stored)

    def finished_count(self, learner: LearnerId, quiz_id: str) -> int:
        return self._session.scalar(select(func.count()).select_from(QuizAttemptRow).where(
            QuizAttemptRow.learner_id == learner, QuizAttemptRow.quiz_id == quiz_id, QuizAttemptRow.kind == QUIZ,
            QuizAttemptRow.finished_at.is_not(None))) or 0

    def summaries(self, learner: LearnerId, quiz_id: str | None = None) -> list[AttemptSummary]:
        """The learner's quiz attempts (not review sessions), oldest first."""
        answered = (select(QuizResponseRow.attempt_id, func.count().label("n"))
                    .group_by(QuizResponseRow.attempt_id).subquery())
        query = (select(QuizAttemptRow, func.coalesce(answered.c.n, 0))
                 .outerjoin(answered, answered.c.attempt_id == QuizAttemptRow.id)
                 .where(QuizAttemptRow.learner_id == learner, QuizAttemptRow.kind == QUIZ)
                 .order_by(QuizAttemptRow.started_at, QuizAttemptRow.id))
        if quiz_id is not None:
            query = query.where(QuizAttemptRow.quiz_id == quiz_id)
        return [_summary(row, count) for row, count in self._session.execute(query)]


_UPDATE_POSITION = "UPDATE quiz_attempt SET position = ? WHERE uid = ? RETURNING id"
_RESPONSE_COLUMNS = ("uid", "attempt_id", "position", "question_id", "question_kind", "response", "score",
                     "correct", "answered_at", "seconds")
_UPSERT_RESPONSE = (
    f"INSERT INTO quiz_response ({', '.join(_RESPONSE_COLUMNS)}) VALUES ({', '.join('?' * len(_RESPONSE_COLUMNS))})"
    " ON CONFLICT (attempt_id, position) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in _RESPONSE_COLUMNS[3:]))
_binders: list[Any] = []


def save_answer_sqlite(connection: sqlite3.Connection, uid: str, item: AttemptAnswer, question_kind: str) -> None:
    """`QuizAttemptRepository.save_answer` in SQL on an sqlite3 connection in a write transaction
    (`storage.db.sqlite_transaction`): the same two statements, the values converted by the columns' own
    SQLAlchemy types (so a time is stored exactly as the ORM stores it), and a new response's uid from the
    column's default. Raises KeyError for an unknown attempt (the caller's transaction then rolls back)."""
    rows = connection.execute(_UPDATE_POSITION, (item.position, uid)).fetchall()  # all: no statement left open
    if not rows:
        raise KeyError(uid)
    if not _binders:
        dialect = sqlite_dialect()
        columns = QuizResponseRow.__table__.columns
        _binders.extend(columns[name].type.dialect_impl(dialect).bind_processor(dialect) for name in _RESPONSE_COLUMNS)
    values = (new_uid(), rows[0][0], item.position, item.graded.question_id, question_kind,
              json.dumps(response_to_json(item.response), ensure_ascii=False), item.graded.score,
              item.graded.correct, item.answered_at, round(item.seconds, 3))
    connection.execute(_UPSERT_RESPONSE, tuple(value if bind is None else bind(value)
                                               for bind, value in zip(_binders, values, strict=True)))


class ReviewRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self, learner: LearnerId, question_id: str) -> ReviewCardRow | None:
        return self._session.scalar(select(ReviewCardRow).where(
            ReviewCardRow.learner_id == learner, ReviewCardRow.question_id == question_id))

    def get(self, learner: LearnerId, question_id: str) -> ReviewCard | None:
        row = self._row(learner, question_id)
        return _card(row) if row is not None else None

    def put(self, learner: LearnerId, card: ReviewCard | None, question_id: str, quiz_id: str) -> None:
        """Store `card` (None: take the question out of the deck)."""
        row = self._row(learner, question_id)
        if card is None:
            if row is not None:
                self._session.delete(row)
            return
        if row is None:
            row = ReviewCardRow(learner_id=learner, question_id=question_id, quiz_id=quiz_id)
            self._session.add(row)
        row.box, row.due, row.last_result, row.last_answered = card.box, card.due, card.last_result, card.last_answered
        if quiz_id:
            row.quiz_id = quiz_id

    def all(self, learner: LearnerId) -> list[tuple[ReviewCard, str]]:
        """Every card of the learner with the quiz its question came from."""
        rows = self._session.scalars(select(ReviewCardRow).where(ReviewCardRow.learner_id == learner))
        return [(_card(row), row.quiz_id) for row in rows]

    def due_count(self, learner: LearnerId, today: date, question_ids: Iterable[str] | None = None) -> int:
        query = select(func.count()).select_from(ReviewCardRow).where(
            ReviewCardRow.learner_id == learner, ReviewCardRow.due <= today)
        if question_ids is not None:
            query = query.where(ReviewCardRow.question_id.in_(list(question_ids)))
        return self._session.scalar(query) or 0


def _card(row: ReviewCardRow) -> ReviewCard:
    return ReviewCard(QuestionId(row.question_id), row.box, row.due, row.last_result, row.last_answered)


@dataclass(frozen=True, slots=True)
class StoredWalkthrough:
    uid: str
    scenario_id: str
    mode: str
    started_at: datetime
    log: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class WalkthroughSummary:
    uid: str
    scenario_id: str
    mode: str
    started_at: datetime
    finished_at: datetime | None
    abandoned: bool
    errors: int
    hints: int
    seconds: float
    score: int | None
    passed: bool | None


class WalkthroughRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self, uid: str) -> WalkthroughAttemptRow:
        row = self._session.scalar(select(WalkthroughAttemptRow).where(WalkthroughAttemptRow.uid == uid))
        if row is None:
            raise KeyError(uid)
        return row

    def add(self, learner: LearnerId, uid: str, scenario_id: str, mode: str, started_at: datetime, steps_total: int,
            course_id: str, course_version: str) -> None:
        self._session.add(WalkthroughAttemptRow(
            uid=uid, learner_id=learner, scenario_id=scenario_id, mode=mode, started_at=started_at,
            steps_total=steps_total, course_id=course_id, course_version=course_version))
        self._session.flush()

    def abandon_unfinished(self, learner: LearnerId, scenario_id: str) -> int:
        result = self._session.execute(update(WalkthroughAttemptRow).where(
            WalkthroughAttemptRow.learner_id == learner, WalkthroughAttemptRow.scenario_id == scenario_id,
            WalkthroughAttemptRow.finished_at.is_(None), WalkthroughAttemptRow.abandoned.is_(False))
            .values(abandoned=True))
        return int(getattr(result, "rowcount", 0) or 0)

    def abandon(self, uid: str) -> None:
        self._row(uid).abandoned = True

    def event_count(self, uid: str) -> int:
        row = self._row(uid)
        return self._session.scalar(select(func.count()).select_from(WalkthroughEventRow)
                                    .where(WalkthroughEventRow.attempt_id == row.id)) or 0

    def append(self, uid: str, entries: Sequence[LogEntry], first_seq: int, *, errors: int, hints: int,
               steps_done: int, seconds: float) -> None:
        """Add the log entries numbered from `first_seq` and update the running counts."""
        row = self._row(uid)
        for offset, entry in enumerate(entries):
            action = json.dumps(entry.action.to_dict(), ensure_ascii=False) if entry.action is not None else None
            self._session.add(WalkthroughEventRow(
                attempt_id=row.id, seq=first_seq + offset, at=entry.at, kind=entry.kind.value,
                step_id=entry.step_id, correct=entry.correct, action=action))
        row.errors, row.hints, row.steps_done, row.seconds = errors, hints, steps_done, round(seconds, 3)
        self._session.flush()

    def finish(self, uid: str, result: RunResult, finished_at: datetime) -> None:
        row = self._row(uid)
        row.finished_at, row.seconds, row.errors, row.hints = finished_at, round(result.seconds, 3), result.errors, \
            result.hints
        row.decisions_right, row.decisions_wrong = result.decisions_right, result.decisions_wrong
        row.score, row.passed, row.steps_done = result.score, result.passed, row.steps_total

    def unfinished(self, learner: LearnerId, scenario_id: str) -> StoredWalkthrough | None:
        row = self._session.scalar(
            select(WalkthroughAttemptRow).where(
                WalkthroughAttemptRow.learner_id == learner, WalkthroughAttemptRow.scenario_id == scenario_id,
                WalkthroughAttemptRow.finished_at.is_(None), WalkthroughAttemptRow.abandoned.is_(False))
            .order_by(WalkthroughAttemptRow.started_at.desc(), WalkthroughAttemptRow.id.desc()).limit(1))
        if row is None:
            return None
        events = self._session.scalars(select(WalkthroughEventRow).where(WalkthroughEventRow.attempt_id == row.id)
                                       .order_by(WalkthroughEventRow.seq))
        log = []
        for event in events:
            data: dict[str, Any] = {"at": event.at, "kind": event.kind, "step": event.step_id,
                                    "correct": event.correct}
            if event.action is not None:
                try:
                    data["action"] = json.loads(event.action)
                except ValueError:
                    data["action"] = None
            log.append(data)
        return StoredWalkthrough(row.uid, row.scenario_id, row.mode, row.started_at, log)

    def summaries(self, learner: LearnerId, scenario_id: str | None = None) -> list[WalkthroughSummary]:
        query = (select(WalkthroughAttemptRow).where(WalkthroughAttemptRow.learner_id == learner)
                 .order_by(WalkthroughAttemptRow.started_at, WalkthroughAttemptRow.id))
        if scenario_id is not None:
            query = query.where(WalkthroughAttemptRow.scenario_id == scenario_id)
        return [WalkthroughSummary(r.uid, r.scenario_id, r.mode, r.started_at, r.finished_at, r.abandoned, r.errors,
                                   r.hints, r.seconds, r.score, r.passed) for r in self._session.scalars(query)]
