"""The walkthrough engine: a deterministic state machine over a Scenario.

The UI renders a `RunState` and sends `Action`s; `ScenarioRun.apply` returns the next state,
the feedback to show and whether the move was right. Nothing here reads a clock, a file or
the network: times come in as `now` (any monotonic seconds, the same clock as `clock_start`).

The reference path is walked in groups (see core/walkthrough/path.py): the form steps on a screen
in any order, then the step that closes the group. Wrong moves are counted against the step
the learner should have taken, for per-step statistics.

This module re-exports the model (core/walkthrough/model.py), the field checks
(core/walkthrough/fields.py), the path helpers (core/walkthrough/path.py) and the engine's values
(core/walkthrough/state.py): the UI and services import everything from `etrainer.core.walkthrough.engine`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace

from etrainer.core.walkthrough.fields import FieldCheck, normalize_value, pattern_matches, validate_field
from etrainer.core.walkthrough.model import (
    ACTION_FOR_KIND,
    CARD_CVV,
    CARD_EXPIRY,
    CARD_NUMBER,
    KEP_PASSWORD,
    ActionKind,
    Certificate,
    ChecklistItem,
    Control,
    ControlKind,
    Decision,
    FileChoice,
    KeyFile,
    Line,
    Mistake,
    Option,
    Persona,
    Portal,
    Response,
    Scenario,
    Scoring,
    Screen,
    Step,
    TrainingCard,
)
from etrainer.core.walkthrough.path import (
    current_group,
    expected_step,
    is_barrier,
    open_steps,
    pending_decision,
    reference_action,
    reference_value,
)
from etrainer.core.walkthrough.state import (
    Action,
    Feedback,
    FeedbackKind,
    LogEntry,
    LogKind,
    Mode,
    Outcome,
    Phase,
    RunResult,
    RunState,
    ScenarioChanged,
)
from etrainer.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "ACTION_FOR_KIND", "CARD_CVV", "CARD_EXPIRY", "CARD_NUMBER", "KEP_PASSWORD", "Action", "ActionKind",
    "Certificate", "ChecklistItem", "Control", "ControlKind", "Decision", "Feedback", "FeedbackKind",
    "FieldCheck", "FileChoice", "KeyFile", "Line", "LogEntry", "LogKind", "Mistake", "Mode", "Option",
    "Outcome", "Persona", "Phase", "Portal", "Response", "RunResult", "RunState", "Scenario",
    "ScenarioChanged", "ScenarioRun", "Scoring", "Screen", "Step", "TrainingCard", "current_group",
    "expected_step", "is_barrier", "open_steps", "pending_decision", "reference_action",
    "reference_value", "validate_field",
]

MSG_FINISHED = QT_TRANSLATE_NOOP("Scenario", "The walkthrough is finished.")
MSG_STEPS_FIRST = QT_TRANSLATE_NOOP("Scenario", "Finish the steps first; the safety checklist comes at the end.")
MSG_CHECKLIST_NOW = QT_TRANSLATE_NOOP("Scenario", "Now go through the safety checklist.")
MSG_OTHER_SCREEN = QT_TRANSLATE_NOOP("Scenario", "This is not on the current page.")
MSG_WRONG_ACTION = QT_TRANSLATE_NOOP("Scenario", "This cannot be done with this element.")
MSG_ANSWER_FIRST = QT_TRANSLATE_NOOP("Scenario", "First answer the visitor.")
MSG_NOT_EXPECTED = QT_TRANSLATE_NOOP("Scenario", "This is not the expected action.")
MSG_NO_HINTS = QT_TRANSLATE_NOOP("Scenario", "Hints are not available in Test mode.")


# ---------------------------------------------------------------- judging

def _is_expected(step: Step, control: Control, action: Action, check: FieldCheck) -> bool:
    if not check.ok:
        return False
    expected = step.value
    if expected is None:
        if control.kind is ControlKind.CHECKBOX:
            expected = "true"
        else:
            return True
    return normalize_value(control, action.value) == normalize_value(control, expected)


def _explain(scenario: Scenario, step: Step, action: Action, control: Control, check: FieldCheck) -> str:
    """The scenario's explanation of a wrong value entered for `step` on its own control."""
    for mistake in step.mistakes:
        if ((mistake.invalid and not check.ok)
                or (mistake.value is not None
                    and normalize_value(control, action.value) == normalize_value(control, mistake.value))
                or (mistake.pattern is not None and pattern_matches(control, mistake.pattern, action.value))):
            return mistake.explain
    return step.otherwise or scenario.otherwise


