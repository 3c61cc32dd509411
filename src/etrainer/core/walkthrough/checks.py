"""Whole-scenario checks: the screens' graph (reachable, no dead ends, a finish) and the
reference path replayed through the engine. Each problem is `(line, message)`; the loader
(core/walkthrough/loading.py) reports them against the scenario file.
"""

from __future__ import annotations

from collections import deque

from etrainer.core.walkthrough.engine import Mode, Phase, Scenario, ScenarioRun, expected_step, reference_action

Found = tuple[int, str]


def screen_edges(scenario: Scenario) -> dict[str, set[str]]:
    """Screen id → the screens its controls (and the decisions asked on it) can lead to."""
    edges: dict[str, set[str]] = {screen.id: set() for screen in scenario.screens}
    for screen in scenario.screens:
        for control in screen.controls:
            edges[screen.id].update(control.targets())
    for step in scenario.steps:
        if step.decision is not None and step.screen in edges:
            edges[step.screen].update(r.goto for r in step.decision.responses if r.goto)
    return edges


def reachable_screens(scenario: Scenario) -> set[str]:
    edges = screen_edges(scenario)
    seen = {scenario.start} if scenario.start in edges else set()
    queue = deque(seen)
    while queue:
        for target in edges.get(queue.popleft(), ()):
            if target in edges and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def graph_problems(scenario: Scenario, screens_line: int = 0) -> list[Found]:
    """Unreachable screens, dead ends (no way forward and not a finish), and a missing finish."""
    found: list[Found] = []
    edges = screen_edges(scenario)
    reachable = reachable_screens(scenario)
    for screen in scenario.screens:
        if screen.id not in reachable:
            found.append((screen.line, f"screen “{screen.id}” cannot be reached from the start screen "
                                       f"“{scenario.start}”: no button, option or response leads to it"))
        elif not screen.is_finish and not edges[screen.id]:
            found.append((screen.line, f"screen “{screen.id}” is a dead end: nothing on it leads to another "
                                       "screen, and it is not a finish (add a goto, a receipt or “finish: true”)"))
    if scenario.screens and not any(screen.is_finish for screen in scenario.screens):
        found.append((screens_line, "the scenario has no finish: give the last screen a receipt or “finish: true”"))
    return found


def reference_problems(scenario: Scenario) -> list[Found]:
    """Replay the reference path in Practice mode; report where it breaks or if it ends off a finish."""
    state = ScenarioRun.start(scenario, Mode.PRACTICE)
    for _ in range(len(scenario.steps) + 1):
        if state.phase is not Phase.STEPS:
            break
        step = expected_step(state)
        assert step is not None
        where = f"step “{step.id}”"
        if step.screen != state.screen_id:
            return [(step.line, f"{where} is on screen “{step.screen}”, but the reference path is on screen "
                                f"“{state.screen_id}” at this point (is a goto missing or wrong?)")]
        action = reference_action(scenario, step)
        if action is None:
            return [(step.line, f"{where} needs a “value”: the demo cannot tell what to enter or pick")]
        outcome = ScenarioRun.apply(state, action)
        if not outcome.accepted:
            reason = outcome.feedback.note if outcome.feedback and outcome.feedback.note else "a wrong move"
            return [(step.line, f"{where}: the engine does not accept the reference action ({reason})")]
        state = outcome.state
    if state.phase is Phase.STEPS:
        return [(0, "the reference path does not come to an end")]
    last = scenario.steps[-1] if scenario.steps else None
    if not state.screen.is_finish:
        return [(last.line if last else 0, f"the reference path ends on screen “{state.screen_id}”, "
                                           "which is not a finish (give it a receipt or “finish: true”)")]
    while (move := ScenarioRun.demo_next(state)) is not None:
        outcome = ScenarioRun.apply(state, move[0])
        if not outcome.accepted:
            return [(0, f"the checklist item “{move[0].control_id}” is not accepted")]
        state = outcome.state
    if not state.finished or state.errors:
        return [(0, "the reference path does not finish without errors")]
    return []
