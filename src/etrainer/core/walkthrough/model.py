"""The walkthrough (service simulator) model: a scenario read from a `*.scenario.yaml` file.

A scenario is a fictional e-service portal (screens holding controls), a visitor persona, and
the reference path: an ordered list of steps, each one expected action or one decision point.
Everything is immutable and keyed by the stable ids written in the file. The engine that runs
a scenario lives in `core/walkthrough/engine.py`; the loader and validator in `core/walkthrough/loading.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from etrainer.core.ids import ModuleId, ScenarioId


class ControlKind(Enum):
    TEXT = "text"
    DATE = "date"
    CHOICE = "choice"
    CHECKBOX = "checkbox"
    SELECT = "select"
    BUTTON = "button"
    FILE = "file"
    KEP = "kep"
    PAYMENT = "payment"
    RECEIPT = "receipt"
    INFO = "info"


class ActionKind(Enum):
    FILL = "fill"
    CLICK = "click"
    CHOOSE = "choose"
    CHECK = "check"
    ATTACH = "attach"
    SIGN = "sign"
    PAY = "pay"
    DECIDE = "decide"
    """Answer a decision point: control_id is the decision step's id, value the response id."""
    CONFIRM = "confirm"
    """Tick an item of the closing safety checklist: control_id is the item id."""


#: The one action each interactive control kind takes; receipt and info take none.
ACTION_FOR_KIND: dict[ControlKind, ActionKind] = {
    ControlKind.TEXT: ActionKind.FILL,
    ControlKind.DATE: ActionKind.FILL,
    ControlKind.CHOICE: ActionKind.CHOOSE,
    ControlKind.SELECT: ActionKind.CHOOSE,
    ControlKind.CHECKBOX: ActionKind.CHECK,
    ControlKind.BUTTON: ActionKind.CLICK,
    ControlKind.FILE: ActionKind.ATTACH,
    ControlKind.KEP: ActionKind.SIGN,
    ControlKind.PAYMENT: ActionKind.PAY,
}

#: Actions that close a group of form steps: they must come after the steps before them.
BARRIER_ACTIONS = frozenset({ActionKind.CLICK, ActionKind.SIGN, ActionKind.PAY, ActionKind.DECIDE})

#: Names of the parts of compound controls, as carried by `Action.parts`.
KEP_PASSWORD = "password"
CARD_NUMBER = "card"
CARD_EXPIRY = "expiry"
CARD_CVV = "cvv"


@dataclass(frozen=True, slots=True)
class Line:
    """A labelled value shown as text: persona data, receipt lines, info lines."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a `choice` (radio buttons) or `select` (drop-down) control."""

    id: str
    label: str
    goto: str | None = None


@dataclass(frozen=True, slots=True)
class FileChoice:
    """A fictional file the learner may pick in a `file` control."""

    id: str
    name: str
    note: str = ""
    """Where the file is or what it is («флешка відвідувачки», «Завантаження цього ПК»)."""
    size_kb: int = 0


@dataclass(frozen=True, slots=True)
class KeyFile:
    """A fictional key file offered by a `kep` control."""

    id: str
    name: str
    location: str = ""


@dataclass(frozen=True, slots=True)
class Certificate:
    """The fictional certificate a `kep` dialog shows once the key is read."""

    owner: str
    issuer: str
    valid_from: str = ""
    valid_to: str = ""
    serial: str = ""


@dataclass(frozen=True, slots=True)
class TrainingCard:
    """The fictional test card a `payment` control accepts."""

    number: str
    expiry: str
    cvv: str
    holder: str = ""


@dataclass(frozen=True, slots=True)
class Control:
    """One control on a screen. Fields that do not apply to its kind keep their empty defaults."""

    id: str
    kind: ControlKind
    label: str = ""
    help: str = ""
    goto: str | None = None
    """The screen a button (or a kep / payment dialog) leads to once its step is done."""
    style: str = "primary"
    """A button's look: primary, secondary, link or tile (the renderer decides what they mean)."""
    placeholder: str = ""
    # text and date
    accept: tuple[str, ...] = ()
    pattern: str | None = None
    ignore_case: bool = True
    ignore_apostrophes: bool = True
    ignore_spaces: bool = False
    # choice and select
    options: tuple[Option, ...] = ()
    # file
    files: tuple[FileChoice, ...] = ()
    types: tuple[str, ...] = ()
    """Allowed file extensions, lower case without the dot; empty means any."""
    max_kb: int = 0
    """The largest file the portal takes; 0 means no limit."""
    # kep
    keys: tuple[KeyFile, ...] = ()
    password: str = ""
    certificate: Certificate | None = None
    # payment
    amount: str = ""
    recipient: str = ""
    purpose: str = ""
    card: TrainingCard | None = None
    # receipt and info
    number: str = ""
    text: str = ""
    lines: tuple[Line, ...] = ()
    line: int = field(default=0, compare=False)
    """The file line where the control is defined."""

    @property
    def action(self) -> ActionKind | None:
        return ACTION_FOR_KIND.get(self.kind)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def file(self, file_id: str) -> FileChoice | None:
        return next((f for f in self.files if f.id == file_id), None)

    def key(self, key_id: str) -> KeyFile | None:
        return next((k for k in self.keys if k.id == key_id), None)

    def targets(self) -> tuple[str, ...]:
        """Every screen this control can lead to (its own goto and its options' gotos)."""
        found = [self.goto] if self.goto else []
        found += [o.goto for o in self.options if o.goto]
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Screen:
    id: str
    title: str
    controls: tuple[Control, ...]
    intro: str = ""
    path: str = ""
    """The page address after the portal's address, shown in the mock browser bar (e.g. `/posluhy`)."""
    finish: bool = False
    line: int = field(default=0, compare=False)

    @property
    def is_finish(self) -> bool:
        """A finish screen: marked `finish: true` or holding a receipt."""
        return self.finish or any(c.kind is ControlKind.RECEIPT for c in self.controls)

    def control(self, control_id: str) -> Control | None:
        return next((c for c in self.controls if c.id == control_id), None)


