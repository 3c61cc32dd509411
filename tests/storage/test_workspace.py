"""The methodist workspace database: schema, versions, portable DDL, and writing/reading records."""

from __future__ import annotations

import copy
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

from etrainer.core.progress.file import validate_document
from etrainer.storage import workspace_models as m
from etrainer.storage.workspace import (
    COLUMNS,
    RecordCounts,
    Workspace,
    WorkspaceRepository,
    WorkspaceTooNew,
    WorkspaceUnavailable,
    bulk_insert,
    default_workspace_path,
    open_workspace,
    workspace_head,
    workspace_revision,
)

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
KEY = bytes(range(32))


def make_doc(exported: str = "2026-11-27T16:00:00Z", uid: str = "learner-1", score: float = 0.5,
             seconds: int = 300) -> dict[str, Any]:
    """A small version-1 progress document (unsigned) with one record of every kind."""
    return {
        "format": "etrainer-progress", "version": 1, "exported_at": exported, "app_version": "0.1.0",
        "installation": "inst-1", "course": {"id": "course-a", "version": "2026.11", "title": "Курс"},
        "learner": {"uid": uid, "name": "Олена Петренко", "branch": "Філія № 3", "position": "бібліотекарка",
                    "created_at": "2026-10-01T08:00:00Z"},
        "records": {
            "lesson_progress": [{"uid": f"{uid}-lp", "lesson_id": "l1", "module_id": "m1",
                                 "first_opened_at": "2026-10-02T08:00:00Z", "last_opened_at": "2026-10-03T08:00:00Z",
                                 "completed_at": "2026-10-03T08:10:00Z", "total_seconds": seconds, "visits": 2}],
            "lesson_visits": [{"uid": f"{uid}-lv", "lesson_id": "l1", "opened_at": "2026-10-02T08:00:00Z",
                               "closed_at": None, "seconds": 300, "reached_end": True}],
            "quiz_attempts": [{"uid": f"{uid}-qa", "quiz_id": "q1", "module_id": "m1", "kind": "quiz",
                               "course_version": "", "started_at": "2026-10-04T08:00:00Z",
                               "finished_at": "2026-10-04T08:10:00Z", "question_count": 1, "score": score,
                               "passed": False, "pass_mark": 0.8,
                               "responses": [{"uid": f"{uid}-qr", "position": 0, "question_id": "s1",
                                              "question_kind": "single_choice",
                                              "response": {"kind": "choice", "picked": [1]}, "score": score,
                                              "correct": False, "answered_at": "2026-10-04T08:01:00Z",
                                              "seconds": 12.5}]}],
            "walkthrough_attempts": [{"uid": f"{uid}-wa", "scenario_id": "sc1", "module_id": None, "mode": "test",
                                      "course_version": "2026.10", "started_at": "2026-10-05T08:00:00Z",
                                      "finished_at": None, "abandoned": False, "seconds": 61.0, "errors": 1,
                                      "hints": 0, "steps_done": 1, "steps_total": 3, "decisions_right": 0,
                                      "decisions_wrong": 0, "score": None, "passed": None,
                                      "events": [{"uid": f"{uid}-we1", "seq": 0, "at": 3.5, "kind": "action",
                                                  "step_id": "st1", "correct": False,
                                                  "action": {"screen": "s", "control": "c1", "kind": "click",
                                                             "value": ""}},
                                                 {"uid": f"{uid}-we2", "seq": 1, "at": 9.0, "kind": "hint",
                                                  "step_id": "st1", "correct": True, "action": None}]}],
        },
    }


@pytest.fixture
def workspace(workspace_url: str) -> Workspace:
    """A new workspace on each engine (SQLite, and PostgreSQL when a server can be had)."""
    opened = open_workspace(workspace_url)
    yield opened
    opened.dispose()


def store(workspace: Workspace, doc: dict[str, Any]) -> RecordCounts:
    document = validate_document(doc)
    with workspace.sessions.begin() as session:
        repository = WorkspaceRepository(session)
        learner = repository.save_learner(document, KEY, NOW)
        return repository.store_records(learner, document)


def test_a_new_workspace_has_every_table_and_its_schema_version(workspace: Workspace, workspace_url: str,
                                                                tmp_path: Path) -> None:
    assert (tmp_path / "ws" / "workspace.sqlite3").is_file() == workspace.is_sqlite
    with workspace.sessions.begin() as session:
        counts = WorkspaceRepository(session).row_counts()
        assert session.scalars(select(m.WorkspaceSchemaRow.version)).all() == [m.WORKSPACE_SCHEMA_VERSION]
    assert set(counts) == {t.name for t in m.WorkspaceBase.metadata.sorted_tables}
    assert counts["workspace_schema"] == 1 and counts["ws_learner"] == 0
    workspace.dispose()
    again = open_workspace(workspace_url)
    with again.sessions.begin() as session:
        assert session.scalars(select(m.WorkspaceSchemaRow.version)).all() == [m.WORKSPACE_SCHEMA_VERSION]
    again.dispose()


