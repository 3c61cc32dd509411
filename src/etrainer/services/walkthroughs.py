"""Running walkthroughs: every attempt, each logged action and hint, errors, time and result.

`record` is called after each action the engine judged: it appends the log entries not yet
stored, so a crash loses nothing that was shown. An interrupted attempt is rebuilt by replaying
its log through the engine (`resume`); when the scenario changed since, it is closed as abandoned
and the learner starts again. Starting anew abandons an unfinished attempt (kept for statistics).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from etrainer.core.course.model import Course
from etrainer.core.ids import LearnerId
from etrainer.core.walkthrough.engine import LogEntry, Mode, RunResult, RunState, Scenario, ScenarioChanged, ScenarioRun
from etrainer.services.saving import Sessions, guarded
from etrainer.storage.attempts import WalkthroughRepository, WalkthroughSummary
from etrainer.storage.models import new_uid, utc_now


@dataclass(slots=True)
class WalkthroughSession:
    """An attempt in progress: its id and how much of its log is stored."""

    uid: str
    learner: LearnerId
    scenario_id: str
    mode: Mode
    stored_events: int = 0


@dataclass(frozen=True, slots=True)
class Resumable:
    mode: Mode
    started_at: datetime
    steps_done: int
    steps_total: int


class WalkthroughService:
    def __init__(self, sessions: Sessions, *, clock: Callable[[], datetime] = utc_now,
                 monotonic: Callable[[], float] = time.monotonic,
                 saved: Callable[[LearnerId], None] | None = None) -> None:
        self._sessions = guarded(sessions)  # database refusals become SaveFailed
        self._clock = clock
        self._monotonic = monotonic
        self._saved = saved
        """Told after a walkthrough attempt is finished or abandoned (services.saving.ProgressSaved)."""

    def start(self, learner: LearnerId, scenario: Scenario, mode: Mode,
              course: Course | None = None) -> tuple[WalkthroughSession, RunState]:
        """A new attempt; an unfinished one of the same walkthrough is abandoned."""
        uid = new_uid()
        with self._sessions.begin() as session:
            repository = WalkthroughRepository(session)
            repository.abandon_unfinished(learner, scenario.id)
            repository.add(learner, uid, scenario.id, mode.value, self._clock(), len(scenario.steps),
                           course.id if course else "", course.version if course else "")
        state = ScenarioRun.start(scenario, mode, self._monotonic())
        return WalkthroughSession(uid, learner, scenario.id, mode), state

    def resumable(self, learner: LearnerId, scenario: Scenario) -> Resumable | None:
        """What an interrupted attempt of this walkthrough would resume (None: nothing to resume)."""
        with self._sessions.begin() as session:
            stored = WalkthroughRepository(session).unfinished(learner, scenario.id)
        if stored is None or not stored.log:
            return None
        try:
            state = ScenarioRun.replay(scenario, Mode(stored.mode), [LogEntry.from_dict(e) for e in stored.log])
        except (ValueError, ScenarioChanged):
            return None
        return Resumable(state.mode, stored.started_at, state.completed_steps, state.total_steps)

    def resume(self, learner: LearnerId, scenario: Scenario) -> tuple[WalkthroughSession, RunState] | None:
        """The interrupted attempt, replayed to where it stopped, its clock going on from there.

        None when there is none; raises ScenarioChanged (and abandons it) when it no longer fits the scenario.
        """
        with self._sessions.begin() as session:
            stored = WalkthroughRepository(session).unfinished(learner, scenario.id)
        if stored is None:
            return None
        try:
            log = [LogEntry.from_dict(entry) for entry in stored.log]
            state = ScenarioRun.replay(scenario, Mode(stored.mode), log)
        except (ValueError, ScenarioChanged):
            with self._sessions.begin() as session:
                WalkthroughRepository(session).abandon(stored.uid)
            raise ScenarioChanged(title=scenario.title) from None
        state = ScenarioRun.resume_clock(state, self._monotonic())
        return WalkthroughSession(stored.uid, learner, scenario.id, state.mode, len(stored.log)), state

    def record(self, run: WalkthroughSession, state: RunState) -> None:
        """Store the log entries added since the last call, and the running counts."""
        new = state.log[run.stored_events:]
        if not new:
            return
        with self._sessions.begin() as session:
            WalkthroughRepository(session).append(run.uid, new, run.stored_events, errors=state.errors,
                                                  hints=state.hints, steps_done=state.completed_steps,
                                                  seconds=state.elapsed)
        run.stored_events = len(state.log)

    def finish(self, run: WalkthroughSession, state: RunState) -> RunResult:
        """Store the rest of the log and the result (the state must be finished)."""
        self.record(run, state)
        result = ScenarioRun.score(state)
        with self._sessions.begin() as session:
            WalkthroughRepository(session).finish(run.uid, result, self._clock())
        if self._saved is not None:
            self._saved(run.learner)
        return result

    def abandon(self, run: WalkthroughSession, state: RunState | None = None) -> None:
        """Restart or give up: the attempt (and what it logged) is kept, never resumed."""
        if state is not None:
            self.record(run, state)
        with self._sessions.begin() as session:
            WalkthroughRepository(session).abandon(run.uid)
        if self._saved is not None:
            self._saved(run.learner)

    def history(self, learner: LearnerId, scenario_id: str | None = None) -> list[WalkthroughSummary]:
        with self._sessions.begin() as session:
            return WalkthroughRepository(session).summaries(learner, scenario_id)
