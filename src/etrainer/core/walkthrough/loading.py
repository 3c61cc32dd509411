"""Loading `*.scenario.yaml` walkthrough files, reporting every problem with its file and line.

`load_scenario_file()` reads one file into a `core.walkthrough.engine.Scenario`: it checks the structure
(ids, kinds, references between steps, controls and screens), the screens' graph (reachable,
no dead ends, a finish), and then replays the reference path through the engine, so a scenario
whose own path is broken never reaches a learner. `replay_reference()` is that last check alone.
The typed reading helpers and the screens and controls are in `core/walkthrough/reader.py`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from etrainer.core.course.context import PackContext
from etrainer.core.ids import ModuleId, ScenarioId
from etrainer.core.walkthrough.checks import graph_problems, reference_problems
from etrainer.core.walkthrough.engine import (
    ActionKind,
    ChecklistItem,
    Control,
    ControlKind,
    Decision,
    Mistake,
    Persona,
    Portal,
    Response,
    Scenario,
    Scoring,
    Screen,
    Step,
    validate_field,
)
from etrainer.core.walkthrough.fields import normalize_bool
from etrainer.core.walkthrough.reader import ScenarioReader, read_screens
from etrainer.core.yamlfile import MAX_YAML_BYTES, LineDict, YamlError, load_yaml

SCENARIO_FORMAT = "etrainer-scenario"
SCENARIO_FORMAT_VERSION = 1
SCENARIO_SUFFIX = ".scenario.yaml"

_TOP_KEYS = {"format", "version", "id", "title", "service", "module", "persona", "portal", "start", "otherwise",
             "summary", "scoring", "screens", "steps", "checklist"}
_STEP_KEYS = {"id", "screen", "control", "action", "value", "hint", "narration", "success", "otherwise", "mistakes",
              "decision"}
_MATCHERS = ("value", "pattern", "control", "invalid")
_CONTROL_ACTIONS = ", ".join(k.value for k in ActionKind if k not in (ActionKind.DECIDE, ActionKind.CONFIRM))
_NEEDS_VALUE = {ControlKind.CHOICE: "options", ControlKind.SELECT: "options", ControlKind.FILE: "files",
                ControlKind.KEP: "keys"}


def replay_reference(scenario: Scenario) -> list[str]:
    """Problems (empty when fine) from running the reference path in Practice mode to the finish."""
    return [message for _, message in reference_problems(scenario)]


def load_scenario_file(path: Path, ctx: PackContext) -> Scenario | None:
    """Read one scenario file. Problems go to `ctx`; None when the file has any error."""
    reader = ScenarioReader(path, ctx)
    try:
        if path.stat().st_size > MAX_YAML_BYTES:
            reader.error(0, f"the file is too large (the limit is {MAX_YAML_BYTES >> 20} MB)")
            return None
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        reader.error(1, "the file is not UTF-8 text")
        return None
    except OSError as error:
        reader.error(0, f"cannot read the file: {error.strerror or error}")
        return None
    try:
        data = load_yaml(text)
    except YamlError as error:
        reader.error(error.line, error.message)
        return None
    if not isinstance(data, LineDict):
        reader.error(1, "a scenario file must be a set of “key: value” lines (id, title, screens, steps…)")
        return None
    scenario = _read_scenario(reader, data, path, hashlib.sha256(text.encode("utf-8")).hexdigest()[:16])
    if scenario is None or reader.errors:
        return None
    for line, message in reference_problems(scenario):
        reader.error(line, message)
    return None if reader.errors else scenario


def _read_scenario(reader: ScenarioReader, data: LineDict, path: Path, digest: str) -> Scenario | None:
    reader.known(data, _TOP_KEYS, "the scenario")
    _check_version(reader, data)
    scenario_id = reader.ident(data, "id", "the scenario")
    if scenario_id is not None and not reader.ctx.claim_id("scenario", scenario_id, path, data.line_of("id")):
        reader.errors += 1
    title = reader.text(data, "title", "the scenario", required=True)
    service = reader.text(data, "service", "the scenario")
    module_id = _module(reader, data)
    persona = _persona(reader, data)
    portal = _portal(reader, data)
    scoring = _scoring(reader, data)
    errors_before = reader.errors
    screens = read_screens(reader, data)
    start = _start(reader, data, screens)
    steps = _steps(reader, data, screens)
    reader.check_gotos({s.id for s in screens})
    checklist = _checklist(reader, data)
    if scenario_id is None or persona is None or portal is None or start is None:
        return None
    scenario = Scenario(
        id=ScenarioId(scenario_id), title=title, service=service, persona=persona, portal=portal,
        screens=tuple(screens), steps=tuple(steps), start=start, module_id=module_id, scoring=scoring,
        checklist=checklist, otherwise=reader.text(data, "otherwise", "the scenario"),
        summary=reader.text(data, "summary", "the scenario"), path=path, digest=digest)
    if reader.errors == errors_before:
        for line, message in graph_problems(scenario, data.line_of("screens")):
            reader.error(line, message)
    return scenario


def _check_version(reader: ScenarioReader, data: LineDict) -> None:
    if "format" in data and data["format"] != SCENARIO_FORMAT:
        reader.error(data.line_of("format"), f"“format” must be {SCENARIO_FORMAT}")
    version = data.get("version", SCENARIO_FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        reader.error(data.line_of("version"), "“version” must be a whole number (1)")
    elif version > SCENARIO_FORMAT_VERSION:
        reader.error(data.line_of("version"), f"this file uses scenario format version {version}; "
                                              f"this Е-тренер reads version {SCENARIO_FORMAT_VERSION}: update Е-тренер")


def _module(reader: ScenarioReader, data: LineDict) -> ModuleId | None:
    if "module" not in data:
        return None
    module_id = reader.ident(data, "module", "the scenario")
    if module_id is not None and reader.ctx.module_ids and module_id not in reader.ctx.module_ids:
        reader.error(data.line_of("module"), f"unknown module “{module_id}”")
        return None
    return ModuleId(module_id) if module_id else None


def _persona(reader: ScenarioReader, data: LineDict) -> Persona | None:
    block = reader.block(data, "persona", "the scenario", required=True)
    if block is None:
        return None
    reader.known(block, {"name", "age", "situation", "wants", "data"}, "the persona")
    age = reader.integer(block, "age", "the persona", None, 1, 120)
    return Persona(name=reader.text(block, "name", "the persona", required=True),
                   situation=reader.text(block, "situation", "the persona", required=True),
                   wants=reader.text(block, "wants", "the persona", required=True),
                   age=age, data=reader.lines(block, "data", "the persona"))


def _portal(reader: ScenarioReader, data: LineDict) -> Portal | None:
    block = reader.block(data, "portal", "the scenario", required=True)
    if block is None:
        return None
    reader.known(block, {"name", "address"}, "the portal")
    return Portal(reader.text(block, "name", "the portal", required=True),
                  reader.text(block, "address", "the portal", required=True))


def _scoring(reader: ScenarioReader, data: LineDict) -> Scoring:
    block = reader.block(data, "scoring", "the scenario")
    if block is None:
        return Scoring()
    reader.known(block, {"error", "hint", "wrong_decision", "target_minutes", "minute_over", "pass"}, "scoring")
    default = Scoring()

    def points(key: str, fallback: int) -> int:
        return reader.integer(block, key, "scoring", fallback, 0, 100) or 0

    target = reader.integer(block, "target_minutes", "scoring", None, 1, 600)
    return Scoring(per_error=points("error", default.per_error), per_hint=points("hint", default.per_hint),
                   per_wrong_decision=points("wrong_decision", default.per_wrong_decision),
                   target_minutes=float(target) if target is not None else None,
                   per_minute_over=points("minute_over", default.per_minute_over),
                   pass_mark=points("pass", default.pass_mark))


def _start(reader: ScenarioReader, data: LineDict, screens: list[Screen]) -> str | None:
    if "start" not in data:
        return screens[0].id if screens else None
    start = reader.ident(data, "start", "the scenario")
    if start is not None and start not in {s.id for s in screens}:
        reader.error(data.line_of("start"), f"“start”: there is no screen “{start}”")
        return None
    return start


def _steps(reader: ScenarioReader, data: LineDict, screens: list[Screen]) -> list[Step]:
    items = reader.items(data, "steps", "the scenario", required=True)
    if "steps" in data and not items:
        reader.error(data.line_of("steps"), "“steps” is empty: list the reference path's steps")
    controls = {c.id: (s, c) for s in screens for c in s.controls}
    by_id = {s.id: s for s in screens}
    seen: dict[str, int] = {}
    steps: list[Step] = []
    for index, item in enumerate(items):
        block = reader.mapping(item, items.line_of(index), "a step")
        if block is None:
            continue
        step = _step(reader, block, by_id, controls, seen)
        if step is not None:
            steps.append(step)
    return steps


def _step(reader: ScenarioReader, data: LineDict, screens: dict[str, Screen],
          controls: dict[str, tuple[Screen, Control]], seen: dict[str, int]) -> Step | None:
    reader.known(data, _STEP_KEYS, "a step")
    step_id = reader.ident(data, "id", "a step")
    if step_id is not None and not reader.unique(seen, step_id, data.line_of("id"), "step"):
        step_id = None
    what = f"step “{step_id}”" if step_id else "a step"
    texts = {key: reader.text(data, key, what) for key in ("hint", "narration", "success", "otherwise")}
    for key in ("hint", "narration"):
        if not texts[key]:
            reader.warn(data.line, f"{what} has no {key}")
    if "decision" in data:
        return _decision_step(reader, data, step_id, what, screens, texts)
    control_id = reader.ident(data, "control", what)
    if control_id is None or control_id in reader.broken:
        return None
    found = controls.get(control_id)
    if "screen" in data:
        screen_id = reader.ident(data, "screen", what)
        if screen_id is None:
            return None
        if screen_id not in screens:
            reader.error(data.line_of("screen"), f"{what}: there is no screen “{screen_id}”")
            return None
        if found is None or found[0].id != screen_id:
            reader.error(data.line_of("control"), f"{what}: screen “{screen_id}” has no control “{control_id}”")
            return None
    elif found is None:
        reader.error(data.line_of("control"), f"{what}: there is no control “{control_id}” on any screen")
        return None
    screen, control = found
    action = _action(reader, data, control, what)
    if action is None:
        return None
    value = _value(reader, data, control, action, what)
    mistakes = _mistakes(reader, data, screen, control, what)
    if step_id is None or value is False:
        return None
    return Step(step_id, screen.id, action, control.id, value, texts["hint"], texts["narration"], texts["success"],
                texts["otherwise"], mistakes, line=data.line)


def _action(reader: ScenarioReader, data: LineDict, control: Control, what: str) -> ActionKind | None:
    expected = control.action
    if expected is None:
        reader.error(data.line_of("control"), f"{what}: “{control.id}” is an element of kind "
                                              f"“{control.kind.value}”, which cannot be acted on "
                                              "(name an input, a button or a dialog)")
        return None
    if "action" not in data:
        return expected
    raw = data["action"]
    try:
        given = ActionKind(raw)
    except ValueError:
        reader.error(data.line_of("action"), f"{what}: unknown action “{raw}” (use one of: {_CONTROL_ACTIONS})")
        return None
    if given is not expected:
        reader.error(data.line_of("action"), f"{what}: “{given.value}” does not fit a {control.kind.value} "
                                             f"control (use “{expected.value}”)")
        return None
    return expected


def _value(reader: ScenarioReader, data: LineDict, control: Control, action: ActionKind,
           what: str) -> str | bool | None:
    """The step's expected value; None when absent; False when it is wrong (already reported)."""
    line = data.line_of("value")
    if "value" not in data:
        items = getattr(control, _NEEDS_VALUE[control.kind]) if control.kind in _NEEDS_VALUE else ()
        vague = (control.kind in _NEEDS_VALUE and len(items) != 1) or (
            control.kind in (ControlKind.TEXT, ControlKind.DATE) and not control.accept)
        if vague:
            reader.error(data.line, f"{what} needs a “value”: what the reference path enters or picks here "
                                    "(the demo plays it, and the learner must match it)")
            return False
        return None
    if action in (ActionKind.CLICK, ActionKind.PAY):
        reader.warn(line, f"{what}: a {action.value} step takes no “value” (it is ignored)")
        return None
    value = reader.scalar(data["value"], line, f"{what}: “value”")
    if value is None:
        return False
    if action is ActionKind.CHECK:
        if normalize_bool(value) is None:
            reader.error(line, f"{what}: the value of a checkbox is true or false, not “{value}”")
            return False
        return value
    if action is ActionKind.CHOOSE and control.option(value) is None:
        names = ", ".join(o.id for o in control.options)
        reader.error(line, f"{what}: “{value}” is not an option of “{control.id}” (options: {names})")
        return False
    if action is ActionKind.SIGN and control.key(value) is None:
        reader.error(line, f"{what}: “{value}” is not a key of “{control.id}”")
        return False
    if action in (ActionKind.FILL, ActionKind.ATTACH) and not validate_field(control, value).ok:
        reader.error(line, f"{what}: the control “{control.id}” itself would not accept “{value}” "
                           "(check its accept, pattern, date, file type or size)")
        return False
    return value