def test_default_path_is_in_the_data_folder(tmp_path: Path) -> None:
    assert default_workspace_path(tmp_path) == tmp_path / "workspace.sqlite3"


def test_a_workspace_from_a_newer_etrainer_is_refused(workspace: Workspace, workspace_url: str) -> None:
    with workspace.sessions.begin() as session:
        session.execute(update(m.WorkspaceSchemaRow).values(version=m.WORKSPACE_SCHEMA_VERSION + 1))
    workspace.dispose()
    with pytest.raises(WorkspaceTooNew) as caught:
        open_workspace(workspace_url)
    assert caught.value.params["found"] == m.WORKSPACE_SCHEMA_VERSION + 1


@pytest.mark.parametrize("url", ["nosuchdatabase://somewhere/db", "postgresql+nosuchdriver://u@h/db"])
def test_an_unusable_url_is_a_clear_error(url: str) -> None:
    with pytest.raises(WorkspaceUnavailable) as caught:
        open_workspace(url)
    assert url in str(caught.value)


def test_a_folder_is_not_a_workspace_file(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceUnavailable):
        open_workspace(tmp_path)


def _files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_another_programs_database_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    from etrainer.services.facade import open_services
    from etrainer.storage.workspace import WorkspaceForeignFile

    other = tmp_path / "other" / "contacts.db"
    other.parent.mkdir()
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Олена')")
    connection.close()
    learner_data = tmp_path / "learner"
    open_services(learner_data).close()  # a learner's own etrainer.sqlite
    for path, table in ((other, "contacts"), (learner_data / "etrainer.sqlite", "alembic_version")):
        before = _files_of(path.parent)
        with pytest.raises(WorkspaceForeignFile) as refused:
            open_workspace(path)
        assert str(refused.value).startswith(f"The file {path} is not a methodist workspace (it holds another "
                                             f"program's tables, such as “{table}”)")
        assert _files_of(path.parent) == before, path


@pytest.mark.parametrize("make", [lambda path: path.write_bytes(b""), lambda path: None,
                                  lambda path: sqlite3.connect(path).close()], ids=["empty", "missing", "no tables"])
def test_an_empty_file_or_a_new_name_becomes_a_workspace(tmp_path: Path, make: Any) -> None:
    path = tmp_path / "new" / "workspace.sqlite3"
    path.parent.mkdir()
    make(path)
    workspace = open_workspace(path)
    try:
        with workspace.sessions.begin() as session:
            assert workspace_revision(session.connection()) == workspace_head()
    finally:
        workspace.dispose()


def test_the_schema_compiles_for_postgresql() -> None:
    dialect = postgresql.dialect()
    ddl = []
    for table in m.WorkspaceBase.metadata.sorted_tables:
        ddl.append(str(CreateTable(table).compile(dialect=dialect)))
        ddl += [str(CreateIndex(index).compile(dialect=dialect)) for index in table.indexes]
    text = "\n".join(ddl)
    assert "CREATE TABLE ws_quiz_response" in text and "BYTEA" in text and "TIMESTAMP WITHOUT TIME ZONE" in text
    assert "UNIQUE (learner_id, uid)" in text
    assert "AUTOINCREMENT" not in text.upper() and "sqlite" not in text.lower()


class _RecordingConnection:
    """Stands in for a PostgreSQL (psycopg) connection: records what bulk_insert sends to the driver."""

    def __init__(self) -> None:
        self.dialect = postgresql.psycopg.dialect()
        self.sent: list[tuple[str, list[Any]]] = []

    def exec_driver_sql(self, sql: str, params: list[Any]) -> None:
        self.sent.append((sql, params))


def test_bulk_insert_sends_named_parameters_to_postgresql() -> None:
    connection = _RecordingConnection()
    columns = COLUMNS[m.WsLessonVisitRow]
    when = datetime(2026, 10, 2, 8, 0, tzinfo=UTC)
    bulk_insert(connection, m.WsLessonVisitRow.__table__, columns,  # type: ignore[arg-type]
                [("u1", 7, "c", "1", "l1", when, None, 30, True)])
    ((sql, params),) = connection.sent
    assert sql.startswith("INSERT INTO ws_lesson_visit (uid, learner_id") and "%(opened_at)s" in sql
    assert params == [{"uid": "u1", "learner_id": 7, "course_id": "c", "course_version": "1", "lesson_id": "l1",
                       "opened_at": datetime(2026, 10, 2, 8, 0), "closed_at": None, "seconds": 30,
                       "reached_end": True}]


