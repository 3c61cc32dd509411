"""Plausible answers for synthetic learners (demo data): a right or a wrong response to any question
kind, and a plausible wrong move in a walkthrough. Pure functions of the question and a Random."""

from __future__ import annotations

import random

from etrainer.core.quiz.grading import format_number
from etrainer.core.quiz.model import Answer, GapKind, NumericAnswer, Question, QuestionKind
from etrainer.core.quiz.response import (
    ChoiceResponse,
    ClozeResponse,
    EssayResponse,
    HotspotResponse,
    MatchingResponse,
    OrderingResponse,
    Response,
    TextResponse,
    TrueFalseResponse,
)
from etrainer.core.walkthrough.model import ActionKind, ControlKind
from etrainer.core.walkthrough.path import expected_step
from etrainer.core.walkthrough.state import Action, RunState

DEMO_ESSAY = ("Спершу я запитала б, яку саме послугу шукає відвідувач, і перевірила б, чи є в нього "
              "спосіб увійти до порталу. Потім показала б кроки на екрані, а особисті дані він вводив би сам.")
WRONG_TEXTS = ("не знаю", "ЦНАП", "паспорт", "через пошту", "Дія", "10", "податкова")


def _best(answers: tuple[Answer, ...]) -> Answer | None:
    return max(answers, key=lambda a: a.fraction, default=None)


def _best_number(numbers: tuple[NumericAnswer, ...]) -> NumericAnswer | None:
    return max(numbers, key=lambda n: n.fraction, default=None)


def _far_number(numbers: tuple[NumericAnswer, ...]) -> str:
    best = _best_number(numbers)
    return format_number((best.value + best.tolerance) * 3 + 17) if best is not None else "0"


def right_response(question: Question) -> Response:
    kind = question.kind
    if kind is QuestionKind.SINGLE_CHOICE:
        best = max(range(len(question.answers)), key=lambda i: question.answers[i].fraction, default=0)
        return ChoiceResponse(frozenset({best}))
    if kind is QuestionKind.MULTIPLE_CHOICE:
        return ChoiceResponse(frozenset(i for i, a in enumerate(question.answers) if a.fraction > 0))
    if kind is QuestionKind.TRUE_FALSE:
        return TrueFalseResponse(question.true_false.correct if question.true_false else True)
    if kind is QuestionKind.MATCHING:
        return MatchingResponse(tuple(p.answer for p in question.matching.pairs) if question.matching else ())
    if kind is QuestionKind.ORDERING:
        return OrderingResponse(tuple(range(len(question.ordering))))
    if kind is QuestionKind.SHORT_ANSWER:
        best = _best(question.answers)
        return TextResponse(best.text if best else "")
    if kind is QuestionKind.NUMERICAL:
        number = _best_number(question.numerical.answers) if question.numerical else None
        return TextResponse(format_number(number.value) if number else "0")
    if kind is QuestionKind.ESSAY:
        return EssayResponse(question.essay.model_answer if question.essay and question.essay.model_answer
                             else DEMO_ESSAY)
    if kind is QuestionKind.CLOZE:
        values: list[str | int | None] = []
        for gap in question.cloze.gaps if question.cloze else ():
            if gap.kind is GapKind.CHOICE:
                values.append(max(range(len(gap.answers)), key=lambda i: gap.answers[i].fraction, default=0))
            elif gap.kind is GapKind.NUMERICAL:
                number = _best_number(gap.numbers)
                values.append(format_number(number.value) if number else "0")
            else:
                best = _best(gap.answers)
                values.append(best.text if best else "")
        return ClozeResponse(tuple(values))
    regions = question.hotspot.regions if question.hotspot else ()
    if regions:
        left, top, right, bottom = regions[0].bounds()
        return HotspotResponse((left + right) / 2, (top + bottom) / 2)
    return HotspotResponse(0.0, 0.0)


def wrong_response(question: Question, rng: random.Random) -> Response:
    """A typical mistake for the question's kind (a distractor, a swapped pair, a wrong number …)."""
    kind = question.kind
    right = right_response(question)
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        wrong = [i for i, a in enumerate(question.answers) if a.fraction <= 0]
        if not wrong:
            return ChoiceResponse(frozenset())
        picked = {rng.choice(wrong)}
        if kind is QuestionKind.MULTIPLE_CHOICE and isinstance(right, ChoiceResponse) and right.picked:
            picked.add(rng.choice(sorted(right.picked)))
        return ChoiceResponse(frozenset(picked))
    if kind is QuestionKind.TRUE_FALSE and isinstance(right, TrueFalseResponse):
        return TrueFalseResponse(not right.value)
    if kind is QuestionKind.MATCHING and isinstance(right, MatchingResponse):
        answers = list(right.answers)
        if len(answers) > 1:
            answers[0], answers[1] = answers[1], answers[0]
        return MatchingResponse(tuple(answers) if len(answers) > 1 else (None,))
    if kind is QuestionKind.ORDERING:
        order = list(range(len(question.ordering)))
        if len(order) > 1:
            i = rng.randrange(len(order) - 1)
            order[i], order[i + 1] = order[i + 1], order[i]
        return OrderingResponse(tuple(order))
    if kind is QuestionKind.ESSAY:
        return EssayResponse("Показала б відвідувачеві, куди натиснути, і все.")
    if kind is QuestionKind.SHORT_ANSWER:
        return TextResponse(rng.choice(WRONG_TEXTS))
    if kind is QuestionKind.NUMERICAL:
        return TextResponse(_far_number(question.numerical.answers if question.numerical else ()))
    if kind is QuestionKind.CLOZE and isinstance(right, ClozeResponse):
        values = list(right.values)
        gaps = question.cloze.gaps if question.cloze else ()
        if gaps:
            index = rng.randrange(len(gaps))
            gap = gaps[index]
            if gap.kind is GapKind.CHOICE:
                wrong = [i for i, a in enumerate(gap.answers) if a.fraction <= 0]
                values[index] = rng.choice(wrong) if wrong else None
            elif gap.kind is GapKind.NUMERICAL:
                values[index] = _far_number(gap.numbers)
            else:
                values[index] = rng.choice(WRONG_TEXTS)
        return ClozeResponse(tuple(values))
    if isinstance(right, HotspotResponse) and question.hotspot and question.hotspot.regions:
        far = max(region.bounds()[2] for region in question.hotspot.regions) + 40
        return HotspotResponse(far, right.y)
    return right


def wrong_move(state: RunState, reference: Action, rng: random.Random) -> Action | None:
    """A plausible mistake instead of `reference`: another response to a decision, another button on the
    screen, or a wrong value typed. None when the screen offers nothing else to do."""
    step = expected_step(state)
    if reference.kind is ActionKind.DECIDE and step is not None and step.decision is not None:
        others = [r.id for r in step.decision.responses if not r.correct]
        return Action(reference.screen_id, reference.control_id, ActionKind.DECIDE, rng.choice(others)) \
            if others else None
    screen = state.scenario.screen(reference.screen_id)
    if screen is None:
        return None
    if reference.kind is ActionKind.FILL:
        return Action(reference.screen_id, reference.control_id, ActionKind.FILL, rng.choice(WRONG_TEXTS))
    buttons = [c.id for c in screen.controls if c.kind is ControlKind.BUTTON and c.id != reference.control_id]
    return Action(reference.screen_id, rng.choice(buttons), ActionKind.CLICK) if buttons else None
