"""`etrainer workspace pull-lrs` against the real test LRS: counts, skipped foreign statements, a second pull,
--since, and exit status 1 with a sentence for a wrong password, an unreachable endpoint and a bad --since."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.services.test_lrs_workspace import foreign_statements, push
from tests.storage.test_workspace import make_doc
from tests.test_cli_workspace import call

from etrainer.core.progress.file import validate_document
from etrainer.exchange.xapi import statements


@pytest.fixture
def filled(lrs_server: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("ETRAINER_LRS_PASSWORD", lrs_server.password)
    push(lrs_server, statements(validate_document(make_doc())) + foreign_statements())
    return lrs_server


def pull(server: Any, db: Path, *extra: str) -> tuple[int, str, str]:
    return call("workspace", "pull-lrs", "--endpoint", server.endpoint, "--user", server.user, "--db", str(db),
                *extra)


def test_pull_prints_counts_and_what_was_skipped(filled: Any, tmp_path: Path) -> None:
    db = tmp_path / "ws.sqlite3"
    status, out, err = pull(filled, db)
    assert (status, err) == (0, "")
    # make_doc: a read lesson (progress + visit), a quiz attempt with one answer, an open walkthrough
    lines = out.splitlines()
    assert lines[0] == "9 statement(s) read, 1 learner(s)"
    assert lines[1] == "records: 5 new, 0 updated, 0 already in the workspace"
    assert lines[2] == "skipped 3: not from eTrainer (1 other actor, 1 other activity, 1 unknown verb)"
    status, out, _ = pull(filled, db)
    assert status == 0 and "records: 0 new, 0 updated, 5 already in the workspace" in out
    status, out, _ = pull(filled, db, "--since", "2999-01-01T00:00:00Z")
    assert status == 0 and out.splitlines()[0] == "0 statement(s) read, 0 learner(s)"


@pytest.mark.parametrize(("change", "expected"), [
    ({"ETRAINER_LRS_PASSWORD": "wrong"}, "refused the user name or password (HTTP 401)"),
    ({"--endpoint": "http://127.0.0.1:9/xAPI/"}, "cannot be reached"),
    ({"--since": "yesterday"}, "--since takes an ISO 8601 time"),
    ({"ETRAINER_LRS_PASSWORD": None}, "put the LRS password in the environment variable ETRAINER_LRS_PASSWORD"),
])
def test_pull_fails_with_a_sentence(filled: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    change: dict[str, str | None], expected: str) -> None:
    if change.get("ETRAINER_LRS_PASSWORD", "") is None:
        monkeypatch.delenv("ETRAINER_LRS_PASSWORD")
    elif "ETRAINER_LRS_PASSWORD" in change:
        monkeypatch.setenv("ETRAINER_LRS_PASSWORD", str(change["ETRAINER_LRS_PASSWORD"]))
    endpoint = str(change.get("--endpoint", filled.endpoint))
    extra = ["--since", str(change["--since"])] if "--since" in change else []
    status, out, err = call("workspace", "pull-lrs", "--endpoint", endpoint, "--user", filled.user,
                            "--db", str(tmp_path / "ws.sqlite3"), *extra)
    assert status == 1 and out == "" and expected in err and err.startswith("error: ")
    assert "Traceback" not in err
