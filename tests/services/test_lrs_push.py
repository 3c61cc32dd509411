"""Sending a learner's statements to a real LRS (Ralph, tests/servers.py) through the queue in her database."""

from __future__ import annotations

import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker
from tests.servers import free_port

from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.exchange import xapi
from etrainer.exchange.lrs import LrsAddressInvalid, LrsUnavailable, LrsWrongPassword
from etrainer.paths import bundled_course_dir
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.lrs import LrsConfig, LrsService
from etrainer.services.transfer import ExportService
from etrainer.storage.models import LrsOutboxRow


@pytest.fixture(scope="module")
def course() -> Course:
    return load_pack(bundled_course_dir()).course


@pytest.fixture
def demo(database: Any, course: Course) -> Any:
    (learner,) = make_demo_learners(SimpleNamespace(database=database), course, 1, seed=5)  # type: ignore[arg-type]
    return learner


def settled_count(sessions: sessionmaker[Session], learner: Any, course: Course) -> int:
    export = ExportService(sessions)
    return len(export.xapi_statements(learner.id, course, xapi.settled(export.document(learner.id, course))))


def no_wait(seconds: float) -> None:
    pass


def test_push_sends_every_statement_once(sessions: sessionmaker[Session], demo: Any, course: Course,
                                         lrs_server: Any) -> None:
    service = LrsService(sessions)
    expected = settled_count(sessions, demo, course)
    seen: list[tuple[int, int]] = []
    result = service.push(demo.id, course, lrs_server.endpoint, lrs_server.user, lrs_server.password,
                          lambda done, total: seen.append((done, total)) or True)
    assert expected > 50  # more than one batch
    assert (result.total, result.sent, result.already, result.failed, result.error) == (expected, expected, 0, 0,
                                                                                         None)
    assert lrs_server.statement_count() == expected
    assert seen[0] == (0, expected) and seen[-1] == (expected, expected)

    again = service.push(demo.id, course, lrs_server.endpoint, lrs_server.user, lrs_server.password)
    assert (again.total, again.sent, again.failed) == (0, 0, 0)  # nothing left to send
    assert lrs_server.statement_count() == expected

    with sessions.begin() as session:  # the queue is lost (another PC, a restored backup): the LRS says 409
        session.execute(delete(LrsOutboxRow))
    lost = service.push(demo.id, course, lrs_server.endpoint.rstrip("/"), lrs_server.user, lrs_server.password)
    assert (lost.total, lost.sent, lost.already, lost.failed) == (expected, 0, expected, 0)
    assert lrs_server.statement_count() == expected


def test_a_finished_record_is_sent_but_an_open_one_waits(sessions: sessionmaker[Session], demo: Any,
                                                         course: Course) -> None:
    export = ExportService(sessions)
    document = export.document(demo.id, course)
    everything = {s["id"] for s in export.xapi_statements(demo.id, course, document)}
    open_attempt = document.quiz_attempts[0]
    document = replace(document, quiz_attempts=(replace(open_attempt, finished_at=None),
                                                *document.quiz_attempts[1:]))
    held = {s["id"] for s in xapi.statements(document, course)} - {s["id"] for s in
                                                                  xapi.statements(xapi.settled(document), course)}
    assert held and held <= everything | {xapi.statement_id(open_attempt.uid, "attempted")}
    assert xapi.statement_id(open_attempt.uid, "attempted") in held


def test_requeueing_changes_nothing_and_a_changed_statement_is_not_sent_twice(sessions: sessionmaker[Session],
                                                                              demo: Any, course: Course) -> None:
    from etrainer.storage.lrs_outbox import LrsOutboxRepository

    service = LrsService(sessions)
    endpoint = "http://127.0.0.1:9/xAPI/"
    first = service.enqueue(demo.id, course, endpoint)
    assert first.added > 0 and first.updated == 0
    again = service.enqueue(demo.id, course, endpoint)
    assert (again.added, again.updated, again.unchanged) == (0, 0, first.added)
    with sessions.begin() as session:
        repository = LrsOutboxRepository(session)
        (one, two, *_) = repository.pending(demo.id, endpoint)
        repository.mark_done([one.id], "sent", datetime.now(UTC))
        changed = [{**one.statement, "timestamp": "2026-12-07T00:00:00Z"},
                   {**two.statement, "timestamp": "2026-12-07T00:00:00Z"}]
        result = repository.enqueue(demo.id, endpoint, changed)
        assert (result.updated, result.unchanged) == (1, 1)  # the unsent one takes the new content only
        waiting = {item.statement_id: item.statement for item in repository.pending(demo.id, endpoint)}
    assert one.statement_id not in waiting and waiting[two.statement_id]["timestamp"] == "2026-12-07T00:00:00Z"