def _redacted(action: Action) -> Action:
    """A wrong action as the log keeps it: without anything the learner typed."""
    if action.kind is ActionKind.FILL:
        return replace(action, value="")
    if action.kind in (ActionKind.SIGN, ActionKind.PAY):
        return replace(action, parts=tuple((name, "") for name, _ in action.parts))
    return action


def _bump(counts: Mapping[str, int], key: str) -> dict[str, int]:
    return {**counts, key: counts.get(key, 0) + 1}


def _refuse(state: RunState, note: str, control_id: str | None = None) -> Outcome:
    return Outcome(state, Feedback(FeedbackKind.INFO, note=note, control_id=control_id,
                                   screen_id=state.screen_id), False)


def _advance(state: RunState, goto: str | None) -> RunState:
    """Close the current group if all its steps are done: move on, to `goto` if given."""
    group = current_group(state.scenario, state.position)
    if any(s.id not in state.done for s in group):
        return state
    position = state.position + len(group)
    if position < len(state.scenario.steps):
        phase = Phase.STEPS
    else:
        phase = Phase.CHECKLIST if state.scenario.checklist else Phase.FINISHED
    return replace(state, position=position, done=frozenset(), screen_id=goto or state.screen_id, phase=phase)


def _success(state: RunState, step: Step, text: str, control_id: str, kind: FeedbackKind) -> Feedback:
    note = ""
    if state.phase is Phase.FINISHED:
        kind = FeedbackKind.FINISH
        text = "\n\n".join(t for t in (text, state.scenario.summary) if t)
    elif state.phase is Phase.CHECKLIST:
        note = MSG_CHECKLIST_NOW
    return Feedback(kind, text, note, control_id=control_id, screen_id=state.screen_id, step_id=step.id)


def _judge(state: RunState, step: Step, control: Control, action: Action, at: float) -> Outcome:
    check = validate_field(control, action.value, dict(action.parts))
    if _is_expected(step, control, action, check):
        goto = control.goto
        if control.options and (option := control.option(action.value.strip())) is not None:
            goto = option.goto or goto
        shown = action.value.strip() if control.kind is ControlKind.TEXT else check.normalized
        moved = replace(state, values={**state.values, control.id: shown}, done=state.done | {step.id},
                        log=(*state.log, LogEntry(at, LogKind.ACTION, step.id, True, action)))
        moved = _advance(moved, goto if is_barrier(state.scenario, step) else None)
        return Outcome(moved, _success(moved, step, step.success, control.id, FeedbackKind.CORRECT), True)
    explain = _explain(state.scenario, step, action, control, check)
    values = {k: v for k, v in state.values.items() if k != control.id}
    wrong = replace(state, errors=state.errors + 1, step_errors=_bump(state.step_errors, step.id),
                    done=state.done - {step.id}, values=values,
                    log=(*state.log, LogEntry(at, LogKind.ACTION, step.id, False, _redacted(action))))
    text = explain if state.mode.explains_mistakes else ""
    note = check.message if not check.ok else ("" if text else MSG_NOT_EXPECTED)
    feedback = Feedback(FeedbackKind.MISTAKE, text, note, check.params if not check.ok else {},
                        control.id, state.screen_id, step.id, check.part)
    return Outcome(wrong, feedback, False)


def _wrong_control(state: RunState, expected: Step, control: Control, action: Action, at: float) -> Outcome:
    """A control used out of turn: explained by the expected step's `control:` mistake, else by the
    `otherwise` of the step the control belongs to (a button clicked before its form is done),
    else by the expected step's or the scenario's `otherwise`."""
    explain = next((m.explain for m in expected.mistakes if m.control == control.id), "")
    if not explain:
        early = next((s for s in current_group(state.scenario, state.position) if s.control == control.id), None)
        explain = early.otherwise if early is not None else ""
    explain = explain or expected.otherwise or state.scenario.otherwise
    text = explain if state.mode.explains_mistakes else ""
    wrong = replace(state, errors=state.errors + 1, step_errors=_bump(state.step_errors, expected.id),
                    log=(*state.log, LogEntry(at, LogKind.ACTION, expected.id, False, _redacted(action))))
    feedback = Feedback(FeedbackKind.MISTAKE, text, "" if text else MSG_NOT_EXPECTED,
                        control_id=control.id, screen_id=state.screen_id, step_id=expected.id)
    return Outcome(wrong, feedback, False)