def _mistakes(reader: ScenarioReader, data: LineDict, screen: Screen, control: Control,
              what: str) -> tuple[Mistake, ...]:
    items = reader.items(data, "mistakes", what)
    mistakes: list[Mistake] = []
    for index, item in enumerate(items):
        block = reader.mapping(item, items.line_of(index), f"{what}: a mistake")
        if block is None:
            continue
        reader.known(block, {*_MATCHERS, "explain"}, f"{what}: a mistake")
        line = block.line
        explain = reader.text(block, "explain", f"{what}: a mistake", required=True)
        present = [key for key in _MATCHERS if key in block]
        if len(present) != 1:
            reader.error(line, f"{what}: a mistake needs exactly one of value, pattern, control or invalid")
            continue
        key = present[0]
        if key == "control":
            other = reader.ident(block, "control", f"{what}: a mistake")
            if other is not None and (other == control.id or screen.control(other) is None):
                reader.error(block.line_of("control"), f"{what}: a mistake names control “{other}”, which is not "
                                                       f"another control on screen “{screen.id}”")
                continue
            if other is not None:
                mistakes.append(Mistake(explain, control=other, line=line))
        elif key == "pattern":
            pattern = reader.text(block, "pattern", f"{what}: a mistake", required=True)
            if reader.regex(pattern, block.line_of("pattern"), f"{what}: a mistake"):
                mistakes.append(Mistake(explain, pattern=pattern, line=line))
        elif key == "invalid":
            if block["invalid"] is not True:
                reader.error(block.line_of("invalid"), f"{what}: write “invalid: true” (or leave it out)")
                continue
            mistakes.append(Mistake(explain, invalid=True, line=line))
        else:
            value = reader.scalar(block["value"], block.line_of("value"), f"{what}: a mistake's value")
            if value is not None:
                mistakes.append(Mistake(explain, value=value, line=line))
    return tuple(mistakes)


