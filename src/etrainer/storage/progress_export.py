"""Rows → the `records` of a progress file (format in docs/progress-format.md), and the installation's key.

Records come back as format-shaped dicts (times already `…Z` text) without `module_id`, which the
service fills in from the course. A stored response or action whose JSON cannot be read is left out
(the record would make the whole file unreadable); nothing personal (PIN, notes, bookmarks) is read.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from etrainer.core.ids import LearnerId
from etrainer.core.progress.format import format_time
from etrainer.storage.models import (
    InstallationRow,
    LearnerRow,
    LessonProgressRow,
    LessonVisitRow,
    QuizAttemptRow,
    QuizResponseRow,
    WalkthroughAttemptRow,
    WalkthroughEventRow,
)

log = logging.getLogger(__name__)
Record = dict[str, Any]


def _time(value: datetime | None) -> str | None:
    return None if value is None else format_time(value)


def _json_object(text: str | None) -> dict[str, Any] | None:
    try:
        value = json.loads(text) if text is not None else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


class ProgressExportRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def learner(self, learner: LearnerId) -> Record | None:
        """uid, name, branch, position, created_at (no PIN)."""
        row = self._session.get(LearnerRow, learner)
        if row is None:
            return None
        return {"uid": row.uid, "name": row.name, "branch": row.branch, "position": row.position,
                "created_at": format_time(row.created_at)}

    def lesson_progress(self, learner: LearnerId) -> list[Record]:
        rows = self._session.scalars(select(LessonProgressRow).where(LessonProgressRow.learner_id == learner)
                                     .order_by(LessonProgressRow.id))
        return [{"uid": r.uid, "lesson_id": r.lesson_id, "first_opened_at": _time(r.first_opened_at),
                 "last_opened_at": _time(r.last_opened_at), "completed_at": _time(r.completed_at),
                 "total_seconds": max(0, r.total_seconds), "visits": max(0, r.visits)} for r in rows]

    def lesson_visits(self, learner: LearnerId) -> list[Record]:
        rows = self._session.scalars(select(LessonVisitRow).where(LessonVisitRow.learner_id == learner)
                                     .order_by(LessonVisitRow.opened_at, LessonVisitRow.id))
        return [{"uid": r.uid, "lesson_id": r.lesson_id, "opened_at": format_time(r.opened_at),
                 "closed_at": _time(r.closed_at), "seconds": max(0, r.seconds), "reached_end": r.reached_end}
                for r in rows]

    def quiz_attempts(self, learner: LearnerId, course_id: str) -> list[Record]:
        """Attempts made in `course_id` (or before attempts recorded their course), with their responses."""
        attempts = list(self._session.scalars(
            select(QuizAttemptRow).where(QuizAttemptRow.learner_id == learner,
                                         QuizAttemptRow.course_id.in_((course_id, "")))
            .order_by(QuizAttemptRow.started_at, QuizAttemptRow.id)))
        responses: dict[int, list[Record]] = defaultdict(list)
        query = (select(QuizResponseRow).join(QuizAttemptRow, QuizAttemptRow.id == QuizResponseRow.attempt_id)
                 .where(QuizAttemptRow.learner_id == learner).order_by(QuizResponseRow.position))
        for r in self._session.scalars(query):
            response = _json_object(r.response)
            if response is None:
                log.warning("response %s left out of the export: unreadable JSON", r.uid)
                continue
            responses[r.attempt_id].append({
                "uid": r.uid, "position": r.position, "question_id": r.question_id, "question_kind": r.question_kind,
                "response": response, "score": r.score, "correct": r.correct,
                "answered_at": format_time(r.answered_at), "seconds": max(0.0, r.seconds)})
        return [{"uid": a.uid, "quiz_id": a.quiz_id, "kind": a.kind, "course_version": a.course_version,
                 "started_at": format_time(a.started_at), "finished_at": _time(a.finished_at),
                 "question_count": a.question_count, "score": a.score, "passed": a.passed, "pass_mark": a.pass_mark,
                 "responses": responses.get(a.id, [])} for a in attempts]

    def walkthrough_attempts(self, learner: LearnerId, course_id: str) -> list[Record]:
        attempts = list(self._session.scalars(
            select(WalkthroughAttemptRow).where(WalkthroughAttemptRow.learner_id == learner,
                                                WalkthroughAttemptRow.course_id.in_((course_id, "")))
            .order_by(WalkthroughAttemptRow.started_at, WalkthroughAttemptRow.id)))
        events: dict[int, list[Record]] = defaultdict(list)
        query = (select(WalkthroughEventRow)
                 .join(WalkthroughAttemptRow, WalkthroughAttemptRow.id == WalkthroughEventRow.attempt_id)
                 .where(WalkthroughAttemptRow.learner_id == learner).order_by(WalkthroughEventRow.seq))
        for e in self._session.scalars(query):
            action = _json_object(e.action)
            if e.action is not None and action is None:
                log.warning("walkthrough event %s left out of the export: unreadable JSON", e.uid)
                continue
            events[e.attempt_id].append({"uid": e.uid, "seq": e.seq, "at": max(0.0, e.at), "kind": e.kind,
                                         "step_id": e.step_id, "correct": e.correct, "action": action})
        return [{"uid": a.uid, "scenario_id": a.scenario_id, "mode": a.mode, "course_version": a.course_version,
                 "started_at": format_time(a.started_at), "finished_at": _time(a.finished_at),
                 "abandoned": a.abandoned, "seconds": max(0.0, a.seconds), "errors": a.errors, "hints": a.hints,
                 "steps_done": a.steps_done, "steps_total": a.steps_total, "decisions_right": a.decisions_right,
                 "decisions_wrong": a.decisions_wrong, "score": a.score, "passed": a.passed,
                 "events": events.get(a.id, [])} for a in attempts]

    def installation(self) -> tuple[str, bytes | None]:
        """This installation's uid and its stored signing key (None until the first export)."""
        row = self._installation_row()
        return row.uid, row.signing_key

    def set_signing_key(self, raw: bytes) -> None:
        self._installation_row().signing_key = raw
        self._session.flush()

    def _installation_row(self) -> InstallationRow:
        row = self._session.get(InstallationRow, 1)
        if row is None:
            row = InstallationRow(id=1)
            self._session.add(row)
            self._session.flush()
        return row
