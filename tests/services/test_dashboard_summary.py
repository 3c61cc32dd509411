"""The dashboard computed in the database (storage.workspace_summary + core.progress.summary) equals the
reference computed from every record in memory (core.progress.dashboard / item_analysis), on both engines,
over a generated workspace with edge cases: learners with no records, several branches and positions,
filters that keep nobody or no dates, unfinished and review attempts, scores that are not binary fractions,
ids the course no longer has, mixed question kinds, demo and abandoned walkthroughs, events without a step."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from etrainer.core.consultation.stats import training_by_module
from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.core.progress.dashboard import (
    QUIZ_KIND,
    DashboardData,
    DashboardFilter,
    apply_filter,
    choices,
    competency_results,
    learner_detail,
    module_matrix,
)
from etrainer.core.progress.item_analysis import item_analysis, pearson, walkthrough_hotspots
from etrainer.core.progress.summary import counted_pearson
from etrainer.paths import bundled_course_dir
from etrainer.services.methodist import WorkspaceService
from etrainer.storage import workspace_models as m
from etrainer.storage.workspace import COLUMNS, WorkspaceRepository, bulk_insert, open_workspace
from etrainer.storage.workspace_summary import WorkspaceSummary

BRANCHES = ("Центральна бібліотека", "Філія № 1", "Сільська філія")
POSITIONS = ("бібліотекар", "завідувачка філії")
START = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
SCORES = (0.0, 1.0, 0.5, 1 / 3, 2 / 3, 0.1, 0.7, 0.25)
FILTERS = (
    DashboardFilter(),
    DashboardFilter(branch=BRANCHES[1]),
    DashboardFilter(position=POSITIONS[0]),
    DashboardFilter(branch=BRANCHES[2], position=POSITIONS[1]),
    DashboardFilter(branch="Немає такої бібліотеки"),
    DashboardFilter(start=date(2026, 9, 20)),
    DashboardFilter(end=date(2026, 9, 25)),
    DashboardFilter(branch=BRANCHES[0], start=date(2026, 9, 10), end=date(2026, 10, 5)),
    DashboardFilter(start=date(2020, 1, 1), end=date(2020, 1, 31)),
)


@pytest.fixture(scope="module")
def course() -> Course:
    return load_pack(bundled_course_dir()).course


def _response(rng: random.Random, kind: str) -> str:
    if kind in ("single_choice", "multiple_choice"):
        return json.dumps({"kind": "choice", "picked": sorted(rng.sample(range(5), rng.randint(0, 2)))})
    if kind == "true_false":
        return json.dumps({"kind": "true_false", "value": rng.random() < 0.5})
    return json.dumps({"kind": "text", "text": rng.choice(("так", "ні", ""))})


def fill(url: str, course: Course, learners: int = 36, seed: int = 7) -> None:
    """Learners' rows written straight into the workspace at `url`, with every edge case the views meet."""
    rng = random.Random(seed)
    workspace = open_workspace(url)
    when = lambda: START + timedelta(days=rng.randrange(75), minutes=rng.randrange(600))  # noqa: E731
    rows: dict[Any, list[tuple[Any, ...]]] = {model: [] for model in COLUMNS}
    people, attempts_q, attempts_w = [], 0, 0
    quizzes = [q for q in course.quizzes if q.questions] + [course.quizzes[0]]
    lessons = list(course.lessons())
    for n in range(1, learners + 1):
        people.append((n, f"learner-{n:03d}", f"Людмила Ткаченко {n % 7}", BRANCHES[n % 3], POSITIONS[n % 2],
                       bytes(32), "", START, START, START))
        if n % 9 == 0:
            continue  # no records at all
        for lesson in [*rng.sample(lessons, rng.randrange(len(lessons))), None]:
            opened = when()
            done = opened + timedelta(days=rng.choice((0, 0, 20))) if rng.random() < 0.7 else None
            lesson_id = lesson.id if lesson else "a-lesson-no-longer-here"
            rows[m.WsLessonProgressRow].append((
                f"lp-{n}-{lesson_id}", n, course.id, "1", lesson_id, lesson.module_id if lesson else None, opened,
                opened, done, 60, 1))
        for _ in range(rng.randrange(8)):
            attempts_q += 1
            quiz = rng.choice(quizzes)
            quiz_id = quiz.id if rng.random() < 0.9 else "a-quiz-no-longer-here"
            started = when()
            finished = started + timedelta(minutes=9) if rng.random() < 0.8 else None
            score = rng.choice((*SCORES, None)) if finished else None
            kind = QUIZ_KIND if rng.random() < 0.85 else "review"
            passed = rng.choice((True, False, None)) if finished else None
            rows[m.WsQuizAttemptRow].append((
                attempts_q, f"qa-{attempts_q}", n, course.id, "1", quiz_id, quiz.module_id, kind, started, finished,
                len(quiz.questions), score, passed, 0.8))
            for position, question in enumerate(rng.sample(quiz.questions, min(len(quiz.questions), 6))):
                kind_now = question.kind.value
                if question.id == quizzes[0].questions[0].id and attempts_q % 3 == 0:
                    kind_now = "true_false"  # the course changed the question's kind between versions
                rows[m.WsQuizResponseRow].append((
                    f"qr-{attempts_q}-{position}", n, attempts_q, position, question.id, kind_now,
                    _response(rng, kind_now), rng.choice(SCORES), rng.random() < 0.5, started, 10.0))
        for _ in range(rng.randrange(5)):
            attempts_w += 1
            scenario = rng.choice(course.scenarios)
            gone = rng.random() < 0.1
            started = when()
            finished = started + timedelta(minutes=5) if rng.random() < 0.8 else None
            rows[m.WsWalkthroughAttemptRow].append((
                attempts_w, f"wa-{attempts_w}", n, course.id, "1", "a-scenario-no-longer-here" if gone else scenario.id,
                rng.choice((scenario.module_id, None)) if gone else scenario.module_id,
                rng.choice(("practice", "practice", "test", "demo")), started, finished, rng.random() < 0.1, 300.0,
                0, 0, 0, 0, 0, 0, rng.randrange(101) if finished else None,
                rng.choice((True, False, None)) if finished else None))
            for seq, step in enumerate(scenario.steps[:8]):
                kind = rng.choice(("action", "action", "hint"))
                rows[m.WsWalkthroughEventRow].append((
                    f"we-{attempts_w}-{seq}", n, attempts_w, seq, 5.0 * seq, kind,
                    None if rng.random() < 0.05 else step.id, rng.random() < 0.6, None))
    with workspace.database.engine.begin() as connection:
        columns = ("id", "uid", "name", "branch", "position", "public_key", "installation", "first_import_at",
                   "last_import_at", "last_exported_at")
        bulk_insert(connection, m.WsLearnerRow.__table__, columns, people)
        for model, given in rows.items():
            if given:
                with_id = model in (m.WsQuizAttemptRow, m.WsWalkthroughAttemptRow)
                bulk_insert(connection, model.__table__, ("id", *COLUMNS[model]) if with_id else COLUMNS[model],
                            given)
    workspace.dispose()