@contextmanager
def forwarder(port: int, target: int) -> Iterator[None]:
    """A TCP relay on 127.0.0.1:port to 127.0.0.1:target (the LRS comes up at an address that was down)."""

    class Relay(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            upstream = socket.create_connection(("127.0.0.1", target))

            def pipe(source: socket.socket, sink: socket.socket) -> None:
                try:
                    while data := source.recv(65536):
                        sink.sendall(data)
                except OSError:
                    pass
                finally:
                    sink.shutdown(socket.SHUT_WR) if sink.fileno() != -1 else None

            back = threading.Thread(target=pipe, args=(upstream, self.request), daemon=True)
            back.start()
            pipe(self.request, upstream)
            back.join(30)
            upstream.close()

    server = socketserver.ThreadingTCPServer(("127.0.0.1", port), Relay)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def test_the_queue_survives_an_lrs_that_is_down(sessions: sessionmaker[Session], demo: Any, course: Course,
                                                lrs_server: Any) -> None:
    service = LrsService(sessions)
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}/xAPI/"
    waits: list[float] = []
    down = service.push(demo.id, course, endpoint, lrs_server.user, lrs_server.password, tries=3, delay=0.01,
                        sleep=waits.append)
    assert isinstance(down.error, LrsUnavailable) and endpoint in str(down.error)
    assert down.sent == 0 and down.failed == down.total > 0
    assert service.counts(demo.id, endpoint).pending == down.total
    assert lrs_server.statement_count() == 0

    with forwarder(port, int(lrs_server.endpoint.split(":")[2].split("/")[0])):
        up = service.push(demo.id, course, endpoint, lrs_server.user, lrs_server.password)
    assert (up.total, up.sent, up.failed, up.error) == (down.total, down.total, 0, None)
    assert lrs_server.statement_count() == down.total
    assert service.counts(demo.id, endpoint).pending == 0


def test_retries_back_off_exponentially(sessions: sessionmaker[Session], demo: Any, course: Course,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import etrainer.services.lrs as module

    waits: list[float] = []
    slept_before_try: list[float] = []

    def refuse(*args: object, **kwargs: object) -> object:
        slept_before_try.append(sum(waits))
        raise LrsUnavailable(endpoint="http://lrs.invalid/xAPI/", reason="HTTP 503")

    monkeypatch.setattr(module, "post_statements", refuse)
    result = LrsService(sessions).push(demo.id, course, "http://lrs.invalid/xAPI/", "u", "p", tries=4, delay=1.0,
                                       sleep=waits.append)
    assert result.failed == result.total and isinstance(result.error, LrsUnavailable)
    # four tries, the waits between them 1, 2 and 4 s
    assert slept_before_try == pytest.approx([0, 1, 1 + 2, 1 + 2 + 4]) and sum(waits) == pytest.approx(7)
    assert max(waits) <= 0.2  # in short steps, so that Cancel is not kept waiting


def test_a_wrong_password_stops_with_a_sentence_and_keeps_the_queue(sessions: sessionmaker[Session], demo: Any,
                                                                    course: Course, lrs_server: Any) -> None:
    service = LrsService(sessions)
    result = service.push(demo.id, course, lrs_server.endpoint, lrs_server.user, "wrong", sleep=no_wait)
    assert isinstance(result.error, LrsWrongPassword)
    assert lrs_server.endpoint in str(result.error) and "401" in str(result.error)
    assert result.failed == result.total and service.counts(demo.id, lrs_server.endpoint).pending == result.total
    assert lrs_server.statement_count() == 0


def test_cancel_stops_between_batches_and_keeps_the_rest(sessions: sessionmaker[Session], demo: Any,
                                                         course: Course, lrs_server: Any) -> None:
    service = LrsService(sessions)
    result = service.push(demo.id, course, lrs_server.endpoint, lrs_server.user, lrs_server.password,
                          lambda done, total: done == 0)
    assert result.cancelled and result.error is None and result.failed == 0
    assert result.sent == 50 and lrs_server.statement_count() == 50
    assert service.counts(demo.id, lrs_server.endpoint).pending == result.total - 50


def test_settings_keep_the_address_and_user_but_never_the_password(sessions: sessionmaker[Session]) -> None:
    service = LrsService(sessions)
    assert service.config() is None
    with pytest.raises(LrsAddressInvalid):
        service.configure("lrs.example.org", "u")
    assert service.configure(" https://lrs.example.org/xAPI ", "librarian") == LrsConfig(
        "https://lrs.example.org/xAPI/", "librarian")
    service.password = "secret"
    assert LrsService(sessions).config() == LrsConfig("https://lrs.example.org/xAPI/", "librarian")
    with sessions() as session:
        from sqlalchemy import text
        stored = " ".join(str(row) for row in session.execute(text("SELECT key, value FROM setting")))
    assert "secret" not in stored and "librarian" in stored
    service.configure("https://other.example.org/xAPI/", "librarian")
    assert service.password is None  # another LRS: asked again
    assert service.configure("", "") is None and service.config() is None
