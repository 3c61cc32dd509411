"""Two methodists importing overlapping folders into one workspace at the same time (two OS processes running
`etrainer workspace import`): no errors, no duplicates — the workspace ends as one import of the union would
leave it. On PostgreSQL the imports of one learner wait for each other (an advisory lock on her uid); on SQLite
the second process waits for the file's write lock."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from etrainer.services.methodist import FileStatus, WorkspaceService
from etrainer.storage import workspace_models as m
from etrainer.storage.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]


def contents(url: str) -> tuple[dict[str, int], dict[str, list[tuple[str, str]]]]:
    """Rows per table, and every record table's (learner uid, record uid) pairs, sorted."""
    workspace = open_workspace(url)
    try:
        service = WorkspaceService(workspace)
        counts = service.row_counts()
        keys = {}
        with workspace.sessions.begin() as session:
            for model in (*m.RECORD_TABLES, m.WsConsultationRow, m.WsEssayRow):
                keys[model.__tablename__] = sorted(session.execute(
                    select(m.WsLearnerRow.uid, model.uid).join(m.WsLearnerRow, m.WsLearnerRow.id == model.learner_id)))
            keys["ws_import"] = sorted(session.execute(select(m.WsImportRow.sha256, m.WsLearnerRow.uid)
                                                       .join(m.WsLearnerRow)))
        return counts, keys
    finally:
        workspace.dispose()


def test_two_processes_importing_overlapping_folders_at_once_store_each_record_once(
        workspace_url: str, demo_files: list[Path], tmp_path: Path) -> None:
    files = tmp_path / "shared"
    files.mkdir()
    paths = [Path(shutil.copy(path, files)) for path in demo_files]
    copy = Path(shutil.copy(paths[2], files / "the-same-file-again.etprogress"))  # the same bytes, another name
    first = paths[:4]  # learners 0-3
    second = [*reversed(paths[1:]), copy]  # learners 5-1 (meeting the first in the middle) and the copy
    open_workspace(workspace_url).dispose()  # the schema exists, as when two methodists share a server
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ETRAINER_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "etrainer", "workspace", "import", "--db", workspace_url]
    running = [subprocess.Popen([*command, *map(str, chosen)], env=environment, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for chosen in (first, second)]
    outputs = [process.communicate(timeout=300) for process in running]
    for process, (out, err) in zip(running, outputs, strict=True):
        assert process.returncode == 0, out + err
        assert "0 rejected" in out and "Traceback" not in err and err == ""
    together = sum(int(out.split(" imported")[0].rsplit(" ", 1)[1]) for out, _ in outputs)
    assert together == len(paths)  # each file imported by exactly one of them; the rest were already there

    union = tmp_path / "union.sqlite3"
    single = open_workspace(union)
    report = WorkspaceService(single).import_paths([*paths, copy])
    single.dispose()
    assert [f.status for f in report.files].count(FileStatus.IMPORTED) == len(paths)
    assert contents(workspace_url) == contents(f"sqlite:///{union}")
