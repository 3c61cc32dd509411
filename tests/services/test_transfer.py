"""ExportService: the signed progress file round-trips with the same numbers, leaves personal data out,
signs with one stored installation key, writes through a temporary file, and feeds the consent summary."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from tests.conftest import FakeClock

from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.core.learner.profiles import Profile, ProfileNotFound
from etrainer.core.progress.file import ProgressFileRejected, RejectReason, file_name_for, read_progress_file
from etrainer.core.progress.format import ExportFailed
from etrainer.core.progress.learner_report import CourseNotCompleted
from etrainer.core.walkthrough.demo_answers import right_response, wrong_response
from etrainer.core.walkthrough.engine import Mode, ScenarioRun
from etrainer.paths import bundled_course_dir
from etrainer.services import transfer
from etrainer.services.learning import LearningService
from etrainer.services.profiles import ProfileService
from etrainer.services.quizzes import QuizService
from etrainer.services.transfer import ExportService
from etrainer.services.walkthroughs import WalkthroughService
from etrainer.storage.models import InstallationRow, QuizAttemptRow, QuizResponseRow, WalkthroughEventRow


@pytest.fixture(scope="module")
def course() -> Course:
    return load_pack(bundled_course_dir()).course


@pytest.fixture
def studied(sessions: sessionmaker[Session], learner: Profile, course: Course, clock: FakeClock) -> Profile:
    """Two lessons read, one quiz attempt (every other answer wrong), one finished walkthrough."""
    learning = LearningService(sessions, clock=clock)
    for lesson in list(course.lessons())[:2]:
        token = learning.open_lesson(learner.id, lesson)
        clock.advance(minutes=lesson.minutes)
        learning.close_lesson(token, lesson.minutes * 60, reached_end=True)
    quizzes = QuizService(sessions, clock=clock, seed=lambda: 7)
    quiz = course.quizzes[1]
    attempt = quizzes.start(learner.id, quiz, course)
    rng = random.Random(1)
    for position, drawn in enumerate(attempt.questions):
        response = right_response(drawn.question) if position % 2 else wrong_response(drawn.question, rng)
        clock.advance(seconds=20)
        attempt = quizzes.answer(learner.id, attempt, position, response, 20.0)
    quizzes.finish(learner.id, attempt)
    walks = WalkthroughService(sessions, clock=clock, monotonic=lambda: 0.0)
    scenario = course.scenarios[0]
    run, state = walks.start(learner.id, scenario, Mode.PRACTICE, course)
    at = 0.0
    while (step := ScenarioRun.demo_next(state)) is not None:
        at += 5
        state = ScenarioRun.apply(state, step[0], at).state
    walks.finish(run, state)
    return learner


def count(sessions: sessionmaker[Session], row: type) -> int:
    with sessions.begin() as session:
        return session.scalar(select(func.count()).select_from(row)) or 0


def test_export_then_read_gives_the_same_numbers(sessions: sessionmaker[Session], studied: Profile,
                                                 course: Course, clock: FakeClock, tmp_path: Path) -> None:
    path = ExportService(sessions, clock=clock).export_progress(studied.id, course, tmp_path / "out.etprogress")
    doc = read_progress_file(path)
    assert doc.learner.name == studied.name and doc.learner.uid == studied.uid
    assert doc.course.id == course.id and doc.course.version == course.version
    assert len(doc.lesson_progress) == 2 and all(p.completed_at is not None for p in doc.lesson_progress)
    assert len(doc.quiz_attempts) == count(sessions, QuizAttemptRow) == 1
    responses = doc.quiz_attempts[0].responses
    assert len(responses) == count(sessions, QuizResponseRow) == course.quizzes[1].questions.__len__()
    assert {r.correct for r in responses} == {True, False}
    with sessions.begin() as session:
        stored = session.scalar(select(QuizAttemptRow.score))
    assert doc.quiz_attempts[0].score == stored and doc.quiz_attempts[0].module_id == course.quizzes[1].module_id
    walk = doc.walkthrough_attempts[0]
    assert walk.passed and walk.score == 100 and walk.module_id == course.scenarios[0].module_id
    assert len(walk.events) == count(sessions, WalkthroughEventRow)
    assert doc.exported_at == clock.now.replace(microsecond=0)


def test_no_pin_notes_or_bookmarks_leave_the_computer(sessions: sessionmaker[Session], studied: Profile,
                                                      course: Course, tmp_path: Path) -> None:
    # Eight digits: a four-digit PIN could turn up by chance in a random id or the signature (it once did).
    ProfileService(sessions).set_pin(studied.id, "48151623")
    lesson = next(course.lessons())
    LearningService(sessions).set_note(studied.id, lesson.id, "Мій секретний конспект")
    LearningService(sessions).add_bookmark(studied.id, lesson.id, "", "Моя закладка")
    text = ExportService(sessions).export_progress(studied.id, course, tmp_path / "x.etprogress").read_text("utf-8")
    assert "конспект" not in text and "закладка" not in text
    assert "pin" not in json.loads(text)["learner"] and "48151623" not in text


def test_one_key_is_made_stored_and_reused(sessions: sessionmaker[Session], studied: Profile, course: Course,
                                           tmp_path: Path) -> None:
    with sessions.begin() as session:
        assert session.get(InstallationRow, 1).signing_key is None
    exporter = ExportService(sessions)
    first = read_progress_file(exporter.export_progress(studied.id, course, tmp_path / "1.etprogress"))
    second = read_progress_file(exporter.export_progress(studied.id, course, tmp_path / "2.etprogress"))
    assert first.signature is not None and second.signature is not None
    assert first.signature.public_key == second.signature.public_key == exporter.installation_key().public_raw
    with sessions.begin() as session:
        assert len(session.get(InstallationRow, 1).signing_key or b"") == 32


def test_changing_one_score_in_the_exported_file_is_a_bad_signature(
        sessions: sessionmaker[Session], studied: Profile, course: Course, tmp_path: Path) -> None:
    path = ExportService(sessions).export_progress(studied.id, course, tmp_path / "x.etprogress")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["records"]["quiz_attempts"][0]["score"] = 1.0
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ProgressFileRejected) as caught:
        read_progress_file(path)
    assert caught.value.reason is RejectReason.BAD_SIGNATURE


def test_a_folder_gets_the_suggested_name_and_no_temporary_file_remains(
        sessions: sessionmaker[Session], studied: Profile, course: Course, clock: FakeClock, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = ExportService(sessions, clock=clock).export_progress(studied.id, course, out)
    assert path == out / file_name_for(studied.name, clock.now.astimezone().date())
    assert path.name.startswith("Oksana-Petrenko_") and sorted(out.iterdir()) == [path]


@pytest.mark.parametrize(("fmt", "suffix"), [("xapi", ".xapi.json"), ("csv", ".csv"), ("xlsx", ".xlsx"),
                                            ("pdf", ".pdf")])
def test_every_format_into_a_folder_gets_its_usual_name_there(
        sessions: sessionmaker[Session], studied: Profile, course: Course, clock: FakeClock, tmp_path: Path,
        fmt: str, suffix: str) -> None:
    """docs/cli.md: when OUT is an existing folder, the file gets its usual name there — for every format."""
    out = tmp_path / fmt
    out.mkdir()
    exporter = ExportService(sessions, clock=clock)
    path = getattr(exporter, f"export_{fmt}")(studied.id, course, out)
    stem = file_name_for(studied.name, clock.now.astimezone().date()).removesuffix(".etprogress")
    assert path == out / f"{stem}{suffix}" and sorted(out.iterdir()) == [path] and path.stat().st_size > 0


def test_a_failed_write_raises_export_failed_and_leaves_nothing(
        sessions: sessionmaker[Session], studied: Profile, course: Course, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ExportFailed):
        ExportService(sessions).export_progress(studied.id, course, tmp_path / "missing" / "x.etprogress")
    out = tmp_path / "out"
    out.mkdir()
    (out / "x.etprogress").write_text("the previous export", encoding="utf-8")

    def refuse(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(transfer.os, "replace", refuse)
    with pytest.raises(ExportFailed) as caught:
        ExportService(sessions).export_progress(studied.id, course, out / "x.etprogress")
    assert "No space left" in str(caught.value)
    assert [p.name for p in out.iterdir()] == ["x.etprogress"]
    assert (out / "x.etprogress").read_text(encoding="utf-8") == "the previous export"


def test_records_of_another_course_stay_out(sessions: sessionmaker[Session], studied: Profile, course: Course,
                                            clock: FakeClock) -> None:
    with sessions.begin() as session:
        session.add(QuizAttemptRow(learner_id=studied.id, quiz_id="other-quiz", course_id="another-course",
                                   started_at=clock.now - timedelta(days=1)))
    doc = ExportService(sessions).collect(studied.id, course)
    assert [a["quiz_id"] for a in doc["records"]["quiz_attempts"]] == [course.quizzes[1].id]


def test_consent_summary_counts_what_the_file_will_hold(sessions: sessionmaker[Session], studied: Profile,
                                                        course: Course) -> None:
    summary = ExportService(sessions).summary_for_consent(studied.id, course)
    assert (summary.name, summary.branch, summary.position) == (studied.name, studied.branch, studied.position)
    assert (summary.lesson_progress, summary.lesson_visits, summary.quiz_attempts) == (2, 2, 1)
    assert summary.quiz_responses == len(course.quizzes[1].questions)
    assert summary.walkthrough_attempts == 1 and summary.walkthrough_events == count(sessions, WalkthroughEventRow)
    assert summary.file_name.endswith(".etprogress")


def test_unknown_learner_is_profile_not_found(sessions: sessionmaker[Session], course: Course) -> None:
    with pytest.raises(ProfileNotFound):
        ExportService(sessions).collect(999, course)  # type: ignore[arg-type]


def test_tables_and_xapi_are_written(sessions: sessionmaker[Session], studied: Profile, course: Course,
                                     tmp_path: Path) -> None:
    exporter = ExportService(sessions)
    csv_text = exporter.export_csv(studied.id, course, tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    assert csv_text.count("\n") == len(course.modules) + 1 + 1 + 1  # header, modules, «поза модулями», total
    assert exporter.export_xlsx(studied.id, course, tmp_path / "p.xlsx").read_bytes()[:2] == b"PK"
    statements = json.loads(exporter.export_xapi(studied.id, course, tmp_path / "p.json").read_text("utf-8"))
    assert len(statements) == 2 + 2 + 2 + len(course.quizzes[1].questions) + 2


def test_certificate_needs_a_completed_course(sessions: sessionmaker[Session], studied: Profile, course: Course,
                                              tmp_path: Path) -> None:
    with pytest.raises(CourseNotCompleted) as caught:
        ExportService(sessions).export_certificate(studied.id, course, tmp_path / "c.pdf")
    assert f"2 of {len(list(course.lessons()))} lessons read" in str(caught.value)
    assert not (tmp_path / "c.pdf").exists()


def test_the_export_modules_do_not_import_qt() -> None:
    code = ("import sys\n"
            "import etrainer.core.progress.file, etrainer.core.progress.learner_report\n"
            "import etrainer.core.walkthrough.demo_answers\n"
            "import etrainer.exchange.signing, etrainer.exchange.xapi, etrainer.exchange.tables\n"
            "import etrainer.services.transfer, etrainer.services.demo_data, etrainer.cli_export\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    core_only = subprocess.run([sys.executable, "-c", "import sys, etrainer.core.progress.file, "
                                "etrainer.core.progress.learner_report; print('sqlalchemy' in sys.modules)"],
                               capture_output=True, text=True, check=True)
    assert core_only.stdout.strip() == "False"