@pytest.fixture
def filled(workspace_url: str, course: Course) -> WorkspaceService:
    fill(workspace_url, course)
    service = WorkspaceService(open_workspace(workspace_url), course)
    yield service
    service.close()


def everything(service: WorkspaceService) -> DashboardData:
    with service.workspace.sessions.begin() as session:
        return WorkspaceRepository(session).dashboard_data()


@pytest.mark.parametrize("chosen", FILTERS, ids=str)
def test_the_summary_equals_the_in_memory_computation(filled: WorkspaceService, course: Course,
                                                      chosen: DashboardFilter) -> None:
    data = everything(filled)
    kept = apply_filter(data, chosen)
    dashboard = filled.dashboard(chosen)
    assert dashboard.matrix == module_matrix(course, kept)
    assert dashboard.competencies == competency_results(course, kept)
    assert dashboard.items == item_analysis(course, kept)
    assert dashboard.hotspots == walkthrough_hotspots(course, kept)
    assert (dashboard.branches, dashboard.positions) == choices(data)
    with filled.workspace.sessions.begin() as session:
        quizzes, walks = WorkspaceSummary(session).training(chosen)
        assert training_by_module(quizzes, walks) == training_by_module(
            ((a.module_id, a.score) for a in kept.quiz_attempts if a.kind == QUIZ_KIND and a.finished_at),
            ((w.module_id, w.passed) for w in kept.walkthroughs if w.finished_at and not w.abandoned))
    for learner in data.learners[:12]:
        assert filled.learner(learner.uid, chosen) == learner_detail(course, kept, learner.uid)


