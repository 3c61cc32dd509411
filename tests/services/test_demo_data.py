"""Demo learners: made through the real services, varied, reproducible, spread over past weeks, exportable."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from tests.conftest import FakeClock

from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.services.demo_data import BRANCHES, POSITIONS, make_demo_learners
from etrainer.services.transfer import ExportService
from etrainer.storage.models import (
    LessonVisitRow,
    QuizAttemptRow,
    QuizResponseRow,
    WalkthroughAttemptRow,
    WalkthroughEventRow,
)


@pytest.fixture(scope="module")
def course() -> Course:
    return load_pack(bundled_course_dir()).course


def services_for(database: Any) -> Any:
    return SimpleNamespace(database=database)


def test_learners_are_varied_and_plausible(database: Any, sessions: sessionmaker[Session], course: Course,
                                           clock: FakeClock) -> None:
    made = make_demo_learners(services_for(database), course, 6, seed=11, clock=clock)
    assert len(made) == 6 and len({m.name for m in made}) == 6
    assert all(m.branch in BRANCHES and m.position in POSITIONS for m in made)
    assert len({m.lessons_read for m in made}) > 2  # different learners got different distances
    with sessions.begin() as session:
        correct = set(session.scalars(select(QuizResponseRow.correct)))
        passed = set(session.scalars(select(QuizAttemptRow.passed).where(QuizAttemptRow.finished_at.is_not(None))))
        walks = list(session.scalars(select(WalkthroughAttemptRow)))
        kinds = set(session.scalars(select(WalkthroughEventRow.kind)))
        wrong_moves = session.scalars(select(WalkthroughEventRow).where(WalkthroughEventRow.correct.is_(False),
                                                                        WalkthroughEventRow.kind == "action")).first()
        opened = list(session.scalars(select(LessonVisitRow.opened_at)))
    assert correct == {True, False} and True in passed
    assert walks and {w.mode for w in walks} <= {"practice", "test"} and any(w.passed for w in walks)
    assert kinds == {"action", "hint"} and wrong_moves is not None
    assert min(opened) < clock.now - timedelta(days=10) and max(opened) <= clock.now


def test_the_same_seed_makes_the_same_learners(tmp_path: Any, course: Course, clock: FakeClock,
                                               database: Any) -> None:
    from etrainer.storage.db import open_database
    from etrainer.storage.migrate import upgrade_to_head

    other_path = tmp_path / "other.sqlite"
    upgrade_to_head(other_path)
    other = open_database(other_path)
    try:
        first = make_demo_learners(services_for(database), course, 3, seed=5, clock=clock)
        second = make_demo_learners(services_for(other), course, 3, seed=5, clock=clock)
    finally:
        other.dispose()
    assert [(m.name, m.lessons_read, m.quiz_attempts, m.walkthrough_attempts) for m in first] == \
        [(m.name, m.lessons_read, m.quiz_attempts, m.walkthrough_attempts) for m in second]


def test_demo_learners_export_to_valid_progress_documents(database: Any, sessions: sessionmaker[Session],
                                                           course: Course) -> None:
    made = make_demo_learners(services_for(database), course, 3, seed=2)
    exporter = ExportService(sessions)
    for learner in made:
        doc = exporter.document(learner.id, course)
        assert len({p.lesson_id for p in doc.lesson_progress if p.completed_at}) == learner.lessons_read
        assert len([a for a in doc.quiz_attempts if a.kind == "quiz"]) == learner.quiz_attempts
        assert len(doc.walkthrough_attempts) == learner.walkthrough_attempts


def test_names_already_taken_are_not_reused(database: Any, sessions: sessionmaker[Session], course: Course) -> None:
    first = make_demo_learners(services_for(database), course, 2, seed=9)
    second = make_demo_learners(services_for(database), course, 2, seed=9)
    assert not {m.name for m in first} & {m.name for m in second}
