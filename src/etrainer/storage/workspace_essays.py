"""The essays in the methodist workspace: written when a progress file is imported, marked by the methodist,
sent back in feedback files; and the workspace's own signing key."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from etrainer.core.learner.names import person_key
from etrainer.core.progress.document import ProgressDocument
from etrainer.core.quiz.essay import EssayMark, LevelPick, SentEssay
from etrainer.core.quiz.model import QuestionKind
from etrainer.storage import workspace_models as m
from etrainer.storage.workspace import TrustedLearner
from etrainer.storage.workspace_rows import essay_rows


class WorkspaceEssayRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def store_essays(self, learner: TrustedLearner, document: ProgressDocument) -> int:
        """Note the file's essays not yet known (their responses are stored already); returns how many."""
        return self.store_essay_rows(learner, essay_rows(document))

    def store_essay_rows(self, learner: TrustedLearner, essays: list[tuple[str, float, int]]) -> int:
        """As store_essays, for (response uid, maximum points, words) as `workspace_rows.essay_rows` made them."""
        if not essays:
            return 0
        known = set(self._session.scalars(select(m.WsEssayRow.uid).where(m.WsEssayRow.learner_id == learner.id)))
        responses = dict(self._session.execute(
            select(m.WsQuizResponseRow.uid, m.WsQuizResponseRow.id)
            .where(m.WsQuizResponseRow.learner_id == learner.id,
                   m.WsQuizResponseRow.question_kind == QuestionKind.ESSAY.value)).all())
        added = 0
        for uid, max_points, words in essays:
            if uid in known or uid not in responses:
                continue
            self._session.add(m.WsEssayRow(uid=uid, learner_id=learner.id, response_id=responses[uid],
                                           max_points=max_points, words=words))
            added += 1
        self._session.flush()
        return added

    def essays(self, *, pending: bool = False, learner_uid: str | None = None,
               ids: Iterable[int] | None = None) -> list[SentEssay]:
        query = _ESSAYS
        if pending:
            query = query.where(m.WsEssayGradeRow.id.is_(None))
        if learner_uid is not None:
            query = query.where(m.WsLearnerRow.uid == learner_uid)
        if ids is not None:
            query = query.where(m.WsEssayRow.id.in_(list(ids)))
        return [_essay(row) for row in sorted(self._session.execute(query), key=_essay_order)]

    def essay(self, essay_id: int) -> SentEssay | None:
        found = self.essays(ids=[essay_id])
        return found[0] if found else None

    def grade(self, essay_id: int, mark: EssayMark) -> None:
        """Store `mark` as the essay's mark (replacing an earlier one, which keeps its uid); unsent."""
        row = self._session.scalar(select(m.WsEssayGradeRow).where(m.WsEssayGradeRow.essay_id == essay_id))
        values: dict[str, Any] = {
            "points": mark.points, "levels": _levels_json(mark.levels), "comment": mark.comment,
            "grader": mark.grader, "graded_at": mark.graded_at, "sent_at": None}
        if row is None:
            self._session.add(m.WsEssayGradeRow(uid=str(uuid.uuid4()), essay_id=essay_id, **values))
        else:
            for key, value in values.items():
                setattr(row, key, value)
        self._session.flush()

    def counts(self) -> dict[str, tuple[int, int]]:
        """Per learner uid: (essays marked, essays in all), counted by the database."""
        rows = self._session.execute(
            select(m.WsLearnerRow.uid, func.count(m.WsEssayGradeRow.id), func.count(m.WsEssayRow.id))
            .join(m.WsLearnerRow, m.WsLearnerRow.id == m.WsEssayRow.learner_id)
            .outerjoin(m.WsEssayGradeRow, m.WsEssayGradeRow.essay_id == m.WsEssayRow.id)
            .group_by(m.WsLearnerRow.uid))
        return {uid: (int(graded), int(total)) for uid, graded, total in rows}

    def mark_sent(self, grade_uids: Iterable[str], now: datetime) -> None:
        uids = list(grade_uids)
        if uids:
            self._session.execute(update(m.WsEssayGradeRow).where(m.WsEssayGradeRow.uid.in_(uids))
                                  .values(sent_at=now))

    def signing_key(self) -> bytes | None:
        return self._session.scalar(select(m.WsKeyRow.private_key))

    def set_signing_key(self, raw: bytes, now: datetime) -> None:
        self._session.add(m.WsKeyRow(id=1, private_key=raw, created_at=now))
        self._session.flush()


def _levels_json(levels: Iterable[LevelPick]) -> str:
    return json.dumps([{"criterion": p.criterion, "level": p.level, "points": p.points} for p in levels],
                      ensure_ascii=False)


def levels_from_json(text: str | None) -> tuple[LevelPick, ...]:
    try:
        data = json.loads(text or "[]")
        return tuple(LevelPick(str(p["criterion"]), str(p["level"]), float(p["points"])) for p in data)
    except (ValueError, TypeError, KeyError):
        return ()


_ESSAYS = (select(m.WsEssayRow.id, m.WsEssayRow.uid, m.WsLearnerRow.uid, m.WsLearnerRow.name,
                  m.WsQuizAttemptRow.module_id, m.WsQuizAttemptRow.quiz_id, m.WsQuizResponseRow.question_id,
                  m.WsQuizResponseRow.response, m.WsEssayRow.words, m.WsQuizResponseRow.answered_at,
                  m.WsEssayRow.max_points, m.WsEssayGradeRow.uid, m.WsEssayGradeRow.points,
                  m.WsEssayGradeRow.levels, m.WsEssayGradeRow.comment, m.WsEssayGradeRow.graded_at,
                  m.WsEssayGradeRow.grader, m.WsEssayGradeRow.sent_at, m.WsQuizAttemptRow.course_id)
           .join(m.WsLearnerRow, m.WsLearnerRow.id == m.WsEssayRow.learner_id)
           .join(m.WsQuizResponseRow, m.WsQuizResponseRow.id == m.WsEssayRow.response_id)
           .join(m.WsQuizAttemptRow, m.WsQuizAttemptRow.id == m.WsQuizResponseRow.attempt_id)
           .outerjoin(m.WsEssayGradeRow, m.WsEssayGradeRow.essay_id == m.WsEssayRow.id))


def _essay_order(row: Any) -> tuple[Any, ...]:
    """By learner (surname first, in Ukrainian alphabetical order, as the dashboard lists people), module (none
    first), question and id. Sorted here, not by ORDER BY: SQLite sorts text by code point (І and Є before А),
    PostgreSQL by the database's collation and NULLs last — the same workspace would list differently."""
    return person_key(row[3]), row[4] is not None, row[4] or "", row[6], row[0]


def _essay(row: Any) -> SentEssay:
    (essay_id, uid, learner_uid, name, module_id, quiz_id, question_id, response, words, answered_at, max_points,
     grade_uid, points, levels, comment, graded_at, grader, sent_at, course_id) = row
    try:
        text = str(json.loads(response).get("text", ""))
    except (ValueError, AttributeError):
        text = ""
    mark = None if grade_uid is None else EssayMark(points, max_points, levels_from_json(levels), comment or "",
                                                    graded_at, grader or "")
    return SentEssay(essay_id, uid, learner_uid, name, module_id, quiz_id, question_id, text, words, answered_at,
                     max_points, mark, grade_uid or "", sent_at is not None, course_id)
