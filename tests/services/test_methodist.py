"""WorkspaceService: import of signed progress files (round trip, idempotent, incremental, every rejection
leaving the workspace as it was, cancel, progress) and the dashboard queries over what was imported."""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from tests.conftest import FakeClock
from tests.storage.test_workspace import make_doc

from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.core.progress.file import RejectReason
from etrainer.exchange.signing import InstallationKey
from etrainer.paths import bundled_course_dir
from etrainer.services import methodist
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.methodist import FileStatus, WorkspaceService, find_progress_files
from etrainer.services.transfer import ExportService
from etrainer.storage.models import QuizAttemptRow, WalkthroughAttemptRow
from etrainer.storage.workspace import RecordCounts, Workspace, open_workspace, rows_of

KEY = InstallationKey.from_raw(bytes(range(32)))
OTHER_KEY = InstallationKey.from_raw(bytes(range(1, 33)))
NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def write(path: Path, doc: Any, key: InstallationKey | None = KEY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    signed = key.sign(doc) if key is not None else doc
    path.write_text(json.dumps(signed, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def workspace(workspace_url: str) -> Workspace:
    """A new workspace on each engine (SQLite, and PostgreSQL when a server can be had)."""
    opened = open_workspace(workspace_url)
    yield opened
    opened.dispose()


@pytest.fixture
def service(workspace: Workspace) -> WorkspaceService:
    return WorkspaceService(workspace, clock=lambda: NOW)


def snapshot(service: WorkspaceService) -> dict[str, list[Any]]:
    with service.workspace.sessions.begin() as session:
        return rows_of(session)


def test_files_and_folders_are_found_recursively(tmp_path: Path) -> None:
    for name in ("a/one.etprogress", "a/b/two.ETPROGRESS", "a/b/three.json", "a/notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}")
    found = find_progress_files([tmp_path / "a", tmp_path / "a" / "notes.txt", tmp_path / "a" / "one.etprogress"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a/one.etprogress", "a/b/three.json", "a/b/two.ETPROGRESS", "a/notes.txt"]


def test_import_counts_records_and_reports_progress(service: WorkspaceService, tmp_path: Path) -> None:
    write(tmp_path / "in" / "olena.etprogress", make_doc())
    write(tmp_path / "in" / "deeper" / "petro.etprogress", make_doc(uid="learner-2"), OTHER_KEY)
    calls: list[tuple[int, int]] = []
    report = service.import_paths([tmp_path / "in"], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 2), (1, 2), (2, 2)]
    assert [f.status for f in report.files] == [FileStatus.IMPORTED, FileStatus.IMPORTED]
    assert report.counts == RecordCounts(new=14) and report.rejected == () and not report.cancelled
    assert service.row_counts()["ws_learner"] == 2
    (first, second) = service.imported_files()
    assert (first.file_name, first.status, first.counts, first.imported_at) == (
        "olena.etprogress", "imported", RecordCounts(new=7), NOW)
    assert (second.file_name, second.learner_name) == ("petro.etprogress", "Олена Петренко")


def test_reimport_is_idempotent(service: WorkspaceService, tmp_path: Path) -> None:
    path = write(tmp_path / "olena.etprogress", make_doc())
    service.import_paths([path])
    before = snapshot(service)
    report = service.import_paths([path, tmp_path])  # the same file twice, as a file and inside its folder
    assert [(f.status, f.counts) for f in report.files] == [(FileStatus.UNCHANGED, RecordCounts(skipped=7))]
    assert snapshot(service) == before
    copy_path = write(tmp_path / "copy" / "olena-again.etprogress", make_doc())  # same content, signed anew
    (again,) = service.import_paths([copy_path]).files
    assert again.status is FileStatus.UNCHANGED and again.counts == RecordCounts(skipped=7)


def test_a_newer_file_adds_only_what_is_new(service: WorkspaceService, tmp_path: Path) -> None:
    service.import_paths([write(tmp_path / "1.etprogress", make_doc())])
    newer = make_doc(exported="2026-12-01T09:00:00Z")
    attempt = copy.deepcopy(newer["records"]["quiz_attempts"][0])
    attempt["uid"], attempt["score"] = "second-attempt", 1.0
    attempt["responses"][0]["uid"] = "second-response"
    newer["records"]["quiz_attempts"].append(attempt)
    (result,) = service.import_paths([write(tmp_path / "2.etprogress", newer)]).files
    assert (result.status, result.counts) == (FileStatus.IMPORTED, RecordCounts(new=2, skipped=7))
    assert service.row_counts()["ws_quiz_attempt"] == 2 and service.row_counts()["ws_import"] == 2


def _tampered(tmp_path: Path) -> Path:
    path = write(tmp_path / "bad.etprogress", make_doc(uid="learner-2"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["records"]["quiz_attempts"][0]["score"] = 1.0
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _damaged(tmp_path: Path) -> Path:
    doc = make_doc(uid="learner-2")
    del doc["records"]["lesson_visits"][0]["opened_at"]
    return write(tmp_path / "bad.etprogress", doc)


def _newer_version(tmp_path: Path) -> Path:
    doc = make_doc(uid="learner-2")
    doc["version"] = 99
    return write(tmp_path / "bad.etprogress", doc)


def _truncated(tmp_path: Path) -> Path:
    path = write(tmp_path / "bad.etprogress", make_doc(uid="learner-2"))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _not_progress(tmp_path: Path) -> Path:
    path = tmp_path / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"theme": "light"}), encoding="utf-8")
    return path


def _key_changed(tmp_path: Path) -> Path:
    return write(tmp_path / "bad.etprogress", make_doc(exported="2026-12-01T09:00:00Z", score=1.0), OTHER_KEY)


def _unsigned(tmp_path: Path) -> Path:
    return write(tmp_path / "bad.etprogress", make_doc(uid="learner-2"), key=None)


def _too_large(tmp_path: Path) -> Path:
    return write(tmp_path / "bad.etprogress", make_doc(uid="learner-2"))


BAD_FILES = [(_not_progress, RejectReason.NOT_A_PROGRESS_FILE), (_newer_version, RejectReason.WRONG_VERSION),
             (_tampered, RejectReason.BAD_SIGNATURE), (_unsigned, RejectReason.BAD_SIGNATURE),
             (_key_changed, RejectReason.KEY_CHANGED), (_truncated, RejectReason.TRUNCATED),
             (_too_large, RejectReason.TOO_LARGE), (_damaged, RejectReason.DAMAGED)]


@pytest.mark.parametrize(("make_bad", "reason"), BAD_FILES, ids=[f[0].__name__.strip("_") for f in BAD_FILES])
def test_a_rejected_file_leaves_the_workspace_exactly_as_it_was(
        make_bad: Any, reason: RejectReason, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, path = tmp_path / "files", tmp_path / "workspace.sqlite3"
    workspace = open_workspace(path)
    WorkspaceService(workspace).import_paths([write(folder / "good.etprogress", make_doc())])
    workspace.dispose()
    bytes_before = path.read_bytes()
    bad = make_bad(tmp_path / "incoming")
    if reason is RejectReason.TOO_LARGE:
        monkeypatch.setattr(methodist, "MAX_FILE_BYTES", bad.stat().st_size - 1)
    workspace = open_workspace(path)
    service = WorkspaceService(workspace)
    rows_before = snapshot(service)
    report = service.import_paths([bad])
    (rejected,) = report.rejected
    assert (rejected.path, rejected.status, rejected.reason) == (bad, FileStatus.REJECTED, reason)
    assert rejected.detail and report.counts == RecordCounts()
    assert snapshot(service) == rows_before
    workspace.dispose()
    assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(bytes_before).digest()


def test_one_bad_file_never_stops_the_others(service: WorkspaceService, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "1-good.etprogress", make_doc())
    _truncated(folder)
    (folder / "2-notes.json").write_text("not json at all", encoding="utf-8")
    write(folder / "3-good.etprogress", make_doc(uid="learner-3"))
    report = service.import_paths([folder])
    assert [(f.path.name, f.status) for f in report.files] == [
        ("1-good.etprogress", FileStatus.IMPORTED), ("2-notes.json", FileStatus.REJECTED),
        ("3-good.etprogress", FileStatus.IMPORTED), ("bad.etprogress", FileStatus.REJECTED)]
    assert [f.reason for f in report.rejected] == [RejectReason.NOT_A_PROGRESS_FILE, RejectReason.TRUNCATED]
    assert service.row_counts()["ws_learner"] == 2


def test_a_missing_file_is_rejected_not_fatal(service: WorkspaceService, tmp_path: Path) -> None:
    (result,) = service.import_paths([tmp_path / "gone.etprogress"]).files
    assert (result.status, result.reason) == (FileStatus.REJECTED, RejectReason.NOT_A_PROGRESS_FILE)


def test_cancel_stops_between_files_and_keeps_what_was_done(service: WorkspaceService, tmp_path: Path) -> None:
    for n in range(3):
        write(tmp_path / "in" / f"{n}.etprogress", make_doc(uid=f"learner-{n}"))
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1

    report = service.import_paths([tmp_path / "in"], cancelled=cancelled)
    assert report.cancelled and len(report.files) == 1 and report.total_files == 3
    assert service.row_counts()["ws_learner"] == 1


@pytest.fixture
def course() -> Course:
    return load_pack(bundled_course_dir()).course


def test_round_trip_export_import_gives_the_same_numbers(database: Any, sessions: sessionmaker[Session],
                                                          course: Course, clock: FakeClock, tmp_path: Path,
                                                          service: WorkspaceService) -> None:
    made = make_demo_learners(SimpleNamespace(database=database), course, 3, seed=5, clock=clock)
    exporter = ExportService(sessions, clock=clock)
    (tmp_path / "out").mkdir()
    files = [exporter.export_progress(learner.id, course, tmp_path / "out") for learner in made]
    report = service.import_paths([tmp_path / "out"])
    assert len(report.accepted) == 3 and report.rejected == ()
    documents = [exporter.document(learner.id, course) for learner in made]
    assert report.counts.new == sum(d.record_count for d in documents) and len(files) == 3
    quiz_module = {q.id: q.module_id for q in course.quizzes}
    scenario_module = {s.id: s.module_id for s in course.scenarios}
    best: dict[tuple[str, str], float] = {}
    passed: dict[tuple[str, str], set[str]] = defaultdict(set)
    uid_of = {learner.id: d.learner.uid for learner, d in zip(made, documents, strict=True)}
    with sessions.begin() as session:
        for learner_id, quiz_id, score in session.execute(select(
                QuizAttemptRow.learner_id, QuizAttemptRow.quiz_id, QuizAttemptRow.score).where(
                QuizAttemptRow.kind == "quiz", QuizAttemptRow.finished_at.is_not(None))):
            key = (uid_of[learner_id], quiz_module[quiz_id])
            best[key] = max(best.get(key, 0.0), score)
        for learner_id, scenario_id in session.execute(select(
                WalkthroughAttemptRow.learner_id, WalkthroughAttemptRow.scenario_id).where(
                WalkthroughAttemptRow.passed.is_(True))):
            passed[(uid_of[learner_id], scenario_module[scenario_id])].add(scenario_id)
    assert best and any(passed.values())  # the demo learners took quizzes and passed walkthroughs
    service.course = course
    matrix = service.matrix()
    rows = {row.learner.uid: row for row in matrix.rows}
    for learner, document in zip(made, documents, strict=True):
        row = rows[document.learner.uid]
        assert (row.learner.name, row.learner.branch, row.lessons_read) == (
            learner.name, learner.branch, learner.lessons_read)
        for cell in row.cells:
            assert cell.best_quiz_score == best.get((document.learner.uid, cell.module_id))
            assert cell.walkthroughs_passed == len(passed[(document.learner.uid, cell.module_id)])
    dashboard = service.dashboard()
    assert dashboard.matrix == matrix and dashboard.items and dashboard.branches
    answered = sum(len(a.responses) for d in documents for a in d.quiz_attempts
                   if a.kind == "quiz" and a.finished_at is not None)
    assert sum(item.responses for item in dashboard.items) == answered
    assert service.learner(documents[0].learner.uid).learner.name == made[0].name


def test_dashboard_queries_need_a_course(service: WorkspaceService) -> None:
    with pytest.raises(ValueError, match="needs a course"):
        service.matrix()


def test_the_workspace_modules_do_not_import_qt() -> None:
    code = ("import sys\n"
            "import etrainer.core.progress.dashboard, etrainer.core.progress.item_analysis\n"
            "import etrainer.storage.workspace\n"
            "import etrainer.services.methodist, etrainer.exchange.workspace_report, etrainer.cli_workspace\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'sqlalchemy')) and '.' not in m))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['sqlalchemy']"
    core = ("import sys, etrainer.core.progress.dashboard, etrainer.core.progress.item_analysis; "
            "print('sqlalchemy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", core], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_the_methodist_can_trust_a_learners_new_key(service: WorkspaceService, tmp_path: Path) -> None:
    service.import_paths([write(tmp_path / "old.etprogress", make_doc())])
    new_key_file = write(tmp_path / "new.etprogress", make_doc(exported="2026-12-01T09:00:00Z", score=1.0), OTHER_KEY)
    assert service.import_file(new_key_file).reason is RejectReason.KEY_CHANGED
    trusted = service.import_file(new_key_file, trust_new_key=True)
    assert (trusted.status, trusted.counts) == (FileStatus.IMPORTED, RecordCounts(updated=2, skipped=5))
    old_key_again = write(tmp_path / "older.etprogress", make_doc(exported="2026-12-02T09:00:00Z"))
    assert service.import_file(old_key_again).reason is RejectReason.KEY_CHANGED
    tampered = _tampered(tmp_path)
    assert service.import_file(tampered, trust_new_key=True).reason is RejectReason.BAD_SIGNATURE
