"""`etrainer workspace import|report`: counts, each rejected file with its reason, exit status, the XLSX report."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

from openpyxl import load_workbook
from tests.storage.test_workspace import make_doc

from etrainer.cli_workspace import register, run
from etrainer.exchange.signing import InstallationKey
from etrainer.paths import bundled_course_dir

KEY = InstallationKey.from_raw(bytes(range(32)))


def parse(*argv: str) -> argparse.Namespace:
    """As cli.py does: a top-level --data-dir, and the workspace commands registered on its sub-commands."""
    parser = argparse.ArgumentParser(prog="etrainer")
    parser.add_argument("--data-dir", default=None)
    register(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(parse(*argv), out, err)
    return status, out.getvalue(), err.getvalue()


def signed_file(folder: Path, name: str, uid: str = "learner-1") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(KEY.sign(make_doc(uid=uid)), ensure_ascii=False), encoding="utf-8")
    return path


def test_import_prints_counts_and_each_rejected_file(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    signed_file(folder, "olena.etprogress")
    (folder / "notes.json").write_text('{"not": "progress"}', encoding="utf-8")
    db = tmp_path / "ws.sqlite3"
    status, out, _ = call("workspace", "import", str(folder), "--db", str(db))
    assert status == 1
    assert "2 file(s): 1 imported, 0 already up to date, 1 rejected" in out
    assert "records: 7 new, 0 updated, 0 already imported" in out
    assert f"rejected {folder / 'notes.json'}: not-a-progress-file: This is not an eTrainer progress file." in out


def test_a_clean_import_exits_zero_and_a_second_one_adds_nothing(tmp_path: Path) -> None:
    path = signed_file(tmp_path / "files", "olena.etprogress")
    db = f"sqlite:///{tmp_path / 'ws.sqlite3'}"
    assert call("workspace", "import", str(path), "--db", db)[0] == 0
    status, out, _ = call("workspace", "import", str(tmp_path / "files"), "--db", db)
    assert status == 0 and "0 imported, 1 already up to date, 0 rejected" in out
    assert "records: 0 new, 0 updated, 7 already imported" in out


def test_the_default_workspace_is_in_the_data_folder(tmp_path: Path) -> None:
    path = signed_file(tmp_path / "files", "olena.etprogress")
    data = tmp_path / "data"
    assert call("--data-dir", str(data), "workspace", "import", str(path))[0] == 0
    assert (data / "workspace.sqlite3").is_file()
    other = tmp_path / "other"
    assert call("workspace", "import", str(path), "--data-dir", str(other))[0] == 0
    assert (other / "workspace.sqlite3").is_file()


def test_a_missing_path_is_reported_and_fails(tmp_path: Path) -> None:
    status, out, _ = call("workspace", "import", str(tmp_path / "nowhere"), "--db", str(tmp_path / "ws.sqlite3"))
    assert status == 1 and f"{tmp_path / 'nowhere'}: no such file or folder" in out


def test_an_unusable_database_is_a_clear_error(tmp_path: Path) -> None:
    status, out, err = call("workspace", "import", str(tmp_path), "--db", "nosuchdatabase://x/y")
    assert status == 2 and out == "" and err.startswith("error: The methodist workspace nosuchdatabase://x/y")


def test_report_writes_the_xlsx(tmp_path: Path) -> None:
    db = str(tmp_path / "ws.sqlite3")
    signed_file(tmp_path / "files", "a.etprogress")
    signed_file(tmp_path / "files", "b.etprogress", uid="learner-2")
    call("workspace", "import", str(tmp_path / "files"), "--db", db)
    out_path = tmp_path / "report.xlsx"
    status, out, _ = call("workspace", "report", "--db", db, "--xlsx", str(out_path),
                          "--course", str(bundled_course_dir()))
    assert status == 0 and out.startswith(f"{out_path}: 2 learner(s), 8 module(s)")
    book = load_workbook(out_path)
    assert book.sheetnames[:4] == ["Підсумок", "Модулі", "Питання", "Тренажери"]
    assert [book["Підсумок"].cell(r, 1).value for r in (2, 3)] == ["Олена Петренко"] * 2
    status, out, _ = call("workspace", "report", "--db", db, "--xlsx", str(out_path), "--branch", "Інша",
                          "--from", "2026-01-01", "--data-dir", str(tmp_path / "data"))
    assert status == 0 and ": 0 learner(s)" in out
    assert load_workbook(out_path)["Підсумок"]["B3"].value == "філія: Інша; період: 01.01.2026 – …"


def test_report_needs_somewhere_to_write(tmp_path: Path) -> None:
    status, out, err = call("workspace", "report", "--db", str(tmp_path / "ws.sqlite3"))
    assert status == 2 and "--xlsx OUT and/or --pdf OUT" in err and out == ""


def test_a_full_disk_stops_the_import_with_one_sentence_and_keeps_the_files_imported(tmp_path: Path,
                                                                                       monkeypatch) -> None:
    from tests.faults import disk_full

    from etrainer.storage import workspace as workspace_module

    db = tmp_path / "ws.sqlite3"
    first = signed_file(tmp_path / "files", "olena.etprogress")
    assert call("workspace", "import", str(first), "--db", str(db))[0] == 0
    doc = make_doc(uid="learner-2")  # enough records to need new pages in the database
    visit = doc["records"]["lesson_visits"][0]
    doc["records"]["lesson_visits"] = [{**visit, "uid": f"learner-2-lv{n}"} for n in range(300)]
    second = tmp_path / "more" / "maria.etprogress"
    second.parent.mkdir()
    second.write_text(json.dumps(KEY.sign(doc), ensure_ascii=False), encoding="utf-8")
    real_open = workspace_module.open_workspace

    def open_full(target: object) -> object:
        opened = real_open(target)
        disk_full(opened.database.engine, db)
        return opened

    monkeypatch.setattr(workspace_module, "open_workspace", open_full)
    status, out, err = call("workspace", "import", str(second), "--db", str(db))
    assert status == 1 and out == ""
    assert err.startswith(f"error: No space left on the disk holding the methodist workspace sqlite:///{db}: the "
                          "import stopped after 0 of 1 file(s).")
    assert len(err.strip().splitlines()) == 1
    monkeypatch.setattr(workspace_module, "open_workspace", real_open)
    status, out, _ = call("workspace", "import", str(first), str(second), "--db", str(db))
    assert status == 0 and "2 file(s): 1 imported, 1 already up to date, 0 rejected" in out


def test_another_programs_sqlite_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "library.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE books (title TEXT)")
    connection.close()
    before = other.read_bytes()
    path = signed_file(tmp_path / "files", "olena.etprogress")
    status, out, err = call("workspace", "import", str(path), "--db", str(other))
    assert (status, out) == (2, "")
    assert err == (f"error: The file {other} is not a methodist workspace (it holds another program's tables, such "
                   "as “books”), so it was left untouched. Choose a workspace file, or the name of a new file for "
                   "a new workspace.\n")
    assert other.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["files", "library.db"]