def _decision_step(reader: ScenarioReader, data: LineDict, step_id: str | None, what: str,
                   screens: dict[str, Screen], texts: dict[str, str]) -> Step | None:
    for key in ("control", "action", "value", "mistakes"):
        if key in data:
            reader.error(data.line_of(key), f"{what}: a decision step has no “{key}” "
                                            "(its responses carry the feedback)")
    screen_id = reader.ident(data, "screen", what)
    if screen_id is not None and screen_id not in screens:
        reader.error(data.line_of("screen"), f"{what}: there is no screen “{screen_id}”")
        screen_id = None
    decision = _decision(reader, data, what)
    if step_id is None or screen_id is None or decision is None:
        return None
    return Step(step_id, screen_id, ActionKind.DECIDE, hint=texts["hint"], narration=texts["narration"],
                success=texts["success"], otherwise=texts["otherwise"], decision=decision, line=data.line)


def _decision(reader: ScenarioReader, data: LineDict, what: str) -> Decision | None:
    block = reader.block(data, "decision", what, required=True)
    if block is None:
        return None
    reader.known(block, {"says", "who", "responses"}, f"{what}: the decision")
    says = reader.text(block, "says", f"{what}: the decision", required=True)
    items = reader.items(block, "responses", f"{what}: the decision", required=True)
    if "responses" in block and not 2 <= len(items) <= 4:
        reader.error(block.line_of("responses"), f"{what}: a decision has 2–4 responses, not {len(items)}")
    seen: dict[str, int] = {}
    responses: list[Response] = []
    for index, item in enumerate(items):
        response = _response(reader, item, items.line_of(index), what, seen)
        if response is not None:
            responses.append(response)
    right = [r for r in responses if r.correct]
    if responses and not right:
        reader.error(block.line_of("responses"), f"{what}: no response is “correct: true”")
        return None
    if len({r.goto for r in right}) > 1:
        reader.error(block.line_of("responses"), f"{what}: the correct responses lead to different screens; "
                                                 "the reference path can follow only one")
        return None
    if not says or len(responses) != len(items):
        return None
    return Decision(says, tuple(responses), reader.text(block, "who", f"{what}: the decision"))


