"""The methodist's workspace and a Learning Record Store: pulling statements in, sending the workspace's out.

`pull` reads every statement (following `more` links, each answer capped), sorts out Е-тренер's own
(`exchange.lrs_reader`), and only then stores them, all in one transaction: a pull that meets an unreachable LRS,
a refused password or a statement it cannot read leaves the workspace exactly as it was. Records go in with the
rules of a file import (`WorkspaceRepository.store_records`): new uids inserted, a pulled-again record is not
duplicated, a learner known from signed files keeps her key and profile and gets only records with new uids.
Trust: statements are not signed; the LRS's own authentication is the trust (docs/methodist-lrs.md).

`send` makes statements from the workspace's records (`exchange.xapi.statements`, the same as a learner's
export) and the methodist's essay marks (`grading_statements`), leaves out those already sent to that endpoint
(`ws_lrs_sent`), and POSTs them in batches with retries and backoff; 200/204 and 409 (the LRS has that id) count
as done. "Already there" counts the 409s and the statements an LRS accepted without listing them as stored (it had
them exactly so).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from etrainer.core.course.model import Course
from etrainer.core.progress.document import (
    CourseRef,
    LearnerInfo,
    LessonProgressRecord,
    LessonVisitRecord,
    ProgressDocument,
    QuizAttemptRecord,
)
from etrainer.core.quiz.essay import EssayMark
from etrainer.exchange.lrs_http import LrsBadAnswer, LrsEndpoint, LrsError, LrsRefused, LrsUnreachable
from etrainer.exchange.lrs_reader import BadStatement, PulledCourse, PulledStatements, SkipReason, read_statements
from etrainer.exchange.xapi import grading_statements, statement_id, statements
from etrainer.storage.workspace import RecordCounts, Workspace, WorkspaceRepository
from etrainer.storage.workspace_essays import WorkspaceEssayRepository
from etrainer.storage.workspace_lrs import EPOCH, SYNTHETIC_PROGRESS, LrsWorkspaceRepository

MAX_PULLED_STATEMENTS = 1_000_000
"""The most statements one pull reads (they are sorted into records page by page; the records stay in memory
until they are stored, in one transaction)."""
PAGE_SIZE = 500
BATCH_SIZE = 50
RETRY_DELAYS = (1.0, 2.0, 4.0, 8.0)
"""Seconds to wait before each retry of a batch the LRS did not take (then the send stops with the error)."""

SendProgress = Callable[[int, int], object]
"""Called with (statements done, statements to send) before the first batch and after each one."""


@dataclass(frozen=True, slots=True)
class PullReport:
    read: int
    learners: int
    counts: RecordCounts
    skipped: Counter[SkipReason] = field(default_factory=Counter)

    @property
    def foreign(self) -> Counter[SkipReason]:
        return Counter({r: n for r, n in self.skipped.items() if r is not SkipReason.MARK})


@dataclass(frozen=True, slots=True)
class SendReport:
    total: int
    sent: int = 0
    already: int = 0
    """Answered 409: the LRS had the id already."""
    previously: int = 0
    """Left out: sent to this endpoint before."""
    cancelled: bool = False


class LrsWorkspaceService:
    def __init__(self, workspace: Workspace, courses: Callable[[str], Course | None] | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 sleep: Callable[[float], object] = time.sleep) -> None:
        self.workspace = workspace
        self._courses = courses or (lambda course_id: None)
        self._clock = clock
        self._sleep = sleep

    # -------------------------------------------------------------- pulling

    def pull(self, endpoint: LrsEndpoint, since: datetime | None = None, limit: int = PAGE_SIZE) -> PullReport:
        """Read the LRS's statements (stored since `since`) into the workspace; raises LrsError subclasses with
        a sentence, leaving the workspace unchanged."""
        cache: dict[str, Course | None] = {}

        def course_of(course_id: str) -> Course | None:
            if course_id not in cache:
                cache[course_id] = self._courses(course_id)
            return cache[course_id]

        pulled = PulledStatements()
        try:
            for page in endpoint.statement_pages(since, limit):  # sorted page by page: no raw statements kept
                read_statements(page, course_of, into=pulled)
                if pulled.read > MAX_PULLED_STATEMENTS:
                    raise LrsBadAnswer(endpoint=endpoint.url, reason=f"more than {MAX_PULLED_STATEMENTS} statements "
                                       "(pull part of them with --since)")
        except BadStatement as error:
            raise LrsBadAnswer(endpoint=endpoint.url, reason=str(error)) from error
        courses = {course_id: course for course_id, course in cache.items() if course is not None}
        counts = RecordCounts()
        now = self._clock()
        with self.workspace.sessions.begin() as session:
            for key in sorted(pulled.courses):
                counts += self._store(session, pulled.courses[key], courses.get(key[1]), endpoint.url, now)
        return PullReport(pulled.read, len({uid for uid, _ in pulled.courses}), counts, pulled.skipped)

    def _store(self, session: Any, pc: PulledCourse, course: Course | None, endpoint: str,
               now: datetime) -> RecordCounts:
        lrs = LrsWorkspaceRepository(session)
        learner = lrs.learner_for_pull(pc.learner_uid, pc.learner_name, now)
        known = {} if learner.is_new else lrs.attempts_by_registration(
            learner.id, lambda uid: statement_id(uid, "registration"))
        attempts = dict(pc.attempts)
        for registration, attempt in pc.attempts.items():  # a start read again never undoes a stored end
            stored = known.get(registration)
            if attempt.finished_at is None and stored is not None and stored.finished_at is not None:
                attempts[registration] = stored
        finished_walks = set() if learner.is_new else lrs.finished_walkthroughs(learner.id)
        walks = [w for w in pc.walks.values() if w.finished_at is not None or w.uid not in finished_walks]
        for registration, answers in pc.responses.items():
            attempt = attempts.get(registration) or known.get(registration)
            if attempt is None:  # none of its attempt's statements was pulled: an unfinished attempt
                quiz_id, module_id = pc.answered_in[registration]
                started = min(r.answered_at for r in answers.values())
                attempt = QuizAttemptRecord(f"lrs-attempt:{registration}"[:64], quiz_id, module_id,
                                            "review" if quiz_id == "review" else "quiz", "", started, None, 0, None,
                                            None, _pass_mark(course, quiz_id), ())
            ordered = sorted(answers.values(), key=lambda r: (r.answered_at, r.uid))
            attempts[registration] = _with_responses(attempt, ordered)
        progress, dropped = self._lessons(lrs, learner.id, pc)
        lrs.drop_lesson_progress(learner.id, dropped)
        document = ProgressDocument(
            2, 2, EPOCH, "", "", CourseRef(pc.course_id, "", ""),
            LearnerInfo(pc.learner_uid, pc.learner_name, "", "", EPOCH), tuple(progress),
            tuple(sorted(pc.visits.values(), key=lambda v: v.opened_at)),
            tuple(sorted(attempts.values(), key=lambda a: a.started_at)),
            tuple(sorted(walks, key=lambda w: w.started_at)), None)
        counts = WorkspaceRepository(session).store_records(learner, document)
        WorkspaceEssayRepository(session).store_essays(learner, document)
        if counts.new or counts.updated:
            lrs.add_pull(learner, pc.course_id, endpoint, counts, pc.last_at or now, now)
        return counts

    def _lessons(self, lrs: LrsWorkspaceRepository, learner_id: int, pc: PulledCourse
                 ) -> tuple[list[LessonProgressRecord], list[str]]:
        """Lesson progress for every lesson the statements touch: the `completed` statement's record when there
        is one, else the stored row, else one made from the visits (a synthetic uid); totals from all visits."""
        stored, stored_visits = lrs.lesson_state(learner_id, pc.course_id)
        visits: dict[str, list[LessonVisitRecord]] = {}
        for visit in {v.uid: v for v in [*stored_visits, *pc.visits.values()]}.values():
            visits.setdefault(visit.lesson_id, []).append(visit)
        out: list[LessonProgressRecord] = []
        dropped: list[str] = []
        for lesson_id in sorted({v.lesson_id for v in pc.visits.values()} | set(pc.reads)):
            read, row, seen = pc.reads.get(lesson_id), stored.get(lesson_id), visits.get(lesson_id, [])
            uid = read.uid if read else row.uid if row else f"{SYNTHETIC_PROGRESS}{lesson_id}"[:64]
            if row is not None and row.uid != uid:
                if not row.uid.startswith(SYNTHETIC_PROGRESS):
                    continue  # a file's (or an earlier pull's) own record for the lesson stays as it is
                dropped.append(row.uid)
            opened = [v.opened_at for v in seen]
            completed = read.completed_at if read else row.completed_at if row else None
            total = read.total_seconds if read else max(row.total_seconds if row else 0,
                                                        sum(v.seconds for v in seen))
            module = read.module_id if read else pc.modules.get(lesson_id, row.module_id if row else None)
            out.append(LessonProgressRecord(uid, lesson_id, module, min(opened, default=None),
                                            max(opened, default=None), completed, total, len(seen)))
        return out, dropped

    # -------------------------------------------------------------- sending

    def pending(self, endpoint: LrsEndpoint) -> tuple[list[dict[str, Any]], int]:
        """The statements not yet sent to the endpoint, and how many were sent before."""
        now = self._clock()
        with self.workspace.sessions.begin() as session:
            repository = LrsWorkspaceRepository(session)
            documents = repository.documents(now)
            done = repository.sent_ids(endpoint.url)
            marks: dict[str, list[tuple[str, EssayMark]]] = {}
            for essay in WorkspaceEssayRepository(session).essays():
                if essay.mark is not None:
                    marks.setdefault(essay.learner_uid, []).append((essay.uid, essay.mark))
        made: list[dict[str, Any]] = []
        for document in documents:
            course = self._courses(document.course.id)
            made.extend(statements(document, course))
            made.extend(grading_statements(document, marks.get(document.learner.uid, ()), course))
        todo = [s for s in made if s["id"] not in done]
        return todo, len(made) - len(todo)

    def send(self, endpoint: LrsEndpoint, progress: SendProgress | None = None,
             cancelled: Callable[[], bool] | None = None, batch_size: int = BATCH_SIZE) -> SendReport:
        """Send what is not sent yet; raises LrsError subclasses (what was sent before the error stays noted)."""
        todo, previously = self.pending(endpoint)
        sent = already = 0
        if progress is not None:
            progress(0, len(todo))
        for start in range(0, len(todo), batch_size):
            if cancelled is not None and cancelled():
                return SendReport(len(todo), sent, already, previously, cancelled=True)
            batch = todo[start:start + batch_size]
            status, stored = self._post(endpoint, batch)
            if status == 409 and len(batch) > 1:  # an id is there with other content: one by one to tell which
                answers = [self._post(endpoint, [one]) for one in batch]
            else:
                answers = [(status, stored)] * len(batch)
            for statement, (status, stored) in zip(batch, answers, strict=True):
                if status == 409 or (stored is not None and statement["id"] not in stored):
                    already += 1
                else:
                    sent += 1
            with self.workspace.sessions.begin() as session:
                LrsWorkspaceRepository(session).mark_sent(endpoint.url, [s["id"] for s in batch], self._clock())
            if progress is not None:
                progress(start + len(batch), len(todo))
        return SendReport(len(todo), sent, already, previously)

    def _post(self, endpoint: LrsEndpoint, batch: list[dict[str, Any]]) -> tuple[int, set[str] | None]:
        for delay in (*RETRY_DELAYS, None):
            try:
                return endpoint.post(batch)
            except LrsRefused:
                raise
            except LrsError:
                if delay is None:
                    raise
                self._sleep(delay)
        raise AssertionError("unreachable")


def _with_responses(attempt: QuizAttemptRecord, responses: list[Any]) -> QuizAttemptRecord:
    positioned = tuple(replace(r, position=n) for n, r in enumerate(responses))
    return replace(attempt, responses=positioned)


def _pass_mark(course: Course | None, quiz_id: str) -> float:
    quiz = course.quiz(quiz_id) if course is not None else None
    return float(quiz.pass_mark) if quiz is not None else 0.0


__all__ = ["LrsBadAnswer", "LrsEndpoint", "LrsError", "LrsRefused", "LrsUnreachable", "LrsWorkspaceService",
           "PullReport", "SendReport"]
