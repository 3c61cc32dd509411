"""`etrainer workspace …` against a real PostgreSQL server: every command works there, the same files give the
same reports as in an SQLite workspace (the XLSX cell by cell, the essays' JSON), and a server that cannot be
used is one sentence naming it (password hidden), never a traceback."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import make_url
from tests.test_cli_workspace import call

from etrainer.core.learner.names import person_key
from etrainer.paths import bundled_course_dir
from etrainer.services.methodist import WorkspaceService
from etrainer.storage.workspace import open_workspace

NOW = datetime(2026, 12, 1, 9, 15, 30, 123456, tzinfo=UTC)
COURSE = str(bundled_course_dir())


def import_with_a_fixed_clock(url: str, paths: list[Path]) -> None:
    workspace = open_workspace(url)
    try:
        report = WorkspaceService(workspace, clock=lambda: NOW).import_paths(paths)
    finally:
        workspace.dispose()
    assert not report.rejected and len(report.accepted) == len(paths)


def cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path)
    return {sheet.title: [tuple(cell.value for cell in row) for row in sheet.iter_rows()] for sheet in book}


@pytest.fixture
def ukrainian_postgres_url(postgres_server) -> str:  # type: ignore[no-untyped-def]
    """A database whose text sorts by the Ukrainian ICU collation (І, Є, Ґ among the letters, case ignored
    first), unlike SQLite's code point order: what a server set up in Ukraine is likely to have."""
    url = postgres_server.create_database(icu_locale="uk-UA")
    yield url
    postgres_server.drop_database(url)


def test_the_same_files_give_the_same_reports_on_both_engines(
        ukrainian_postgres_url: str, demo_files: list[Path], tmp_path: Path) -> None:
    sqlite_url = f"sqlite:///{tmp_path / 'ws.sqlite3'}"
    reports = {}
    for name, url in (("sqlite", sqlite_url), ("postgresql", ukrainian_postgres_url)):
        import_with_a_fixed_clock(url, demo_files)
        status, out, err = call("workspace", "report", "--db", url, "--course", COURSE,
                                "--xlsx", str(tmp_path / f"{name}.xlsx"))
        assert status == 0, err
        status, essays, err = call("workspace", "essays", "--db", url, "--json")
        assert status == 0, err
        reports[name] = (cells(tmp_path / f"{name}.xlsx"), json.loads(essays), out.split(": ", 1)[1])
    sheets, essays, summary = reports["sqlite"]
    assert sum(len(rows) for rows in sheets.values()) > 50 and len(essays["essays"]) > 0
    learners = [essay["learner"] for essay in essays["essays"]]  # by surname, in the Ukrainian alphabet
    assert learners == sorted(learners, key=person_key) and len(set(learners)) > 2
    other_sheets, other_essays, other_summary = reports["postgresql"]
    assert list(other_sheets) == list(sheets)
    for title, rows in sheets.items():
        assert len(other_sheets[title]) == len(rows), title
        for number, (row, other) in enumerate(zip(rows, other_sheets[title], strict=True), start=1):
            assert other == row, f"{title}, row {number}"
    assert other_essays == essays
    assert other_summary == summary


