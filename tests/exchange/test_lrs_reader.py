"""exchange.lrs_reader without an LRS: eTrainer's statements back into records in any order, the skip reasons, and
a statement of eTrainer's with a wrong field refused with its id and the field named."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from etrainer.core.progress.file import validate_document
from etrainer.core.quiz.model import QuestionKind
from etrainer.exchange.lrs_reader import BadStatement, SkipReason, read_statements
from etrainer.exchange.xapi import IRI_BASE, statements

SAMPLE = Path(__file__).parents[1] / "data" / "progress" / "sample-v1.json"


def sample() -> tuple[Any, list[dict[str, Any]]]:
    doc = validate_document(json.loads(SAMPLE.read_text(encoding="utf-8")))
    return doc, statements(doc)


def test_records_come_back_with_their_uids_in_any_order() -> None:
    doc, items = sample()
    forward, backward = read_statements(items), read_statements(list(reversed(items)))
    assert forward.courses == backward.courses and not forward.skipped and forward.read == len(items)
    (key, pulled), = forward.courses.items()
    assert key == (doc.learner.uid, doc.course.id) and pulled.learner_name == doc.learner.name
    assert set(pulled.visits) == {v.uid for v in doc.lesson_visits}
    attempt = doc.quiz_attempts[0]
    (rebuilt,) = pulled.attempts.values()
    assert (rebuilt.uid, rebuilt.quiz_id, rebuilt.started_at, rebuilt.finished_at, rebuilt.passed) == (
        attempt.uid, attempt.quiz_id, attempt.started_at, attempt.finished_at, attempt.passed)
    (answers,) = pulled.responses.values()
    assert {r.uid: (r.question_kind, dict(r.response)) for r in answers.values()} == {
        r.uid: (r.question_kind, dict(r.response)) for r in attempt.responses}
    (walk,) = pulled.walks.values()
    assert walk.uid == doc.walkthrough_attempts[0].uid and walk.abandoned


def test_statements_without_the_record_extension_are_keyed_by_their_id() -> None:
    _, items = sample()
    for statement in items:
        statement["context"].pop("extensions")
    pulled = next(iter(read_statements(items).courses.values()))
    visit = next(s for s in items if s["verb"]["id"].endswith("experienced"))
    assert set(pulled.visits) == {visit["id"]}


def test_what_is_not_etrainers_is_skipped_with_its_reason() -> None:
    _, items = sample()
    good = items[0]
    other = [
        {**good, "actor": {"mbox": "mailto:a@example.org"}},
        {**good, "actor": {"account": {"homePage": "https://lms.example.org", "name": "x"}}},
        {**good, "object": {"id": "https://lms.example.org/course/1"}},
        {**good, "object": {"id": f"{IRI_BASE}/e-services-in-libraries"}},
        {**good, "object": {"id": f"{IRI_BASE}/e-services-in-libraries/module/m1"}},
        {**good, "verb": {"id": "http://adlnet.gov/expapi/verbs/launched"}},
        {**good, "verb": {"id": "https://w3id.org/xapi/video/verbs/played"}},
        {**good, "verb": "answered"},
    ]
    pulled = read_statements(other)
    assert pulled.skipped == {SkipReason.OTHER_ACTOR: 2, SkipReason.OTHER_ACTIVITY: 3, SkipReason.OTHER_VERB: 3}
    assert pulled.foreign == 8 and not pulled.courses


def break_field(items: list[dict[str, Any]], verb: str, path: tuple[str, ...], value: Any) -> list[dict[str, Any]]:
    broken = copy.deepcopy(items)
    target = next(s for s in broken if s["verb"]["id"].endswith(verb))
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return broken


@pytest.mark.parametrize(("verb", "path", "value", "named"), [
    ("experienced", ("result", "duration"), "5 minutes", "result.duration"),
    ("experienced", ("timestamp",), "yesterday", "timestamp"),
    ("experienced", ("timestamp",), 17, "timestamp"),
    ("answered", ("context", "registration"), None, "context.registration"),
    ("answered", ("result", "score", "scaled"), "1", "result.score.scaled"),
    ("answered", ("result", "success"), "yes", "result.success"),
    ("failed", ("result", "score", "scaled"), 7, "result.score.scaled"),
    ("experienced", ("context", "extensions", f"{IRI_BASE}/extensions/record"), "x" * 65, "record extension"),
    ("experienced", ("context",), [], "context"),
    ("experienced", ("actor", "account", "name"), 42, "actor.account.name"),
])
def test_a_wrong_field_is_refused_naming_it(verb: str, path: tuple[str, ...], value: Any, named: str) -> None:
    _, items = sample()
    with pytest.raises(BadStatement, match=named.replace(".", r"\.")):
        read_statements(break_field(items, verb, path, value))


def test_a_response_that_does_not_fit_its_interaction_is_refused() -> None:
    _, items = sample()
    choice = next(s for s in items if s["object"]["definition"].get("interactionType") == "choice")
    choice["result"]["response"] = "one[,]two"
    with pytest.raises(BadStatement, match="is not a multiple_choice answer"):
        read_statements(items)


def test_without_a_course_kinds_are_read_from_the_interaction_type() -> None:
    _, items = sample()
    pulled = next(iter(read_statements(items).courses.values()))
    kinds = {r.question_id: r.question_kind for answers in pulled.responses.values() for r in answers.values()}
    assert kinds == {"q-one": QuestionKind.SINGLE_CHOICE, "q-two": QuestionKind.SHORT_ANSWER}