def test_the_generated_workspace_has_the_edge_cases(filled: WorkspaceService) -> None:
    """The comparison above is only worth something if the workspace holds what it is meant to."""
    data = everything(filled)
    with_records = {r.learner_uid for r in data.lessons}
    assert len(data.learners) - len(with_records) >= 3
    assert {a.kind for a in data.quiz_attempts} == {QUIZ_KIND, "review"}
    assert any(a.finished_at is None for a in data.quiz_attempts)
    assert any(a.score is not None and a.score * 3 % 1 for a in data.quiz_attempts)  # not a binary fraction
    assert {w.mode for w in data.walkthroughs} >= {"demo", "practice"}
    assert any(w.scenario_id == "a-scenario-no-longer-here" for w in data.walkthroughs)
    kinds = {(r.question_id, r.question_kind) for r in data.responses}
    assert len(kinds) > len({question for question, _ in kinds})
    assert any(e.step_id is None for e in data.events)
    dashboard = filled.dashboard()
    assert any(item.options for item in dashboard.items)
    assert any(item.discrimination is not None for item in dashboard.items)
    assert any(scenario.steps for scenario in dashboard.hotspots)
    nobody = filled.dashboard(DashboardFilter(branch="Немає такої бібліотеки"))
    assert nobody.matrix.rows == () and nobody.items == () and nobody.branches == dashboard.branches


def test_counted_pearson_is_pearson_of_the_repeated_pairs() -> None:
    rng = random.Random(3)
    xs = [rng.choice(SCORES) for _ in range(300)]
    ys = [rng.choice(SCORES) * 7 for _ in range(300)]
    counts: dict[tuple[float, float], int] = {}
    for pair in zip(xs, ys, strict=True):
        counts[pair] = counts.get(pair, 0) + 1
    assert counted_pearson(counts) == pearson(xs, ys) is not None
    assert counted_pearson({(1.0, 2.0): 5}) is None and pearson([1.0] * 5, [2.0] * 5) is None


def test_a_dashboard_being_computed_neither_blocks_nor_sees_a_writer(filled: WorkspaceService, workspace_url: str,
                                                                    course: Course) -> None:
    """The dashboard reads one snapshot in a transaction that takes no write lock: an import committing
    meanwhile (here another connection adding a learner) neither waits for it nor shows half-way."""
    other = open_workspace(workspace_url)
    try:
        with filled._snapshot() as session:
            summary = WorkspaceSummary(session)
            before = len(summary.learners(DashboardFilter()))
            with other.database.engine.begin() as connection:  # would wait, then fail, behind a write lock
                bulk_insert(connection, m.WsLearnerRow.__table__, ("id", "uid", "name", "branch", "position",
                                                                   "public_key", "installation", "first_import_at",
                                                                   "last_import_at", "last_exported_at"),
                            [(999, "learner-late", "Пізня Людмила", "", "", bytes(32), "", START, START, START)])
            assert len(summary.learners(DashboardFilter())) == before
        assert len(filled.dashboard().matrix.rows) == before + 1
    finally:
        other.dispose()
