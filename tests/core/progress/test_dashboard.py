"""The methodist's dashboard figures, checked against numbers worked out by hand for a tiny course."""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from etrainer.core.course.model import Course, Lesson, Module
from etrainer.core.ids import CourseId, LessonId, ModuleId, QuestionId, QuizId, ScenarioId
from etrainer.core.progress.dashboard import (
    DashboardData,
    DashboardFilter,
    EventRecord,
    LearnerRecord,
    LessonRecord,
    QuizAttemptRecord,
    ResponseRecord,
    WalkthroughRecord,
    apply_filter,
    choices,
    competency_results,
    learner_detail,
    module_matrix,
)
from etrainer.core.progress.item_analysis import FALSE_LABEL, TRUE_LABEL, item_analysis, pearson, walkthrough_hotspots
from etrainer.core.progress.units import ModuleState
from etrainer.core.quiz.model import Answer, Question, QuestionKind, Quiz, TrueFalse
from etrainer.core.walkthrough.model import (
    ActionKind,
    Control,
    ControlKind,
    Decision,
    Persona,
    Portal,
    Response,
    Scenario,
    Screen,
    Step,
)

DAY = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


def at(days: int) -> datetime:
    return DAY + timedelta(days=days)


def _lesson(module: str, lesson_id: str, *tags: str) -> Lesson:
    return Lesson(LessonId(lesson_id), lesson_id.upper(), ModuleId(module), Path(f"{lesson_id}.md"), "", tags=tags)


def make_course() -> Course:
    m1 = Module(ModuleId("m1"), "Перший", Path("m1"), (_lesson("m1", "l1", "a"), _lesson("m1", "l2", "a")))
    m2 = Module(ModuleId("m2"), "Другий", Path("m2"), (_lesson("m2", "l3", "b"),))
    q1 = Quiz(QuizId("q1"), "Тест 1", (
        Question(QuestionId("s1"), QuestionKind.SINGLE_CHOICE, "Обери", title="Вибір",
                 answers=(Answer("Так", 1.0), Answer("Ні", 0.0), Answer("Можливо", 0.0))),
        Question(QuestionId("t1"), QuestionKind.TRUE_FALSE, "Правда?", true_false=TrueFalse(True)),
        Question(QuestionId("x1"), QuestionKind.SHORT_ANSWER, "Напиши", answers=(Answer("ЦНАП", 1.0),)),
    ), module_id=ModuleId("m1"))
    q2 = Quiz(QuizId("q2"), "Тест 2", (Question(QuestionId("y1"), QuestionKind.TRUE_FALSE, "Так?",
                                                true_false=TrueFalse(False)),), module_id=ModuleId("m2"))
    screen = Screen("s", "Головна", (Control("c1", ControlKind.BUTTON, "Увійти"),))
    decision = Decision("Запишіть мій пароль?", (Response("r1", "Ні", True, "Так"), Response("r2", "Так", False, "")))
    scenario = Scenario(ScenarioId("sc1"), "Тренажер", "послуга", Persona("Ганна", "", ""), Portal("Портал", "x"),
                        (screen,), (Step("st1", "s", ActionKind.CLICK, "c1"),
                                    Step("st2", "s", ActionKind.DECIDE, decision=decision)), "s",
                        module_id=ModuleId("m2"))
    return Course(CourseId("c"), "Курс", "1", Path("."), (m1, m2), quizzes=(q1, q2), scenarios=(scenario,))


def _attempt(uid: str, learner: str, quiz: str, score: float | None, day: int = 1, kind: str = "quiz",
             passed: bool | None = None) -> QuizAttemptRecord:
    finished = at(day) + timedelta(minutes=10) if score is not None else None
    return QuizAttemptRecord(uid, learner, quiz, at(day), finished, score, passed, kind=kind)


def _responses(attempt: str, s1: tuple[int, float], t1: tuple[bool, float], x1: float) -> list[ResponseRecord]:
    return [ResponseRecord(attempt, "s1", "single_choice", s1[1], s1[1] == 1,
                           json.dumps({"kind": "choice", "picked": [s1[0]]})),
            ResponseRecord(attempt, "t1", "true_false", t1[1], t1[1] == 1,
                           json.dumps({"kind": "true_false", "value": t1[0]})),
            ResponseRecord(attempt, "x1", "short_answer", x1, x1 == 1, json.dumps({"kind": "text", "text": "?"}))]