def test_records_are_stored_once_and_read_back(workspace: Workspace) -> None:
    assert store(workspace, make_doc()) == RecordCounts(new=7)
    assert store(workspace, make_doc()) == RecordCounts(skipped=7)
    with workspace.sessions.begin() as session:
        counts = WorkspaceRepository(session).row_counts()
        data = WorkspaceRepository(session).dashboard_data()
        quiz = session.scalars(select(m.WsQuizAttemptRow)).one()
    assert [counts[t.__tablename__] for t in m.RECORD_TABLES] == [1, 1, 1, 1, 1, 2]
    assert (quiz.course_id, quiz.course_version) == ("course-a", "2026.11")  # the course's when the record has none
    (learner,) = data.learners
    assert (learner.uid, learner.name, learner.branch, learner.first_import) == ("learner-1", "Олена Петренко",
                                                                                 "Філія № 3", NOW)
    (lesson,) = data.lessons
    assert (lesson.lesson_id, lesson.completed_at, lesson.total_seconds) == (
        "l1", datetime(2026, 10, 3, 8, 10, tzinfo=UTC), 300)
    (attempt,) = data.quiz_attempts
    assert (attempt.learner_uid, attempt.quiz_id, attempt.score, attempt.passed) == ("learner-1", "q1", 0.5, False)
    (response,) = data.responses
    assert (response.attempt_uid, response.question_id, response.response_json) == (
        "learner-1-qa", "s1", '{"kind":"choice","picked":[1]}')
    (walk,) = data.walkthroughs
    assert (walk.scenario_id, walk.mode, walk.errors, walk.finished_at) == ("sc1", "test", 1, None)
    assert [(e.kind, e.step_id, e.correct) for e in data.events] == [("action", "st1", False), ("hint", "st1", True)]
    with workspace.sessions.begin() as session:  # details=False leaves the bulky records out
        brief = WorkspaceRepository(session).dashboard_data(details=False)
    assert (brief.responses, brief.events, len(brief.quiz_attempts)) == ((), (), 1)


def test_times_are_stored_as_the_orm_stores_them(tmp_path: Path) -> None:
    workspace = open_workspace(tmp_path / "ws" / "workspace.sqlite3")
    store(workspace, make_doc())
    path = workspace.database.path
    workspace.dispose()
    with sqlite3.connect(path) as connection:
        (started,) = connection.execute("SELECT started_at FROM ws_quiz_attempt").fetchone()
        (imported,) = connection.execute("SELECT first_import_at FROM ws_learner").fetchone()
    assert started == "2026-10-04 08:00:00.000000" and imported == "2026-11-28 10:00:00.000000"


def test_a_newer_file_updates_changed_records_and_an_older_one_does_not(workspace: Workspace) -> None:
    store(workspace, make_doc())
    newer = make_doc(exported="2026-11-30T10:00:00Z", score=1.0, seconds=900)
    assert store(workspace, newer) == RecordCounts(updated=3, skipped=4)  # progress, attempt, response
    older = copy.deepcopy(make_doc(exported="2026-11-20T10:00:00Z", score=0.0, seconds=10))
    older["records"]["lesson_visits"].append({"uid": "extra-visit", "lesson_id": "l1",
                                              "opened_at": "2026-09-30T08:00:00Z", "closed_at": None,
                                              "seconds": 5, "reached_end": False})
    assert store(workspace, older) == RecordCounts(new=1, skipped=7)
    with workspace.sessions.begin() as session:
        data = WorkspaceRepository(session).dashboard_data()
        visits = session.scalars(select(m.WsLessonVisitRow.uid)).all()
    assert data.quiz_attempts[0].score == 1.0 and data.lessons[0].total_seconds == 900
    assert sorted(visits) == ["extra-visit", "learner-1-lv"]


def test_the_same_uid_from_two_learners_makes_two_records(workspace: Workspace) -> None:
    store(workspace, make_doc())
    other = make_doc(uid="learner-2")
    other["records"]["quiz_attempts"][0]["uid"] = "learner-1-qa"
    assert store(workspace, other) == RecordCounts(new=7)
    with workspace.sessions.begin() as session:
        owners = session.execute(select(m.WsQuizAttemptRow.uid, m.WsLearnerRow.uid).join(m.WsLearnerRow)).all()
    assert sorted(owners) == [("learner-1-qa", "learner-1"), ("learner-1-qa", "learner-2")]


def test_imports_are_listed_with_their_counts(workspace: Workspace) -> None:
    document = validate_document(make_doc())
    with workspace.sessions.begin() as session:
        repository = WorkspaceRepository(session)
        learner = repository.save_learner(document, KEY, NOW)
        counts = repository.store_records(learner, document)
        assert repository.add_import(learner, document, "a.etprogress", "ab" * 32, counts, NOW) == "imported"
    with workspace.sessions.begin() as session:
        repository = WorkspaceRepository(session)
        (listed,) = repository.imported_files()
        assert repository.imported_file("ab" * 32) == listed
        assert repository.imported_file("cd" * 32) is None
        assert repository.learner("learner-1").public_key == KEY
        session.execute(insert(m.WsImportRow).values(  # a second file of the same learner, listed after
            file_name="b.etprogress", sha256="ef" * 32, imported_at=NOW.replace(hour=11), exported_at=NOW,
            learner_id=learner.id, course_id="course-a", status="unchanged"))
    with workspace.sessions.begin() as session:
        names = [f.file_name for f in WorkspaceRepository(session).imported_files()]
    assert (listed.file_name, listed.learner_name, listed.course_id, listed.counts) == (
        "a.etprogress", "Олена Петренко", "course-a", RecordCounts(new=7))
    assert names == ["a.etprogress", "b.etprogress"]
