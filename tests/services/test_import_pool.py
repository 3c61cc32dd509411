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
from tests.services.test_methodist import KEY, OTHER_KEY, write
from tests.storage.test_workspace import make_doc

from etrainer.core.progress.file import RejectReason
from etrainer.services import import_reading, methodist
from etrainer.services.methodist import FileStatus, ImportReport, WorkspaceService
from etrainer.storage.models import UtcDateTime
from etrainer.storage.workspace import COLUMNS, RecordCounts, Workspace, open_workspace, rows_of
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


def refuse_visit(workspace: Workspace, uid: str, condition: str = "unique_violation") -> None:
    """A trigger refusing to store the lesson visit `uid` as a constraint would (an IntegrityError), on either
    engine: a file refused by the database while it is written, in whichever statement writes it. PostgreSQL
    raises `condition` (string_data_right_truncation: a value the server will not store, a DataError)."""
    with workspace.database.engine.begin() as connection:
        if workspace.is_sqlite:
            connection.exec_driver_sql(
                f"CREATE TRIGGER refuse_visit BEFORE INSERT ON ws_lesson_visit WHEN NEW.uid = '{uid}' "
                "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END")
        else:
            connection.exec_driver_sql(
                "CREATE FUNCTION refuse_visit() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.uid = '{uid}' THEN RAISE {condition} USING MESSAGE = 'refused by a test trigger'; "
                "END IF; RETURN NEW; END $$ LANGUAGE plpgsql")
            connection.exec_driver_sql("CREATE TRIGGER refuse_visit BEFORE INSERT ON ws_lesson_visit "
                                       "FOR EACH ROW EXECUTE FUNCTION refuse_visit()")


def allow_visits(workspace: Workspace) -> None:
    with workspace.database.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER refuse_visit" + ("" if workspace.is_sqlite
                                                                  else " ON ws_lesson_visit"))


def test_a_file_refused_while_writing_loses_nothing_of_its_batch(tmp_path: Path) -> None:
    """The batch is written with one INSERT per table; the database refuses one file's row in the middle: that
    file alone is refused with the database's message, the others are stored as if it had not been there."""
    folder = tmp_path / "in"
    for n in range(5):
        write(folder / f"{n}.etprogress", make_doc(uid=f"learner-{n}"))
    workspace = open_workspace(tmp_path / "clash.sqlite3")
    refuse_visit(workspace, "learner-2-lv")
    report = WorkspaceService(workspace, clock=lambda: NOW).import_paths([folder], workers=1)
    allow_visits(workspace)
    with workspace.sessions.begin() as session:
        rows = rows_of(session)
    workspace.dispose()
    assert [(f.path.name, f.status, f.reason) for f in report.files] == [
        (f"{n}.etprogress", FileStatus.IMPORTED, None) for n in (0, 1)] + [
        ("2.etprogress", FileStatus.REJECTED, RejectReason.DAMAGED)] + [
        (f"{n}.etprogress", FileStatus.IMPORTED, None) for n in (3, 4)]
    assert "refused by a test trigger" in report.files[2].detail
    (folder / "2.etprogress").unlink()
    _, without = imported(tmp_path, "without", folder, workers=1)
    del rows["workspace_schema"]
    assert rows == without


