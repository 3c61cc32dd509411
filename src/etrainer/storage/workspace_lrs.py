"""The workspace's side of a Learning Record Store: learners and records pulled from one, the pull's trace in the
import log, the ids of statements sent to one, and the workspace's records read back as progress documents (to be
made into statements).

A learner first seen in an LRS has no trusted key (an empty `public_key`) and `last_exported_at` at the epoch:
records pulled for her may update what earlier pulls stored. A learner known from signed files keeps her key and
her profile; a pull only adds records with new uids to her (it never overwrites what a signed file said).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from etrainer.core.progress.document import (
    CourseRef,
    LearnerInfo,
    LessonProgressRecord,
    LessonVisitRecord,
    ProgressDocument,
    QuizAttemptRecord,
    QuizResponseRecord,
    WalkthroughAttemptRecord,
)
from etrainer.core.quiz.model import QuestionKind
from etrainer.core.walkthrough.state import Mode
from etrainer.storage import workspace_models as m
from etrainer.storage.workspace import RecordCounts, TrustedLearner

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""`last_exported_at` of a learner known only from an LRS, and the `exported_at` of a pulled document."""
LRS_SOURCE = "LRS "
"""The import log's `file_name` of a pull starts with it, followed by the endpoint."""
SYNTHETIC_PROGRESS = "lrs-lesson:"
"""The uid prefix of lesson progress made from visits alone (a lesson not read has no statement of its own)."""


class LrsWorkspaceRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # -------------------------------------------------------------- pulling

    def learner_for_pull(self, uid: str, name: str, now: datetime) -> TrustedLearner:
        """The learner (added without a key when new; her name kept when she is known)."""
        ln = m.WsLearnerRow
        row = self._session.execute(select(ln.id, ln.uid, ln.name, ln.public_key, ln.last_exported_at)
                                    .where(ln.uid == uid)).one_or_none()
        if row is not None:
            self._session.execute(update(ln).where(ln.id == row.id).values(last_import_at=now))
            return TrustedLearner(*row)
        new_id = self._session.execute(insert(ln).values(
            uid=uid, name=name or uid, branch="", position="", created_at=None, public_key=b"", installation="",
            first_import_at=now, last_import_at=now, last_exported_at=EPOCH)).inserted_primary_key[0]
        return TrustedLearner(new_id, uid, name or uid, b"", EPOCH, is_new=True)

    def attempts_by_registration(self, learner_id: int, registration_of: Callable[[str], str]
                                 ) -> dict[str, QuizAttemptRecord]:
        """The learner's stored quiz attempts (without responses), by their xAPI registration."""
        qa = m.WsQuizAttemptRow
        rows = self._session.execute(select(qa.uid, qa.quiz_id, qa.module_id, qa.kind, qa.course_version,
                                            qa.started_at, qa.finished_at, qa.question_count, qa.score, qa.passed,
                                            qa.pass_mark).where(qa.learner_id == learner_id))
        return {registration_of(row[0]): QuizAttemptRecord(*row, ()) for row in rows}

    def finished_walkthroughs(self, learner_id: int) -> set[str]:
        """The uids of the learner's stored walkthrough attempts that have an end."""
        wa = m.WsWalkthroughAttemptRow
        return set(self._session.scalars(select(wa.uid).where(wa.learner_id == learner_id,
                                                              wa.finished_at.is_not(None))))

    def lesson_state(self, learner_id: int, course_id: str
                     ) -> tuple[dict[str, LessonProgressRecord], list[LessonVisitRecord]]:
        """The learner's stored lesson progress (by lesson id) and visits in the course."""
        lp, lv = m.WsLessonProgressRow, m.WsLessonVisitRow
        progress = {row[1]: LessonProgressRecord(*row) for row in self._session.execute(select(
            lp.uid, lp.lesson_id, lp.module_id, lp.first_opened_at, lp.last_opened_at, lp.completed_at,
            lp.total_seconds, lp.visits).where(lp.learner_id == learner_id, lp.course_id == course_id))}
        visits = [LessonVisitRecord(*row) for row in self._session.execute(select(
            lv.uid, lv.lesson_id, lv.opened_at, lv.closed_at, lv.seconds, lv.reached_end)
            .where(lv.learner_id == learner_id, lv.course_id == course_id))]
        return progress, visits

    def drop_lesson_progress(self, learner_id: int, uids: Iterable[str]) -> None:
        lp = m.WsLessonProgressRow
        gone = list(uids)
        if gone:
            self._session.execute(delete(lp).where(lp.learner_id == learner_id, lp.uid.in_(gone)))

    def add_pull(self, learner: TrustedLearner, course_id: str, endpoint: str, counts: RecordCounts,
                 newest: datetime, now: datetime) -> None:
        """Note in the import log that the learner's records came from the LRS at `endpoint`."""
        status = "imported" if counts.new else "updated" if counts.updated else "unchanged"
        trace = hashlib.sha256(f"{endpoint}\n{learner.uid}\n{course_id}\n{now.isoformat()}".encode()).hexdigest()
        self._session.execute(insert(m.WsImportRow).values(
            file_name=f"{LRS_SOURCE}{endpoint}", sha256=trace, imported_at=now, exported_at=newest,
            learner_id=learner.id, course_id=course_id, course_version="", status=status,
            records_new=counts.new, records_updated=counts.updated, records_skipped=counts.skipped))

    # -------------------------------------------------------------- sending

    def sent_ids(self, endpoint: str) -> set[str]:
        s = m.WsLrsSentRow
        return set(self._session.scalars(select(s.statement_id).where(s.endpoint == endpoint)))

    def mark_sent(self, endpoint: str, statement_ids: Iterable[str], now: datetime) -> None:
        known = self.sent_ids(endpoint)
        rows = [{"endpoint": endpoint, "statement_id": sid, "sent_at": now}
                for sid in dict.fromkeys(statement_ids) if sid not in known]
        if rows:
            self._session.execute(insert(m.WsLrsSentRow), rows)

    def documents(self, now: datetime) -> list[ProgressDocument]:
        """The workspace's records as one unsigned progress document per learner and course (events and
        consultations left out: no statement carries them)."""
        run = self._session.execute
        ln = m.WsLearnerRow
        learners = {row[0]: LearnerInfo(row[1], row[2], row[3], row[4], row[5] or row[6]) for row in run(select(
            ln.id, ln.uid, ln.name, ln.branch, ln.position, ln.created_at, ln.first_import_at))}
        parts: dict[tuple[int, str], dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        lp, lv = m.WsLessonProgressRow, m.WsLessonVisitRow
        for learner_id, course_id, *row in run(select(
                lp.learner_id, lp.course_id, lp.uid, lp.lesson_id, lp.module_id, lp.first_opened_at,
                lp.last_opened_at, lp.completed_at, lp.total_seconds, lp.visits).order_by(lp.id)):
            parts[(learner_id, course_id)]["progress"].append(LessonProgressRecord(*row))
        for learner_id, course_id, *row in run(select(
                lv.learner_id, lv.course_id, lv.uid, lv.lesson_id, lv.opened_at, lv.closed_at, lv.seconds,
                lv.reached_end).order_by(lv.id)):
            parts[(learner_id, course_id)]["visits"].append(LessonVisitRecord(*row))
        qr, essay = m.WsQuizResponseRow, m.WsEssayRow
        responses: dict[int, list[QuizResponseRecord]] = defaultdict(list)
        for attempt_id, uid, position, question_id, kind, response, score, correct, answered_at, seconds, top in run(
                select(qr.attempt_id, qr.uid, qr.position, qr.question_id, qr.question_kind, qr.response, qr.score,
                       qr.correct, qr.answered_at, qr.seconds, essay.max_points)
                .outerjoin(essay, essay.response_id == qr.id).order_by(qr.attempt_id, qr.position, qr.id)):
            responses[attempt_id].append(QuizResponseRecord(uid, position, question_id, QuestionKind(kind),
                                                            json.loads(response), score, correct, answered_at,
                                                            seconds, top))
        qa = m.WsQuizAttemptRow
        for attempt_id, learner_id, course_id, *row in run(select(
                qa.id, qa.learner_id, qa.course_id, qa.uid, qa.quiz_id, qa.module_id, qa.kind, qa.course_version,
                qa.started_at, qa.finished_at, qa.question_count, qa.score, qa.passed, qa.pass_mark)
                .order_by(qa.id)):
            attempt = QuizAttemptRecord(*row, tuple(responses.get(attempt_id, ())))
            parts[(learner_id, course_id)]["quizzes"].append(attempt)
        wa = m.WsWalkthroughAttemptRow
        for learner_id, course_id, uid, scenario, module, mode, *row in run(select(
                wa.learner_id, wa.course_id, wa.uid, wa.scenario_id, wa.module_id, wa.mode, wa.course_version,
                wa.started_at, wa.finished_at, wa.abandoned, wa.seconds, wa.errors, wa.hints, wa.steps_done,
                wa.steps_total, wa.decisions_right, wa.decisions_wrong, wa.score, wa.passed).order_by(wa.id)):
            walk = WalkthroughAttemptRecord(uid, scenario, module, Mode(mode), *row, ())
            parts[(learner_id, course_id)]["walks"].append(walk)
        return [ProgressDocument(2, 2, now, "", "", CourseRef(course_id, "", ""), learners[learner_id],
                                 tuple(found["progress"]), tuple(found["visits"]), tuple(found["quizzes"]),
                                 tuple(found["walks"]), None)
                for (learner_id, course_id), found in sorted(parts.items())]
