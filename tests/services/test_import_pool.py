"""The workspace import across processes and in batches: the same report and the same rows as one file at a
time in this process, whatever the mix of good and bad files; a file refused while writing loses nothing of
the others in its batch; re-import, progress and cancel through the worker pool."""

from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError
from tests.services.test_methodist import KEY, OTHER_KEY, write
from tests.storage.test_workspace import make_doc

from etrainer.core.progress.file import RejectReason
from etrainer.services import import_reading, methodist
from etrainer.services.methodist import FileStatus, ImportReport, WorkspaceService
from etrainer.storage.models import UtcDateTime
from etrainer.storage.workspace import COLUMNS, WorkspaceRepository, open_workspace, rows_of
from etrainer.storage.workspace_rows import as_json, stamp_for

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def mixed_folder(folder: Path) -> Path:
    """Good files of several learners, one learner twice (older, then newer), the same bytes twice, and one
    file for every reason of refusal that needs no workspace, plus a key change."""
    for n in range(6):
        write(folder / f"{n:02d}-good.etprogress", make_doc(uid=f"learner-{n}"))
    write(folder / "06-newer.etprogress", make_doc(uid="learner-1", exported="2026-12-01T09:00:00Z", score=1.0))
    (folder / "07-copy.etprogress").write_bytes((folder / "00-good.etprogress").read_bytes())
    write(folder / "08-other-key.etprogress", make_doc(uid="learner-2", exported="2026-12-02T09:00:00Z"), OTHER_KEY)
    write(folder / "09-unsigned.etprogress", make_doc(uid="learner-9"), key=None)
    truncated = write(folder / "10-truncated.etprogress", make_doc(uid="learner-10"))
    truncated.write_bytes(truncated.read_bytes()[:200])
    (folder / "11-settings.json").write_text(json.dumps({"theme": "light"}), encoding="utf-8")
    tampered = write(folder / "12-tampered.etprogress", make_doc(uid="learner-12"))
    tampered.write_text(tampered.read_text(encoding="utf-8").replace('"score": 0.5', '"score": 1.0'),
                        encoding="utf-8")
    write(folder / "13-good.etprogress", make_doc(uid="learner-13"))
    return folder


def summary(report: ImportReport) -> list[tuple[Any, ...]]:
    return [(f.path.name, f.status, f.learner_name, f.counts, f.reason, f.detail) for f in report.files]


def imported(tmp_path: Path, name: str, folder: Path, workers: int, **kwargs: Any) -> tuple[ImportReport, dict]:
    workspace = open_workspace(tmp_path / f"{name}.sqlite3")
    try:
        service = WorkspaceService(workspace, clock=lambda: NOW)
        report = service.import_paths([folder], workers=workers, **kwargs)
        with workspace.sessions.begin() as session:
            rows = rows_of(session)
        del rows["workspace_schema"]  # when the workspace was made
        return report, rows
    finally:
        workspace.dispose()


