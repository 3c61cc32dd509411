"""The values the walkthrough engine (core/walkthrough/engine.py) takes and returns.

`Action` is what the UI sends; `RunState` is what it renders; `Feedback` is what it says;
`LogEntry` is what storage persists (JSON-ready via `to_dict`/`from_dict`) so that an
interrupted attempt can be rebuilt with `ScenarioRun.replay`; `RunResult` is the score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from etrainer.core.errors import EtrainerError
from etrainer.core.walkthrough.model import ActionKind, Scenario, Screen
from etrainer.i18n import QT_TRANSLATE_NOOP


class Mode(Enum):
    DEMO = "demo"
    """The walkthrough plays itself (demo_next) with highlights and narration."""
    PRACTICE = "practice"
    """The learner acts; wrong moves are explained; hints are allowed."""
    TEST = "test"
    """No hints, no explanations of wrong moves (field checks still show); scored."""

    @property
    def allows_hints(self) -> bool:
        return self is not Mode.TEST

    @property
    def explains_mistakes(self) -> bool:
        return self is not Mode.TEST


class Phase(Enum):
    STEPS = "steps"
    CHECKLIST = "checklist"
    """The reference path is done; the closing safety checklist is being ticked."""
    FINISHED = "finished"


class FeedbackKind(Enum):
    CORRECT = "correct"
    MISTAKE = "mistake"
    HINT = "hint"
    DECISION = "decision"
    INFO = "info"
    FINISH = "finish"


class LogKind(Enum):
    ACTION = "action"
    HINT = "hint"


@dataclass(frozen=True, slots=True)
class Action:
    """One learner action: `kind` on `control_id` of `screen_id` with `value`.

    Values by kind: fill — the text or date typed; choose — the option id; check — "true" or
    "false"; click — ""; attach — the file id; sign — the key file id, with the password in
    `parts["password"]`; pay — "", with `parts` card / expiry / cvv; decide — control_id is the
    decision step id and value the response id; confirm — control_id is the checklist item id.
    """

    screen_id: str
    control_id: str
    kind: ActionKind
    value: str = ""
    parts: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", tuple(sorted(self.parts)))  # one order, so equal actions compare equal

    @classmethod
    def make(cls, screen_id: str, control_id: str, kind: ActionKind, value: str = "",
             parts: Mapping[str, str] | None = None) -> Action:
        return cls(screen_id, control_id, kind, value, tuple(sorted((parts or {}).items())))

    def part(self, name: str) -> str:
        return dict(self.parts).get(name, "")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"screen": self.screen_id, "control": self.control_id,
                                "kind": self.kind.value, "value": self.value}
        if self.parts:
            data["parts"] = dict(self.parts)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Action:
        """Raises ValueError when `data` is not an action written by `to_dict`."""
        try:
            kind = ActionKind(data["kind"])
            screen, control, value = data["screen"], data["control"], data.get("value", "")
            parts = data.get("parts", {})
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"not an action: {error}") from error
        texts = (screen, control, value, *parts.keys(), *parts.values()) if isinstance(parts, Mapping) else ()
        if not texts or not all(isinstance(t, str) for t in texts):
            raise ValueError("not an action: its fields must be text")
        return cls.make(screen, control, kind, value, parts)


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One event of an attempt: an action (judged correct or not) or a hint request.

    `at` is seconds since the attempt started; `step_id` is the step the event was judged
    against (None for a checklist tick). Wrong typed values are stored blank: the log never
    keeps what a learner typed unless it was the scenario's own fictional data.
    """

    at: float
    kind: LogKind
    step_id: str | None
    correct: bool
    action: Action | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"at": self.at, "kind": self.kind.value, "step": self.step_id,
                                "correct": self.correct}
        if self.action is not None:
            data["action"] = self.action.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LogEntry:
        """Raises ValueError when `data` is not a log entry written by `to_dict`."""
        try:
            at = float(data["at"])
            kind = LogKind(data["kind"])
            step, correct = data.get("step"), data["correct"]
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"not a log entry: {error}") from error
        if not (step is None or isinstance(step, str)) or not isinstance(correct, bool):
            raise ValueError("not a log entry: bad step or correct")
        action = None
        if kind is LogKind.ACTION:
            if not isinstance(data.get("action"), Mapping):
                raise ValueError("not a log entry: an action entry needs its action")
            action = Action.from_dict(data["action"])
        return cls(at, kind, step, correct, action)


@dataclass(frozen=True, slots=True)
class Feedback:
    """What to say after an action or a hint request.

    `text` is Ukrainian course content from the scenario (may be empty); `note` is a
    translatable English sentence from core (context "Scenario") to translate, then format
    with `params` (may be empty). `control_id` is the control to highlight or to show the
    feedback beside (a decision step id for decisions, a checklist item id for the checklist);
    `part` the sub-field at fault (e.g. the key password).
    """

    kind: FeedbackKind
    text: str = ""
    note: str = ""
    params: Mapping[str, str] = field(default_factory=dict)
    control_id: str | None = None
    screen_id: str | None = None
    step_id: str | None = None
    part: str = ""


@dataclass(frozen=True, slots=True)
class RunState:
    """Where a walkthrough attempt stands. Rebuilt exactly by replaying its `log`."""

    scenario: Scenario = field(compare=False, repr=False)
    mode: Mode
    clock_start: float
    phase: Phase
    screen_id: str
    position: int
    """The index of the first step of the current group of steps (all earlier steps are done)."""
    done: frozenset[str]
    """Steps of the current group already done (a form's fields may be filled in any order)."""
    values: Mapping[str, str]
    """The accepted value of each control so far (control id → normalized value), for rendering."""
    errors: int = 0
    hints: int = 0
    step_errors: Mapping[str, int] = field(default_factory=dict)
    step_hints: Mapping[str, int] = field(default_factory=dict)
    decisions: Mapping[str, bool] = field(default_factory=dict)
    """Decision step id → whether the learner's first response was right."""
    checked: frozenset[str] = frozenset()
    """Checklist items ticked."""
    log: tuple[LogEntry, ...] = ()

    @property
    def scenario_id(self) -> str:
        return self.scenario.id

    @property
    def finished(self) -> bool:
        return self.phase is Phase.FINISHED

    @property
    def screen(self) -> Screen:
        found = self.scenario.screen(self.screen_id)
        assert found is not None, self.screen_id
        return found

    @property
    def elapsed(self) -> float:
        """Seconds from the start to the last logged event."""
        return self.log[-1].at if self.log else 0.0

    @property
    def completed_steps(self) -> int:
        return self.position + len(self.done)

    @property
    def total_steps(self) -> int:
        return len(self.scenario.steps)


@dataclass(frozen=True, slots=True)
class Outcome:
    state: RunState
    feedback: Feedback | None
    accepted: bool
    """True when the action was right (or the hint was given); False for a mistake or a refusal."""


@dataclass(frozen=True, slots=True)
class RunResult:
    """The score of an attempt, with per-step counts for the methodist's "where people go wrong"."""

    scenario_id: str
    mode: Mode
    finished: bool
    errors: int
    hints: int
    decisions_right: int
    decisions_wrong: int
    seconds: float
    minutes_over: int
    score: int
    """0..100: 100 minus the scenario's penalties."""
    passed: bool
    """Finished, not in Demo mode, and the score reaches the pass mark."""
    step_errors: Mapping[str, int]
    step_hints: Mapping[str, int]


class ScenarioChanged(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The walkthrough “{title}” has changed since this attempt was saved, "
                             "so the attempt cannot be resumed. Start it again.")

