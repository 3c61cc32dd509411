"""WalkthroughViewModel: one walkthrough attempt between the engine, the service and the page.

The page renders `state` and sends actions; every judged action is stored at once (so a crash
loses nothing shown), and the attempt's result is stored when the engine says it is finished.
Demo mode plays by itself: `demo_announce` says what comes next (narration and the control to
highlight), `demo_perform` does it.
"""

from __future__ import annotations

import contextlib
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from etrainer.core.errors import EtrainerError
from etrainer.core.walkthrough.engine import (
    Action,
    Feedback,
    Mode,
    Outcome,
    RunResult,
    RunState,
    Scenario,
    ScenarioRun,
    expected_step,
)
from etrainer.services.save_errors import SaveFailed
from etrainer.ui.common.errors import error_sentence

if TYPE_CHECKING:
    from etrainer.core.course.model import Course
    from etrainer.core.learner.profiles import Profile
    from etrainer.services.facade import AppServices
    from etrainer.services.walkthroughs import Resumable, WalkthroughSession


def feedback_text(feedback: Feedback | None) -> str:
    """The feedback's course text and its translated note, as one paragraph."""
    if feedback is None:
        return ""
    note = QCoreApplication.translate("Scenario", feedback.note).format(**feedback.params) if feedback.note else ""
    return "\n".join(part for part in (feedback.text, note) if part)


class WalkthroughViewModel(QObject):
    state_changed = Signal(object, object)   # RunState, Feedback | None
    finished = Signal(object)                # RunResult
    failed = Signal(str)

    def __init__(self, services: AppServices, course: Course, learner: Profile, scenario: Scenario) -> None:
        super().__init__()
        self._services = services
        self.course = course
        self.learner = learner
        self.scenario = scenario
        self.state: RunState | None = None
        self.result: RunResult | None = None
        self._run: WalkthroughSession | None = None
        self._pending: tuple[Action, str] | None = None
        self.last_accepted = False
        """Whether the last action or decision was right (for colouring the feedback)."""

    # -- attempts -----------------------------------------------------------------------------------
    def resumable(self) -> Resumable | None:
        return self._services.walkthroughs.resumable(self.learner.id, self.scenario)

    def start(self, mode: Mode) -> None:
        try:
            if self._run is not None and self.state is not None and not self.state.finished:
                self._services.walkthroughs.abandon(self._run, self.state)
            self._run, self.state = self._services.walkthroughs.start(self.learner.id, self.scenario, mode,
                                                                      self.course)
        except SaveFailed:
            self._not_saved()
            return
        self.result = None
        self._pending = None
        self.state_changed.emit(self.state, None)

    def resume(self) -> bool:
        try:
            resumed = self._services.walkthroughs.resume(self.learner.id, self.scenario)
        except EtrainerError as error:
            self.failed.emit(error_sentence(error))
            return False
        if resumed is None:
            return False
        self._run, self.state = resumed
        self.result = None
        self.state_changed.emit(self.state, None)
        return True

    def leave(self) -> None:
        """The learner leaves the page: an unfinished attempt stays resumable (its log is stored)."""
        if self._run is not None and self.state is not None and not self.state.finished:
            # When saving fails the banner says so; the attempt stays in memory until the page closes.
            with contextlib.suppress(SaveFailed):
                self._services.walkthroughs.record(self._run, self.state)

    # -- acting -------------------------------------------------------------------------------------
    def act(self, action: Action) -> Outcome | None:
        if self.state is None or self.state.finished:
            return None
        outcome = ScenarioRun.apply(self.state, action, time.monotonic())
        self._accept(outcome)
        return outcome

    def hint(self) -> Outcome | None:
        if self.state is None:
            return None
        outcome = ScenarioRun.hint(self.state, time.monotonic())
        self._accept(outcome)
        return outcome

    def step_back(self) -> None:
        if self.state is None:
            return
        self.state = ScenarioRun.step_back(self.state)
        self._pending = None
        self.state_changed.emit(self.state, None)

    def _accept(self, outcome: Outcome) -> None:
        self.state = outcome.state
        self.last_accepted = outcome.accepted
        saved = True
        if self._run is not None:
            try:
                self._services.walkthroughs.record(self._run, outcome.state)
            except SaveFailed:
                saved = False  # the next successful record stores the entries missed here
        self.state_changed.emit(outcome.state, outcome.feedback)
        if not saved:
            self._not_saved()
        if outcome.state.finished and self._run is not None and self.result is None:
            try:
                self.result = self._services.walkthroughs.finish(self._run, outcome.state)
            except SaveFailed:
                self._not_saved()
                return
            self.finished.emit(self.result)

    def _not_saved(self) -> None:
        self.failed.emit(QCoreApplication.translate(
            "WalkthroughViewModel", "Not saved: this step was not recorded. See the message at the top of the "
                                    "window."))

    # -- demo ---------------------------------------------------------------------------------------
    def demo_announce(self) -> tuple[str, str] | None:
        """(narration, control id to highlight) of the next demo move; None at the end."""
        if self.state is None:
            return None
        move = ScenarioRun.demo_next(self.state)
        if move is None:
            return None
        self._pending = move
        return move[1], move[0].control_id

    def demo_perform(self) -> Outcome | None:
        if self._pending is None and self.demo_announce() is None:
            return None
        assert self._pending is not None
        action, _ = self._pending
        self._pending = None
        return self.act(action)

    def pending_action(self) -> Action | None:
        return self._pending[0] if self._pending else None

    def expected_control(self) -> str | None:
        step = expected_step(self.state) if self.state is not None else None
        return step.target if step is not None else None
