"""The learner's side of essays: opening the methodist's reply and showing it (drafts: QuizService).

`open_feedback(path)` checks a `.etfeedback` file (core.progress.feedback), finds the learner it is for on
this computer, trusts the workspace's key the first time a reply for her arrives and refuses a reply signed
with another key afterwards (KEY_CHANGED; `trust_new_key=True` accepts it once she has checked with her
methodist), then stores each mark in one transaction. Opening the same file again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from etrainer.core.course.model import Course
from etrainer.core.ids import LearnerId
from etrainer.core.progress.feedback import (
    MAX_FEEDBACK_BYTES,
    FeedbackGrade,
    FeedbackReason,
    FeedbackRejected,
    parse_feedback_bytes,
)
from etrainer.core.quiz.essay import EssayMark
from etrainer.core.quiz.model import Question
from etrainer.storage.essays import EssayRepository, ReceivedMark
from etrainer.storage.models import utc_now


@dataclass(frozen=True, slots=True)
class SentAnswer:
    response_uid: str
    quiz_id: str
    question_id: str
    title: str
    text: str
    sent_at: datetime
    mark: EssayMark | None
    seen: bool


def _question(course: Course | None, quiz_id: str, question_id: str) -> Question | None:
    if course is None:
        return None
    quiz = course.quiz(quiz_id)
    found = quiz.question(question_id) if quiz is not None else None
    return found or next((q for qz in course.quizzes for q in qz.questions if q.id == question_id), None)


@dataclass(frozen=True, slots=True)
class FeedbackImport:
    learner_id: int
    learner_uid: str
    learner_name: str
    grades: tuple[FeedbackGrade, ...]
    """The marks in the file that belong to essays on this computer."""
    new: int
    updated: int
    unchanged: int
    skipped: int
    """Marks of essays this computer does not have (sent from another computer)."""
    first_key: bool
    """The workspace's key was trusted now, with this file."""


class EssayService:
    def __init__(self, sessions: sessionmaker[Session], *, clock: Callable[[], object] = utc_now) -> None:
        self._sessions = sessions
        self._clock = clock

    # -- the reply --------------------------------------------------------------------------------
    def marks(self, learner: LearnerId, attempt_uid: str | None = None) -> list[ReceivedMark]:
        with self._sessions.begin() as session:
            return EssayRepository(session).marks(learner, attempt_uid)

    def sent_essays(self, learner: LearnerId, course: Course | None = None) -> list[SentAnswer]:
        """Every essay she sent, with the methodist's mark when it has arrived (for «Мої есе»)."""
        with self._sessions.begin() as session:
            repository = EssayRepository(session)
            sent = repository.sent(learner)
            marks = {m.response_uid: m for m in repository.marks(learner)}
        items = []
        for uid, quiz_id, question_id, text, sent_at in sent:
            question = _question(course, quiz_id, question_id)
            title = (question.title or question.text) if question is not None else question_id
            received = marks.get(uid)
            items.append(SentAnswer(uid, quiz_id, question_id, title, text, sent_at,
                                    received.mark if received else None, bool(received and received.seen)))
        return items

    def new_feedback_count(self, learner: LearnerId) -> int:
        """Marks received and not seen yet («Нові відгуки методиста (N)» on the home page)."""
        with self._sessions.begin() as session:
            return EssayRepository(session).unseen(learner)

    def mark_seen(self, learner: LearnerId, marks: Sequence[ReceivedMark | SentAnswer]) -> None:
        """She has seen these marks beside her answers: they are no longer new."""
        uids = [m.response_uid for m in marks if not m.seen]
        with self._sessions.begin() as session:
            EssayRepository(session).mark_seen(learner, uids, self._clock())

    def open_feedback(self, path: Path, *, trust_new_key: bool = False) -> FeedbackImport:
        """Store the marks of a reply file; raises FeedbackRejected (nothing is stored then)."""
        raw = _read(Path(path))
        document = parse_feedback_bytes(raw)
        now = self._clock()
        with self._sessions.begin() as session:
            repository = EssayRepository(session)
            learner = repository.learner_by_uid(document.learner_uid)
            if learner is None:
                raise FeedbackRejected(FeedbackReason.UNKNOWN_LEARNER,
                                       f"no profile with uid {document.learner_uid} ({document.learner_name})")
            learner_id, name = learner
            trusted = repository.trusted_key(learner_id)
            key = document.signature.public_key
            if trusted is not None and trusted != key and not trust_new_key:
                raise FeedbackRejected(FeedbackReason.KEY_CHANGED, "signed with a key other than the trusted one")
            if trusted != key:
                repository.trust_key(learner_id, key, now)
            mine = repository.essay_uids(learner_id)
            kept = tuple(g for g in document.grades if g.response_uid in mine)
            results = [repository.store_mark(learner_id, grade, now) for grade in kept]
        return FeedbackImport(learner_id, document.learner_uid, name, kept, results.count("new"),
                              results.count("updated"), results.count("unchanged"),
                              len(document.grades) - len(kept), trusted is None)


def _read(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise FeedbackRejected(FeedbackReason.NOT_A_FEEDBACK_FILE, f"{path.name} is not a file")
        size = path.stat().st_size
        if size > MAX_FEEDBACK_BYTES:
            raise FeedbackRejected(FeedbackReason.TOO_LARGE, f"{size} bytes; the limit is {MAX_FEEDBACK_BYTES}")
        with path.open("rb") as stream:
            return stream.read(min(size, MAX_FEEDBACK_BYTES) + 1)
    except OSError as error:
        raise FeedbackRejected(FeedbackReason.NOT_A_FEEDBACK_FILE,
                               f"cannot be read: {error.strerror or error}") from error
