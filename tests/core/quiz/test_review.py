"""The Leitner review deck: wrong → box 1 tomorrow; right → up a box (1, 3, 7, 14 days); out after the last."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from etrainer.core.ids import QuestionId
from etrainer.core.quiz.review import INTERVALS, LAST_BOX, ReviewCard, due_cards, schedule

QID = QuestionId("kep-free")
DAY = date(2026, 11, 2)


def test_a_wrong_answer_starts_a_card_due_tomorrow() -> None:
    card = schedule(None, False, DAY, question_id=QID)
    assert card == ReviewCard(QID, 1, DAY + timedelta(days=1), False, DAY)


def test_a_right_answer_outside_the_deck_stays_out() -> None:
    assert schedule(None, True, DAY, question_id=QID) is None


def test_a_new_card_needs_its_question_id() -> None:
    with pytest.raises(ValueError):
        schedule(None, False, DAY)


def test_right_answers_on_different_days_climb_the_boxes_then_leave() -> None:
    card = schedule(None, False, DAY, question_id=QID)
    today = DAY
    expected = []
    for _ in range(2, LAST_BOX + 1):
        assert card is not None
        today = card.due
        card = schedule(card, True, today)
        assert card is not None
        expected.append((card.box, (card.due - today).days))
        assert card.last_result and card.last_answered == today
    assert expected == [(2, 3), (3, 7), (4, 14)]
    assert schedule(card, True, card.due) is None            # right in the last box: out of the deck


def test_intervals() -> None:
    assert INTERVALS == (1, 3, 7, 14)


def test_a_second_right_answer_on_the_same_day_does_not_promote() -> None:
    card = schedule(None, False, DAY, question_id=QID)
    again = schedule(card, True, DAY)                        # wrong, then right minutes later
    assert again is not None
    assert (again.box, again.due, again.last_result) == (1, DAY + timedelta(days=1), True)
    next_day = schedule(again, True, DAY + timedelta(days=1))
    assert next_day is not None and next_day.box == 2
    same_day = schedule(next_day, True, DAY + timedelta(days=1))
    assert same_day is not None and (same_day.box, same_day.due) == (2, next_day.due)


def test_a_wrong_answer_always_sends_the_card_back_to_box_one() -> None:
    card = ReviewCard(QID, 3, DAY, True, DAY - timedelta(days=7))
    back = schedule(card, False, DAY)
    assert back == ReviewCard(QID, 1, DAY + timedelta(days=1), False, DAY)
    assert schedule(back, False, DAY) == back                  # wrong twice the same day: still box 1


def test_an_early_right_answer_on_a_later_day_still_counts() -> None:
    card = ReviewCard(QID, 2, DAY + timedelta(days=3), True, DAY)
    promoted = schedule(card, True, DAY + timedelta(days=1))
    assert promoted is not None and promoted.box == 3
    assert promoted.due == DAY + timedelta(days=1 + 7)


def test_due_cards_are_those_due_today_or_earlier_oldest_first() -> None:
    cards = [ReviewCard(QuestionId("b-late"), 2, DAY + timedelta(days=1), True, DAY),
             ReviewCard(QuestionId("c-today"), 3, DAY, True, DAY - timedelta(days=7)),
             ReviewCard(QuestionId("a-old"), 1, DAY - timedelta(days=4), False, DAY - timedelta(days=5)),
             ReviewCard(QuestionId("d-today"), 1, DAY, False, DAY - timedelta(days=1))]
    assert [c.question_id for c in due_cards(cards, DAY)] == ["a-old", "d-today", "c-today"]
    assert due_cards([], DAY) == []
