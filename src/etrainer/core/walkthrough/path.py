"""The reference path of a walkthrough: how its steps group, and what the demo does at each.

The fill / choose / check / attach steps that share a screen form a group that may be done in
any order; the step that closes the group (a click, a signature, a payment, a decision, or any
move to another screen — a "barrier") comes after them.
"""

from __future__ import annotations

from etrainer.core.walkthrough.model import (
    BARRIER_ACTIONS,
    CARD_CVV,
    CARD_EXPIRY,
    CARD_NUMBER,
    KEP_PASSWORD,
    ActionKind,
    ControlKind,
    Scenario,
    Step,
)
from etrainer.core.walkthrough.state import Action, Phase, RunState


def is_barrier(scenario: Scenario, step: Step) -> bool:
    """A step that closes a group: a click, signature, payment, decision, or a move to another screen."""
    if step.action in BARRIER_ACTIONS:
        return True
    control = scenario.control(step.control) if step.control else None
    if control is None:
        return False
    if control.goto:
        return True
    option = control.option(step.value) if step.value is not None else None
    return bool(option and option.goto)


def current_group(scenario: Scenario, position: int) -> tuple[Step, ...]:
    """The steps from `position` up to and including the next barrier, all on one screen."""
    steps = scenario.steps
    if position >= len(steps):
        return ()
    first, end = steps[position], position
    while end < len(steps) and steps[end].screen == first.screen:
        end += 1
        if is_barrier(scenario, steps[end - 1]):
            break
    return steps[position:end]


def open_steps(state: RunState) -> tuple[Step, ...]:
    """The steps the learner may take now, in path order (the group's barrier only once the rest is done)."""
    if state.phase is not Phase.STEPS:
        return ()
    group = current_group(state.scenario, state.position)
    todo = tuple(s for s in group if s.id not in state.done)
    free = tuple(s for s in todo if not is_barrier(state.scenario, s))
    return free or todo[:1]


def expected_step(state: RunState) -> Step | None:
    """The next step on the reference path (what a hint or the demo shows), None outside the steps."""
    found = open_steps(state)
    return found[0] if found else None


def pending_decision(state: RunState) -> Step | None:
    """The decision step waiting for the learner's response (show the visitor's speech bubble)."""
    step = expected_step(state)
    return step if step is not None and step.decision is not None else None


def reference_value(scenario: Scenario, step: Step) -> str | None:
    """The value the reference path enters at `step`; None when the scenario does not say."""
    if step.decision is not None:
        return step.decision.reference.id
    control = scenario.control(step.control) if step.control else None
    if control is None:
        return None
    if step.value is not None:
        return step.value
    single = {ControlKind.FILE: control.files, ControlKind.KEP: control.keys,
              ControlKind.CHOICE: control.options, ControlKind.SELECT: control.options}
    if control.kind in single:
        items = single[control.kind]
        return items[0].id if len(items) == 1 else None
    if control.kind in (ControlKind.TEXT, ControlKind.DATE):
        return control.accept[0] if control.accept else None
    return "true" if control.kind is ControlKind.CHECKBOX else ""


def reference_action(scenario: Scenario, step: Step) -> Action | None:
    """The action the demo plays for `step`; None when the scenario lacks a value for it."""
    value = reference_value(scenario, step)
    if value is None:
        return None
    if step.decision is not None:
        return Action(step.screen, step.id, ActionKind.DECIDE, value)
    control = scenario.control(step.control or "")
    assert control is not None
    parts: dict[str, str] = {}
    if control.kind is ControlKind.KEP:
        parts = {KEP_PASSWORD: control.password}
    elif control.kind is ControlKind.PAYMENT and control.card is not None:
        parts = {CARD_NUMBER: control.card.number, CARD_EXPIRY: control.card.expiry, CARD_CVV: control.card.cvv}
    return Action.make(step.screen, control.id, step.action, value, parts)
