"""Essays end to end through the services: the learner writes (draft saved, then sent) → exports progress →
the workspace imports → the methodist marks with the rubric → a signed reply → the learner's app opens it.
And every refusal of a reply: tampered, foreign key, unknown learner; the same file twice changes nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker
from tests.conftest import FakeClock

from etrainer.core.course.context import PackContext
from etrainer.core.course.model import Course
from etrainer.core.learner.profiles import Profile
from etrainer.core.progress.feedback import FeedbackReason, FeedbackRejected
from etrainer.core.quiz.loading import load_quiz_file
from etrainer.core.quiz.model import QuestionKind, Quiz
from etrainer.core.quiz.response import EssayResponse
from etrainer.exchange.signing import InstallationKey
from etrainer.services.essay_grading import EssayGradingService, PointsOutOfRange, UnknownEssay
from etrainer.services.essays import EssayService
from etrainer.services.methodist import FileStatus, WorkspaceService
from etrainer.services.quizzes import QuizService
from etrainer.services.transfer import ExportService
from etrainer.storage.workspace import Workspace, open_workspace

DATA = Path(__file__).resolve().parents[1] / "data" / "quiz"
ESSAY_TEXT = "Спершу я запитала б, яку послугу шукає відвідувач, а потім показала б кроки на екрані."


@pytest.fixture(scope="module")
def bank() -> Quiz:
    quiz = load_quiz_file(DATA / "module.quiz.yaml", PackContext(root=DATA, module_ids={"admin-services"}))
    assert quiz is not None
    return quiz


@pytest.fixture
def essay_course(course: Course, bank: Quiz) -> Course:
    return replace(course, quizzes=(bank,))


@pytest.fixture
def workspace(workspace_url: str) -> Workspace:
    """A new workspace on each engine (SQLite, and PostgreSQL when a server can be had)."""
    opened = open_workspace(workspace_url)
    yield opened
    opened.dispose()


def sent_essay(sessions: sessionmaker[Session], clock: FakeClock, learner: Profile, course: Course,
               bank: Quiz) -> tuple[QuizService, str]:
    quizzes = QuizService(sessions, clock=clock, seed=lambda: 1)
    attempt = quizzes.start(learner.id, bank, course)
    position = next(i for i, d in enumerate(attempt.questions) if d.question.kind is QuestionKind.ESSAY)
    quizzes.save_essay_draft(attempt, position, "Спершу я")
    assert quizzes.essay_draft(attempt, position) == "Спершу я"
    attempt = quizzes.answer(learner.id, attempt, position, EssayResponse(ESSAY_TEXT))
    done = quizzes.finish(learner.id, attempt)
    assert done.pending == 1
    return quizzes, done.uid


def round_trip(tmp_path: Path, sessions: sessionmaker[Session], clock: FakeClock, learner: Profile,
               course: Course, bank: Quiz, workspace: Workspace) -> tuple[EssayGradingService, Path]:
    sent_essay(sessions, clock, learner, course, bank)
    progress = ExportService(sessions, clock=clock).export_progress(learner.id, course, tmp_path)
    assert json.loads(progress.read_text(encoding="utf-8"))["version"] == 2
    assert WorkspaceService(workspace).import_file(progress).status is FileStatus.IMPORTED
    grading = EssayGradingService(workspace, course, clock=clock)
    (essay,) = grading.essays(pending=True)
    assert (essay.learner_name, essay.question_id, essay.text, essay.max_points) == (
        learner.name, "desk-reflection", ESSAY_TEXT, 3)
    assert essay.words == 15 and essay.status == "pending" and essay.module_id == "admin-services"
    marked = grading.grade(essay.id, comment="Добре: кроки по порядку.", levels=[2, 0], grader="Ірина")
    assert marked.mark is not None and marked.mark.points == 2
    assert [(p.criterion, p.level) for p in marked.mark.levels] == [("Кроки", "Усі кроки по порядку"),
                                                                    ("Безпека даних", "Не згадано")]
    assert grading.essays(pending=True) == [] and grading.counts()[essay.learner_uid].graded == 1
    (reply,) = grading.export_feedback(tmp_path / "replies")
    assert reply.suffix == ".etfeedback"
    assert grading.export_feedback(tmp_path / "replies") == []          # nothing new to send
    return grading, reply


def test_an_essay_goes_to_the_methodist_and_her_mark_comes_back(
        tmp_path: Path, sessions: sessionmaker[Session], clock: FakeClock, learner: Profile,
        essay_course: Course, bank: Quiz, workspace: Workspace) -> None:
    _, reply = round_trip(tmp_path, sessions, clock, learner, essay_course, bank, workspace)
    essays = EssayService(sessions, clock=clock)
    assert essays.new_feedback_count(learner.id) == 0
    opened = essays.open_feedback(reply)
    assert (opened.new, opened.updated, opened.unchanged, opened.first_key) == (1, 0, 0, True)
    assert essays.new_feedback_count(learner.id) == 1
    (mark,) = essays.marks(learner.id)
    assert (mark.mark.points, mark.mark.max_points, mark.mark.comment, mark.mark.grader) == (
        2, 3, "Добре: кроки по порядку.", "Ірина")
    assert mark.question_id == "desk-reflection" and not mark.seen
    again = essays.open_feedback(reply)                                  # the same file twice: nothing changes
    assert (again.new, again.updated, again.unchanged, again.first_key) == (0, 0, 1, False)
    essays.mark_seen(learner.id, essays.marks(learner.id))
    assert essays.new_feedback_count(learner.id) == 0
    essays.open_feedback(reply)
    assert essays.new_feedback_count(learner.id) == 0


def test_a_regrade_is_sent_again_and_replaces_the_mark(
        tmp_path: Path, sessions: sessionmaker[Session], clock: FakeClock, learner: Profile,
        essay_course: Course, bank: Quiz, workspace: Workspace) -> None:
    grading, reply = round_trip(tmp_path, sessions, clock, learner, essay_course, bank, workspace)
    essays = EssayService(sessions, clock=clock)
    essays.open_feedback(reply)
    clock.advance(minutes=5)
    (essay,) = grading.essays()
    grading.grade(essay.id, 3, "Тепер усе.")
    (second,) = grading.export_feedback(tmp_path / "replies")
    assert second != reply
    opened = essays.open_feedback(second)
    assert opened.updated == 1
    assert [m.mark.points for m in essays.marks(learner.id)] == [3]


@pytest.mark.parametrize(("points", "error"), [(4, PointsOutOfRange), (-1, PointsOutOfRange)])
def test_points_out_of_range_are_refused(
        tmp_path: Path, sessions: sessionmaker[Session], clock: FakeClock, learner: Profile,
        essay_course: Course, bank: Quiz, workspace: Workspace, points: float, error: type) -> None:
    sent_essay(sessions, clock, learner, essay_course, bank)
    progress = ExportService(sessions, clock=clock).export_progress(learner.id, essay_course, tmp_path)
    WorkspaceService(workspace).import_file(progress)
    grading = EssayGradingService(workspace, essay_course)
    (essay,) = grading.essays()
    with pytest.raises(error, match="from 0 to 3"):
        grading.grade(essay.id, points)
    with pytest.raises(UnknownEssay):
        grading.grade(essay.id + 100, 1)
    assert grading.essays(pending=True) == [essay]


def _resign(path: Path, key: InstallationKey | None, change: dict | None = None) -> Path:
    doc = json.loads(path.read_text(encoding="utf-8"))
    for name, value in (change or {}).items():
        doc["grades"][0][name] = value
    if key is not None:
        doc = key.sign(doc)
    target = path.with_name("changed.etfeedback")
    target.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return target


@pytest.mark.parametrize("case", ["tampered", "foreign", "unknown_learner", "not_json", "array", "text", "bytes"])
def test_a_bad_reply_is_refused_with_its_reason_and_changes_nothing(
        tmp_path: Path, sessions: sessionmaker[Session], clock: FakeClock, learner: Profile,
        essay_course: Course, bank: Quiz, workspace: Workspace, case: str) -> None:
    _, reply = round_trip(tmp_path, sessions, clock, learner, essay_course, bank, workspace)
    essays = EssayService(sessions, clock=clock)
    if case == "foreign":
        essays.open_feedback(reply)                                      # the workspace's key is trusted now
        before = essays.marks(learner.id)
        bad = _resign(reply, InstallationKey.generate(), {"points": 3, "graded_at": "2030-01-01T00:00:00Z"})
        expected = FeedbackReason.KEY_CHANGED
    else:
        before = []
        if case == "tampered":
            bad, expected = _resign(reply, None, {"points": 3}), FeedbackReason.BAD_SIGNATURE
        elif case == "unknown_learner":
            doc = json.loads(reply.read_text(encoding="utf-8"))
            doc["learner"]["uid"] = "someone-else"
            bad = reply.with_name("x.etfeedback")
            bad.write_text(json.dumps(InstallationKey.generate().sign(doc), ensure_ascii=False), encoding="utf-8")
            expected = FeedbackReason.UNKNOWN_LEARNER
        elif case == "not_json":
            bad = reply.with_name("x.etfeedback")
            bad.write_text("{\"format\": \"etrainer-feedback\", ", encoding="utf-8")
            expected = FeedbackReason.TRUNCATED
        else:                                                            # not a JSON object at all
            bad = reply.with_name("x.etfeedback")
            bad.write_bytes({"array": b"[1,2]", "text": b"hello", "bytes": b"\x89PNG\r\n\x1a\n\x00\xff"}[case])
            expected = FeedbackReason.NOT_A_FEEDBACK_FILE
    with pytest.raises(FeedbackRejected) as caught:
        essays.open_feedback(bad)
    assert caught.value.reason is expected and caught.value.reason.sentence in str(caught.value)
    assert essays.marks(learner.id) == before
    if case == "foreign":                                                # she checked with her methodist
        assert essays.open_feedback(bad, trust_new_key=True).updated == 1


def test_essays_stay_out_of_the_review_deck(
        sessions: sessionmaker[Session], clock: FakeClock, learner: Profile, essay_course: Course,
        bank: Quiz) -> None:
    quizzes, _ = sent_essay(sessions, clock, learner, essay_course, bank)
    clock.advance(days=30)
    review = quizzes.start_review(learner.id, essay_course)             # the unanswered others are due
    assert review is not None and len(review.questions) == sum(
        1 for q in bank.questions if q.kind not in (QuestionKind.ESSAY, QuestionKind.DESCRIPTION))
    assert all(d.question.kind is not QuestionKind.ESSAY for d in review.questions)
