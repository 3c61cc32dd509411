"""The quiz model: kinds, regions, pass mark, the shared question checks, response storage, ids."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from etrainer.core.ids import QuestionId, QuizId, is_valid_id
from etrainer.core.quiz.bank import make_ids, slugify, transliterate
from etrainer.core.quiz.checks import validate_question
from etrainer.core.quiz.model import (
    MAX_PARTS,
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
    Quiz,
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
    response_from_json,
    response_to_json,
)


def test_kinds_are_exactly_the_documented_ones() -> None:
    assert [k.value for k in QuestionKind] == ["single_choice", "multiple_choice", "true_false", "matching",
                                              "ordering", "short_answer", "numerical", "cloze", "hotspot", "essay",
                                              "description"]


def test_pass_mark() -> None:
    the_quiz = Quiz(QuizId("q-quiz"), "Тест", ())
    assert the_quiz.pass_mark == 0.8
    assert the_quiz.passed(0.8) and not the_quiz.passed(0.79)
    assert replace(the_quiz, pass_mark=0.6).passed(0.6)


def test_polygon_concave_shape() -> None:
    shape = Polygon(((0, 0), (10, 0), (10, 10), (5, 3), (0, 10)))       # a "V" notch from the top
    assert shape.contains(2, 2) and shape.contains(9, 8)
    assert not shape.contains(5, 8)
    assert shape.contains(10, 5)                                        # on an edge


def test_region_bounds() -> None:
    assert Rect(1, 2, 3, 4).bounds() == (1, 2, 4, 6)
    assert Circle(10, 10, 5).bounds() == (5, 5, 15, 15)


def q(kind: QuestionKind, **details: object) -> Question:
    return Question(QuestionId("q-check"), kind, "Текст?", **details)  # type: ignore[arg-type]


VALID = [
    q(QuestionKind.SINGLE_CHOICE, answers=(Answer("a", 1.0), Answer("b", 0.0))),
    q(QuestionKind.MULTIPLE_CHOICE, answers=(Answer("a", 0.5), Answer("b", 0.5), Answer("c", -1.0))),
    q(QuestionKind.TRUE_FALSE, true_false=TrueFalse(True)),
    q(QuestionKind.MATCHING, matching=Matching((MatchPair("a", "1"), MatchPair("b", "2")))),
    q(QuestionKind.ORDERING, ordering=("a", "b")),
    q(QuestionKind.SHORT_ANSWER, answers=(Answer("так", 1.0),)),
    q(QuestionKind.NUMERICAL, numerical=Numerical((NumericAnswer(1.0),))),
    Question(QuestionId("q-c"), QuestionKind.CLOZE, "{{1}}",
             cloze=Cloze((Gap(GapKind.SHORT_ANSWER, (Answer("x", 1),)),))),
    q(QuestionKind.HOTSPOT, hotspot=Hotspot(Path("x.png"), (Rect(0, 0, 5, 5),))),
]


@pytest.mark.parametrize("question", VALID, ids=lambda x: x.kind.value)
def test_valid_questions_pass(question: Question) -> None:
    assert validate_question(question) == []


INVALID = [
    (q(QuestionKind.SINGLE_CHOICE, answers=(Answer("a", 0.5), Answer("b", 0.0))), "no option is marked correct"),
    (q(QuestionKind.SINGLE_CHOICE, answers=(Answer("a", 1.0),)), "at least 2 options"),
    (q(QuestionKind.SINGLE_CHOICE, answers=(Answer("a", 1.0), Answer(" ", 0.0))), "empty"),
    (q(QuestionKind.SINGLE_CHOICE, answers=(Answer("a", 1.0), Answer("b", -1.5))), "out of range"),
    (q(QuestionKind.SINGLE_CHOICE, answers=tuple(Answer(str(i), 1.0) for i in range(MAX_PARTS + 1))), "more than"),
    (q(QuestionKind.MULTIPLE_CHOICE, answers=(Answer("a", 0.5), Answer("b", 0.2))), "add up to 70 %"),
    (q(QuestionKind.MULTIPLE_CHOICE, answers=(Answer("a", 0.0), Answer("b", -1.0))), "no option is marked correct"),
    (q(QuestionKind.TRUE_FALSE), "true"),
    (q(QuestionKind.MATCHING, matching=Matching((MatchPair("a", "1"),))), "at least 2 pairs"),
    (q(QuestionKind.MATCHING, matching=Matching((MatchPair("a", "1"), MatchPair("a", "2")))), "appears twice"),
    (q(QuestionKind.MATCHING, matching=Matching((MatchPair("a", "1"), MatchPair("b", "")))), "prompt and an answer"),
    (q(QuestionKind.ORDERING, ordering=("a", "a")), "ambiguous"),
    (q(QuestionKind.SHORT_ANSWER, answers=(Answer("так", 0.5),)), "full marks"),
    (q(QuestionKind.SHORT_ANSWER), "no accepted answers"),
    (q(QuestionKind.NUMERICAL, numerical=Numerical((NumericAnswer(1.0, -1.0),))), "negative"),
    (q(QuestionKind.NUMERICAL, numerical=Numerical((NumericAnswer(float("nan")),))), "finite"),
    (q(QuestionKind.NUMERICAL), "no accepted number"),
    (Question(QuestionId("q-c"), QuestionKind.CLOZE, "{{1}} {{3}}",
              cloze=Cloze((Gap(GapKind.SHORT_ANSWER, (Answer("x", 1),)),))), "only 1 gap"),
    (Question(QuestionId("q-c"), QuestionKind.CLOZE, "без пропусків",
              cloze=Cloze((Gap(GapKind.SHORT_ANSWER, (Answer("x", 1),)),))), "not placed"),
    (Question(QuestionId("q-c"), QuestionKind.CLOZE, "{{1}}",
              cloze=Cloze((Gap(GapKind.CHOICE, (Answer("x", 1),)),))), "gap 1: at least 2 options"),
    (q(QuestionKind.HOTSPOT, hotspot=Hotspot(Path("x.png"), ())), "at least one correct region"),
    (q(QuestionKind.HOTSPOT, hotspot=Hotspot(Path("x.png"), (Rect(0, 0, 0, 5),))), "positive width"),
    (q(QuestionKind.HOTSPOT, hotspot=Hotspot(Path("x.png"), (Circle(-5, 0, 5),))), "≥ 0"),
    (q(QuestionKind.HOTSPOT, hotspot=Hotspot(Path("x.png"), (Polygon(((0, 0), (1, 1))),))), "3 to"),
    (Question(QuestionId("q-e"), QuestionKind.TRUE_FALSE, "  ", true_false=TrueFalse(True)), "no text"),
]


@pytest.mark.parametrize(("question", "message"), INVALID, ids=lambda x: getattr(x, "kind", x) and str(x)[:30])
def test_invalid_questions_are_reported(question: Question, message: str) -> None:
    issues = validate_question(question)
    assert any(message in issue.message for issue in issues), issues


def test_issues_point_at_the_offending_item() -> None:
    question = q(QuestionKind.SINGLE_CHOICE, answers=(Answer("a", 1.0), Answer("b", 0.0), Answer("", 0.0)))
    (issue,) = validate_question(question)
    assert (issue.part, issue.index) == ("answers", 2)


@pytest.mark.parametrize("response", [
    ChoiceResponse(frozenset({2, 0})), TrueFalseResponse(False), MatchingResponse(("a", None, "b")),
    OrderingResponse((2, 0, 1)), TextResponse("пʼять"), ClozeResponse(("ЦНАП", 1, None)), HotspotResponse(12.5, 40),
])
def test_responses_survive_storage(response: object) -> None:
    assert response_from_json(response_to_json(response)) == response  # type: ignore[arg-type]


@pytest.mark.parametrize("data", [{}, {"kind": "choice"}, {"kind": "ordering", "order": ["x"]}, {"kind": "nope"}])
def test_damaged_stored_responses_are_refused(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        response_from_json(data)


@pytest.mark.parametrize(("text", "latin"), [
    ("Київ", "kyiv"), ("Щастя", "shchastia"), ("Юрій", "yurii"), ("Їжак", "yizhak"), ("Єнакієве", "yenakiieve"),
    ("Згорани", "zghorany"), ("Пʼятниця", "piatnytsia"), ("Ґудзик", "gudzyk"), ("ЦНАП: послуги", "tsnap: posluhy"),
])
def test_transliteration_follows_the_national_table(text: str, latin: str) -> None:
    assert transliterate(text) == latin


def test_ids_from_titles_are_valid_unique_and_fall_back_to_numbers() -> None:
    ids = make_ids(["Що таке ЦНАП?", "Що таке ЦНАП?", "", "2020", "Колір"], taken={"kolir"})
    assert ids == ["shcho-take-tsnap", "shcho-take-tsnap-2", "q-3", "q-2020", "kolir-2"]
    assert all(is_valid_id(i) for i in ids)
    assert len(slugify("Дуже довга назва " * 20)) <= 60