def test_a_file_refused_while_writing_on_either_engine(workspace_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for n in range(5):
        write(folder / f"{n}.etprogress", make_doc(uid=f"learner-{n}"))
    write(folder / "5-newer.etprogress", make_doc(uid="learner-2", exported="2026-12-01T09:00:00Z", score=1.0))
    workspace = open_workspace(workspace_url)
    try:
        service = WorkspaceService(workspace, clock=lambda: NOW)
        refuse_visit(workspace, "learner-2-lv")
        report = service.import_paths([folder], workers=1)
        assert [f.status for f in report.files] == [FileStatus.IMPORTED] * 2 + [FileStatus.REJECTED] + [
            FileStatus.IMPORTED] * 2 + [FileStatus.REJECTED]
        assert {f.reason for f in report.rejected} == {RejectReason.DAMAGED}
        assert all("refused by a test trigger" in f.detail for f in report.rejected)
        assert sorted(learner.uid for learner in service.data().learners) == [
            f"learner-{n}" for n in (0, 1, 3, 4)]
        counts = service.row_counts()
        assert counts["ws_import"] == counts["ws_lesson_visit"] == counts["ws_quiz_response"] == 4
        allow_visits(workspace)
        again = service.import_paths([folder], workers=1)
        assert [f.status for f in again.files] == [FileStatus.UNCHANGED] * 2 + [FileStatus.IMPORTED] + [
            FileStatus.UNCHANGED] * 2 + [FileStatus.IMPORTED]
        assert again.files[5].counts == RecordCounts(updated=2, skipped=5)
        assert service.row_counts()["ws_learner"] == 5
    finally:
        workspace.dispose()


def test_a_value_the_server_will_not_store_refuses_its_file_alone(postgres_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for n in range(4):
        write(folder / f"{n}.etprogress", make_doc(uid=f"learner-{n}"))
    workspace = open_workspace(postgres_url)
    try:
        refuse_visit(workspace, "learner-1-lv", "string_data_right_truncation")
        report = WorkspaceService(workspace, clock=lambda: NOW).import_paths([folder], workers=1)
        assert [(f.status, f.reason) for f in report.files] == [
            (FileStatus.IMPORTED, None), (FileStatus.REJECTED, RejectReason.DAMAGED), (FileStatus.IMPORTED, None),
            (FileStatus.IMPORTED, None)]
        assert report.files[1].detail.startswith("its records cannot be stored: refused by a test trigger")
        assert WorkspaceService(workspace).row_counts()["ws_import"] == 3
    finally:
        workspace.dispose()


def overlapping_folder(folder: Path) -> Path:
    """mixed_folder, and more files of learners met before: an older one (nothing may be updated from it), one
    newer with a record more and others changed, one of a learner first seen in this folder twice in a row."""
    mixed_folder(folder)
    write(folder / "14-older.etprogress", make_doc(uid="learner-3", exported="2026-11-01T09:00:00Z", seconds=999))
    more = make_doc(uid="learner-4", exported="2026-12-03T09:00:00Z", seconds=600)
    more["records"]["lesson_visits"].append({"uid": "learner-4-lv2", "lesson_id": "l1",
                                             "opened_at": "2026-10-06T08:00:00Z", "closed_at": None,
                                             "seconds": 30, "reached_end": False})
    write(folder / "15-more.etprogress", more)
    write(folder / "16-first.etprogress", make_doc(uid="learner-16"))
    write(folder / "17-first-again.etprogress", make_doc(uid="learner-16", exported="2026-12-04T09:00:00Z",
                                                          score=0.75))
    (folder / "18-copy-again.etprogress").write_bytes((folder / "15-more.etprogress").read_bytes())
    return folder


@pytest.mark.parametrize("batch_files", [3, 32])
def test_a_batch_writes_what_one_file_at_a_time_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       batch_files: int) -> None:
    """The same file twice, two files of one learner (older, newer, overlapping records), a key change and
    refusals inside one batch: the same report and the same rows, row ids included, as `import_file` one
    file after another, each in its own transaction."""
    folder = overlapping_folder(tmp_path / "in")
    workspace = open_workspace(tmp_path / "one-by-one.sqlite3")
    service = WorkspaceService(workspace, clock=lambda: NOW)
    alone = ImportReport(tuple(service.import_file(path) for path in methodist.find_progress_files([folder])))
    with workspace.sessions.begin() as session:
        alone_rows = rows_of(session)
    del alone_rows["workspace_schema"]
    workspace.dispose()
    monkeypatch.setattr(methodist, "BATCH_FILES", batch_files)
    report, rows = imported(tmp_path, "batched", folder, workers=1)
    assert summary(report) == summary(alone)
    assert rows == alone_rows
    statuses = [f.status for f in report.files]
    assert statuses.count(FileStatus.UNCHANGED) == 3 and statuses.count(FileStatus.REJECTED) == 5
    assert report.files[15].counts == RecordCounts(new=1, updated=1, skipped=6)  # 15-more
    assert report.files[14].counts == RecordCounts(skipped=7)  # 14-older: nothing updated from an older file


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_moments_are_made_as_the_columns_bind_processing_makes_them(dialect: str) -> None:
    from sqlalchemy.dialects import postgresql, sqlite

    engine_dialect = {"sqlite": sqlite.dialect(), "postgresql": postgresql.dialect()}[dialect]
    process = UtcDateTime().dialect_impl(engine_dialect).bind_processor(engine_dialect)
    stamp = stamp_for(dialect)
    for moment in (datetime(2026, 9, 1, 8, 0, tzinfo=UTC), datetime(2026, 9, 1, 8, 0, 5, 120, tzinfo=UTC),
                   datetime(2026, 9, 1, 8, 0), datetime.fromisoformat("2026-09-01T11:00:00+03:00"),
                   datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC), None):
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