def _decide(state: RunState, step: Step, action: Action, at: float) -> Outcome:
    assert step.decision is not None
    response = step.decision.response(action.value)
    if response is None:
        return _refuse(state, MSG_WRONG_ACTION, step.id)
    decisions = dict(state.decisions)
    decisions.setdefault(step.id, response.correct)
    entry = LogEntry(at, LogKind.ACTION, step.id, response.correct, action)
    if response.correct:
        moved = replace(state, decisions=decisions, done=state.done | {step.id}, log=(*state.log, entry))
        moved = _advance(moved, response.goto)
        return Outcome(moved, _success(moved, step, response.feedback, step.id, FeedbackKind.DECISION), True)
    wrong = replace(state, decisions=decisions, step_errors=_bump(state.step_errors, step.id), log=(*state.log, entry))
    return Outcome(wrong, Feedback(FeedbackKind.DECISION, response.feedback, control_id=step.id,
                                   screen_id=state.screen_id, step_id=step.id), False)


def _confirm(state: RunState, action: Action, at: float) -> Outcome:
    if state.phase is Phase.STEPS:
        return _refuse(state, MSG_STEPS_FIRST, action.control_id)
    item = state.scenario.checklist_item(action.control_id)
    if item is None:
        return _refuse(state, MSG_WRONG_ACTION, action.control_id)
    if item.id in state.checked:
        return Outcome(state, Feedback(FeedbackKind.INFO, item.why, control_id=item.id), True)
    checked = state.checked | {item.id}
    done = len(checked) == len(state.scenario.checklist)
    moved = replace(state, checked=checked, phase=Phase.FINISHED if done else Phase.CHECKLIST,
                    log=(*state.log, LogEntry(at, LogKind.ACTION, None, True, action)))
    if done:
        text = "\n\n".join(t for t in (item.why, state.scenario.summary) if t)
        return Outcome(moved, Feedback(FeedbackKind.FINISH, text, control_id=item.id), True)
    return Outcome(moved, Feedback(FeedbackKind.CORRECT, item.why, control_id=item.id), True)


def _apply_at(state: RunState, action: Action, at: float) -> Outcome:
    if state.phase is Phase.FINISHED:
        return _refuse(state, MSG_FINISHED)
    if action.kind is ActionKind.CONFIRM:
        return _confirm(state, action, at)
    if state.phase is Phase.CHECKLIST:
        return _refuse(state, MSG_CHECKLIST_NOW)
    if action.screen_id != state.screen_id:
        return _refuse(state, MSG_OTHER_SCREEN, action.control_id)
    opened = open_steps(state)
    if not opened:
        return _refuse(state, MSG_NOT_EXPECTED)
    decision = pending_decision(state)
    if action.kind is ActionKind.DECIDE:
        if decision is None or action.control_id != decision.id:
            return _refuse(state, MSG_WRONG_ACTION, action.control_id)
        return _decide(state, decision, action, at)
    if decision is not None:
        return _refuse(state, MSG_ANSWER_FIRST, decision.id)
    control = state.screen.control(action.control_id)
    if control is None:
        return _refuse(state, MSG_OTHER_SCREEN, action.control_id)
    if control.action is not action.kind:
        return _refuse(state, MSG_WRONG_ACTION, control.id)
    group = current_group(state.scenario, state.position)
    target = next((s for s in opened if s.control == control.id), None) or next(
        (s for s in group if s.id in state.done and s.control == control.id), None)
    if target is not None:
        return _judge(state, target, control, action, at)
    return _wrong_control(state, opened[0], control, action, at)


def _hint_at(state: RunState, at: float) -> Outcome:
    if not state.mode.allows_hints:
        return _refuse(state, MSG_NO_HINTS)
    if state.phase is Phase.FINISHED:
        return _refuse(state, MSG_FINISHED)
    if state.phase is Phase.CHECKLIST:
        item = next(i for i in state.scenario.checklist if i.id not in state.checked)
        return Outcome(state, Feedback(FeedbackKind.HINT, item.text, control_id=item.id), True)
    step = expected_step(state)
    assert step is not None
    hinted = replace(state, hints=state.hints + 1, step_hints=_bump(state.step_hints, step.id),
                     log=(*state.log, LogEntry(at, LogKind.HINT, step.id, True)))
    feedback = Feedback(FeedbackKind.HINT, step.hint, "" if step.hint else MSG_NOT_EXPECTED,
                        control_id=step.target, screen_id=step.screen, step_id=step.id)
    return Outcome(hinted, feedback, True)


