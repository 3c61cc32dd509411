"""The review deck («Повторення»): a Leitner schedule for questions a learner got wrong.

- A wrong answer puts the question into box 1, due the next day.
- A right answer moves it up one box; box n is due `INTERVALS[n - 1]` days later (1, 3, 7, 14).
- A right answer in the last box takes it out of the deck.
- Only answers on different days count as progress: a second right answer on the day of the
  last answer does not promote the card (a wrong one always sends it back to box 1).
A question answered right that is not in the deck stays out of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from etrainer.core.ids import QuestionId

INTERVALS = (1, 3, 7, 14)
"""Days until a card in box 1, 2, 3, 4 is due again."""
LAST_BOX = len(INTERVALS)


@dataclass(frozen=True, slots=True)
class ReviewCard:
    question_id: QuestionId
    box: int
    """1..LAST_BOX."""
    due: date
    last_result: bool
    """Whether the last answer was right."""
    last_answered: date
    """The day of the last answer, so that only answers on different days promote."""


def schedule(card: ReviewCard | None, correct: bool, today: date, *,
             question_id: QuestionId | None = None) -> ReviewCard | None:
    """The card after an answer given `today`, or None when the question is (or leaves) out of the deck.

    `question_id` is needed only to start a card (`card` is None and the answer is wrong).
    """
    if not correct:
        qid = card.question_id if card is not None else question_id
        if qid is None:
            raise ValueError("a new review card needs the question id")
        return ReviewCard(qid, 1, today + timedelta(days=INTERVALS[0]), False, today)
    if card is None:
        return None
    if card.last_answered >= today:
        return replace(card, last_result=True)
    if card.box >= LAST_BOX:
        return None
    box = card.box + 1
    return ReviewCard(card.question_id, box, today + timedelta(days=INTERVALS[box - 1]), True, today)


def due_cards(cards: Iterable[ReviewCard], today: date) -> list[ReviewCard]:
    """The cards due on or before `today`: the longest-waiting first, then the lower boxes."""
    return sorted((c for c in cards if c.due <= today), key=lambda c: (c.due, c.box, c.question_id))