def test_every_workspace_command_works_on_the_server(postgres_url: str, demo_files: list[Path],
                                                     tmp_path: Path) -> None:
    status, out, err = call("workspace", "import", "--db", postgres_url, *map(str, demo_files[:3]))
    assert (status, err) == (0, "") and "3 file(s): 3 imported" in out
    status, out, _ = call("workspace", "import", "--db", postgres_url, str(demo_files[0].parent))
    assert status == 0 and f"{len(demo_files) - 3} imported, 3 already up to date" in out
    status, out, err = call("workspace", "report", "--db", postgres_url, "--course", COURSE,
                            "--xlsx", str(tmp_path / "report.xlsx"))
    assert status == 0 and f"{len(demo_files)} learner(s)" in out
    status, out, _ = call("workspace", "essays", "--db", postgres_url, "--pending", "--json")
    pending = json.loads(out)["essays"]
    assert status == 0 and pending and all(e["status"] == "pending" for e in pending)
    chosen = pending[0]
    status, out, err = call("workspace", "grade", "--db", postgres_url, "--essay", str(chosen["id"]),
                            "--points", str(chosen["max_points"]), "--comment", "Добре.")
    assert status == 0, err
    assert f"essay {chosen['id']} ({chosen['learner']}" in out
    status, out, _ = call("workspace", "essays", "--db", postgres_url, "--pending", "--json")
    assert chosen["id"] not in [e["id"] for e in json.loads(out)["essays"]]
    status, out, err = call("workspace", "feedback", "--db", postgres_url, "-o", str(tmp_path / "replies"))
    written = [Path(line) for line in out.splitlines()]
    assert status == 0 and len(written) == 1 and written[0].suffix == ".etfeedback" and written[0].is_file()
    status, out, err = call("workspace", "feedback", "--db", postgres_url, "-o", str(tmp_path / "replies"))
    assert status == 0 and out == "" and "no new marks to send" in err


def with_password(url: str, user: str, password: str) -> str:
    return make_url(url).set(username=user, password=password).render_as_string(hide_password=False)


def test_a_server_nobody_listens_on_is_named_without_its_password(tmp_path: Path) -> None:
    from tests.servers import free_port

    url = f"postgresql+psycopg://methodist:s3cret-word@127.0.0.1:{free_port()}/etrainer"
    status, out, err = call("workspace", "import", "--db", url, str(tmp_path))
    assert status == 2 and out == ""
    assert "s3cret-word" not in err and "Traceback" not in err
    assert err.startswith("error: The database server of the methodist workspace "
                          f"postgresql+psycopg://methodist:***@127.0.0.1:{make_url(url).port}/etrainer cannot be "
                          "reached (")
    assert "refused" in err.lower()


def test_without_psycopg_the_message_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` raises ImportError
    status, _, err = call("workspace", "report", "--db", "postgresql+psycopg://methodist:pw@db.example/etrainer",
                            "--xlsx", str(tmp_path / "r.xlsx"))
    assert status == 2
    assert err == ("error: The methodist workspace postgresql+psycopg://methodist:***@db.example/etrainer is on a "
                   "PostgreSQL server, but the PostgreSQL driver is not installed. Install it with: "
                   "pip install 'etrainer[postgres]'\n")


def test_a_refused_login_names_the_server_and_user_and_hides_the_password(
        postgres_server, postgres_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = postgres_server.password_user_url(postgres_url, "the-right-one")
    wrong = with_password(url, make_url(url).username, "not-the-right-one")
    status, _, err = call("workspace", "essays", "--db", wrong)
    assert status == 2 and "not-the-right-one" not in err and "Traceback" not in err
    shown = make_url(wrong).render_as_string(hide_password=True)
    assert err.startswith(f"error: The database server of the methodist workspace {shown} refused the login of "
                          f"user {make_url(url).username} (")
    assert "password authentication failed" in err
    status, _, err = call("workspace", "essays", "--db", url)  # none given, none in a password file
    assert status == 2 and "refused the login" in err
    right = with_password(url, make_url(url).username, "the-right-one")
    assert call("workspace", "essays", "--db", right)[:2] == (0, "0 essay(s)\n")


def test_libpq_password_and_service_files_give_the_password(
        postgres_server, postgres_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = make_url(postgres_server.password_user_url(postgres_url, "from-the-file"))
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{url.port}:{url.database}:{url.username}:from-the-file\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert call("workspace", "essays", "--db", url.render_as_string(hide_password=False))[0] == 0
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[workspace]\nhost=127.0.0.1\nport={url.port}\ndbname={url.database}\n"
                        f"user={url.username}\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    status, out, err = call("workspace", "essays", "--db", "postgresql+psycopg://?service=workspace")
    assert (status, out, err) == (0, "0 essay(s)\n", "")
