"""Complete interaction definitions (xAPI 1.0.3, Data, Appendix C): every question of the bundled course gets its
components and right answers, and a learner's response refers only to the ids its definition defines."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from etrainer.core.course.pack import load_pack
from etrainer.core.quiz.model import Answer, Matching, MatchPair, Numerical, NumericAnswer, Question, QuestionKind
from etrainer.core.quiz.response import response_to_json
from etrainer.core.walkthrough.demo_answers import right_response, wrong_response
from etrainer.exchange.xapi import interaction_definition, response_text, statements
from etrainer.paths import bundled_course_dir
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.transfer import ExportService

DATA = Path(__file__).parents[1] / "data"
#: interaction type → the component lists its responses refer to, and how a response splits into ids
REFERRING = {"choice": ("choices",), "sequencing": ("choices",), "matching": ("source", "target")}


def response_ids(interaction_type: str, response: str) -> list[set[str]]:
    """The ids a response refers to, one set per component list of REFERRING[interaction_type]."""
    items = [item for item in response.split("[,]") if item]
    if interaction_type == "matching":
        pairs = [item.split("[.]") for item in items]
        assert all(len(pair) == 2 for pair in pairs), response
        return [{p[0] for p in pairs}, {p[1] for p in pairs}]
    return [set(items)]


def assert_refers_to_defined_ids(definition: dict[str, Any], response: str) -> None:
    kind = definition["interactionType"]
    if kind == "true-false":
        assert response in {"true", "false"}
    for key, used in zip(REFERRING.get(kind, ()), response_ids(kind, response), strict=False):
        defined = [c["id"] for c in definition[key]]
        assert len(defined) == len(set(defined)), definition
        assert used <= set(defined), (key, used, defined)
    for pattern in definition.get("correctResponsesPattern", []):  # the right answers use them too
        for key, used in zip(REFERRING.get(kind, ()), response_ids(kind, pattern), strict=False):
            assert used <= {c["id"] for c in definition[key]}


def schema_validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DATA / "xapi" / "statement.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def test_every_question_of_the_bundled_course_has_a_complete_definition() -> None:
    course = load_pack(bundled_course_dir()).course
    rng = random.Random(7)
    seen: Counter[str] = Counter()
    for quiz in course.quizzes:
        for question in quiz.questions:
            definition = interaction_definition(question)
            seen[question.kind.value] += 1
            assert definition["description"]["uk-UA"]
            if question.kind not in (QuestionKind.HOTSPOT, QuestionKind.ESSAY):
                assert definition["correctResponsesPattern"], question.id
            if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.ORDERING):
                assert len(definition["choices"]) == len(question.answers or question.ordering)
                assert all(c["description"]["uk-UA"] for c in definition["choices"])
            if question.kind is QuestionKind.MATCHING:
                assert len(definition["source"]) == len(question.matching.pairs)
            for response in (right_response(question), wrong_response(question, rng)):
                text = response_text(question.kind, response_to_json(response), question)
                assert_refers_to_defined_ids(definition, text)
            right = response_text(question.kind, response_to_json(right_response(question)), question)
            if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.TRUE_FALSE, QuestionKind.ORDERING,
                                 QuestionKind.MATCHING, QuestionKind.MULTIPLE_CHOICE):
                assert right in definition["correctResponsesPattern"], (question.id, right)
    # The course has every kind a learner answers: all were checked (an information page is never answered).
    assert set(seen) == {kind.value for kind in QuestionKind} - {QuestionKind.DESCRIPTION.value}


def test_definitions_of_each_kind_follow_appendix_c() -> None:
    single = Question("q1", QuestionKind.SINGLE_CHOICE, "Що **таке** ЦНАП?",
                      answers=(Answer("Центр", 1.0), Answer("Банк", 0.0)))
    assert interaction_definition(single) == {
        "interactionType": "choice", "description": {"uk-UA": "Що таке ЦНАП?"},
        "choices": [{"id": "0", "description": {"uk-UA": "Центр"}}, {"id": "1", "description": {"uk-UA": "Банк"}}],
        "correctResponsesPattern": ["0"]}
    multiple = Question("q2", QuestionKind.MULTIPLE_CHOICE, "Які?",
                        answers=(Answer("А", 0.5), Answer("Б", -1.0), Answer("В", 0.5)))
    assert interaction_definition(multiple)["correctResponsesPattern"] == ["0[,]2"]
    matching = Question("q3", QuestionKind.MATCHING, "Зіставте",
                        matching=Matching((MatchPair("Дія", "застосунок"), MatchPair("ЦНАП", "центр")), ("банк",)))
    definition = interaction_definition(matching)
    assert [c["description"]["uk-UA"] for c in definition["target"]] == ["застосунок", "центр", "банк"]
    assert definition["correctResponsesPattern"] == ["0[.]0[,]1[.]1"]
    answer = {"kind": "matching", "answers": ["центр", None]}
    assert response_text(QuestionKind.MATCHING, answer, matching) == "0[.]1"
    assert response_text(QuestionKind.MATCHING, answer) == "0[.]центр"  # without the course: the text
    numeric = Question("q4", QuestionKind.NUMERICAL, "Скільки?",
                       numerical=Numerical((NumericAnswer(45.42, 0.01), NumericAnswer(10, 0, 0.5), NumericAnswer(7))))
    assert interaction_definition(numeric)["correctResponsesPattern"] == ["45.41[:]45.43", "7"]
    assert response_text(QuestionKind.NUMERICAL, {"kind": "text", "text": "45,42"}, numeric) == "45.42"
    assert response_text(QuestionKind.NUMERICAL, {"kind": "text", "text": "не знаю"}, numeric) == "не знаю"
    ordering = Question("q5", QuestionKind.ORDERING, "Порядок", ordering=("перший", "другий", "третій"))
    assert interaction_definition(ordering)["correctResponsesPattern"] == ["0[,]1[,]2"]


def test_statements_of_demo_learners_refer_only_to_defined_ids(sessions: sessionmaker[Session],
                                                               database: Any) -> None:
    course = load_pack(bundled_course_dir()).course
    made = make_demo_learners(SimpleNamespace(database=database), course, 3, seed=11)  # type: ignore[arg-type]
    exporter = ExportService(sessions)
    checker = schema_validator()
    kinds: Counter[str] = Counter()
    for learner in made:
        for statement in statements(exporter.document(learner.id, course), course):
            assert not list(checker.iter_errors(statement)), statement
            definition = statement["object"]["definition"]
            if "interactionType" in definition and "response" in statement.get("result", {}):
                kinds[definition["interactionType"]] += 1
                assert_refers_to_defined_ids(definition, statement["result"]["response"])
    assert {"choice", "true-false", "matching", "sequencing"} <= set(kinds)
