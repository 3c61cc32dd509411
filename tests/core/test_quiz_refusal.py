"""What counts as a number in a numerical question is decided before grading (core.quiz.grading.refusal)."""

from __future__ import annotations

import pytest

from etrainer.core.ids import QuestionId
from etrainer.core.quiz.grading import TYPE_A_NUMBER, refusal
from etrainer.core.quiz.model import Numerical, NumericAnswer, Question, QuestionKind
from etrainer.core.quiz.response import TextResponse


def _numerical() -> Question:
    return Question(QuestionId("age"), QuestionKind.NUMERICAL, "Скільки років?",
                    numerical=Numerical((NumericAnswer(14.0),)))


@pytest.mark.parametrize("typed", ["14", "14,5", "14.5", " 14 ", "-3", "1 000"])
def test_numbers_are_graded(typed):
    assert refusal(_numerical(), TextResponse(typed)) is None


@pytest.mark.parametrize("typed", ["14 років", "чотирнадцять", "14р", "14,5,6"])
def test_text_with_letters_is_refused(typed):
    assert refusal(_numerical(), TextResponse(typed)) == TYPE_A_NUMBER


def test_other_kinds_are_never_refused():
    question = Question(QuestionId("city"), QuestionKind.SHORT_ANSWER, "Місто?")
    assert refusal(question, TextResponse("14 років")) is None


@pytest.mark.parametrize(("source", "shown"), [
    ("FACTS §6.3", ""),
    ("FACTS §6.1; §6.2 (п. 5)", ""),
    ("урок «Люди з інвалідністю»; FACTS §7.2", "урок «Люди з інвалідністю»"),
    ("Закон № 5203-VI, ст. 9", "Закон № 5203-VI, ст. 9"),
])
def test_learners_see_sources_without_internal_codes(source, shown):
    from etrainer.core.quiz.grading import learner_source

    assert learner_source(source) == shown
