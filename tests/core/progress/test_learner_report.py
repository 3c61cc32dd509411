"""The learner report: module rows, question rows, and when the course counts as completed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.conftest import build_course

from etrainer.core.progress.file import validate_document
from etrainer.core.progress.learner_report import learner_report

SAMPLE = Path(__file__).parents[2] / "data" / "progress" / "sample-v1.json"
LESSONS = {"what-are-e-services": "e-services", "diia-portal": "e-services", "passwords": "safety", "kep": "safety"}


def sample() -> dict[str, Any]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def with_lessons_read(doc: dict[str, Any], lessons: list[str]) -> dict[str, Any]:
    doc["records"]["lesson_progress"] = [
        {"uid": f"lp-{lesson}", "lesson_id": lesson, "module_id": LESSONS[lesson],
         "first_opened_at": "2026-10-02T08:00:00Z", "last_opened_at": f"2026-10-0{day}T08:00:00Z",
         "completed_at": f"2026-10-0{day}T09:00:00Z", "total_seconds": 600, "visits": 1}
        for day, lesson in enumerate(lessons, 2)]
    return doc


def test_module_rows_count_lessons_read_out_of_the_course() -> None:
    report = learner_report(validate_document(with_lessons_read(sample(), ["diia-portal", "kep"])), build_course())
    assert [(m.module_id, m.lessons_read, m.lessons_total) for m in report.modules] == [
        ("e-services", 1, 2), ("safety", 1, 2)]
    assert (report.lessons_read, report.lessons_total, report.percent) == (2, 4, 50)
    assert report.study_seconds == 1200 and not report.completed


def test_reading_every_lesson_completes_a_course_without_quizzes() -> None:
    doc = with_lessons_read(sample(), list(LESSONS))
    report = learner_report(validate_document(doc), build_course())
    assert report.completed and report.completed_at == datetime(2026, 10, 5, 9, tzinfo=UTC)


def test_without_the_course_modules_come_from_the_records() -> None:
    report = learner_report(validate_document(sample()))
    titles = {m.module_id: m for m in report.modules}
    assert titles["e-services"].lessons_total == 1 and titles["e-services"].walkthroughs_total == 1
    assert titles[None].quizzes_total == 1 and titles[None].best_quiz_score == 0.5
    assert not report.completed


def test_percent_and_completion_count_lessons_quizzes_and_walkthroughs_as_units() -> None:
    doc = with_lessons_read(sample(), [])
    attempt = doc["records"]["quiz_attempts"][0]
    attempt["score"], attempt["passed"] = 0.9, True  # the quiz is passed, no lesson read: no longer 0 %
    report = learner_report(validate_document(doc))
    assert (report.units_done, report.units_total, report.percent) == (1, 2, 50)
    doc = with_lessons_read(doc, ["what-are-e-services"])
    doc["records"]["walkthrough_attempts"][0]["module_id"] = "e-services"
    report = learner_report(validate_document(doc))
    assert not report.completed and report.percent == 66  # the walkthrough is not passed yet: 2 of 3
    walk = doc["records"]["walkthrough_attempts"][0]
    walk["finished_at"], walk["score"], walk["passed"], walk["abandoned"] = "2026-10-09T09:00:00Z", 90, True, False
    report = learner_report(validate_document(doc))
    assert report.completed and report.percent == 100
    assert report.completed_at == datetime(2026, 10, 9, 9, tzinfo=UTC)  # the last requirement met


def test_question_rows_count_answers_and_the_last_result() -> None:
    doc = sample()
    second = json.loads(json.dumps(doc["records"]["quiz_attempts"][0]))
    second["uid"], second["started_at"] = "qa-2", "2026-10-06T08:00:00Z"
    for index, response in enumerate(second["responses"]):
        response["uid"], response["answered_at"] = f"qr-b{index}", "2026-10-06T08:01:00Z"
        response["correct"], response["score"] = True, 1.0
    doc["records"]["quiz_attempts"].append(second)
    rows = {q.question_id: q for q in learner_report(validate_document(doc)).questions}
    assert (rows["q-two"].answered, rows["q-two"].correct, rows["q-two"].last_correct) == (2, 1, True)
    assert rows["q-one"].quiz_id == "basics-quiz"
