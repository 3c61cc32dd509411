"""`etrainer lrs push` against a real LRS (Ralph, tests/servers.py), run with argv like the command line does;
and against a fake one whose answer is JSON nested too deep to read."""

from __future__ import annotations

import io
import shutil
import sqlite3
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from tests.servers import free_port

from etrainer.cli_lrs import PASSWORD_VARIABLE, register, run


def call(*argv: str) -> tuple[int, str, str]:
    import argparse

    parser = argparse.ArgumentParser(prog="etrainer")
    register(parser.add_subparsers(dest="command", required=True))
    out, err = io.StringIO(), io.StringIO()
    status = run(parser.parse_args(list(argv)), out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data folder with one demo learner; her name."""
    from etrainer.cli_export import main as export_main

    folder = tmp_path_factory.mktemp("lrs-data")
    out = io.StringIO()
    sys_stdout, sys.stdout = sys.stdout, out
    try:
        assert export_main(["demo-data", "--data-dir", str(folder), "--learners", "1", "--seed", "9"]) == 0
    finally:
        sys.stdout = sys_stdout
    return folder, out.getvalue().splitlines()[0].split("\t")[0]


@pytest.fixture
def data(template: tuple[Path, str], tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "data"
    shutil.copytree(template[0], folder)
    return folder, template[1]


def counts(line: str) -> tuple[int, int, int]:
    sent, already, failed = (part.strip().rsplit(" ", 1)[1] for part in line.strip().split(","))
    assert line.startswith("sent ") and "already there" in line and "failed" in line
    return int(sent), int(already), int(failed)


def push(data: tuple[Path, str], endpoint: str, user: str, *extra: str) -> tuple[int, str, str]:
    return call("lrs", "push", "--data-dir", str(data[0]), "--profile", data[1], "--endpoint", endpoint,
                "--user", user, *extra)


def test_push_then_push_again_duplicates_nothing(data: tuple[Path, str], lrs_server: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, lrs_server.password)
    status, out, err = push(data, lrs_server.endpoint, lrs_server.user)
    assert status == 0, err
    sent, already, failed = counts(out)
    assert sent > 0 and (already, failed) == (0, 0)
    assert lrs_server.statement_count() == sent

    status, out, err = push(data, lrs_server.endpoint, lrs_server.user)
    assert (status, counts(out)) == (0, (0, 0, 0))  # nothing left to send
    assert lrs_server.statement_count() == sent

    copy = (data[0].parent / "copy", data[1])  # the same learner's database before it sent anything
    shutil.copytree(data[0], copy[0])
    with sqlite3.connect(copy[0] / "etrainer.sqlite") as db:
        db.execute("DELETE FROM lrs_outbox")
    status, out, err = push(copy, lrs_server.endpoint, lrs_server.user)
    assert (status, counts(out)) == (0, (0, sent, 0))  # all already there
    assert lrs_server.statement_count() == sent


def test_an_unreachable_lrs_fails_and_keeps_the_queue(data: tuple[Path, str], lrs_server: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import etrainer.services.lrs as module

    monkeypatch.setattr(module, "DELAY", 0.01)
    monkeypatch.setenv(PASSWORD_VARIABLE, "any")
    closed = f"http://127.0.0.1:{free_port()}/xAPI/"
    status, out, err = push(data, closed, "u")
    sent, already, failed = counts(out)
    assert status == 1 and sent == already == 0 and failed > 0
    assert closed in err and "does not answer" in err and f"{failed} statement(s) stay queued" in err


def test_a_wrong_password_is_exit_1_with_a_sentence(data: tuple[Path, str], lrs_server: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, "wrong")
    status, out, err = push(data, lrs_server.endpoint, lrs_server.user)
    assert status == 1 and counts(out)[2] > 0
    assert lrs_server.endpoint in err and "HTTP 401" in err and "password" in err
    assert lrs_server.statement_count() == 0


def test_an_unknown_profile_a_missing_password_and_a_bad_address(data: tuple[Path, str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    status, out, err = push(data, "http://127.0.0.1:9/xAPI/", "u")
    assert status == 1 and PASSWORD_VARIABLE in err and out == ""
    monkeypatch.setenv(PASSWORD_VARIABLE, "x")
    status, _, err = call("lrs", "push", "--data-dir", str(data[0]), "--profile", "Ніхто Такий", "--endpoint",
                          "http://127.0.0.1:9/xAPI/", "--user", "u")
    assert status == 1 and "No profile is named “Ніхто Такий”" in err
    status, _, err = push(data, "lrs.example.org/xAPI", "u")
    assert status == 1 and "lrs.example.org/xAPI" in err and "http://" in err


def test_the_etrainer_command_dispatches_lrs_push(data: tuple[Path, str], monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from etrainer.cli import main

    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    assert main(["lrs", "push", "--data-dir", str(data[0]), "--profile", data[1], "--endpoint",
                 "http://127.0.0.1:9/xAPI/", "--user", "u"]) == 1
    assert PASSWORD_VARIABLE in capsys.readouterr().err


class _DeepAnswer(BaseHTTPRequestHandler):
    """An LRS (or a proxy in front of it) answering a POST with JSON nested deeper than a parser goes."""

    status: ClassVar[int] = 200

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"[" * 5000
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.mark.parametrize("answer", [200, 400])
def test_an_answer_nested_too_deep_is_read_like_any_unreadable_answer(
        data: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, answer: int) -> None:
    monkeypatch.setattr(_DeepAnswer, "status", answer)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _DeepAnswer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv(PASSWORD_VARIABLE, "any")
    endpoint = f"http://127.0.0.1:{server.server_port}/xAPI/"
    try:
        status, out, err = push(data, endpoint, "u")
    finally:
        server.shutdown()
        server.server_close()
    sent, already, failed = counts(out)
    if answer == 200:   # stored, without the list of ids: every statement counts as sent
        assert status == 0 and sent > 0 and already == failed == 0 and err == ""
    else:               # refused: one sentence naming the endpoint and the status, the queue kept
        assert status == 1 and sent == already == 0 and failed > 0
        assert endpoint in err and "HTTP 400" in err and "Traceback" not in err
