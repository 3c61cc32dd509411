"""The walkthrough engine, played on tests/data/scenarios/all-controls.scenario.yaml."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from etrainer.core.course.context import PackContext
from etrainer.core.walkthrough.engine import (
    KEP_PASSWORD,
    Action,
    ActionKind,
    FeedbackKind,
    LogEntry,
    LogKind,
    Mode,
    Phase,
    RunState,
    Scenario,
    ScenarioChanged,
    ScenarioRun,
    Scoring,
    expected_step,
    pending_decision,
)
from etrainer.core.walkthrough.fields import MSG_DATE_FORMAT, MSG_FILE_SIZE, MSG_FILE_TYPE, MSG_KEY_PASSWORD_WRONG
from etrainer.core.walkthrough.loading import load_scenario_file

DATA = Path(__file__).resolve().parents[2] / "data" / "scenarios"


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    ctx = PackContext(root=DATA)
    loaded = load_scenario_file(DATA / "all-controls.scenario.yaml", ctx)
    assert loaded is not None, [p.format() for p in ctx.problems]
    return loaded


def act(state: RunState, control: str, kind: ActionKind, value: str = "", now: float | None = None,
        **parts: str):
    return ScenarioRun.apply(state, Action.make(state.screen_id, control, kind, value, parts), now)


def play_until(state: RunState, step_id: str) -> RunState:
    """Play the reference path until `step_id` is the next expected step."""
    while (step := expected_step(state)) is not None and step.id != step_id:
        action, _ = ScenarioRun.demo_next(state)
        outcome = ScenarioRun.apply(state, action)
        assert outcome.accepted, outcome.feedback
        state = outcome.state
    assert step is not None and step.id == step_id
    return state


def finish(state: RunState) -> RunState:
    while (move := ScenarioRun.demo_next(state)) is not None:
        state = ScenarioRun.apply(state, move[0]).state
    return state


# ------------------------------------------------------------- demo playback

def test_demo_plays_itself_to_the_finish_with_narration(scenario: Scenario) -> None:
    state = ScenarioRun.start(scenario, Mode.DEMO)
    narrations = []
    while (move := ScenarioRun.demo_next(state)) is not None:
        action, narration = move
        narrations.append(narration)
        outcome = ScenarioRun.apply(state, action)
        assert outcome.accepted
        state = outcome.state
    assert state.finished and state.screen_id == "bye"
    assert narrations[0] == "Ірина входить з файловим ключем." and narrations[-1] == "Закрити браузер."
    assert len(narrations) == len(scenario.steps) + len(scenario.checklist)
    result = ScenarioRun.score(state)
    assert (result.errors, result.hints, result.score) == (0, 0, 100)
    assert not result.passed  # a demo is not an assessed attempt


# ------------------------------------------------------------- controls, right and wrong

def test_choice_wrong_value_is_explained_and_counted(scenario: Scenario) -> None:
    state = ScenarioRun.start(scenario, Mode.PRACTICE)
    outcome = act(state, "method", ActionKind.CHOOSE, "bank")
    assert not outcome.accepted
    assert outcome.feedback.kind is FeedbackKind.MISTAKE and outcome.feedback.text == "Ірина має файловий ключ."
    assert outcome.feedback.control_id == "method"
    assert outcome.state.errors == 1 and outcome.state.step_errors == {"choose-method": 1}
    assert outcome.state.screen_id == "login" and "method" not in outcome.state.values


def test_button_before_its_form_is_a_mistake_with_the_default_explanation(scenario: Scenario) -> None:
    state = ScenarioRun.start(scenario, Mode.PRACTICE)
    outcome = act(state, "go", ActionKind.CLICK)
    assert not outcome.accepted and outcome.state.screen_id == "login"
    assert outcome.feedback.text == "Це не той крок."
    assert outcome.state.step_errors == {"choose-method": 1}


def test_button_goto_moves_to_its_screen(scenario: Scenario) -> None:
    state = act(ScenarioRun.start(scenario, Mode.PRACTICE), "method", ActionKind.CHOOSE, "kep-file").state
    outcome = act(state, "go", ActionKind.CLICK)
    assert outcome.accepted and outcome.state.screen_id == "sign" and outcome.state.completed_steps == 2


def test_select_wrong_option(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "choose-provider")
    outcome = act(state, "provider", ActionKind.CHOOSE, "other-ca")
    assert not outcome.accepted and outcome.feedback.text == "Це не той крок."
    assert act(state, "provider", ActionKind.CHOOSE, "test-ca").accepted


def test_kep_wrong_key_wrong_password_and_right_signature(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "sign-in")
    foreign = act(state, "key", ActionKind.SIGN, "foreign", **{KEP_PASSWORD: "Test2026"})
    assert not foreign.accepted and foreign.feedback.text == "Це чужий ключ."
    wrong = act(state, "key", ActionKind.SIGN, "own", **{KEP_PASSWORD: "test2026"})
    assert not wrong.accepted and wrong.feedback.text == "Пароль не підійшов."
    assert wrong.feedback.note == MSG_KEY_PASSWORD_WRONG and wrong.feedback.part == KEP_PASSWORD
    assert wrong.state.log[-1].action.part(KEP_PASSWORD) == ""  # what was typed wrong is not kept
    right = act(state, "key", ActionKind.SIGN, "own", **{KEP_PASSWORD: "Test2026"})
    assert right.accepted and right.state.screen_id == "form" and right.state.values["key"] == "own"


def test_text_accepts_listed_values_ignoring_case_and_spaces(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "fill-town")
    typed = act(state, "town", ActionKind.FILL, "  м.   степове ")
    assert typed.accepted and typed.state.values["town"] == "м.   степове"  # kept as typed, for the form
    kyiv = act(state, "town", ActionKind.FILL, "Київ")
    assert not kyiv.accepted and kyiv.feedback.text == "Ірина зі Степового."
    assert kyiv.state.log[-1].action.value == ""
    empty = act(state, "town", ActionKind.FILL, "   ")
    assert not empty.accepted and empty.feedback.note  # the field's own check speaks


def test_text_pattern_with_an_expected_value(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "fill-town")
    assert act(state, "phone", ActionKind.FILL, "+380000000000").accepted
    other = act(state, "phone", ActionKind.FILL, "+380 11 111 11 11")
    assert not other.accepted and other.feedback.note == ""  # well-formed, but not the visitor's number
    assert not act(state, "phone", ActionKind.FILL, "0000").accepted


def test_date_format_explained_and_normalized(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "fill-town")
    iso = act(state, "birth", ActionKind.FILL, "1997-03-14")
    assert not iso.accepted and iso.feedback.text == "Пишіть ДД.ММ.РРРР." and iso.feedback.note == MSG_DATE_FORMAT
    assert not act(state, "birth", ActionKind.FILL, "31.02.1997").accepted
    assert act(state, "birth", ActionKind.FILL, "01.01.2000").feedback.text == "Це не той крок."
    right = act(state, "birth", ActionKind.FILL, "14.3.1997")
    assert right.accepted and right.state.values["birth"] == "14.03.1997"


def test_checkbox_must_be_ticked(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "fill-town")
    assert not act(state, "agree", ActionKind.CHECK, "false").accepted
    assert act(state, "agree", ActionKind.CHECK, "true").state.values["agree"] == "true"


def test_file_attach_checks_type_size_and_which_file(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "fill-town")
    photo = act(state, "scan", ActionKind.ATTACH, "photo")
    assert photo.feedback.text == "Не той файл." and photo.feedback.note == MSG_FILE_TYPE
    assert photo.feedback.params == {"types": "pdf, jpg"}
    big = act(state, "scan", ActionKind.ATTACH, "big")
    assert big.feedback.note == MSG_FILE_SIZE and big.feedback.params == {"max_kb": "2048"}
    assert act(state, "scan", ActionKind.ATTACH, "passport").accepted


def test_form_fields_in_any_order_then_the_button(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "fill-town")
    for control, kind, value in [("scan", ActionKind.ATTACH, "passport"), ("agree", ActionKind.CHECK, "true"),
                                 ("birth", ActionKind.FILL, "14.03.1997"), ("town", ActionKind.FILL, "Степове")]:
        outcome = act(state, control, kind, value)
        assert outcome.accepted, control
        state = outcome.state
    early = act(state, "next", ActionKind.CLICK)
    assert not early.accepted and early.feedback.text == "Спершу заповніть форму."
    assert early.state.step_errors == {"fill-phone": 1}  # counted against the step still missing
    state = act(state, "phone", ActionKind.FILL, "+380 00 000 00 00").state
    assert act(state, "next", ActionKind.CLICK).state.screen_id == "route"


def test_changing_a_done_field_to_a_wrong_value_undoes_it(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "fill-town")
    state = act(state, "town", ActionKind.FILL, "Степове").state
    assert "fill-town" in state.done
    undone = act(state, "town", ActionKind.FILL, "Київ").state
    assert "fill-town" not in undone.done and "town" not in undone.values and undone.errors == 1


def test_payment_needs_the_test_card(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "pay-card")
    bad = act(state, "card", ActionKind.PAY, card="1111 2222 3333 4444", expiry="12/30", cvv="000")
    assert not bad.accepted and bad.feedback.part == "card"
    assert bad.state.log[-1].action.parts == (("card", ""), ("cvv", ""), ("expiry", ""))
    good = act(state, "card", ActionKind.PAY, card="0000000000000000", expiry="12/30", cvv="000")
    assert good.accepted and good.state.screen_id == "done"


def test_info_and_receipt_cannot_be_acted_on(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "pay-card")
    outcome = act(state, "note", ActionKind.CLICK)
    assert not outcome.accepted and outcome.feedback.kind is FeedbackKind.INFO and outcome.state == state


# ------------------------------------------------------------- branches and decisions

def test_a_wrong_branch_does_not_navigate(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "choose-delivery")
    paper = act(state, "delivery", ActionKind.CHOOSE, "paper")
    assert not paper.accepted and paper.state.screen_id == "route"
    digital = act(state, "delivery", ActionKind.CHOOSE, "digital")
    assert digital.accepted and digital.state.screen_id == "pay"


def test_decision_point_wrong_then_right(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "pay-for-me")
    assert pending_decision(state).decision.says == "Заплатіть за мене своєю карткою?"
    blocked = act(state, "card", ActionKind.PAY, card="0000000000000000", expiry="12/30", cvv="000")
    assert not blocked.accepted and blocked.state == state  # the visitor is answered first; not counted
    wrong = ScenarioRun.apply(state, Action("pay", "pay-for-me", ActionKind.DECIDE, "agree"))
    assert not wrong.accepted and wrong.feedback.kind is FeedbackKind.DECISION
    assert wrong.feedback.text == "Ні, так не можна." and wrong.state.decisions == {"pay-for-me": False}
    assert wrong.state.errors == 0 and wrong.state.step_errors == {"pay-for-me": 1}
    right = ScenarioRun.apply(wrong.state, Action("pay", "pay-for-me", ActionKind.DECIDE, "refuse"))
    assert right.accepted and right.feedback.text == "Правильно."
    assert right.state.decisions == {"pay-for-me": False}  # the first answer is what counts
    assert pending_decision(right.state) is None and expected_step(right.state).id == "pay-card"
    result = ScenarioRun.score(finish(right.state))
    assert (result.decisions_right, result.decisions_wrong, result.score) == (0, 1, 90)


# ------------------------------------------------------------- hints and modes

def test_hint_highlights_the_expected_control_and_counts(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "sign-in")
    outcome = ScenarioRun.hint(state, now=4.0)
    assert outcome.accepted and outcome.feedback.kind is FeedbackKind.HINT
    assert (outcome.feedback.text, outcome.feedback.control_id) == ("Ключ з флешки.", "key")
    assert outcome.state.hints == 1 and outcome.state.step_hints == {"sign-in": 1}
    assert outcome.state.log[-1] == LogEntry(4.0, LogKind.HINT, "sign-in", True)


def test_hint_for_a_decision_names_the_decision(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "pay-for-me")
    assert ScenarioRun.hint(state).feedback.control_id == "pay-for-me"


def test_hints_are_refused_in_test_mode(scenario: Scenario) -> None:
    state = ScenarioRun.start(scenario, Mode.TEST)
    outcome = ScenarioRun.hint(state)
    assert not outcome.accepted and outcome.state == state and outcome.state.hints == 0


def test_test_mode_does_not_explain_mistakes(scenario: Scenario) -> None:
    outcome = act(ScenarioRun.start(scenario, Mode.TEST), "method", ActionKind.CHOOSE, "bank")
    assert outcome.feedback.kind is FeedbackKind.MISTAKE and outcome.feedback.text == ""
    assert outcome.feedback.note and outcome.state.errors == 1


def test_refusals_change_nothing(scenario: Scenario) -> None:
    state = ScenarioRun.start(scenario, Mode.PRACTICE)
    for action in [Action("sign", "provider", ActionKind.CHOOSE, "test-ca"),     # another screen
                   Action("login", "method", ActionKind.CLICK),                  # wrong kind for a choice
                   Action("login", "nothing", ActionKind.CLICK),                 # no such control
                   Action("login", "logout", ActionKind.CONFIRM, "true")]:       # checklist comes last
        outcome = ScenarioRun.apply(state, action)
        assert not outcome.accepted and outcome.state == state, action


# ------------------------------------------------------------- checklist and finish

def test_checklist_comes_after_the_steps_then_finish(scenario: Scenario) -> None:
    state = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "click-logout")
    state = act(state, "logout", ActionKind.CLICK).state
    assert state.phase is Phase.CHECKLIST and not state.finished and state.screen.is_finish
    assert not act(state, "back", ActionKind.CLICK).accepted
    state = ScenarioRun.apply(state, Action("bye", "logout", ActionKind.CONFIRM, "true")).state
    last = ScenarioRun.apply(state, Action("bye", "close-browser", ActionKind.CONFIRM, "true"))
    assert last.state.finished and last.feedback.kind is FeedbackKind.FINISH and "Готово." in last.feedback.text
    assert ScenarioRun.demo_next(last.state) is None
    assert not ScenarioRun.apply(last.state, Action("bye", "logout", ActionKind.CLICK)).accepted


# ------------------------------------------------------------- scoring

def test_score_takes_off_errors_hints_and_minutes_over(scenario: Scenario) -> None:
    state = ScenarioRun.start(scenario, Mode.PRACTICE)
    state = act(state, "method", ActionKind.CHOOSE, "bank").state        # −5
    state = ScenarioRun.hint(state).state                                 # −3
    state = finish(state)
    assert ScenarioRun.score(state, elapsed_seconds=300).score == 92     # on the 5-minute target
    late = ScenarioRun.score(state, elapsed_seconds=301 + 60)             # 2 minutes over, −2 each
    assert (late.minutes_over, late.score, late.passed) == (2, 88, True)


def test_pass_mark_and_unfinished_attempts(scenario: Scenario) -> None:
    strict = replace(scenario, scoring=Scoring(per_error=20, pass_mark=70))
    state = ScenarioRun.start(strict, Mode.TEST)
    for _ in range(2):
        state = act(state, "method", ActionKind.CHOOSE, "bank").state
    assert not ScenarioRun.score(state).passed  # not finished
    done = ScenarioRun.score(finish(state))
    assert (done.score, done.passed) == (60, False)
    assert done.step_errors == {"choose-method": 2}
    assert ScenarioRun.score(finish(ScenarioRun.start(strict, Mode.TEST))).passed


# ------------------------------------------------------------- log, replay, resume

def _eventful_attempt(scenario: Scenario, clock_start: float) -> RunState:
    state = ScenarioRun.start(scenario, Mode.PRACTICE, clock_start)
    now = clock_start
    moves = 0
    while (move := ScenarioRun.demo_next(state)) is not None:
        now += 1.37
        moves += 1
        if moves % 3 == 0:
            state = ScenarioRun.hint(state, now).state
        if move[0].kind is ActionKind.FILL:
            state = ScenarioRun.apply(state, replace(move[0], value="неправильно"), now).state
        if move[0].kind is ActionKind.DECIDE:
            state = ScenarioRun.apply(state, replace(move[0], value="agree"), now).state
        state = ScenarioRun.apply(state, move[0], now + 0.5).state
    return state


def test_replay_rebuilds_the_same_state(scenario: Scenario) -> None:
    live = _eventful_attempt(scenario, clock_start=1000.123)
    assert live.finished and live.errors > 0 and live.hints > 0
    stored = json.loads(json.dumps([entry.to_dict() for entry in live.log]))
    rebuilt = ScenarioRun.replay(scenario, Mode.PRACTICE, [LogEntry.from_dict(d) for d in stored], 1000.123)
    assert rebuilt == live
    assert ScenarioRun.score(rebuilt) == ScenarioRun.score(live)


def test_replay_of_an_interrupted_attempt_resumes_where_it_stopped(scenario: Scenario) -> None:
    live = ScenarioRun.start(scenario, Mode.PRACTICE, 50.0)
    for step in range(4):
        action, _ = ScenarioRun.demo_next(live)
        live = ScenarioRun.apply(live, action, 50.0 + step).state
    rebuilt = ScenarioRun.replay(scenario, Mode.PRACTICE, live.log, 50.0)
    assert rebuilt == live and expected_step(rebuilt).id == "fill-town"
    resumed = ScenarioRun.resume_clock(rebuilt, now=9000.0)
    assert resumed.elapsed == 3.0
    after = ScenarioRun.apply(resumed, Action.make("form", "town", ActionKind.FILL, "Степове"), now=9002.5)
    assert after.state.log[-1].at == 5.5


def test_replay_refuses_a_log_that_no_longer_fits(scenario: Scenario) -> None:
    live = finish(ScenarioRun.start(scenario, Mode.PRACTICE))
    steps = tuple(replace(s, value="bank") if s.id == "choose-method" else s for s in scenario.steps)
    edited = replace(scenario, steps=steps)
    with pytest.raises(ScenarioChanged):
        ScenarioRun.replay(edited, Mode.PRACTICE, live.log)


def test_log_entries_reject_damaged_data() -> None:
    for bad in [{}, {"at": "x", "kind": "action", "step": None, "correct": True},
                {"at": 1, "kind": "action", "step": "s", "correct": True},
                {"at": 1, "kind": "action", "step": "s", "correct": True, "action": {"kind": "fly"}},
                {"at": 1, "kind": "hint", "step": 3, "correct": True}]:
        with pytest.raises(ValueError):
            LogEntry.from_dict(bad)


def test_actions_compare_whatever_the_order_of_their_parts() -> None:
    loose = Action("pay", "card", ActionKind.PAY, "", (("expiry", "12/30"), ("card", "0000")))
    assert loose == Action.make("pay", "card", ActionKind.PAY, "", {"card": "0000", "expiry": "12/30"})
    assert Action.from_dict(loose.to_dict()) == loose and loose.part("card") == "0000"


def test_demo_can_step_back_but_practice_keeps_its_record(scenario: Scenario) -> None:
    demo = play_until(ScenarioRun.start(scenario, Mode.DEMO), "sign-in")
    back = ScenarioRun.step_back(demo)
    assert expected_step(back).id == "choose-provider" and back.screen_id == "sign" and "provider" not in back.values
    assert expected_step(ScenarioRun.step_back(ScenarioRun.step_back(back))).id == "choose-method"
    start = ScenarioRun.start(scenario, Mode.DEMO)
    assert ScenarioRun.step_back(start) == start
    practice = play_until(ScenarioRun.start(scenario, Mode.PRACTICE), "sign-in")
    assert ScenarioRun.step_back(practice) == practice
