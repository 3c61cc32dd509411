"""Rows ↔ core values for essays on the learner's side: drafts saved as she types, the methodist's marks
received in feedback files, and the workspace key trusted for her."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from etrainer.core.progress.feedback import FeedbackGrade
from etrainer.core.quiz.essay import EssayMark
from etrainer.storage.models import (
    EssayDraftRow,
    EssayFeedbackRow,
    FeedbackKeyRow,
    LearnerRow,
    QuizAttemptRow,
    QuizResponseRow,
)
from etrainer.storage.workspace_essays import _levels_json, levels_from_json


@dataclass(frozen=True, slots=True)
class ReceivedMark:
    """A mark as the learner's app keeps it, with where the essay is."""

    response_uid: str
    attempt_uid: str
    position: int
    quiz_id: str
    question_id: str
    mark: EssayMark
    seen: bool


class EssayRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # -- drafts -----------------------------------------------------------------------------------
    def save_draft(self, attempt_uid: str, position: int, question_id: str, text: str, now: datetime) -> None:
        attempt_id = self._session.scalar(select(QuizAttemptRow.id).where(QuizAttemptRow.uid == attempt_uid))
        if attempt_id is None:
            return
        row = self._session.scalar(select(EssayDraftRow).where(EssayDraftRow.attempt_id == attempt_id,
                                                               EssayDraftRow.position == position))
        if row is None:
            self._session.add(EssayDraftRow(attempt_id=attempt_id, position=position, question_id=question_id,
                                            text=text, saved_at=now))
        else:
            row.text, row.question_id, row.saved_at = text, question_id, now

    def draft(self, attempt_uid: str, position: int) -> str | None:
        return self._session.scalar(
            select(EssayDraftRow.text).join(QuizAttemptRow, QuizAttemptRow.id == EssayDraftRow.attempt_id)
            .where(QuizAttemptRow.uid == attempt_uid, EssayDraftRow.position == position))

    # -- the reply --------------------------------------------------------------------------------
    def learner_by_uid(self, uid: str) -> tuple[int, str] | None:
        row = self._session.execute(select(LearnerRow.id, LearnerRow.name).where(LearnerRow.uid == uid)).first()
        return (row[0], row[1]) if row is not None else None

    def trusted_key(self, learner_id: int) -> bytes | None:
        return self._session.scalar(select(FeedbackKeyRow.public_key).where(FeedbackKeyRow.learner_id == learner_id))

    def trust_key(self, learner_id: int, public_key: bytes, now: datetime) -> None:
        row = self._session.scalar(select(FeedbackKeyRow).where(FeedbackKeyRow.learner_id == learner_id))
        if row is None:
            self._session.add(FeedbackKeyRow(learner_id=learner_id, public_key=public_key, trusted_at=now))
        else:
            row.public_key, row.trusted_at = public_key, now
        self._session.flush()

    def essay_uids(self, learner_id: int) -> set[str]:
        return set(self._session.scalars(
            select(QuizResponseRow.uid).join(QuizAttemptRow, QuizAttemptRow.id == QuizResponseRow.attempt_id)
            .where(QuizAttemptRow.learner_id == learner_id, QuizResponseRow.question_kind == "essay")))

    def store_mark(self, learner_id: int, grade: FeedbackGrade, now: datetime) -> str:
        """"new", "updated" (a newer mark of the same essay) or "unchanged"."""
        mark = grade.mark
        values = {"points": mark.points, "max_points": mark.max_points, "levels": _levels_json(mark.levels),
                  "comment": mark.comment, "graded_at": mark.graded_at, "grader": mark.grader}
        row = self._session.scalar(select(EssayFeedbackRow).where(EssayFeedbackRow.uid == grade.uid))
        if row is None:
            self._session.add(EssayFeedbackRow(uid=grade.uid, learner_id=learner_id, response_uid=grade.response_uid,
                                               question_id=grade.question_id, received_at=now, seen_at=None,
                                               **values))
            return "new"
        newer = mark.graded_at is not None and (row.graded_at is None or mark.graded_at > row.graded_at)
        if row.learner_id != learner_id or not newer:
            return "unchanged"
        for key, value in values.items():
            setattr(row, key, value)
        row.received_at, row.seen_at = now, None
        return "updated"

    def marks(self, learner_id: int, attempt_uid: str | None = None) -> list[ReceivedMark]:
        query = (select(EssayFeedbackRow, QuizAttemptRow.uid, QuizResponseRow.position, QuizAttemptRow.quiz_id)
                 .join(QuizResponseRow, QuizResponseRow.uid == EssayFeedbackRow.response_uid)
                 .join(QuizAttemptRow, QuizAttemptRow.id == QuizResponseRow.attempt_id)
                 .where(EssayFeedbackRow.learner_id == learner_id).order_by(EssayFeedbackRow.graded_at))
        if attempt_uid is not None:
            query = query.where(QuizAttemptRow.uid == attempt_uid)
        return [ReceivedMark(row.response_uid, uid, position, quiz_id, row.question_id,
                             EssayMark(row.points, row.max_points, levels_from_json(row.levels), row.comment,
                                       row.graded_at, row.grader), row.seen_at is not None)
                for row, uid, position, quiz_id in self._session.execute(query)]

    def sent(self, learner_id: int) -> list[tuple[str, str, str, str, datetime]]:
        """Her sent essays, oldest first: (response uid, quiz id, question id, text, sent at)."""
        query = (select(QuizResponseRow.uid, QuizAttemptRow.quiz_id, QuizResponseRow.question_id,
                        QuizResponseRow.response, QuizResponseRow.answered_at)
                 .join(QuizAttemptRow, QuizAttemptRow.id == QuizResponseRow.attempt_id)
                 .where(QuizAttemptRow.learner_id == learner_id, QuizResponseRow.question_kind == "essay")
                 .order_by(QuizResponseRow.answered_at))
        found = []
        for uid, quiz_id, question_id, response, answered_at in self._session.execute(query):
            try:
                text = str(json.loads(response).get("text", ""))
            except (ValueError, AttributeError):
                text = ""
            found.append((uid, quiz_id, question_id, text, answered_at))
        return found

    def unseen(self, learner_id: int) -> int:
        return self._session.scalar(select(func.count()).select_from(EssayFeedbackRow).where(
            EssayFeedbackRow.learner_id == learner_id, EssayFeedbackRow.seen_at.is_(None))) or 0

    def mark_seen(self, learner_id: int, response_uids: Iterable[str], now: datetime) -> None:
        uids = list(response_uids)
        if uids:
            self._session.execute(update(EssayFeedbackRow).where(
                EssayFeedbackRow.learner_id == learner_id, EssayFeedbackRow.response_uid.in_(uids),
                EssayFeedbackRow.seen_at.is_(None)).values(seen_at=now))
