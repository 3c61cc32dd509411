"""QuizViewModel: one quiz (or review session) for one learner, over the quiz service.

The page asks it to start, resume, answer, move and finish; it keeps the current attempt and
turns expected failures into a translated sentence (`failed`). When saving fails (SaveFailed) nothing
looks saved: the answer is not shown as recorded, the quiz does not move on or finish, and `failed` says
so in one short sentence beside the question (the main window's banner gives the reason and what to do).
Time spent on a question is measured here, from when the question was shown to when its answer was submitted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from etrainer.core.course.model import Course
from etrainer.core.errors import EtrainerError
from etrainer.core.quiz.attempt import QuizAttempt, TimeIsUp
from etrainer.core.quiz.essay import EssayMark
from etrainer.core.quiz.model import QuestionKind, Quiz
from etrainer.core.quiz.response import Response
from etrainer.services.save_errors import SaveFailed
from etrainer.ui.common.errors import error_sentence

if TYPE_CHECKING:
    from etrainer.core.learner.profiles import Profile
    from etrainer.services.facade import AppServices


@dataclass(frozen=True, slots=True)
class QuizIntro:
    quiz: Quiz
    question_count: int
    finished_attempts: int
    attempts_left: int | None
    best_score: float | None
    passed: bool
    can_resume: bool


class QuizViewModel(QObject):
    attempt_changed = Signal(object)   # QuizAttempt
    finished = Signal(object)          # QuizAttempt (finished)
    failed = Signal(str)               # a translated sentence

    def __init__(self, services: AppServices, course: Course, learner: Profile) -> None:
        super().__init__()
        self._services = services
        self.course = course
        self.learner = learner
        self.quiz: Quiz | None = None
        self.attempt: QuizAttempt | None = None
        self._shown_at = time.monotonic()

    def intro(self, quiz: Quiz) -> QuizIntro:
        self.quiz = quiz
        status = self._services.quizzes.status(self.learner.id, quiz)
        count = sum(p.draw for p in quiz.pools) if quiz.pools else sum(  # information pages are not questions
            1 for q in quiz.questions if q.kind is not QuestionKind.DESCRIPTION)
        return QuizIntro(quiz, count, status.finished_attempts, status.attempts_left, status.best_score,
                         status.passed, status.unfinished)

    def start(self, resume: bool = False) -> QuizAttempt | None:
        assert self.quiz is not None
        try:
            attempt = None
            if resume:
                attempt = self._services.quizzes.resume(self.learner.id, self.quiz, self.course)
            if attempt is None:
                attempt = self._services.quizzes.start(self.learner.id, self.quiz, self.course)
        except SaveFailed:
            self._not_saved()
            return None
        except EtrainerError as error:
            self.failed.emit(error_sentence(error))
            return None
        return self._set(attempt)

    def start_review(self) -> QuizAttempt | None:
        try:
            attempt = self._services.quizzes.start_review(self.learner.id, self.course)
        except SaveFailed:
            self._not_saved()
            return None
        if attempt is None:
            return None
        self.quiz = attempt.quiz
        return self._set(attempt)

    def review_due(self) -> int:
        try:
            return self._services.quizzes.review_due(self.learner.id, self.course)
        except SaveFailed:
            return 0

    def submit(self, response: Response) -> QuizAttempt | None:
        attempt = self.attempt
        if attempt is None:
            return None
        seconds = time.monotonic() - self._shown_at
        try:
            updated = self._services.quizzes.answer(self.learner.id, attempt, attempt.position, response, seconds)
        except TimeIsUp:
            self.finish()
            return None
        except SaveFailed:
            self._not_saved()
            return None
        except EtrainerError as error:
            self.failed.emit(error_sentence(error))
            return None
        self.attempt = updated
        return updated

    def go(self, position: int) -> QuizAttempt | None:
        if self.attempt is None:
            return None
        try:
            moved = self._services.quizzes.move(self.attempt, position)
        except SaveFailed:
            self._not_saved()
            return None
        return self._set(moved)

    def finish(self) -> QuizAttempt | None:
        if self.attempt is None:
            return None
        try:
            self.attempt = self._services.quizzes.finish(self.learner.id, self.attempt)
        except SaveFailed:
            self._not_saved()
            return None
        self.finished.emit(self.attempt)
        return self.attempt

    def save_essay_draft(self, position: int, text: str) -> None:
        """Keep an essay's draft (the page calls it a moment after she stops typing)."""
        if self.attempt is not None and not self.attempt.finished:
            self._services.quizzes.save_essay_draft(self.attempt, position, text)

    def essay_draft(self, position: int) -> str:
        return self._services.quizzes.essay_draft(self.attempt, position) if self.attempt is not None else ""

    def essay_marks(self, attempt_uid: str) -> dict[int, EssayMark]:
        """The methodist's marks of this attempt's essays that have arrived, by position (now seen)."""
        marks = self._services.essays.marks(self.learner.id, attempt_uid)
        self._services.essays.mark_seen(self.learner.id, marks)
        return {m.position: m.mark for m in marks}

    def remaining_seconds(self) -> int | None:
        if self.attempt is None or self.attempt.finished:
            return None
        left = self.attempt.remaining(self._now())
        return None if left is None else int(left.total_seconds())

    def _not_saved(self) -> None:
        self.failed.emit(QCoreApplication.translate(
            "QuizViewModel", "Not saved: this step was not recorded. See the message at the top of the window."))

    def _set(self, attempt: QuizAttempt) -> QuizAttempt:
        self.attempt = attempt
        self._shown_at = time.monotonic()
        self.attempt_changed.emit(attempt)
        if attempt.finished:
            self.finished.emit(attempt)
        return attempt

    @staticmethod
    def _now() -> datetime:
        return datetime.now(UTC)