def make_data() -> DashboardData:
    learners = (LearnerRecord("A", "Анна", "Центральна", "бібліотекарка"),
                LearnerRecord("B", "Богдан", "Центральна", "методист"),
                LearnerRecord("C", "Віра", "Філія 2", "бібліотекарка"))
    lessons = (LessonRecord("A", "l1", "m1", at(0), at(0)), LessonRecord("A", "l2", "m1", at(5), at(5)),
               LessonRecord("B", "l1", "m1", at(2), at(2)), LessonRecord("C", "l3", "m2", at(3), at(3)),
               LessonRecord("C", "l1", "m1", None, at(3)), LessonRecord("C", "gone", None, at(3), at(3)))
    attempts = (_attempt("A1", "A", "q1", 1 / 3, day=1), _attempt("A2", "A", "q1", 1.0, day=6, passed=True),
                _attempt("B1", "B", "q1", 0.0, day=2), _attempt("C1", "C", "q1", None, day=3),
                _attempt("AR", "A", "q2", 1.0, day=7, kind="review"), _attempt("C2", "C", "q2", 0.8, day=4))
    responses = (_responses("A1", (0, 1), (False, 0), 0) + _responses("A2", (0, 1), (True, 1), 1)
                 + _responses("B1", (1, 0), (False, 0), 0)
                 + [ResponseRecord("AR", "y1", "true_false", 1, True, '{"kind":"true_false","value":false}')])
    walks = (WalkthroughRecord("W1", "A", "sc1", at(8), "practice", at(8), 92, True, 1, 1),
             WalkthroughRecord("W2", "B", "sc1", at(8), "test", at(8), 60, False, 2, 0),
             WalkthroughRecord("W3", "C", "sc1", at(8), "demo", at(8), None, None, 0, 0))
    events = (EventRecord("W1", "action", "st1", False), EventRecord("W1", "hint", "st1", True),
              EventRecord("W1", "action", "st1", True), EventRecord("W1", "action", "st2", True),
              EventRecord("W2", "action", "st1", False), EventRecord("W2", "action", "st2", False),
              EventRecord("W3", "action", "st2", False), EventRecord("W1", "action", None, False))
    return DashboardData(learners, lessons, attempts, tuple(responses), walks, events)


def test_matrix_counts_lessons_read_best_quiz_and_walkthroughs() -> None:
    matrix = module_matrix(make_course(), make_data())
    assert [m.id for m in matrix.modules] == ["m1", "m2"]
    rows = {row.learner.uid: row for row in matrix.rows}
    assert [row.learner.name for row in matrix.rows] == ["Анна", "Богдан", "Віра"]
    a1, a2 = rows["A"].cells
    assert (a1.lessons_read, a1.lessons_total, a1.best_quiz_score, a1.quiz_passed) == (2, 2, 1.0, True)
    assert (a2.lessons_read, a2.best_quiz_score, a2.walkthroughs_passed, a2.walkthroughs_total) == (0, None, 1, 1)
    b1, b2 = rows["B"].cells
    # Completion counts units (docs/progress.md): m1 = l1, l2, q1; m2 = l3, q2, sc1; the course 6 units.
    assert (b1.lessons_read, b1.best_quiz_score, b1.quiz_passed, b1.completion) == (1, 0.0, False, pytest.approx(1 / 3))
    assert b2.walkthroughs_passed == 0 and b2.state is ModuleState.IN_PROGRESS  # a failed walkthrough is a try
    c1, c2 = rows["C"].cells
    assert (c1.lessons_read, c1.best_quiz_score) == (0, None)  # l1 opened, not read; q1 never finished
    assert c1.state is ModuleState.IN_PROGRESS and c1.completion == 0  # but an attempt started: in progress
    assert (c2.lessons_read, c2.best_quiz_score) == (1, 0.8)
    assert a1.state is ModuleState.DONE and a2.state is ModuleState.IN_PROGRESS  # q2 only reviewed, sc1 passed
    assert rows["A"].completion == pytest.approx(4 / 6)
    assert rows["C"].lessons_read == 1 and rows["C"].completion == pytest.approx(1 / 6)
    assert matrix.mean_completion() == pytest.approx((4 / 6 + 1 / 6 + 1 / 6) / 3)


def test_review_sessions_and_unfinished_attempts_do_not_count_as_quiz_results() -> None:
    data = make_data()
    only_review = DashboardData(data.learners, (), tuple(a for a in data.quiz_attempts if a.uid in {"AR", "C1"}))
    matrix = module_matrix(make_course(), only_review)
    assert all(cell.best_quiz_score is None for row in matrix.rows for cell in row.cells)


def test_competencies_share_read_and_mean_best_score_per_tag() -> None:
    results = {r.tag: r for r in competency_results(make_course(), make_data())}
    assert set(results) == {"a", "b"}
    # tag a: l1 and l2; read A–l1, A–l2, B–l1 of 3 learners × 2 lessons; q1 (module m1) best: A 1.0, B 0.0
    assert (results["a"].lessons, results["a"].read_share) == (2, 0.5)
    assert (results["a"].mean_quiz_score, results["a"].quiz_results) == (0.5, 2)
    # tag b: l3 read by C only; q2 (module m2): C 0.8 (A's review session does not count)
    assert results["b"].read_share == pytest.approx(1 / 3)
    assert (results["b"].mean_quiz_score, results["b"].quiz_results) == (0.8, 1)


