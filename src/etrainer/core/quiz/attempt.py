"""One attempt at a quiz: the drawn questions, the answers so far, the clock, and the result.

An attempt is a value: `answer` and `finish` return a new attempt. With immediate feedback an
answer is final once checked; with end-of-quiz feedback it may be changed until the attempt is
finished. A time limit ends the attempt at its deadline: answers given later are refused and
`finish` keeps what was answered in time. Unanswered questions score 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from types import MappingProxyType

from etrainer.core.errors import EtrainerError
from etrainer.core.quiz.draw import DrawnQuestion
from etrainer.core.quiz.grading import GradedAnswer, grade, quiz_score
from etrainer.core.quiz.model import FeedbackMode, QuestionKind, Quiz
from etrainer.core.quiz.response import Response
from etrainer.i18n import QT_TRANSLATE_NOOP


class AttemptClosed(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "This attempt is already finished; its answers cannot change.")


class AnswerLocked(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "This question has already been checked; its answer cannot change.")


class TimeIsUp(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The time for this quiz is up; the answer was not accepted.")


class NoAttemptsLeft(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "All {limit} attempts at “{title}” have been used.")


@dataclass(frozen=True, slots=True)
class AttemptAnswer:
    position: int
    """The question's place in the attempt (0-based)."""
    response: Response
    graded: GradedAnswer
    answered_at: datetime
    seconds: float
    """Time spent on this question (for item analysis), as the UI measured it."""


@dataclass(frozen=True, slots=True)
class QuizAttempt:
    uid: str
    quiz: Quiz
    """The quiz as drawn (pools already resolved)."""
    questions: tuple[DrawnQuestion, ...]
    started_at: datetime
    answers: Mapping[int, AttemptAnswer] = field(default_factory=lambda: MappingProxyType({}))
    position: int = 0
    """The question on screen."""
    finished_at: datetime | None = None
    review: bool = False
    """A review-deck session rather than an attempt at the quiz."""

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def count(self) -> int:
        return len(self.questions)

    @property
    def answered(self) -> int:
        return len(self.answers)

    @property
    def deadline(self) -> datetime | None:
        minutes = self.quiz.time_limit_minutes
        return self.started_at + timedelta(minutes=minutes) if minutes and not self.review else None

    def remaining(self, now: datetime) -> timedelta | None:
        """Time left (never negative), or None without a time limit."""
        deadline = self.deadline
        return None if deadline is None else max(timedelta(0), deadline - now)

    def expired(self, now: datetime) -> bool:
        deadline = self.deadline
        return deadline is not None and now >= deadline

    @property
    def locks_answers(self) -> bool:
        """Immediate feedback shows the right answer, so a checked answer is final."""
        return self.review or self.quiz.feedback is FeedbackMode.IMMEDIATE

    def is_locked(self, position: int) -> bool:
        return self.finished or (self.locks_answers and position in self.answers)

    def first_unanswered(self) -> int | None:
        pages = set(self.page_positions)
        return next((i for i in range(self.count) if i not in self.answers and i not in pages), None)

    @property
    def page_positions(self) -> tuple[int, ...]:
        """Where the information pages are: read with «Далі», never answered, never scored."""
        return tuple(i for i, drawn in enumerate(self.questions) if drawn.question.kind is QuestionKind.DESCRIPTION)

    @property
    def to_answer(self) -> int:
        """How many questions take an answer (the information pages do not)."""
        return self.count - len(self.page_positions)

    @property
    def essay_positions(self) -> tuple[int, ...]:
        """Where the essay questions are: they wait for a methodist and stay out of the automatic score."""
        return tuple(i for i, drawn in enumerate(self.questions) if drawn.question.kind is QuestionKind.ESSAY)

    @property
    def pending(self) -> int:
        """Essays submitted and waiting for the methodist's mark."""
        return sum(1 for i in self.essay_positions if i in self.answers)

    @property
    def score(self) -> float:
        """0..1 over the self-grading questions of the attempt (unanswered ones count 0; essays left out).
        An attempt of essays only scores 1 once every essay is submitted."""
        essays = self.essay_positions
        automatic = self.to_answer - len(essays)
        if not automatic:
            return 1.0 if essays and all(i in self.answers for i in essays) else 0.0
        return quiz_score([a.graded for a in self.answers.values()], automatic)

    @property
    def passed(self) -> bool:
        """The automatic score reaches the pass mark and every essay is submitted (its mark does not count)."""
        return self.quiz.passed(self.score) and all(i in self.answers for i in self.essay_positions)

    def graded_in_order(self) -> list[GradedAnswer | None]:
        return [self.answers[i].graded if i in self.answers else None for i in range(self.count)]


def start_attempt(uid: str, quiz: Quiz, questions: Sequence[DrawnQuestion], now: datetime, *,
                  review: bool = False) -> QuizAttempt:
    return QuizAttempt(uid, quiz, tuple(questions), now, review=review)


def answer(attempt: QuizAttempt, position: int, response: Response, now: datetime,
           seconds: float = 0.0) -> QuizAttempt:
    """The attempt with `response` to question `position` graded and kept.

    Raises AttemptClosed, AnswerLocked, TimeIsUp, IndexError (no such question) or TypeError
    (a response of the wrong kind).
    """
    if attempt.finished:
        raise AttemptClosed()
    if not 0 <= position < attempt.count:
        raise IndexError(position)
    if attempt.is_locked(position):
        raise AnswerLocked()
    if attempt.expired(now):
        raise TimeIsUp()
    if attempt.questions[position].question.kind is QuestionKind.DESCRIPTION:
        raise TypeError("an information page takes no answer")
    graded = grade(attempt.questions[position].question, response)
    answers = dict(attempt.answers)
    answers[position] = AttemptAnswer(position, response, graded, now, max(0.0, float(seconds)))
    return replace(attempt, answers=MappingProxyType(answers), position=position)


def move_to(attempt: QuizAttempt, position: int) -> QuizAttempt:
    """The attempt showing question `position` (clamped to the questions there are)."""
    return replace(attempt, position=min(max(0, position), max(0, attempt.count - 1)))


def finish(attempt: QuizAttempt, now: datetime) -> QuizAttempt:
    """The attempt finished now (or at its deadline, if that passed). Finishing twice changes nothing."""
    if attempt.finished:
        return attempt
    deadline = attempt.deadline
    ended = min(now, deadline) if deadline is not None else now
    return replace(attempt, finished_at=ended)


def attempts_left(quiz: Quiz, finished_attempts: int) -> int | None:
    """How many attempts remain (None: unlimited)."""
    if quiz.attempt_limit is None:
        return None
    return max(0, quiz.attempt_limit - finished_attempts)


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """A stored attempt as lists and the home page show it."""

    uid: str
    quiz_id: str
    started_at: datetime
    finished_at: datetime | None
    question_count: int
    answered: int
    score: float | None
    """0..1 once finished."""
    passed: bool | None
    review: bool = False