def test_the_pool_gives_the_report_and_rows_of_one_file_at_a_time(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = mixed_folder(tmp_path / "in")
    alone_report, alone_rows = imported(tmp_path, "alone", folder, workers=1)
    monkeypatch.setattr(methodist, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(methodist, "BATCH_FILES", 4)  # several batches, a rejection inside some of them
    pooled_report, pooled_rows = imported(tmp_path, "pooled", folder, workers=2)
    assert summary(pooled_report) == summary(alone_report)
    assert pooled_rows == alone_rows
    reasons = [f.reason for f in alone_report.rejected]
    assert reasons == [RejectReason.KEY_CHANGED, RejectReason.BAD_SIGNATURE, RejectReason.TRUNCATED,
                       RejectReason.NOT_A_PROGRESS_FILE, RejectReason.BAD_SIGNATURE]
    statuses = {f.path.name: f.status for f in alone_report.files}
    assert statuses["06-newer.etprogress"] is FileStatus.IMPORTED
    assert statuses["07-copy.etprogress"] is FileStatus.UNCHANGED
    assert len(alone_rows["ws_learner"]) == 7 and len(alone_rows["ws_import"]) == 8


def test_a_reimport_through_the_pool_skips_what_is_known(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = mixed_folder(tmp_path / "in")
    monkeypatch.setattr(methodist, "POOL_MIN_FILES", 1)
    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    service = WorkspaceService(workspace, clock=lambda: NOW)
    first = service.import_paths([folder], workers=2)
    with workspace.sessions.begin() as session:
        before = rows_of(session)
    write(folder / "14-late.etprogress", make_doc(uid="learner-14"))
    again = service.import_paths([folder], workers=2)
    with workspace.sessions.begin() as session:
        after = rows_of(session)
    workspace.dispose()
    accepted_first = {f.path.name: f.counts.total for f in first.accepted}
    assert {f.path.name: (f.status, f.counts.skipped) for f in again.accepted if f.path.name in accepted_first} == {
        name: (FileStatus.UNCHANGED, total) for name, total in accepted_first.items()}
    assert [f.reason for f in again.rejected] == [f.reason for f in first.rejected]
    assert [f.status for f in again.files if f.path.name == "14-late.etprogress"] == [FileStatus.IMPORTED]
    assert len(after["ws_learner"]) == len(before["ws_learner"]) + 1
    assert len(after["ws_import"]) == len(before["ws_import"]) + 1


def test_progress_and_cancel_through_the_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(40):
        write(tmp_path / "in" / f"{n:02d}.etprogress", make_doc(uid=f"learner-{n}"))
    monkeypatch.setattr(methodist, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(methodist, "BATCH_FILES", 5)
    calls: list[tuple[int, int]] = []
    report, rows = imported(tmp_path, "all", tmp_path / "in", workers=2,
                            progress=lambda done, total: calls.append((done, total)))
    assert calls == [(n, 40) for n in range(41)] and len(report.accepted) == 40 and not report.cancelled
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 12

    report, rows = imported(tmp_path, "cancelled", tmp_path / "in", workers=2, cancelled=cancelled)
    assert report.cancelled and report.total_files == 40 and len(report.files) == 12
    assert len(rows["ws_learner"]) == 12 and len(rows["ws_import"]) == 12
    assert multiprocessing.active_children() == []  # the workers were stopped, not left behind


def test_a_file_refused_while_writing_loses_nothing_of_its_batch(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    for n in range(3):
        write(folder / f"{n}.etprogress", make_doc(uid=f"learner-{n}"))
    store_rows = WorkspaceRepository.store_rows

    def clashing(self: WorkspaceRepository, learner: Any, *args: Any) -> Any:
        counts = store_rows(self, learner, *args)  # half written when the clash comes
        if learner.uid == "learner-1":
            raise IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed: ws_lesson_visit.uid"))
        return counts

    monkeypatch.setattr(WorkspaceRepository, "store_rows", clashing)
    report, rows = imported(tmp_path, "clash", folder, workers=1)
    assert [(f.path.name, f.status, f.reason) for f in report.files] == [
        ("0.etprogress", FileStatus.IMPORTED, None), ("1.etprogress", FileStatus.REJECTED, RejectReason.DAMAGED),
        ("2.etprogress", FileStatus.IMPORTED, None)]
    monkeypatch.setattr(WorkspaceRepository, "store_rows", store_rows)
    (folder / "1.etprogress").unlink()
    _, without = imported(tmp_path, "without", folder, workers=1)
    assert rows == without


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_moments_are_made_as_the_columns_bind_processing_makes_them(dialect: str) -> None:
    from sqlalchemy.dialects import postgresql, sqlite

    engine_dialect = {"sqlite": sqlite.dialect(), "postgresql": postgresql.dialect()}[dialect]
    process = UtcDateTime().dialect_impl(engine_dialect).bind_processor(engine_dialect)
    stamp = stamp_for(dialect)
    for moment in (datetime(2026, 9, 1, 8, 0, tzinfo=UTC), datetime(2026, 9, 1, 8, 0, 5, 120, tzinfo=UTC),
                   datetime(2026, 9, 1, 8, 0), datetime.fromisoformat("2026-09-01T11:00:00+03:00"), None):
        expected = process(moment) if process is not None else UtcDateTime().process_bind_param(moment, None)
        assert stamp(moment) == expected
    assert any(isinstance(c.type, UtcDateTime) for model in COLUMNS for c in model.__table__.c)


def test_an_unread_key_is_never_trusted_by_a_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two files of one new learner with different keys in one batch: the second is refused (KEY_CHANGED)."""
    folder = tmp_path / "in"
    write(folder / "1.etprogress", make_doc(), KEY)
    write(folder / "2.etprogress", make_doc(exported="2026-12-01T09:00:00Z"), OTHER_KEY)
    report, rows = imported(tmp_path, "keys", folder, workers=1)
    assert [(f.status, f.reason) for f in report.files] == [(FileStatus.IMPORTED, None),
                                                           (FileStatus.REJECTED, RejectReason.KEY_CHANGED)]
    assert len(rows["ws_import"]) == 1


def test_the_pool_writes_the_same_records_into_postgresql(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          postgres_url: str) -> None:
    """Moments made for the server's driver, bulk inserts and savepoints on PostgreSQL: the same report and
    the same records as on SQLite, and a re-import adds nothing."""
    folder = mixed_folder(tmp_path / "in")
    monkeypatch.setattr(methodist, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(methodist, "BATCH_FILES", 4)
    reports, data = [], []
    for url in (str(tmp_path / "workspace.sqlite3"), postgres_url):
        workspace = open_workspace(url)
        try:
            service = WorkspaceService(workspace, clock=lambda: NOW)
            reports.append(summary(service.import_paths([folder], workers=2)))
            data.append(service.data())
            again = service.import_paths([folder], workers=2)
            assert again.counts.new == 0 and again.counts.updated == 0
            assert service.data() == data[-1]
        finally:
            workspace.dispose()
    assert reports[0] == reports[1]
    for field in ("learners", "lessons", "quiz_attempts", "responses", "walkthroughs", "events"):
        sqlite_records, server_records = (sorted(getattr(d, field), key=repr) for d in data)
        assert sqlite_records == server_records, field
    assert len(data[0].learners) == 7


@pytest.mark.parametrize("value", [
    {"kind": "choice", "picked": [2, 0]}, {"b": 1.5, "a": [1, None, True, "Київ \"лапки\"\n\t"]},
    {"z": {"y": [1e-7, 1e300, -0.0, 12345678901234567890]}, "é": "ґ"}, {}, None])
def test_responses_are_stored_as_the_json_encoder_writes_them(value: Any) -> None:
    expected = None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True,
                                                     separators=(",", ":"))
    assert as_json(value) == expected


class _DeadPool:
    """A pool whose workers died (or, `refuse=True`, could not be started)."""

    refuse = False

    def __init__(self, **_: Any) -> None:
        self.submitted = 0

    def submit(self, *_: Any) -> Future[Any]:
        self.submitted += 1
        if self.refuse and self.submitted > 1:
            raise BrokenProcessPool("A child process terminated abruptly")
        future: Future[Any] = Future()
        future.set_exception(BrokenProcessPool("A child process terminated abruptly"))
        return future

    def shutdown(self, **_: Any) -> None:
        pass


@pytest.mark.parametrize("refuse", [False, True], ids=["worker died", "pool refuses work"])
def test_when_the_workers_die_this_process_checks_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           refuse: bool) -> None:
    folder = mixed_folder(tmp_path / "in")
    alone_report, alone_rows = imported(tmp_path, "alone", folder, workers=1)
    monkeypatch.setattr(methodist, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(_DeadPool, "refuse", refuse)
    monkeypatch.setattr(import_reading, "ProcessPoolExecutor", _DeadPool)
    report, rows = imported(tmp_path, "dead", folder, workers=2)
    assert summary(report) == summary(alone_report) and rows == alone_rows