def _response(reader: ScenarioReader, item: object, line: int, what: str, seen: dict[str, int]) -> Response | None:
    block = reader.mapping(item, line, f"{what}: a response")
    if block is None:
        return None
    reader.known(block, {"id", "text", "correct", "feedback", "goto"}, f"{what}: a response")
    response_id = reader.ident(block, "id", f"{what}: a response")
    if response_id is not None and not reader.unique(seen, response_id, block.line_of("id"), "response"):
        response_id = None
    text = reader.text(block, "text", f"{what}: a response", required=True)
    feedback = reader.text(block, "feedback", f"{what}: a response", required=True)
    correct = reader.flag(block, "correct", f"{what}: a response", False)
    goto = reader.goto(block, f"{what}: a response")
    if goto is not None and not correct:
        reader.error(block.line_of("goto"), f"{what}: only a correct response may have a goto "
                                            "(after a wrong one the learner chooses again)")
        return None
    if response_id is None or not text or not feedback:
        return None
    return Response(response_id, text, correct, feedback, goto)


def _checklist(reader: ScenarioReader, data: LineDict) -> tuple[ChecklistItem, ...]:
    if "checklist" not in data:
        reader.warn(data.line, "the scenario has no closing safety checklist (log out, close the browser, "
                               "delete downloads, return the key medium)")
        return ()
    items = reader.items(data, "checklist", "the scenario")
    seen: dict[str, int] = {}
    found: list[ChecklistItem] = []
    for index, item in enumerate(items):
        block = reader.mapping(item, items.line_of(index), "a checklist item")
        if block is None:
            continue
        reader.known(block, {"id", "text", "why"}, "a checklist item")
        item_id = reader.ident(block, "id", "a checklist item")
        if item_id is not None and not reader.unique(seen, item_id, block.line_of("id"), "checklist item"):
            item_id = None
        text = reader.text(block, "text", "a checklist item", required=True)
        if item_id is not None and text:
            found.append(ChecklistItem(item_id, text, reader.text(block, "why", "a checklist item")))
    return tuple(found)

