"""QuizService: attempts and responses stored, resume after an interruption, limits, time, the review deck."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from tests.conftest import FakeClock

from etrainer.core.course.context import PackContext
from etrainer.core.course.model import Course
from etrainer.core.learner.profiles import Profile
from etrainer.core.quiz.attempt import AnswerLocked, NoAttemptsLeft, QuizAttempt, TimeIsUp
from etrainer.core.quiz.draw import DrawnQuestion
from etrainer.core.quiz.grading import grade
from etrainer.core.quiz.loading import load_quiz_file
from etrainer.core.quiz.model import FeedbackMode, Pool, Quiz
from etrainer.core.quiz.response import ChoiceResponse, Response, TextResponse, TrueFalseResponse
from etrainer.services.quizzes import QuizService
from etrainer.services.saving import GuardedSessions
from etrainer.storage import commits
from etrainer.storage.attempts import QuizAttemptRepository
from etrainer.storage.db import Database
from etrainer.storage.models import QuizAttemptRow, QuizResponseRow, ReviewCardRow

DATA = Path(__file__).resolve().parents[1] / "data" / "quiz"


@pytest.fixture(scope="module")
def bank() -> Quiz:
    ctx = PackContext(root=DATA, module_ids={"admin-services"}, lesson_ids={"what-is-an-admin-service"})
    quiz = load_quiz_file(DATA / "module.quiz.yaml", ctx)
    assert quiz is not None
    return quiz


@pytest.fixture
def quiz_course(course: Course, bank: Quiz) -> Course:
    return replace(course, quizzes=(bank,))


@pytest.fixture
def quizzes(sessions: sessionmaker[Session], clock: FakeClock) -> QuizService:
    seeds = iter(range(1000))
    return QuizService(sessions, clock=clock, seed=lambda: next(seeds))


def right(drawn: DrawnQuestion) -> Response | None:
    """The right response for the simple kinds, None for the others."""
    question = drawn.question
    if question.kind.value in ("single_choice", "multiple_choice"):
        return ChoiceResponse(frozenset(i for i, a in enumerate(question.answers) if a.fraction > 0))
    if question.kind.value == "true_false":
        return TrueFalseResponse(question.true_false.correct)
    if question.kind.value == "short_answer":
        return TextResponse(question.answers[0].text)
    return None


def wrong(drawn: DrawnQuestion) -> Response | None:
    question = drawn.question
    if question.kind.value in ("single_choice", "multiple_choice"):
        return ChoiceResponse(frozenset(i for i, a in enumerate(question.answers) if a.fraction <= 0))
    if question.kind.value == "true_false":
        return TrueFalseResponse(not question.true_false.correct)
    if question.kind.value == "short_answer":
        return TextResponse("зовсім не те")
    return None


def simple(attempt: QuizAttempt) -> int:
    """The position of the first question whose right and wrong responses the helpers know."""
    return next(i for i, q in enumerate(attempt.questions) if right(q) is not None)


def answer_all(quizzes: QuizService, learner: Profile, attempt: QuizAttempt, pick=right) -> QuizAttempt:
    for position, drawn in enumerate(attempt.questions):
        response = pick(drawn)
        if response is not None:
            attempt = quizzes.answer(learner.id, attempt, position, response, seconds=3)
    return attempt


def test_every_answer_is_stored_with_its_grade_and_time(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz,
        sessions: sessionmaker[Session]) -> None:
    attempt = quizzes.start(learner.id, bank, quiz_course)
    assert attempt.count == len(bank.questions)
    at = simple(attempt)
    attempt = quizzes.answer(learner.id, attempt, at, right(attempt.questions[at]), seconds=4.5)
    with sessions.begin() as session:
        row = session.scalars(select(QuizResponseRow)).one()
        assert (row.position, row.question_id, row.seconds) == (at, attempt.questions[at].question.id, 4.5)
        assert row.correct and attempt.answers[at].graded.correct
        assert row.question_kind == attempt.questions[at].question.kind.value
        stored = session.scalars(select(QuizAttemptRow)).one()
        assert (stored.finished_at, stored.question_count, stored.course_id) == (None, attempt.count, "test-course")


def test_an_interrupted_attempt_resumes_with_the_same_order_and_answers(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz,
        sessions: sessionmaker[Session], clock: FakeClock) -> None:
    attempt = quizzes.start(learner.id, bank, quiz_course)
    at = simple(attempt)
    attempt = quizzes.answer(learner.id, attempt, at, wrong(attempt.questions[at]))
    attempt = quizzes.move(attempt, at + 1)
    # The app is closed here; a new service over the same database finds the attempt.
    again = QuizService(sessions, clock=clock).resume(learner.id, bank, quiz_course)
    assert again is not None and again.uid == attempt.uid
    assert [q.question.id for q in again.questions] == [q.question.id for q in attempt.questions]
    assert [q.order for q in again.questions] == [q.order for q in attempt.questions]
    assert again.answers[at].graded == attempt.answers[at].graded and not again.answers[at].graded.correct
    assert again.position == at + 1
    assert quizzes.status(learner.id, bank).unfinished


def test_finishing_scores_and_passes_and_counts_attempts(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz) -> None:
    attempt = answer_all(quizzes, learner, quizzes.start(learner.id, bank, quiz_course))
    done = quizzes.finish(learner.id, attempt)
    simple = sum(1 for q in attempt.questions if right(q) is not None)
    automatic = sum(1 for q in attempt.questions if q.question.kind.value not in ("essay", "description"))
    assert done.score == pytest.approx(simple / automatic)        # the essay waits for the methodist, a page
    assert attempt.page_positions and automatic == attempt.to_answer - 1  # is read and never scored
    assert done.pending == 0 and not done.passed                  # … and an essay not submitted fails it
    status = quizzes.status(learner.id, bank)
    assert (status.finished_attempts, status.unfinished, status.best_score) == (1, False, done.score)
    assert status.attempts_left == bank.attempt_limit - 1
    assert quizzes.resume(learner.id, bank, quiz_course) is None


def test_the_attempt_limit_is_kept(quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz) -> None:
    limited = replace(bank, attempt_limit=1)
    quizzes.finish(learner.id, quizzes.start(learner.id, limited, quiz_course))
    with pytest.raises(NoAttemptsLeft):
        quizzes.start(learner.id, limited, quiz_course)


def test_starting_again_closes_the_interrupted_attempt(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz) -> None:
    first = quizzes.start(learner.id, bank, quiz_course)
    second = quizzes.start(learner.id, bank, quiz_course)
    assert first.uid != second.uid
    history = quizzes.history(learner.id, bank.id)
    assert [(h.uid, h.finished_at is not None) for h in history] == [(first.uid, True), (second.uid, False)]


def test_immediate_feedback_locks_an_answer_end_feedback_does_not(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz,
        sessions: sessionmaker[Session]) -> None:
    attempt = quizzes.start(learner.id, bank, quiz_course)
    at = simple(attempt)
    attempt = quizzes.answer(learner.id, attempt, at, wrong(attempt.questions[at]))
    with pytest.raises(AnswerLocked):
        quizzes.answer(learner.id, attempt, at, right(attempt.questions[at]))

    end = replace(bank, id="end-quiz", feedback=FeedbackMode.END)
    attempt = quizzes.start(learner.id, end, replace(quiz_course, quizzes=(end,)))
    at = simple(attempt)
    attempt = quizzes.answer(learner.id, attempt, at, wrong(attempt.questions[at]))
    attempt = quizzes.answer(learner.id, attempt, at, right(attempt.questions[at]))
    assert attempt.answers[at].graded.correct
    with sessions.begin() as session:
        rows = session.scalars(select(QuizResponseRow).join(QuizAttemptRow)
                               .where(QuizAttemptRow.uid == attempt.uid)).all()
        assert [(r.position, r.correct) for r in rows] == [(at, True)]


def test_the_time_limit_refuses_late_answers_and_finishes_on_resume(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz, clock: FakeClock) -> None:
    timed = replace(bank, time_limit_minutes=10)
    course = replace(quiz_course, quizzes=(timed,))
    attempt = quizzes.start(learner.id, timed, course)
    clock.advance(minutes=11)
    with pytest.raises(TimeIsUp):
        quizzes.answer(learner.id, attempt, simple(attempt), right(attempt.questions[simple(attempt)]))
    resumed = quizzes.resume(learner.id, timed, course)
    assert resumed is not None and resumed.finished
    assert resumed.finished_at == attempt.started_at + timedelta(minutes=10)


def test_a_quiz_changed_since_closes_the_stored_attempt(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz) -> None:
    quizzes.start(learner.id, bank, quiz_course)
    shrunk = replace(bank, questions=bank.questions[1:])
    assert quizzes.resume(learner.id, shrunk, replace(quiz_course, quizzes=(shrunk,))) is None
    assert not quizzes.status(learner.id, bank).unfinished


def test_pools_from_other_quizzes_are_drawn(quizzes: QuizService, learner: Profile, quiz_course: Course,
                                            bank: Quiz) -> None:
    final = Quiz("final", "Підсумковий", (), pools=(Pool("all", (), 3, from_quiz=bank.id),))
    course = replace(quiz_course, quizzes=(bank, final))
    attempt = quizzes.start(learner.id, final, course)
    assert attempt.count == 3
    assert {q.question.id for q in attempt.questions} <= {q.id for q in bank.questions}


def test_wrong_answers_enter_the_review_deck_and_leave_it_over_days(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz, clock: FakeClock,
        sessions: sessionmaker[Session]) -> None:
    attempt = answer_all(quizzes, learner, quizzes.start(learner.id, bank, quiz_course), pick=wrong)
    quizzes.finish(learner.id, attempt)
    assert quizzes.review_due(learner.id, quiz_course) == 0  # due tomorrow
    clock.advance(days=1)
    due = quizzes.review_due(learner.id, quiz_course)
    assert due == attempt.count - len(attempt.essay_positions) - len(attempt.page_positions)  # wrong or
    # unanswered: every question but essays and information pages
    session_attempt = quizzes.start_review(learner.id, quiz_course)
    assert session_attempt is not None and session_attempt.review and session_attempt.count == due
    position = simple(session_attempt)
    quizzes.answer(learner.id, session_attempt, position, right(session_attempt.questions[position]))
    with sessions.begin() as session:
        card = session.scalars(select(ReviewCardRow).where(
            ReviewCardRow.question_id == session_attempt.questions[position].question.id)).one()
        assert (card.box, card.due) == (2, clock.now.date() + timedelta(days=3))
    assert quizzes.review_due(learner.id, quiz_course) == due - 1


def test_an_interrupted_review_session_resumes(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz, clock: FakeClock) -> None:
    quizzes.finish(learner.id, answer_all(quizzes, learner, quizzes.start(learner.id, bank, quiz_course), wrong))
    clock.advance(days=1)
    first = quizzes.start_review(learner.id, quiz_course)
    again = quizzes.start_review(learner.id, quiz_course)
    assert first is not None and again is not None and again.uid == first.uid


def test_review_sessions_are_not_quiz_attempts(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz, clock: FakeClock,
        sessions: sessionmaker[Session]) -> None:
    quizzes.finish(learner.id, answer_all(quizzes, learner, quizzes.start(learner.id, bank, quiz_course), wrong))
    clock.advance(days=1)
    quizzes.start_review(learner.id, quiz_course)
    assert len(quizzes.history(learner.id)) == 1
    assert quizzes.status(learner.id, bank).finished_attempts == 1
    with sessions.begin() as session:
        assert session.scalar(select(func.count()).select_from(QuizAttemptRow)) == 2


def test_grading_matches_core(quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz) -> None:
    attempt = quizzes.start(learner.id, bank, quiz_course)
    at = simple(attempt)
    response = wrong(attempt.questions[at])
    attempt = quizzes.answer(learner.id, attempt, at, response)
    assert attempt.answers[at].graded == grade(attempt.questions[at].question, response)


def test_statuses_of_a_course_agree_with_each_quiz_status(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz) -> None:
    other = replace(bank, id="other-quiz")
    course = replace(quiz_course, quizzes=(bank, other))
    quizzes.finish(learner.id, answer_all(quizzes, learner, quizzes.start(learner.id, bank, course)))
    quizzes.start(learner.id, other, course)
    statuses = quizzes.statuses(learner.id, course)
    assert statuses == {quiz.id: quizzes.status(learner.id, quiz) for quiz in course.quizzes}
    assert (statuses["admin-services-quiz"].finished_attempts, statuses["other-quiz"].unfinished) == (1, True)


def _response_columns(db_path: Path, attempt_uid: str) -> tuple[object, ...]:
    with closing(sqlite3.connect(db_path)) as connection:
        return connection.execute(
            "SELECT r.position, r.question_id, r.question_kind, r.response, r.score, r.correct, r.answered_at,"
            " r.seconds, length(r.uid) FROM quiz_response r JOIN quiz_attempt a ON a.id = r.attempt_id"
            " WHERE a.uid = ?", (attempt_uid,)).fetchone()


def test_an_answer_saved_straight_on_sqlite_is_stored_as_the_orm_stores_it(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz,
        sessions: sessionmaker[Session], db_path: Path) -> None:
    assert GuardedSessions(sessions).sqlite_write() is not None  # the answer takes the SQLite path here
    first = quizzes.start(learner.id, bank, quiz_course)
    at = simple(first)
    first = quizzes.answer(learner.id, first, at, wrong(first.questions[at]), seconds=2.25)
    second = quizzes.start(learner.id, bank, quiz_course)
    with sessions.begin() as session:  # the same answer through SQLAlchemy's statements
        QuizAttemptRepository(session).save_answer(second.uid, first.answers[at],
                                                   first.questions[at].question.kind.value)
    assert _response_columns(db_path, first.uid) == _response_columns(db_path, second.uid)
    with sessions.begin() as session:
        row = session.scalars(select(QuizResponseRow).where(QuizResponseRow.position == at)
                              .order_by(QuizResponseRow.id)).first()
        assert row is not None and row.answered_at == first.answers[at].answered_at and row.correct is False


def test_an_answer_to_an_unknown_attempt_is_rolled_back_and_the_next_one_is_saved(
        quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz, db_path: Path) -> None:
    attempt = quizzes.start(learner.id, bank, quiz_course)
    at = simple(attempt)
    with pytest.raises(KeyError):
        quizzes.answer(learner.id, replace(attempt, uid="no-such-attempt"), at, right(attempt.questions[at]))
    attempt = quizzes.answer(learner.id, attempt, at, right(attempt.questions[at]))
    assert _response_columns(db_path, attempt.uid)[0] == at
    with closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("SELECT count(*) FROM quiz_response").fetchone()[0] == 1


def test_each_answer_is_a_counted_commit(quizzes: QuizService, learner: Profile, quiz_course: Course, bank: Quiz,
                                         database: Database, db_path: Path) -> None:
    commits.track(database.engine, db_path)
    attempt = quizzes.start(learner.id, bank, quiz_course)
    before = commits.recorded_count(db_path)
    assert before is not None
    for position, drawn in enumerate(attempt.questions):
        if (response := right(drawn)) is not None:
            attempt = quizzes.answer(learner.id, attempt, position, response)
    answered = sum(right(drawn) is not None for drawn in attempt.questions)
    assert answered >= 2
    with closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == before + answered
    assert commits.recorded_count(db_path) == before + answered


def test_the_lrs_hears_of_a_finished_attempt_not_of_each_answer(
        sessions: sessionmaker[Session], clock: FakeClock, learner: Profile, quiz_course: Course, bank: Quiz) -> None:
    """An unfinished attempt sends nothing to an LRS (exchange.xapi.settled): an answer wakes no sending round."""
    told: list[object] = []
    quizzes = QuizService(sessions, clock=clock, seed=lambda: 1, saved=told.append)
    attempt = answer_all(quizzes, learner, quizzes.start(learner.id, bank, quiz_course))
    assert attempt.answers and told == []
    quizzes.finish(learner.id, attempt)
    assert told == [learner.id]
