"""A quiz attempt as a value: answers, locking, the time limit, finishing, scores and attempts left."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from etrainer.core.course.context import PackContext
from etrainer.core.quiz.attempt import (
    AnswerLocked,
    AttemptClosed,
    TimeIsUp,
    answer,
    attempts_left,
    finish,
    move_to,
    start_attempt,
)
from etrainer.core.quiz.draw import draw
from etrainer.core.quiz.loading import load_quiz_file
from etrainer.core.quiz.model import FeedbackMode, Quiz
from etrainer.core.quiz.response import ChoiceResponse, TextResponse, TrueFalseResponse

DATA = Path(__file__).resolve().parents[2] / "data" / "ui"
T0 = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    loaded = load_quiz_file(DATA / "basics.quiz.yaml", PackContext(root=DATA, module_ids={"basics"}))
    assert loaded is not None
    return loaded


def start(quiz: Quiz):
    return start_attempt("uid-1", quiz, draw(quiz, random.Random(1)), T0)


def test_answers_are_graded_and_the_score_counts_unanswered_as_zero(quiz):
    attempt = start(quiz)
    attempt = answer(attempt, 0, ChoiceResponse(frozenset({1})), T0, 3)  # right
    attempt = answer(attempt, 2, TrueFalseResponse(False), T0, 3)         # wrong
    assert attempt.answered == 2 and attempt.first_unanswered() == 1
    assert attempt.score == pytest.approx(1 / attempt.count)
    assert not attempt.passed
    assert [g is not None and g.correct for g in attempt.graded_in_order()][:3] == [True, False, False]


def test_immediate_feedback_locks_and_end_feedback_allows_changes(quiz):
    attempt = answer(start(quiz), 0, ChoiceResponse(frozenset({0})), T0)
    with pytest.raises(AnswerLocked):
        answer(attempt, 0, ChoiceResponse(frozenset({1})), T0)
    end = start(replace(quiz, feedback=FeedbackMode.END))
    end = answer(end, 0, ChoiceResponse(frozenset({0})), T0)
    end = answer(end, 0, ChoiceResponse(frozenset({1})), T0)
    assert end.answers[0].graded.correct


def test_the_time_limit_refuses_late_answers_and_finishing_stops_at_the_deadline(quiz):
    attempt = start(replace(quiz, time_limit_minutes=5))
    assert attempt.remaining(T0 + timedelta(minutes=2)) == timedelta(minutes=3)
    late = T0 + timedelta(minutes=6)
    assert attempt.expired(late) and attempt.remaining(late) == timedelta(0)
    with pytest.raises(TimeIsUp):
        answer(attempt, 0, ChoiceResponse(frozenset({1})), late)
    done = finish(attempt, late)
    assert done.finished_at == T0 + timedelta(minutes=5)
    assert finish(done, late + timedelta(hours=1)) is done


def test_a_finished_attempt_cannot_change_and_positions_are_checked(quiz):
    attempt = start(quiz)
    with pytest.raises(IndexError):
        answer(attempt, attempt.count, TextResponse("x"), T0)
    with pytest.raises(TypeError):
        answer(attempt, 0, TextResponse("a text for a choice question"), T0)
    done = finish(attempt, T0)
    with pytest.raises(AttemptClosed):
        answer(done, 1, ChoiceResponse(frozenset({0})), T0)
    assert move_to(attempt, 99).position == attempt.count - 1 and move_to(attempt, -3).position == 0


def test_attempts_left(quiz):
    assert attempts_left(quiz, 5) is None
    limited = replace(quiz, attempt_limit=3)
    assert [attempts_left(limited, n) for n in (0, 2, 3, 4)] == [3, 1, 0, 0]
