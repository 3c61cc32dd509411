"""The learner's automatic sending to a real LRS (Ralph, tests/servers.py): counted without the password, sent in
the background after each saved piece of progress, backing off while the LRS does not answer and resuming when it
does, stopping for the session when it refuses."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from tests.servers import free_port
from tests.services.test_lrs_push import forwarder

from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.core.quiz.attempt import NoAttemptsLeft
from etrainer.exchange.lrs import LrsUnavailable, LrsWrongPassword
from etrainer.paths import bundled_course_dir
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.facade import AppServices, open_app_services
from etrainer.services.lrs import LrsConfig
from etrainer.services.lrs_auto import AutoSender, AutoStatus
from etrainer.storage.models import utc_now


@pytest.fixture(scope="module")
def course() -> Course:
    return load_pack(bundled_course_dir()).course


@pytest.fixture
def services(tmp_path: Any, course: Course) -> Iterator[AppServices]:
    services = open_app_services(tmp_path / "data")
    make_demo_learners(services, course, 1, seed=3)
    yield services
    services.close()


class Heard:
    """The statuses a sender reports (from its thread), with the wall-clock time each arrived."""

    def __init__(self) -> None:
        self.statuses: list[tuple[Any, AutoStatus]] = []
        self._lock = threading.Lock()

    def __call__(self, status: AutoStatus) -> None:
        with self._lock:
            self.statuses.append((utc_now(), status))

    @property
    def last(self) -> AutoStatus | None:
        with self._lock:
            return self.statuses[-1][1] if self.statuses else None

    def wait(self, check: Callable[[AutoStatus], bool], timeout: float = 60.0) -> AutoStatus:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            last = self.last
            if last is not None and check(last):
                return last
            time.sleep(0.02)
        raise AssertionError(f"not heard in {timeout} s; last: {self.last}")


def finish_a_quiz(services: AppServices, course: Course, learner: Any) -> None:
    """A new finished quiz attempt: new settled statements to send."""
    for quiz in course.quizzes:
        try:
            attempt = services.quizzes.start(learner, quiz, course)
        except NoAttemptsLeft:
            continue
        services.quizzes.finish(learner, attempt)
        return
    raise AssertionError("no quiz has an attempt left")


@pytest.fixture
def sender_of(services: AppServices, course: Course) -> Iterator[Callable[..., tuple[AutoSender, Heard]]]:
    made: list[AutoSender] = []

    def make(endpoint: str, user: str, **timing: float) -> tuple[AutoSender, Heard]:
        heard = Heard()
        learner = services.profiles.list()[0].id
        sender = AutoSender(services.lrs, learner, lambda: course, LrsConfig(endpoint, user), heard, **timing)
        services.progress_saved.subscribe(sender.nudge)
        made.append(sender)
        return sender, heard

    yield make
    for sender in made:
        services.progress_saved.unsubscribe(sender.nudge)
        sender.close()


def test_without_the_password_it_only_counts_then_send_sends_and_new_progress_follows(
        services: AppServices, course: Course, lrs_server: Any, sender_of: Any) -> None:
    sender, heard = sender_of(lrs_server.endpoint, lrs_server.user, quiet=0.05)
    sender.start(None)
    counted = heard.wait(lambda s: s.waiting > 0)
    assert not counted.active and counted.sent == 0 and lrs_server.statement_count() == 0  # counted, not sent

    sender.send(lrs_server.password)
    done = heard.wait(lambda s: s.active and not s.sending and s.waiting == 0 and s.sent > 0)
    assert done.sent == counted.waiting == lrs_server.statement_count() and done.error is None

    learner = services.profiles.list()[0].id
    finish_a_quiz(services, course, learner)  # the save nudges the sender; it sends in the background
    later = heard.wait(lambda s: s.sent > done.sent and s.waiting == 0 and not s.sending)
    assert lrs_server.statement_count() == later.sent


def test_a_save_never_waits_for_the_sending(services: AppServices, course: Course, sender_of: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The sender is busy (its push blocked): the next answer's save still returns at once."""
    entered, release = threading.Event(), threading.Event()
    real_push = services.lrs.push

    def blocked_push(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        release.wait(30)
        return real_push(*args, **kwargs)

    monkeypatch.setattr(services.lrs, "push", blocked_push)
    sender, heard = sender_of(f"http://127.0.0.1:{free_port()}/xAPI/", "u", quiet=0.0, first_retry=60)
    sender.start("secret")
    assert entered.wait(30)  # the round is under way and held
    learner = services.profiles.list()[0].id
    finish_a_quiz(services, course, learner)  # returns although the sender holds its round
    assert not release.is_set() and sender.running
    release.set()
    heard.wait(lambda s: s.error is not None)


def test_backs_off_while_the_lrs_does_not_answer_and_resumes_when_it_does(
        services: AppServices, lrs_server: Any, sender_of: Any) -> None:
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}/xAPI/"
    sender, heard = sender_of(endpoint, lrs_server.user, quiet=0.0, first_retry=0.2, longest_retry=0.8)
    sender.start(lrs_server.password)
    heard.wait(lambda s: sum(1 for _, t in heard.statuses if t.next_try is not None) >= 4, timeout=60)
    waits = [(status.next_try - at).total_seconds() for at, status in heard.statuses if status.next_try is not None]
    # each wait twice the one before, up to the longest (the planned time is taken as the status is made)
    assert waits[:4] == pytest.approx([0.2, 0.4, 0.8, 0.8], abs=0.15)
    failed = heard.last
    assert isinstance(failed.error, LrsUnavailable) and endpoint in str(failed.error)
    assert failed.active and not failed.stopped and failed.waiting > 0 and lrs_server.statement_count() == 0

    with forwarder(port, int(lrs_server.endpoint.split(":")[2].split("/")[0])):  # the LRS answers now
        done = heard.wait(lambda s: s.waiting == 0 and s.error is None and not s.sending)
    assert done.sent == failed.waiting == lrs_server.statement_count()


