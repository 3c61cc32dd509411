"""Taking quizzes and the review deck: start, answer, resume, finish, history.

Every answer is written before `answer` returns, so an attempt interrupted by a crash resumes at
the question it stopped on, with the same questions in the same order. The review deck is updated
when a quiz attempt finishes (its answers may change until then) and after each answer in a
review session.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from types import MappingProxyType

from sqlalchemy.orm import Session

from etrainer.core.course.model import Course
from etrainer.core.ids import LearnerId, QuestionId, QuizId
from etrainer.core.quiz.attempt import (
    AttemptAnswer,
    AttemptSummary,
    NoAttemptsLeft,
    QuizAttempt,
    attempts_left,
    finish,
    move_to,
    start_attempt,
)
from etrainer.core.quiz.attempt import answer as answer_question
from etrainer.core.quiz.draw import DrawnQuestion, draw, drawn_from_json, resolve_pools
from etrainer.core.quiz.grading import grade
from etrainer.core.quiz.model import FeedbackMode, Question, QuestionKind, Quiz
from etrainer.core.quiz.response import Response, response_from_json
from etrainer.core.quiz.review import due_cards, schedule
from etrainer.services.saving import Sessions, guarded
from etrainer.storage.attempts import QuizAttemptRepository, ReviewRepository, StoredAttempt, save_answer_sqlite
from etrainer.storage.models import new_uid, utc_now

log = logging.getLogger(__name__)
REVIEW_QUIZ_ID = QuizId("review")
REVIEW_SESSION_SIZE = 20


@dataclass(frozen=True, slots=True)
class QuizStatus:
    quiz_id: str
    finished_attempts: int
    attempts_left: int | None
    """None: unlimited."""
    best_score: float | None
    passed: bool
    unfinished: bool
    """An interrupted attempt waits to be resumed."""


class QuizService:
    def __init__(self, sessions: Sessions, *, clock: Callable[[], datetime] = utc_now,
                 seed: Callable[[], int] | None = None, saved: Callable[[LearnerId], None] | None = None) -> None:
        self._sessions = guarded(sessions)  # database refusals become SaveFailed
        self._clock = clock
        self._saved = saved
        """Told after a finished attempt is saved (services.saving.ProgressSaved); not after each answer: an
        unfinished attempt sends nothing to an LRS (exchange.xapi.settled), so a round for it would be wasted."""
        self._seed = seed or (lambda: random.SystemRandom().randrange(2**63))

    # ------------------------------------------------------------------ quizzes

    def status(self, learner: LearnerId, quiz: Quiz) -> QuizStatus:
        return _status(quiz, self.history(learner, quiz.id))

    def statuses(self, learner: LearnerId, course: Course) -> dict[str, QuizStatus]:
        """Every quiz of the course, from one read of the learner's attempts (the tree refreshes often)."""
        by_quiz: dict[str, list[AttemptSummary]] = {}
        for summary in self.history(learner):
            by_quiz.setdefault(summary.quiz_id, []).append(summary)
        return {quiz.id: _status(quiz, by_quiz.get(quiz.id, [])) for quiz in course.quizzes}

    def start(self, learner: LearnerId, quiz: Quiz, course: Course) -> QuizAttempt:
        """A new attempt (an interrupted one is finished as it stands first). Raises NoAttemptsLeft."""
        resolved = resolve_pools(quiz, course.quizzes)
        now = self._clock()
        with self._sessions.begin() as session:
            repository = QuizAttemptRepository(session)
            stored = repository.unfinished(learner, quiz.id)
            if stored is not None:
                self._close(repository, stored, resolved)
            if attempts_left(quiz, repository.finished_count(learner, quiz.id)) == 0:
                raise NoAttemptsLeft(limit=str(quiz.attempt_limit), title=quiz.title)
            attempt = start_attempt(new_uid(), resolved, draw(resolved, random.Random(self._seed())), now)
            repository.add(learner, attempt, course.id, course.version)
        return attempt

    def resume(self, learner: LearnerId, quiz: Quiz, course: Course) -> QuizAttempt | None:
        """The interrupted attempt, as it was left; None when there is none or it cannot be rebuilt
        (its quiz changed since: then it is finished as it stands). An attempt whose time ran out
        comes back finished."""
        resolved = resolve_pools(quiz, course.quizzes)
        with self._sessions.begin() as session:
            repository = QuizAttemptRepository(session)
            stored = repository.unfinished(learner, quiz.id)
            if stored is None:
                return None
            attempt = _rebuild(stored, resolved)
            if attempt is None:
                log.info("quiz %s changed; closing attempt %s", quiz.id, stored.uid)
                self._close(repository, stored, resolved)
                return None
            now = self._clock()
            if attempt.expired(now):
                attempt = finish(attempt, now)
                repository.finish(attempt.uid, attempt.finished_at or now, attempt.score, attempt.passed)
                self._update_deck(session, learner, attempt)
        return attempt

    def answer(self, learner: LearnerId, attempt: QuizAttempt, position: int, response: Response,
               seconds: float = 0.0) -> QuizAttempt:
        """The attempt with the answer graded and saved. Raises what core.quiz.attempt.answer raises."""
        now = self._clock()
        updated = answer_question(attempt, position, response, now, seconds)
        item = updated.answers[position]
        kind = attempt.questions[position].question.kind.value
        writer = None if attempt.review else self._sessions.sqlite_write()
        if writer is not None:  # the most frequent write: straight on SQLite, same statements, same transaction
            with writer as connection:
                save_answer_sqlite(connection, attempt.uid, item, kind)
            return updated  # nothing to tell ProgressSaved: an attempt goes to an LRS when it is finished
        with self._sessions.begin() as session:
            QuizAttemptRepository(session).save_answer(attempt.uid, item, kind)
            if attempt.review:
                _schedule(ReviewRepository(session), learner, item.graded.question_id, item.graded.correct,
                          now.date(), "")
        return updated

    def save_essay_draft(self, attempt: QuizAttempt, position: int, text: str) -> None:
        """Keep what the learner has typed of an essay so far (the page calls it, debounced, as she types)."""
        from etrainer.storage.essays import EssayRepository  # with the progress-file model: not at start-up

        question = attempt.questions[position].question
        with self._sessions.begin() as session:
            EssayRepository(session).save_draft(attempt.uid, position, question.id, text, self._clock())

    def essay_draft(self, attempt: QuizAttempt, position: int) -> str:
        """The saved draft of an essay ("" when none)."""
        from etrainer.storage.essays import EssayRepository

        with self._sessions.begin() as session:
            return EssayRepository(session).draft(attempt.uid, position) or ""

    def move(self, attempt: QuizAttempt, position: int) -> QuizAttempt:
        moved = move_to(attempt, position)
        if not attempt.finished:
            with self._sessions.begin() as session:
                QuizAttemptRepository(session).move(attempt.uid, moved.position)
        return moved

    def finish(self, learner: LearnerId, attempt: QuizAttempt) -> QuizAttempt:
        if attempt.finished:
            return attempt
        done = finish(attempt, self._clock())
        with self._sessions.begin() as session:
            QuizAttemptRepository(session).finish(done.uid, done.finished_at or self._clock(), done.score, done.passed)
            if not done.review:
                self._update_deck(session, learner, done)
        if self._saved is not None:
            self._saved(learner)
        return done

    def history(self, learner: LearnerId, quiz_id: str | None = None) -> list[AttemptSummary]:
        with self._sessions.begin() as session:
            return QuizAttemptRepository(session).summaries(learner, quiz_id)

    # ------------------------------------------------------------------ review deck

    def review_due(self, learner: LearnerId, course: Course, today: date | None = None) -> int:
        """How many review cards of questions in this course are due today."""
        known = _questions(course)
        with self._sessions.begin() as session:
            cards = ReviewRepository(session).all(learner)
        return len(due_cards([c for c, _ in cards if c.question_id in known], today or self._clock().date()))

    def start_review(self, learner: LearnerId, course: Course, limit: int = REVIEW_SESSION_SIZE) -> QuizAttempt | None:
        """A review session over the due cards (an interrupted one is resumed); None when nothing is due."""
        deck_quiz = _review_quiz(course)
        now = self._clock()
        with self._sessions.begin() as session:
            repository = QuizAttemptRepository(session)
            stored = repository.unfinished(learner, REVIEW_QUIZ_ID, review=True)
            if stored is not None:
                attempt = _rebuild(stored, deck_quiz)
                if attempt is not None and attempt.first_unanswered() is not None:
                    return attempt
                self._close(repository, stored, deck_quiz)
            cards = due_cards([c for c, _ in ReviewRepository(session).all(learner)
                               if deck_quiz.question(c.question_id) is not None], now.date())[:limit]
            if not cards:
                return None
            rng = random.Random(self._seed())
            picked = replace(deck_quiz, questions=tuple(q for q in (deck_quiz.question(c.question_id) for c in cards)
                                                         if q is not None), pools=(), shuffle_questions=True)
            attempt = start_attempt(new_uid(), deck_quiz, draw(picked, rng), now, review=True)
            repository.add(learner, attempt, course.id, course.version)
        return attempt

    # ------------------------------------------------------------------ internals

    def _close(self, repository: QuizAttemptRepository, stored: StoredAttempt, quiz: Quiz) -> None:
        """Finish a stored attempt with the answers it has (graded against the quiz as it is now)."""
        attempt = _rebuild(stored, quiz, lenient=True)
        now = self._clock()
        if attempt is None:
            repository.finish(stored.uid, now, 0.0, False)
            return
        done = finish(attempt, now)
        repository.finish(stored.uid, done.finished_at or now, done.score, done.passed)

    def _update_deck(self, session: Session, learner: LearnerId, attempt: QuizAttempt) -> None:
        deck = ReviewRepository(session)
        today = (attempt.finished_at or self._clock()).date()
        for position, drawn in enumerate(attempt.questions):
            if drawn.question.kind in (QuestionKind.ESSAY, QuestionKind.DESCRIPTION):
                continue  # an essay is written once; an information page is read, not answered
            item = attempt.answers.get(position)
            _schedule(deck, learner, drawn.question.id, item is not None and item.graded.correct, today,
                      attempt.quiz.id)


