"""The walkthrough scenarios shipped in lessons/walkthroughs/: clean, complete, and playable."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

from etrainer.core.course.context import PackContext
from etrainer.core.walkthrough.checks import reachable_screens
from etrainer.core.walkthrough.engine import Action, ActionKind, Mode, Scenario, ScenarioRun
from etrainer.core.walkthrough.loading import load_scenario_file, replay_reference

LESSONS = Path(__file__).resolve().parents[3] / "lessons"
SHIPPED = sorted((LESSONS / "walkthroughs").glob("*.scenario.yaml"))
FICTIONAL_PORTALS = {"Е-Послуга", "Пенсійний кабінет-Тренажер", "Кабінет платника-Тренажер", "Медкарта-Тренажер",
                     "Черга-Тренажер"}


def module_ids() -> set[str]:
    found = set()
    for path in LESSONS.glob("*/module.yaml"):
        match = re.search(r"^id:\s*([a-z0-9-]+)\s*$", path.read_text(encoding="utf-8"), re.MULTILINE)
        if match:
            found.add(match.group(1))
    return found


def load(path: Path) -> tuple[Scenario | None, PackContext]:
    ctx = PackContext(root=LESSONS, module_ids=module_ids())
    return load_scenario_file(path, ctx), ctx


def texts(value: object) -> list[str]:
    """Every text inside a scenario's dataclasses."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple | list):
        return [t for item in value for t in texts(item)]
    if is_dataclass(value):
        return [t for f in fields(value) if not f.name.startswith("_") and f.name not in ("path", "digest")
                for t in texts(getattr(value, f.name))]
    return []


def test_three_scenarios_are_shipped() -> None:
    assert len(SHIPPED) >= 3


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_loads_without_any_problem_and_replays_to_the_finish(path: Path) -> None:
    scenario, ctx = load(path)
    assert [p.format() for p in ctx.problems] == []
    assert scenario is not None and replay_reference(scenario) == []
    assert reachable_screens(scenario) == {s.id for s in scenario.screens}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_demo_narrates_every_step_and_finishes(path: Path) -> None:
    scenario, _ = load(path)
    assert scenario is not None
    state = ScenarioRun.start(scenario, Mode.DEMO)
    played = 0
    while (move := ScenarioRun.demo_next(state)) is not None:
        action, narration = move
        assert narration.strip(), action
        outcome = ScenarioRun.apply(state, action)
        assert outcome.accepted, (action, outcome.feedback)
        state = outcome.state
        played += 1
    assert state.finished and state.errors == 0 and state.screen.is_finish
    assert played == len(scenario.steps) + len(scenario.checklist)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_is_a_complete_lesson(path: Path) -> None:
    scenario, _ = load(path)
    assert scenario is not None
    assert all(step.hint and step.narration for step in scenario.steps)
    assert sum(len(step.mistakes) for step in scenario.steps) >= 2
    decisions = [step.decision for step in scenario.steps if step.decision is not None]
    assert decisions and all(2 <= len(d.responses) <= 4 and any(not r.correct for r in d.responses)
                             for d in decisions)
    checklist = " ".join(item.text for item in scenario.checklist).casefold()
    for topics in (("вийш", "обліков"), ("браузер",), ("завантаж",), ("записано",)):
        assert any(topic in checklist for topic in topics), topics  # "log out" or "nobody stayed signed in"
    assert scenario.persona.data and scenario.module_id in module_ids()
    assert 70 <= scenario.scoring.pass_mark <= 100 and scenario.scoring.target_minutes


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_uses_only_fictional_portals_and_data(path: Path) -> None:
    scenario, _ = load(path)
    assert scenario is not None
    assert scenario.portal.name in FICTIONAL_PORTALS and scenario.portal.address.endswith(".trenazher")
    data = {line.label: line.value for line in scenario.persona.data}
    assert any(value.startswith("ТЕСТ-") or "+380 00 000 00 00" in value for value in data.values())
    assert any("Степов" in value for value in data.values()) or "Степов" in scenario.persona.situation
    every = " ".join(texts(scenario))
    assert "Мелітопол" not in every
    # Real portals are named only as the domain gov.ua; the one real address allowed is where to report
    # fraud (FACTS §6.3, confirmed): it is advice for real life, not a simulated portal.
    real = set(re.findall(r"\b[\w.-]+\.gov\.ua\b", every)) - {"ticket.cyberpolice.gov.ua"}
    assert not real
    phones = re.findall(r"\+380[\d ]{9,}", every)
    assert all(re.sub(r"\D", "", p) == "380000000000" for p in phones)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_ukrainian_typography(path: Path) -> None:
    scenario, _ = load(path)
    assert scenario is not None
    for text in texts(scenario):
        assert not re.search(r"[а-яіїєґ]['’][а-яіїєґ]", text, re.IGNORECASE), text  # the apostrophe is ʼ
        assert '"' not in text and "“" not in text, text                           # quotes are «»
        assert " - " not in text, text                                               # the dash is —


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_practice_run_with_every_decision_wrong_first_still_passes_the_checks(path: Path) -> None:
    scenario, _ = load(path)
    assert scenario is not None
    state = ScenarioRun.start(scenario, Mode.PRACTICE)
    while (move := ScenarioRun.demo_next(state)) is not None:
        action = move[0]
        if action.kind is ActionKind.DECIDE:
            step = scenario.step(action.control_id)
            wrong = next(r for r in step.decision.responses if not r.correct)
            outcome = ScenarioRun.apply(state, Action(
                action.screen_id, action.control_id, ActionKind.DECIDE, wrong.id))
            assert not outcome.accepted and outcome.feedback.text == wrong.feedback
            state = outcome.state
        state = ScenarioRun.apply(state, action).state
    result = ScenarioRun.score(state)
    decisions = sum(1 for s in scenario.steps if s.decision is not None)
    assert result.finished and result.decisions_wrong == decisions and result.errors == 0
    assert result.score == 100 - decisions * scenario.scoring.per_wrong_decision
