"""Choosing and shuffling the questions of one attempt.

`draw(quiz, rng)` picks from the quiz's pools (or takes every question) and shuffles questions
and options as the quiz says. Shuffling never changes a `Question`: a `DrawnQuestion` carries
the display order as indices into the question's own lists, and responses use those indices
(see core.quiz.response), so the right answer stays right whatever the order on screen.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from etrainer.core.quiz.model import Answer, GapKind, Question, QuestionKind, Quiz


@dataclass(frozen=True, slots=True)
class DrawnQuestion:
    question: Question
    order: tuple[int, ...] = ()
    """Display order, as indices into: `answers` (choice questions), `matching.pairs` (the prompts),
    or `ordering` (the scrambled order the items start in)."""
    choices: tuple[str, ...] = ()
    """Matching: the answers to choose from, in display order (pair answers and distractors)."""
    gap_orders: tuple[tuple[int, ...], ...] = ()
    """Cloze: for each gap, the display order of a choice gap's options (empty for typed gaps)."""

    def shown_answers(self) -> list[tuple[int, Answer]]:
        """Choice questions: (index to put in a ChoiceResponse, option) in display order."""
        return [(index, self.question.answers[index]) for index in self.order]

    def as_json(self) -> dict[str, Any]:
        """What to store so that an interrupted attempt resumes with the same order (`drawn_from_json`)."""
        return {"question": self.question.id, "order": list(self.order), "choices": list(self.choices),
                "gap_orders": [list(order) for order in self.gap_orders]}


def drawn_from_json(data: dict[str, Any], quiz: Quiz) -> DrawnQuestion | None:
    """The stored DrawnQuestion, or None when its question is gone or has changed shape since (draw again)."""
    try:
        question = quiz.question(str(data["question"]))
        if question is None:
            return None
        drawn = DrawnQuestion(question, tuple(int(i) for i in data.get("order", ())),
                              tuple(str(c) for c in data.get("choices", ())),
                              tuple(tuple(int(i) for i in order) for order in data.get("gap_orders", ())))
    except (KeyError, TypeError, ValueError):
        return None
    fresh = _arrange(question, random.Random(0), False)
    same_shape = (sorted(drawn.order) == sorted(fresh.order) and sorted(drawn.choices) == sorted(fresh.choices)
                  and [sorted(o) for o in drawn.gap_orders] == [sorted(o) for o in fresh.gap_orders])
    return drawn if same_shape else None


def draw(quiz: Quiz, rng: random.Random) -> list[DrawnQuestion]:
    """The questions of one attempt. Pools drawing from other quizzes must be resolved first
    (`resolve_pools`). The same seed gives the same attempt."""
    questions = _pick(quiz, rng)
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    return [_arrange(q, rng, quiz.shuffle_options and q.shuffle) for q in questions]


def resolve_pools(quiz: Quiz, quizzes: Sequence[Quiz]) -> Quiz:
    """`quiz` with each `from_quiz` pool filled with the other quiz's question ids (and those
    questions added to `quiz.questions`). A pool naming an unknown quiz stays empty."""
    if not any(pool.from_quiz for pool in quiz.pools):
        return quiz
    by_id = {q.id: q for q in quizzes}
    questions = list(quiz.questions)
    known = {q.id for q in questions}
    pools = []
    for pool in quiz.pools:
        source = by_id.get(pool.from_quiz) if pool.from_quiz else None
        if source is None or source.id == quiz.id:
            pools.append(pool)
            continue
        source = resolve_pools(source, [q for q in quizzes if q.id != quiz.id])
        drawable = [q for q in source.questions if q.kind not in (QuestionKind.ESSAY, QuestionKind.DESCRIPTION)]
        for question in drawable:
            if question.id not in known:
                questions.append(question)
                known.add(question.id)
        pools.append(replace(pool, question_ids=tuple(q.id for q in drawable)))
    return replace(quiz, questions=tuple(questions), pools=tuple(pools))


def _pick(quiz: Quiz, rng: random.Random) -> list[Question]:
    if not quiz.pools:
        return list(quiz.questions)
    position = {q.id: index for index, q in enumerate(quiz.questions)}
    chosen: list[str] = []
    taken: set[str] = set()
    for pool in quiz.pools:
        available = [qid for qid in dict.fromkeys(pool.question_ids) if qid in position and qid not in taken]
        picked = rng.sample(available, min(pool.draw, len(available)))
        chosen.extend(picked)
        taken.update(picked)
    if not quiz.shuffle_questions:
        chosen.sort(key=position.__getitem__)
    return [quiz.questions[position[qid]] for qid in chosen]


def _arrange(question: Question, rng: random.Random, shuffle: bool) -> DrawnQuestion:
    kind = question.kind
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        return DrawnQuestion(question, _order(len(question.answers), rng, shuffle))
    if kind is QuestionKind.MATCHING and question.matching:
        choices = list(question.matching.choices())
        if shuffle:
            rng.shuffle(choices)
        return DrawnQuestion(question, _order(len(question.matching.pairs), rng, shuffle), tuple(choices))
    if kind is QuestionKind.ORDERING:
        return DrawnQuestion(question, _scrambled(len(question.ordering), rng))
    if kind is QuestionKind.CLOZE and question.cloze:
        orders = tuple(_order(len(gap.answers), rng, shuffle) if gap.kind is GapKind.CHOICE else ()
                       for gap in question.cloze.gaps)
        return DrawnQuestion(question, gap_orders=orders)
    return DrawnQuestion(question)


def _order(count: int, rng: random.Random, shuffle: bool) -> tuple[int, ...]:
    order = list(range(count))
    if shuffle:
        rng.shuffle(order)
    return tuple(order)


def _scrambled(count: int, rng: random.Random) -> tuple[int, ...]:
    """A random order that is not already the right one (when there are 2 or more items)."""
    order = list(range(count))
    if count < 2:
        return tuple(order)
    while order == sorted(order):
        rng.shuffle(order)
    return tuple(order)
