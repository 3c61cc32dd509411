"""Scoring of every question kind: partial credit, penalties, clamping, apostrophes, numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from etrainer.core.ids import QuestionId
from etrainer.core.quiz.grading import FALSE, NO_ANSWER, NOT_A_NUMBER, TRUE, grade, quiz_score, right_answer
from etrainer.core.quiz.model import (
    Answer,
    Circle,
    Cloze,
    Gap,
    GapKind,
    Hotspot,
    Matching,
    MatchPair,
    Numerical,
    NumericAnswer,
    Polygon,
    Question,
    QuestionKind,
    Rect,
    TrueFalse,
)
from etrainer.core.quiz.response import (
    ChoiceResponse,
    ClozeResponse,
    HotspotResponse,
    MatchingResponse,
    OrderingResponse,
    TextResponse,
    TrueFalseResponse,
    normalize_text,
    parse_number,
)


def make(kind: QuestionKind, **details: object) -> Question:
    return Question(id=QuestionId("q-test"), kind=kind, text="Питання?", explanation="Бо так.", **details)


SINGLE = make(QuestionKind.SINGLE_CHOICE, answers=(
    Answer("ЦНАП", 1.0, "Так."), Answer("Пошта", 0.0, "Ні."), Answer("Майже ЦНАП", 0.5, "Частково.")))
MULTI = make(QuestionKind.MULTIPLE_CHOICE, answers=(
    Answer("2", 0.5, "Просте."), Answer("3", 0.5, "Просте."), Answer("4", -1.0, "Складене."),
    Answer("9", -0.25, "Складене.")))


def test_single_choice_scores_the_picked_option_and_its_feedback() -> None:
    result = grade(SINGLE, ChoiceResponse(frozenset({0})))
    assert (result.score, result.correct) == (1.0, True)
    assert result.parts[0].feedback == "Так."
    assert result.right_answer == ("ЦНАП",)
    assert result.explanation == "Бо так."
    wrong = grade(SINGLE, ChoiceResponse(frozenset({1})))
    assert (wrong.score, wrong.correct, wrong.parts[0].feedback) == (0.0, False, "Ні.")
    assert wrong.given == ("Пошта",)


def test_single_choice_partial_credit_and_two_picks() -> None:
    assert grade(SINGLE, ChoiceResponse(frozenset({2}))).score == 0.5
    assert not grade(SINGLE, ChoiceResponse(frozenset({2}))).correct
    assert grade(SINGLE, ChoiceResponse(frozenset({0, 1}))).score == 0.0


@pytest.mark.parametrize(("picked", "score"), [
    ({0, 1}, 1.0),          # both right
    ({0}, 0.5),             # half
    ({0, 1, 3}, 0.75),      # a small penalty
    ({0, 2}, 0.0),          # penalty below zero is clamped
    ({2, 3}, 0.0),          # only wrong picks: clamped at 0
    ({0, 1, 2, 3}, 0.0),    # picking everything does not pay
    (set(), 0.0),
])
def test_multiple_choice_partial_credit_penalties_and_clamping(picked: set[int], score: float) -> None:
    result = grade(MULTI, ChoiceResponse(frozenset(picked)))
    assert result.score == score
    assert result.correct is (score == 1.0)
    assert [p.label for p in result.parts] == [MULTI.answers[i].text for i in sorted(picked)]


def test_multiple_choice_right_answer_lists_every_credited_option() -> None:
    assert right_answer(MULTI) == ("2", "3")


def test_multiple_choice_thirds_add_up_to_full_marks() -> None:
    third = round(1 / 3, 7)
    answers = (*(Answer(t, third) for t in "abc"), Answer("d", -1.0))
    question = make(QuestionKind.MULTIPLE_CHOICE, answers=answers)
    assert grade(question, ChoiceResponse(frozenset({0, 1, 2}))).correct


def test_out_of_range_indices_are_ignored() -> None:
    assert grade(SINGLE, ChoiceResponse(frozenset({7}))).score == 0.0


def test_true_false_scores_and_feedback_for_the_choice_made() -> None:
    question = make(QuestionKind.TRUE_FALSE, true_false=TrueFalse(False, "Ні, це неправда.", "Саме так."))
    right = grade(question, TrueFalseResponse(False))
    wrong = grade(question, TrueFalseResponse(True))
    assert (right.score, right.parts[0].feedback, right.given) == (1.0, "Саме так.", (FALSE,))
    assert (wrong.score, wrong.parts[0].feedback, wrong.given) == (0.0, "Ні, це неправда.", (TRUE,))
    assert right.right_answer == (FALSE,)


MATCHING = make(QuestionKind.MATCHING, matching=Matching(
    (MatchPair("КЕП", "підпис"), MatchPair("ЦНАП", "центр"), MatchPair("ЄДР", "реєстр"), MatchPair("ID", "картка")),
    ("портал",)))


def test_matching_scores_the_share_of_right_pairs() -> None:
    assert grade(MATCHING, MatchingResponse(("підпис", "центр", "реєстр", "картка"))).correct
    half = grade(MATCHING, MatchingResponse(("підпис", "центр", "картка", "портал")))
    assert half.score == 0.5
    assert [p.correct for p in half.parts] == [True, True, False, False]
    assert grade(MATCHING, MatchingResponse(("підпис", None))).score == 0.25
    assert "КЕП → підпис" in right_answer(MATCHING)


def test_matching_choices_include_distractors_once() -> None:
    assert MATCHING.matching is not None
    assert MATCHING.matching.choices() == ("підпис", "центр", "реєстр", "картка", "портал")


ORDERING = make(QuestionKind.ORDERING, ordering=("Відкрити сайт", "Увійти", "Обрати КЕП", "Підписати"))


@pytest.mark.parametrize(("order", "score"), [
    ((0, 1, 2, 3), 1.0), ((1, 0, 2, 3), 0.5), ((3, 2, 1, 0), 0.0), ((0, 2, 1, 3), 0.5),
    ((0, 1, 2), 0.0), ((0, 0, 1, 2), 0.0),   # not a permutation: not graded as right
])
def test_ordering_scores_items_in_their_right_place(order: tuple[int, ...], score: float) -> None:
    assert grade(ORDERING, OrderingResponse(order)).score == score


SHORT = make(QuestionKind.SHORT_ANSWER, answers=(
    Answer("п'ятниця", 1.0, "Так."), Answer("Kyiv  City", 1.0), Answer("пт", 0.5, "Повністю, будь ласка.")))


@pytest.mark.parametrize("typed", [
    "п'ятниця", "пʼятниця", "п’ятниця", "п`ятниця", "п‘ятниця", "  П'ЯТНИЦЯ ", "kyiv city", "KYIV\tCITY"])
def test_short_answer_ignores_case_spacing_and_apostrophe_kind(typed: str) -> None:
    assert grade(SHORT, TextResponse(typed)).correct


def test_short_answer_partial_wrong_and_empty() -> None:
    partial = grade(SHORT, TextResponse("ПТ"))
    assert (partial.score, partial.parts[0].feedback) == (0.5, "Повністю, будь ласка.")
    assert grade(SHORT, TextResponse("пятниця")).score == 0.0
    empty = grade(SHORT, TextResponse("   "))
    assert empty.score == 0.0 and empty.given == (NO_ANSWER,)


NUMERIC = make(QuestionKind.NUMERICAL, numerical=Numerical((
    NumericAnswer(45.42, 0.01, 1.0, "Точно."), NumericAnswer(45.0, 1.0, 0.5, "Приблизно.")), "Перевірте розрахунок."))


@pytest.mark.parametrize(("typed", "score"), [
    ("45.42", 1.0), ("45,42", 1.0), ("45.43", 1.0), ("45.41", 1.0), ("45,435", 0.5),   # 45.435 is past ±0.01
    (" 45,4 ", 0.5), ("44", 0.5), ("46", 0.5), ("46.01", 0.0), ("43.99", 0.0),
])
def test_numerical_tolerance_edges_and_decimal_comma(typed: str, score: float) -> None:
    assert grade(NUMERIC, TextResponse(typed)).score == score


def test_numerical_feedback_for_other_numbers_and_non_numbers() -> None:
    assert grade(NUMERIC, TextResponse("100")).parts[0].feedback == "Перевірте розрахунок."
    assert grade(NUMERIC, TextResponse("сорок")).parts[0].feedback == NOT_A_NUMBER
    assert grade(NUMERIC, TextResponse("45.42")).parts[0].feedback == "Точно."
    assert right_answer(NUMERIC) == ("45.42 ± 0.01",)


def test_numerical_range_includes_both_ends() -> None:
    question = make(QuestionKind.NUMERICAL, numerical=Numerical((NumericAnswer(3.0, 2.0),)))   # 1..5
    assert [grade(question, TextResponse(t)).score for t in ("1", "5", "0.999", "5.001", "3")] == [1, 1, 0, 0, 1]
    tenths = make(QuestionKind.NUMERICAL, numerical=Numerical((NumericAnswer(0.2, 0.1),)))    # 0.1..0.3
    assert grade(tenths, TextResponse("0,3")).correct and grade(tenths, TextResponse("0.1")).correct


@pytest.mark.parametrize(("text", "value"), [
    ("45,42", 45.42), ("-3", -3.0), ("−3,5", -3.5), ("1 000", 1000.0), ("1\u00a0000,5", 1000.5), (".5", 0.5),
    ("2e3", 2000.0), ("abc", None), ("1,2,3", None), ("1.000,5", None), ("1 2", None), ("", None), ("inf", None),
])
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_normalize_text() -> None:
    assert normalize_text("  Пʼять   ГРИВЕНЬ ") == normalize_text("п'ять гривень") == "п'ять гривень"


CLOZE = make(QuestionKind.CLOZE, cloze=Cloze((
    Gap(GapKind.SHORT_ANSWER, answers=(Answer("ЦНАП", 1.0),)),
    Gap(GapKind.CHOICE, answers=(Answer("Дія", 1.0, "Так."), Answer("Вікі", 0.0, "Ні."))),
    Gap(GapKind.NUMERICAL, numbers=(NumericAnswer(10, 0),)),
    Gap(GapKind.SHORT_ANSWER, answers=(Answer("КЕП", 1.0), Answer("ЕЦП", 0.5))),
)))


def test_cloze_scores_each_gap() -> None:
    assert grade(CLOZE, ClozeResponse(("цнап", 0, "10", "кеп"))).correct
    result = grade(CLOZE, ClozeResponse(("ЦНАП", 1, "10,0", "ЕЦП")))
    assert result.score == pytest.approx((1 + 0 + 1 + 0.5) / 4)
    assert [p.correct for p in result.parts] == [True, False, True, False]
    assert result.parts[1].feedback == "Ні."
    assert grade(CLOZE, ClozeResponse(("ЦНАП",))).score == 0.25
    assert right_answer(CLOZE) == ("1: ЦНАП", "2: Дія", "3: 10", "4: КЕП")


def test_cloze_choice_gap_ignores_bad_indices() -> None:
    assert grade(CLOZE, ClozeResponse((None, 5, None, None))).score == 0.0
    assert grade(CLOZE, ClozeResponse((None, "0", None, None))).score == 0.0


HOTSPOT = make(QuestionKind.HOTSPOT, hotspot=Hotspot(Path("form.png"), (
    Rect(250, 240, 120, 40), Circle(50, 50, 20), Polygon(((10, 200), (60, 200), (35, 250))))))


@pytest.mark.parametrize(("x", "y", "hit"), [
    (250, 240, True), (370, 280, True), (371, 280, False), (300, 239.5, False),     # rectangle edges
    (50, 70, True), (64, 64, True), (65, 65, False),                                 # circle
    (35, 210, True), (10, 200, True), (35, 249, True), (12, 240, False),             # polygon
    (0, 0, False),
])
def test_hotspot_any_correct_region(x: float, y: float, hit: bool) -> None:
    assert grade(HOTSPOT, HotspotResponse(x, y)).correct is hit


def test_no_answer_scores_zero_for_every_kind() -> None:
    for question in (SINGLE, MULTI, MATCHING, ORDERING, SHORT, NUMERIC, CLOZE, HOTSPOT):
        result = grade(question, None)
        assert (result.score, result.correct, result.given) == (0.0, False, (NO_ANSWER,))
        assert result.right_answer


def test_a_response_for_another_kind_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        grade(SINGLE, TextResponse("ЦНАП"))


def test_grading_is_deterministic() -> None:
    response = ClozeResponse(("ЦНАП", 1, "10", "ЕЦП"))
    assert grade(CLOZE, response) == grade(CLOZE, response)


def test_quiz_score_is_the_mean() -> None:
    answers = [grade(SINGLE, ChoiceResponse(frozenset({0}))), grade(SINGLE, ChoiceResponse(frozenset({2})))]
    assert quiz_score(answers) == 0.75
    assert quiz_score(answers, question_count=3) == 0.5
    assert quiz_score([]) == 0.0
