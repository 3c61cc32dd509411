"""xAPI statements: valid against the JSON schema of the spec subset, deterministic ids, the agreed mapping."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from etrainer.core.course.pack import load_pack
from etrainer.core.progress.file import validate_document
from etrainer.exchange.xapi import IRI_BASE, LEARNER_HOME, RECORD_EXTENSION, duration, statement_id, statements
from etrainer.paths import bundled_course_dir
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.transfer import ExportService

DATA = Path(__file__).parents[1] / "data"
VERB = "http://adlnet.gov/expapi/verbs/"


def sample_statements() -> list[dict[str, Any]]:
    doc = validate_document(json.loads((DATA / "progress" / "sample-v1.json").read_text(encoding="utf-8")))
    return statements(doc)


def validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema", reason="the lead adds jsonschema to the test dependencies")
    schema = json.loads((DATA / "xapi" / "statement.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid(items: list[dict[str, Any]]) -> None:
    checker = validator()
    for statement in items:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in checker.iter_errors(statement)]
        assert not errors, (statement["verb"]["id"], errors)
        score = statement.get("result", {}).get("score")
        if score is not None:
            assert score["min"] <= score["raw"] <= score["max"]


def test_sample_statements_are_valid() -> None:
    assert_valid(sample_statements())


def test_the_schema_refuses_what_the_spec_refuses() -> None:
    checker = validator()
    good = sample_statements()[0]
    broken = [{**good, "id": "not-a-uuid"}, {**good, "timestamp": "27.11.2026"},
              {**good, "verb": {"display": {"en-US": "x"}}}, {**good, "actor": {"name": "no identifier"}},
              {**good, "result": {"duration": "PT"}}, {**good, "result": {"score": {"scaled": 1.5}}}]
    for statement in broken:
        assert list(checker.iter_errors(statement)), statement


def test_each_record_maps_to_its_verbs() -> None:
    verbs = Counter(s["verb"]["id"].removeprefix(VERB) for s in sample_statements())
    # 1 visit; 1 quiz attempt: attempted, 2 answered, failed; 1 abandoned walkthrough: attempted
    assert verbs == {"experienced": 1, "attempted": 2, "answered": 2, "failed": 1}


def test_ids_are_deterministic_and_unique() -> None:
    first, second = sample_statements(), sample_statements()
    assert [s["id"] for s in first] == [s["id"] for s in second]
    assert len({s["id"] for s in first}) == len(first)
    assert statement_id("lv-1") in {s["id"] for s in first}


def test_each_statement_carries_its_records_uid() -> None:
    items = sample_statements()
    doc = validate_document(json.loads((DATA / "progress" / "sample-v1.json").read_text(encoding="utf-8")))
    uids = {s["context"]["extensions"][RECORD_EXTENSION] for s in items}
    attempt = doc.quiz_attempts[0]
    assert uids == {"lv-1", attempt.uid, *(r.uid for r in attempt.responses), doc.walkthrough_attempts[0].uid}
    started, finished = (s for s in items if s["context"]["extensions"][RECORD_EXTENSION] == attempt.uid)
    assert started["context"] is not finished["context"]  # each statement has its own context object
    walk = next(s for s in items if s["object"]["id"].split("/")[-2] == "walkthrough")
    assert set(walk["context"]["extensions"]) == {RECORD_EXTENSION}


def test_actor_activities_and_context() -> None:
    items = sample_statements()
    assert all(s["actor"]["account"] == {"homePage": LEARNER_HOME, "name": "l-1"} for s in items)
    assert all(s["actor"]["name"] == "Олена Петренко" for s in items)
    answered = [s for s in items if s["verb"]["id"].endswith("answered")]
    assert answered[0]["object"]["id"] == f"{IRI_BASE}/e-services-in-libraries/question/q-one"
    assert answered[0]["object"]["definition"]["interactionType"] == "choice"
    assert answered[0]["result"]["response"] == "1" and answered[0]["result"]["success"] is True
    assert answered[1]["result"]["response"] == "ЦНАП"
    assert all(s["context"]["contextActivities"]["grouping"][0]["id"] == f"{IRI_BASE}/e-services-in-libraries"
               for s in items)
    visit = next(s for s in items if s["verb"]["id"].endswith("experienced"))
    assert visit["context"]["contextActivities"]["parent"][0]["id"].endswith("/module/e-services")
    assert visit["result"] == {"completion": True, "duration": "PT5M"}
    failed = next(s for s in items if s["verb"]["id"].endswith("failed"))
    assert failed["result"]["score"] == {"scaled": 0.5, "raw": 1.0, "min": 0, "max": 2}
    assert failed["result"]["success"] is False and failed["timestamp"] == "2026-10-04T08:10:00Z"


@pytest.mark.parametrize(("seconds", "expected"), [(0, "PT0S"), (5, "PT5S"), (12.5, "PT12.5S"), (60, "PT1M"),
                                                   (3723.456, "PT1H2M3.46S"), (7200, "PT2H")])
def test_durations_are_iso_8601(seconds: float, expected: str) -> None:
    assert duration(seconds) == expected


def test_every_statement_of_demo_learners_is_valid(sessions: sessionmaker[Session], database: Any) -> None:
    course = load_pack(bundled_course_dir()).course
    made = make_demo_learners(SimpleNamespace(database=database), course, 2, seed=3)  # type: ignore[arg-type]
    exporter = ExportService(sessions)
    for learner in made:
        items = statements(exporter.document(learner.id, course), course)
        assert {s["verb"]["id"].removeprefix(VERB) for s in items} >= {"experienced", "answered", "attempted"}
        assert all(s["object"]["definition"].get("name", {}).get("uk") for s in items)
        assert_valid(items)


def test_an_essay_is_a_long_fill_in_and_its_mark_names_the_methodist() -> None:
    from datetime import UTC, datetime

    from etrainer.core.quiz.essay import EssayMark, LevelPick
    from etrainer.exchange.xapi import grading_statements

    data = json.loads((DATA / "progress" / "sample-v1.json").read_text(encoding="utf-8"))
    data["version"] = 2
    response = data["records"]["quiz_attempts"][0]["responses"][0]
    response.update(question_kind="essay", response={"kind": "essay", "text": "Я б допомогла."}, max_points=3,
                    score=0, correct=False)
    doc = validate_document(data)
    answered = next(s for s in statements(doc) if s["id"] == statement_id(response["uid"]))
    assert answered["object"]["definition"]["interactionType"] == "long-fill-in"
    assert answered["result"]["response"] == "Я б допомогла." and "score" not in answered["result"]
    mark = EssayMark(2.5, 3, (LevelPick("Кроки", "Усі", 2),), "Добре.", datetime(2026, 12, 7, 12, tzinfo=UTC),
                     "Ірина Коваль")
    (scored,) = grading_statements(doc, [(response["uid"], mark), ("no-such-essay", mark)])
    assert scored["verb"]["id"] == VERB + "scored" and scored["object"]["id"] == answered["object"]["id"]
    assert scored["result"]["score"] == {"scaled": 0.8333, "raw": 2.5, "min": 0, "max": 3}
    assert scored["context"]["instructor"]["name"] == "Ірина Коваль"
    assert scored["context"]["registration"] == answered["context"]["registration"]
    assert_valid([answered, scored])