def test_filters_by_branch_position_and_dates() -> None:
    data = make_data()
    central = apply_filter(data, DashboardFilter(branch="Центральна"))
    assert {x.uid for x in central.learners} == {"A", "B"}
    assert {a.uid for a in central.quiz_attempts} == {"A1", "A2", "B1", "AR"}
    assert {r.attempt_uid for r in central.responses} == {"A1", "A2", "B1", "AR"}
    librarians = apply_filter(data, DashboardFilter(position="бібліотекарка"))
    assert {x.uid for x in librarians.learners} == {"A", "C"}
    early = apply_filter(data, DashboardFilter(start=date(2026, 10, 2), end=date(2026, 10, 4)))
    assert {a.uid for a in early.quiz_attempts} == {"A1", "B1", "C1"}  # started 2 Oct, 3 Oct, 4 Oct
    assert {r.attempt_uid for r in early.responses} == {"A1", "B1"}
    assert early.walkthroughs == () and early.events == ()
    read = {(r.learner_uid, r.lesson_id) for r in early.lessons if r.completed_at is not None}
    assert read == {("B", "l1"), ("C", "l3"), ("C", "gone")}  # A read l1 on day 0 and l2 on day 5
    matrix = module_matrix(make_course(), early)
    assert {row.learner.uid: row.lessons_read for row in matrix.rows} == {"A": 0, "B": 1, "C": 1}


def test_filter_choices_list_branches_and_positions_once() -> None:
    assert choices(make_data()) == (("Філія 2", "Центральна"), ("бібліотекарка", "методист"))


def test_learner_detail_lists_her_lessons_quizzes_and_walkthroughs() -> None:
    detail = learner_detail(make_course(), make_data(), "A")
    assert detail is not None
    assert [(line.lesson_id, line.title) for line in detail.lessons] == [("l1", "L1"), ("l2", "L2")]
    assert [(q.id, q.title, q.attempts, q.best_score, q.passed) for q in detail.quizzes] == [
        ("q1", "Тест 1", 2, 1.0, True)]
    assert [(w.id, w.attempts, w.best_score, w.errors, w.hints) for w in detail.walkthroughs] == [
        ("sc1", 1, 92, 1, 1)]
    assert detail.cells[0].lessons_read == 2
    assert learner_detail(make_course(), make_data(), "nobody") is None


def test_pearson_by_hand() -> None:
    assert pearson([1, 1, 0], [0, 2, 0]) == pytest.approx(0.5)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 1, 1], [0, 1, 2]) is None
    assert pearson([1.0], [2.0]) is None


def test_item_analysis_facility_discrimination_and_options() -> None:
    items = item_analysis(make_course(), make_data())
    assert [(i.quiz_id, i.question_id) for i in items] == [("q1", "t1"), ("q1", "x1"), ("q1", "s1")]
    t1, x1, s1 = items
    # attempts A1, A2, B1 (review AR and unfinished C1 left out); totals 1, 3, 0
    assert (s1.responses, s1.text, s1.kind) == (3, "Вибір", "single_choice")
    assert s1.facility == pytest.approx(2 / 3)
    assert s1.discrimination == pytest.approx(0.5)  # s1 scores 1,1,0 against rest 0,2,0
    assert [(o.text, o.correct, o.chosen) for o in s1.options] == [("Так", True, 2), ("Ні", False, 1),
                                                                   ("Можливо", False, 0)]
    assert s1.options[1].share == pytest.approx(1 / 3)
    assert t1.facility == pytest.approx(1 / 3)
    assert t1.discrimination == pytest.approx(math.sqrt(3) / 2)  # 0,1,0 against rest 1,2,0
    assert [(o.text, o.correct, o.chosen) for o in t1.options] == [(TRUE_LABEL, True, 1), (FALSE_LABEL, False, 2)]
    assert x1.options == () and x1.text == "Напиши"


def test_item_analysis_names_unknown_options_and_ignores_absurd_indices() -> None:
    data = DashboardData((LearnerRecord("A", "Анна"),), (), (_attempt("Z", "A", "q1", 0.0),),
                         (ResponseRecord("Z", "s1", "single_choice", 0, False, '{"kind":"choice","picked":[4]}'),
                          ResponseRecord("Z", "s1", "single_choice", 0, False,
                                         '{"kind":"choice","picked":[100000, -1, true]}')))
    (item,) = item_analysis(make_course(), data)
    assert [(o.text, o.chosen) for o in item.options] == [("Так", 0), ("Ні", 0), ("Можливо", 0), ("#4", 0),
                                                          ("#5", 1)]


def test_hotspots_rank_steps_by_errors_and_hints_without_demo_runs() -> None:
    (scenario,) = walkthrough_hotspots(make_course(), make_data())
    assert (scenario.scenario_id, scenario.title, scenario.attempts) == ("sc1", "Тренажер", 2)
    first, second = scenario.steps
    assert (first.step_id, first.errors, first.hints, first.attempts, first.position) == ("st1", 2, 1, 2, 0)
    assert first.label == "Головна — Увійти"
    assert (second.step_id, second.errors, second.hints, second.attempts) == ("st2", 1, 0, 1)
    assert second.label == "Запишіть мій пароль?"