def _status(quiz: Quiz, summaries: list[AttemptSummary]) -> QuizStatus:
    finished = [s for s in summaries if s.finished_at is not None]
    scores = [s.score for s in finished if s.score is not None]
    return QuizStatus(quiz.id, len(finished), attempts_left(quiz, len(finished)), max(scores, default=None),
                      any(s.passed for s in finished), any(s.finished_at is None for s in summaries))


def _schedule(deck: ReviewRepository, learner: LearnerId, question_id: str, correct: bool, today: date,
              quiz_id: str) -> None:
    card = schedule(deck.get(learner, question_id), correct, today, question_id=QuestionId(question_id))
    deck.put(learner, card, question_id, quiz_id)


def _questions(course: Course) -> dict[str, Question]:
    """The questions the review deck may ask: every question but essays (an essay is written once) and
    information pages."""
    found: dict[str, Question] = {}
    for quiz in course.quizzes:
        for question in quiz.questions:
            if question.kind not in (QuestionKind.ESSAY, QuestionKind.DESCRIPTION):
                found.setdefault(question.id, question)
    return found


def _review_quiz(course: Course) -> Quiz:
    return Quiz(REVIEW_QUIZ_ID, "", tuple(_questions(course).values()), pass_mark=0.0,
                feedback=FeedbackMode.IMMEDIATE, shuffle_questions=True)


def _rebuild(stored: StoredAttempt, quiz: Quiz, *, lenient: bool = False) -> QuizAttempt | None:
    """The attempt from its stored rows, or None when the quiz changed so that it cannot be shown the same."""
    drawn: list[DrawnQuestion] = []
    for data in stored.drawn:
        item = drawn_from_json(data, quiz) if isinstance(data, dict) else None
        if item is None:
            if lenient:
                continue
            return None
        drawn.append(item)
    if not drawn:
        return None
    attempt = start_attempt(stored.uid, quiz, drawn, stored.started_at, review=stored.review)
    answers = dict(attempt.answers)
    for response in stored.responses:
        if not 0 <= response.position < len(drawn) or drawn[response.position].question.id != response.question_id:
            if lenient:
                continue
            return None
        try:
            value = response_from_json(response.response)
            graded = grade(drawn[response.position].question, value)
        except (ValueError, TypeError):
            if lenient:
                continue
            return None
        answers[response.position] = AttemptAnswer(response.position, value, graded, response.answered_at,
                                                   response.seconds)
    return replace(attempt, answers=MappingProxyType(answers), position=min(stored.position, len(drawn) - 1))
