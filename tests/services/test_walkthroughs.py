"""WalkthroughService: attempts, their logged events, resume by replay, abandon, finish with a score."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from tests.conftest import FakeClock

from etrainer.core.course.context import PackContext
from etrainer.core.learner.profiles import Profile
from etrainer.core.walkthrough.engine import Action, ActionKind, Mode, RunState, Scenario, ScenarioChanged, ScenarioRun
from etrainer.core.walkthrough.loading import load_scenario_file
from etrainer.services.walkthroughs import WalkthroughService
from etrainer.storage.models import WalkthroughAttemptRow, WalkthroughEventRow

DATA = Path(__file__).resolve().parents[1] / "data" / "scenarios"


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    loaded = load_scenario_file(DATA / "all-controls.scenario.yaml", PackContext(root=DATA))
    assert loaded is not None
    return loaded


class Ticker:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticker() -> Ticker:
    return Ticker()


@pytest.fixture
def walkthroughs(sessions: sessionmaker[Session], clock: FakeClock, ticker: Ticker) -> WalkthroughService:
    return WalkthroughService(sessions, clock=clock, monotonic=ticker)


def step(state: RunState, ticker: Ticker, seconds: float = 5) -> RunState:
    ticker.now += seconds
    action, _ = ScenarioRun.demo_next(state)
    outcome = ScenarioRun.apply(state, action, ticker.now)
    assert outcome.accepted
    return outcome.state


def test_events_are_stored_as_they_happen(walkthroughs: WalkthroughService, learner: Profile, scenario: Scenario,
                                          ticker: Ticker, sessions: sessionmaker[Session]) -> None:
    run, state = walkthroughs.start(learner.id, scenario, Mode.PRACTICE)
    state = step(state, ticker)
    ticker.now += 2
    state = ScenarioRun.hint(state, ticker.now).state
    walkthroughs.record(run, state)
    wrong = ScenarioRun.apply(state, Action(state.screen_id, "nope", ActionKind.CLICK), ticker.now)
    walkthroughs.record(run, wrong.state)
    with sessions.begin() as session:
        events = session.scalars(select(WalkthroughEventRow).order_by(WalkthroughEventRow.seq)).all()
        attempt = session.scalars(select(WalkthroughAttemptRow)).one()
        assert [(e.seq, e.kind) for e in events] == [(i, entry.kind.value) for i, entry in enumerate(wrong.state.log)]
        assert (attempt.mode, attempt.hints, attempt.errors) == ("practice", 1, wrong.state.errors)
        assert attempt.finished_at is None


def test_an_interrupted_attempt_resumes_by_replay(walkthroughs: WalkthroughService, learner: Profile,
                                                  scenario: Scenario, ticker: Ticker,
                                                  sessions: sessionmaker[Session], clock: FakeClock) -> None:
    run, state = walkthroughs.start(learner.id, scenario, Mode.TEST)
    for _ in range(3):
        state = step(state, ticker)
    walkthroughs.record(run, state)
    ticker.now += 3600  # the PC was off for an hour
    fresh = WalkthroughService(sessions, clock=clock, monotonic=ticker)
    info = fresh.resumable(learner.id, scenario)
    assert info is not None and (info.mode, info.steps_done) == (Mode.TEST, state.completed_steps)
    resumed = fresh.resume(learner.id, scenario)
    assert resumed is not None
    again_run, again = resumed
    assert again_run.uid == run.uid and again.log == state.log
    assert again.elapsed == state.elapsed  # the hour away is not counted
    again = step(again, ticker, 7)
    assert again.elapsed == pytest.approx(state.elapsed + 7)


def test_finishing_stores_the_result(walkthroughs: WalkthroughService, learner: Profile, scenario: Scenario,
                                     ticker: Ticker, sessions: sessionmaker[Session]) -> None:
    run, state = walkthroughs.start(learner.id, scenario, Mode.PRACTICE)
    while not state.finished:
        state = step(state, ticker, 2)
    result = walkthroughs.finish(run, state)
    assert result.finished and result.passed
    with sessions.begin() as session:
        row = session.scalars(select(WalkthroughAttemptRow)).one()
        assert (row.score, row.passed, row.steps_done, row.steps_total) == (
            result.score, True, len(scenario.steps), len(scenario.steps))
    assert walkthroughs.resumable(learner.id, scenario) is None
    [summary] = walkthroughs.history(learner.id, scenario.id)
    assert summary.score == result.score


def test_starting_again_abandons_the_unfinished_attempt(walkthroughs: WalkthroughService, learner: Profile,
                                                       scenario: Scenario, ticker: Ticker) -> None:
    run, state = walkthroughs.start(learner.id, scenario, Mode.PRACTICE)
    walkthroughs.record(run, step(state, ticker))
    walkthroughs.start(learner.id, scenario, Mode.DEMO)
    history = walkthroughs.history(learner.id, scenario.id)
    assert [(h.mode, h.abandoned) for h in history] == [("practice", True), ("demo", False)]
    assert walkthroughs.resumable(learner.id, scenario) is None  # the demo has no events yet


def test_a_changed_scenario_cannot_be_resumed(walkthroughs: WalkthroughService, learner: Profile,
                                              scenario: Scenario, ticker: Ticker) -> None:
    from dataclasses import replace
    run, state = walkthroughs.start(learner.id, scenario, Mode.PRACTICE)
    walkthroughs.record(run, step(step(state, ticker), ticker))
    changed = replace(scenario, steps=scenario.steps[1:])
    assert walkthroughs.resumable(learner.id, changed) is None
    with pytest.raises(ScenarioChanged):
        walkthroughs.resume(learner.id, changed)
    assert walkthroughs.resume(learner.id, scenario) is None  # abandoned