def test_a_refusal_stops_the_automatic_sending_for_the_session(services: AppServices, course: Course,
                                                                lrs_server: Any, sender_of: Any) -> None:
    services.lrs.password = "wrong"
    sender, heard = sender_of(lrs_server.endpoint, lrs_server.user, quiet=0.0, first_retry=0.05)
    sender.start("wrong")
    stopped = heard.wait(lambda s: s.stopped)
    assert isinstance(stopped.error, LrsWrongPassword)
    assert lrs_server.endpoint in str(stopped.error) and "401" in str(stopped.error)
    assert not stopped.active and stopped.next_try is None and stopped.waiting > 0
    assert services.lrs.password is None  # asked again at the next «Send»
    tries = len(heard.statuses)

    finish_a_quiz(services, course, services.profiles.list()[0].id)  # counted, never sent while stopped
    heard.wait(lambda s: s.waiting > stopped.waiting)
    assert heard.last.stopped and lrs_server.statement_count() == 0
    assert not any(s.sending for _, s in heard.statuses[tries:])

    sender.send(lrs_server.password)  # «Send again» with the right password
    done = heard.wait(lambda s: s.waiting == 0 and not s.stopped and not s.sending)
    assert done.sent == lrs_server.statement_count() > 0


@pytest.mark.parametrize("status", [400, 403])
def test_a_bad_request_or_no_permission_stops_too(services: AppServices, sender_of: Any, status: int,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import etrainer.services.lrs as module
    from etrainer.exchange.lrs import refusal

    endpoint = "http://lrs.invalid/xAPI/"
    posts: list[int] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        posts.append(1)
        raise refusal(endpoint, status)

    monkeypatch.setattr(module, "post_statements", refuse)
    sender, heard = sender_of(endpoint, "u", quiet=0.0, first_retry=0.01)
    sender.start("p")
    stopped = heard.wait(lambda s: s.stopped)
    assert endpoint in str(stopped.error) and f"HTTP {status}" in str(stopped.error) and stopped.next_try is None
    sender.nudge()  # later saves are counted, not sent
    heard.wait(lambda s: s is not stopped and not s.sending)
    assert posts == [1]


def test_send_during_a_round_is_not_undone_by_the_rounds_end(services: AppServices, sender_of: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """«Send» (the UI thread) clears a refusal while a round (the sender's thread) is changing the status: the
    round's change applies to the status as it is then, never to the one it read before «Send»."""
    import etrainer.services.lrs_auto as module

    sender, heard = sender_of(f"http://127.0.0.1:{free_port()}/xAPI/", "u", quiet=0.0, first_retry=60)
    sender.status = AutoStatus(sender.config.endpoint, stopped=True, error=LrsUnavailable(endpoint="x", reason="-"))
    entered, release = threading.Event(), threading.Event()
    real_replace = module.replace

    def slow_replace(status: AutoStatus, **changes: Any) -> AutoStatus:
        """The counting round's change of a stopped status, held in the middle."""
        if threading.current_thread().name == "etrainer-lrs-auto" and status.stopped and not entered.is_set():
            entered.set()
            release.wait(5)
        return real_replace(status, **changes)

    monkeypatch.setattr(module, "replace", slow_replace)
    sender.start(None)  # a counting round: it changes the status and is held while doing so
    assert entered.wait(30)
    pressed = threading.Thread(target=sender.send, args=("secret",))  # «Send», as from the UI thread
    pressed.start()
    time.sleep(0.2)
    release.set()
    pressed.join(30)
    after = heard.wait(lambda s: s.next_try is not None)  # the round «Send» forced: the LRS does not answer
    assert not after.stopped and not sender.status.stopped