@dataclass(frozen=True, slots=True)
class Mistake:
    """An explained wrong move. Exactly one of value / pattern / control / invalid says when it applies."""

    explain: str
    value: str | None = None
    """The learner entered or chose this value (compared like the control compares values)."""
    pattern: str | None = None
    """A regular expression searched in what the learner entered."""
    control: str | None = None
    """The learner used this other control instead of the expected one."""
    invalid: bool = False
    """The value did not pass the control's own check (a malformed date, a wrong key password…)."""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Response:
    """One possible answer to a decision point."""

    id: str
    text: str
    correct: bool
    feedback: str
    goto: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """The visitor says something (a speech bubble); the learner picks one of 2–4 responses."""

    says: str
    responses: tuple[Response, ...]
    who: str = ""
    """Who speaks; empty means the persona."""

    def response(self, response_id: str) -> Response | None:
        return next((r for r in self.responses if r.id == response_id), None)

    @property
    def reference(self) -> Response:
        """The first correct response, the one Demo mode picks."""
        return next(r for r in self.responses if r.correct)


@dataclass(frozen=True, slots=True)
class Step:
    """One expected action on the reference path, or one decision point (`decision` set)."""

    id: str
    screen: str
    action: ActionKind
    control: str | None = None
    """The control acted on; None for a decision point."""
    value: str | None = None
    """The expected value; None when any value the control accepts will do."""
    hint: str = ""
    narration: str = ""
    success: str = ""
    """Said when the step is done right (optional)."""
    otherwise: str = ""
    """The explanation for a wrong move that no mistake describes; falls back to the scenario's."""
    mistakes: tuple[Mistake, ...] = ()
    decision: Decision | None = None
    line: int = field(default=0, compare=False)

    @property
    def target(self) -> str:
        """The id an Action names for this step: its control, or the step itself for a decision."""
        return self.control if self.control is not None else self.id


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One item of the closing safety checklist."""

    id: str
    text: str
    why: str = ""


@dataclass(frozen=True, slots=True)
class Persona:
    name: str
    situation: str
    wants: str
    age: int | None = None
    data: tuple[Line, ...] = ()
    """The fictional data the visitor brings (РНОКПП «ТЕСТ-0000000000», town «Степове»…)."""


@dataclass(frozen=True, slots=True)
class Portal:
    name: str
    address: str


@dataclass(frozen=True, slots=True)
class Scoring:
    """Points taken off 100 for each error, hint, wrong decision and minute over the target."""

    per_error: int = 5
    per_hint: int = 3
    per_wrong_decision: int = 10
    target_minutes: float | None = None
    per_minute_over: int = 1
    pass_mark: int = 70


@dataclass(frozen=True, slots=True)
class Scenario:
    id: ScenarioId
    title: str
    service: str
    persona: Persona
    portal: Portal
    screens: tuple[Screen, ...]
    steps: tuple[Step, ...]
    start: str
    """The id of the screen the walkthrough opens on."""
    module_id: ModuleId | None = None
    scoring: Scoring = Scoring()
    checklist: tuple[ChecklistItem, ...] = ()
    otherwise: str = ""
    """The default explanation of a wrong move."""
    summary: str = ""
    """Said when the walkthrough is finished."""
    path: Path | None = field(default=None, compare=False)
    digest: str = field(default="", compare=False)
    """A hash of the file's text, so stored attempts can tell that the scenario changed."""
    _screens: dict[str, Screen] = field(default_factory=dict, init=False, repr=False, compare=False)
    _controls: dict[str, tuple[Screen, Control]] = field(default_factory=dict, init=False, repr=False,
                                                         compare=False)
    _steps: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for screen in self.screens:
            self._screens.setdefault(screen.id, screen)
            for control in screen.controls:
                self._controls.setdefault(control.id, (screen, control))
        for index, step in enumerate(self.steps):
            self._steps.setdefault(step.id, index)

    def screen(self, screen_id: str) -> Screen | None:
        return self._screens.get(screen_id)

    def control(self, control_id: str) -> Control | None:
        found = self._controls.get(control_id)
        return found[1] if found else None

    def screen_of(self, control_id: str) -> Screen | None:
        found = self._controls.get(control_id)
        return found[0] if found else None

    def step(self, step_id: str) -> Step | None:
        index = self._steps.get(step_id)
        return self.steps[index] if index is not None else None

    def step_index(self, step_id: str) -> int:
        """The position of `step_id` on the reference path, -1 if there is no such step."""
        return self._steps.get(step_id, -1)

    def checklist_item(self, item_id: str) -> ChecklistItem | None:
        return next((i for i in self.checklist if i.id == item_id), None)