def _offset(state: RunState, now: float | None) -> float:
    if now is None:
        return state.elapsed
    return max(state.elapsed, round(now - state.clock_start, 3))


# ---------------------------------------------------------------- the public engine

class ScenarioRun:
    """The engine's entry points. Each returns new values; none changes its arguments."""

    @staticmethod
    def start(scenario: Scenario, mode: Mode, clock_start: float = 0.0) -> RunState:
        """A fresh attempt on the scenario's start screen. `clock_start` is the `now` of this moment."""
        phase = Phase.STEPS if scenario.steps else (Phase.CHECKLIST if scenario.checklist else Phase.FINISHED)
        return RunState(scenario, mode, clock_start, phase, scenario.start, 0, frozenset(), {})

    @staticmethod
    def apply(state: RunState, action: Action, now: float | None = None) -> Outcome:
        """Judge `action`. A refusal (a move the UI should not have offered) changes nothing and is not logged."""
        return _apply_at(state, action, _offset(state, now))

    @staticmethod
    def hint(state: RunState, now: float | None = None) -> Outcome:
        """The next step's hint and the control to highlight. Counted; refused in Test mode."""
        return _hint_at(state, _offset(state, now))

    @staticmethod
    def demo_next(state: RunState) -> tuple[Action, str] | None:
        """The next reference action and its narration (for Demo mode); None when finished."""
        if state.phase is Phase.FINISHED:
            return None
        if state.phase is Phase.CHECKLIST:
            item = next(i for i in state.scenario.checklist if i.id not in state.checked)
            return Action(state.screen_id, item.id, ActionKind.CONFIRM, "true"), item.text
        step = expected_step(state)
        action = reference_action(state.scenario, step) if step is not None else None
        if step is None or action is None:
            return None
        return action, step.narration

    @staticmethod
    def score(state: RunState, elapsed_seconds: float | None = None) -> RunResult:
        """The attempt's score by the scenario's rules; time is the last event's unless given."""
        rules = state.scenario.scoring
        seconds = state.elapsed if elapsed_seconds is None else max(0.0, elapsed_seconds)
        right = sum(1 for ok in state.decisions.values() if ok)
        wrong = len(state.decisions) - right
        over = 0
        if rules.target_minutes is not None and seconds > rules.target_minutes * 60:
            over = math.ceil((seconds - rules.target_minutes * 60) / 60)
        penalty = (rules.per_error * state.errors + rules.per_hint * state.hints
                   + rules.per_wrong_decision * wrong + rules.per_minute_over * over)
        value = max(0, min(100, 100 - penalty))
        passed = state.finished and state.mode is not Mode.DEMO and value >= rules.pass_mark
        return RunResult(state.scenario.id, state.mode, state.finished, state.errors, state.hints, right, wrong,
                         seconds, over, value, passed, dict(state.step_errors), dict(state.step_hints))

    @staticmethod
    def replay(scenario: Scenario, mode: Mode, log: Iterable[LogEntry], clock_start: float = 0.0) -> RunState:
        """Rebuild an attempt from its log (how an interrupted attempt resumes).

        Raises ScenarioChanged when an entry no longer fits the scenario (it was edited since).
        """
        state = ScenarioRun.start(scenario, mode, clock_start)
        for entry in log:
            if entry.kind is LogKind.HINT:
                outcome = _hint_at(state, entry.at)
            elif entry.action is not None:
                outcome = _apply_at(state, entry.action, entry.at)
            else:
                raise ScenarioChanged(title=scenario.title)
            grown = outcome.state.log[len(state.log):]
            if len(grown) != 1 or grown[0] != entry:
                raise ScenarioChanged(title=scenario.title)
            state = outcome.state
        return state

    @staticmethod
    def step_back(state: RunState) -> RunState:
        """Demo mode's «Крок назад»: the state before the last accepted action. Other modes keep
        their record (errors cannot be undone), so they get `state` back unchanged."""
        if state.mode is not Mode.DEMO:
            return state
        accepted = [i for i, entry in enumerate(state.log) if entry.kind is LogKind.ACTION and entry.correct]
        if not accepted:
            return state
        return ScenarioRun.replay(state.scenario, state.mode, state.log[:accepted[-1]], state.clock_start)

    @staticmethod
    def resume_clock(state: RunState, now: float) -> RunState:
        """The same state with its clock moved so that time goes on from `state.elapsed` at `now`."""
        return replace(state, clock_start=now - state.elapsed)
