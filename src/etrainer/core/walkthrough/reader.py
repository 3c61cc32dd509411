"""Reading a scenario file's YAML: typed field helpers that report `file:line` problems, and the
screens with their controls. Used by core/walkthrough/loading.py, which reads the rest.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from etrainer.core.course.context import PackContext
from etrainer.core.ids import is_valid_id
from etrainer.core.walkthrough.fields import parse_date
from etrainer.core.walkthrough.model import (
    Certificate,
    Control,
    ControlKind,
    FileChoice,
    KeyFile,
    Line,
    Option,
    Screen,
    TrainingCard,
)
from etrainer.core.yamlfile import LineDict, LineList

_COMMON_KEYS = {"id", "kind", "label", "help"}
_KIND_KEYS: dict[ControlKind, set[str]] = {
    ControlKind.TEXT: {"placeholder", "accept", "pattern", "ignore_case", "ignore_apostrophes", "ignore_spaces"},
    ControlKind.DATE: {"placeholder", "accept"},
    ControlKind.CHOICE: {"options"},
    ControlKind.SELECT: {"options", "placeholder"},
    ControlKind.CHECKBOX: set(),
    ControlKind.BUTTON: {"goto", "style"},
    ControlKind.FILE: {"files", "types", "max_kb"},
    ControlKind.KEP: {"keys", "password", "certificate", "goto"},
    ControlKind.PAYMENT: {"amount", "recipient", "purpose", "card", "goto"},
    ControlKind.RECEIPT: {"number", "text", "lines"},
    ControlKind.INFO: {"text", "lines"},
}
_UNLABELLED = {ControlKind.RECEIPT, ControlKind.INFO}
_STYLES = ("primary", "secondary", "link", "tile")
_KINDS = ", ".join(k.value for k in ControlKind)


class ScenarioReader:
    """Typed access to a scenario file's values; every problem goes to the PackContext with its line."""

    def __init__(self, path: Path, ctx: PackContext) -> None:
        self.path = path
        self.ctx = ctx
        self.errors = 0
        self.gotos: list[tuple[str, int, str]] = []
        self.broken: set[str] = set()
        """Ids of controls that had errors: steps naming them are not reported again."""

    def error(self, line: int, message: str) -> None:
        self.errors += 1
        self.ctx.problem(self.path, line, message)

    def warn(self, line: int, message: str) -> None:
        self.ctx.problem(self.path, line, message, warning=True)

    def known(self, data: LineDict, allowed: set[str], what: str) -> None:
        for key in data:
            if key not in allowed:
                self.warn(data.line_of(key), f"unknown key “{key}” in {what} (it is ignored)")

    def mapping(self, value: Any, line: int, what: str) -> LineDict | None:
        if isinstance(value, LineDict):
            return value
        self.error(line, f"{what} must be a set of “key: value” lines")
        return None

    def block(self, data: LineDict, key: str, what: str, required: bool = False) -> LineDict | None:
        if key not in data:
            if required:
                self.error(data.line, f"{what}: missing “{key}”")
            return None
        block = self.mapping(data[key], data.line_of(key), f"{what}: “{key}”")
        if block is not None:
            block.line = data.line_of(key)  # a key missing inside is reported at the block's own key
        return block

    def items(self, data: LineDict, key: str, what: str, required: bool = False) -> LineList:
        if key in data and isinstance(data[key], LineList):
            return data[key]
        if key in data:
            self.error(data.line_of(key), f"{what}: “{key}” must be a list (lines starting with “- ”)")
        elif required:
            self.error(data.line, f"{what}: missing “{key}”")
        empty = LineList()
        empty.line, empty.item_lines = data.line_of(key), []
        return empty

    def text(self, data: LineDict, key: str, what: str, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.error(data.line_of(key), f"{what}: missing “{key}”")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(data.line_of(key), f"{what}: “{key}” must be text")
            return ""
        text = str(value).strip()
        if required and not text:
            self.error(data.line_of(key), f"{what}: “{key}” is empty")
        return text

    def scalar(self, value: Any, line: int, what: str) -> str | None:
        """A value compared with what the learner enters: text, a number, or true/false."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            self.warn(line, f"{what}: this is read as the number {value}; put the value in quotes "
                            "so that it stays exactly as written (leading zeros are lost otherwise)")
            return str(value)
        if isinstance(value, str):
            return value.strip()
        self.error(line, f"{what} must be text")
        return None

    def ident(self, data: LineDict, key: str, what: str) -> str | None:
        if key not in data:
            self.error(data.line, f"{what}: missing “{key}”")
            return None
        value = data[key]
        if not is_valid_id(value):
            self.error(data.line_of(key), f"{what}: “{key}” must be an id of lower-case Latin letters, digits "
                                          f"and hyphens, starting with a letter (not “{value}”)")
            return None
        return str(value)

    def unique(self, seen: dict[str, int], value: str, line: int, kind: str) -> bool:
        if value in seen:
            self.error(line, f"duplicate {kind} id “{value}” (first defined at line {seen[value]})")
            return False
        seen[value] = line
        return True

    def flag(self, data: LineDict, key: str, what: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.error(data.line_of(key), f"{what}: “{key}” must be true or false")
            return default
        return value

    def integer(self, data: LineDict, key: str, what: str, default: int | None, low: int, high: int) -> int | None:
        value = data.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.error(data.line_of(key), f"{what}: “{key}” must be a whole number from {low} to {high}")
            return default
        return value

    def regex(self, pattern: str, line: int, what: str) -> bool:
        try:
            re.compile(pattern)
        except re.error as error:
            self.error(line, f"{what}: “{pattern}” is not a valid regular expression ({error})")
            return False
        return True

    def goto(self, data: LineDict, what: str) -> str | None:
        if "goto" not in data:
            return None
        target = self.ident(data, "goto", what)
        if target is not None:
            self.gotos.append((target, data.line_of("goto"), what))
        return target

    def check_gotos(self, screen_ids: set[str]) -> None:
        for target, line, what in self.gotos:
            if target not in screen_ids:
                self.error(line, f"{what}: “goto: {target}” — there is no such screen")

    def lines(self, data: LineDict, key: str, what: str) -> tuple[Line, ...]:
        block = self.block(data, key, what)
        if block is None:
            return ()
        found = []
        for label, value in block.items():
            text = self.scalar(value, block.line_of(label), f"{what}: “{label}”")
            if text is not None:
                found.append(Line(label, text))
        return tuple(found)

    def values(self, data: LineDict, key: str, what: str) -> tuple[tuple[str, int], ...]:
        items = self.items(data, key, what)
        found = []
        for index, item in enumerate(items):
            value = self.scalar(item, items.line_of(index), f"{what}: “{key}”")
            if value is not None:
                found.append((value, items.line_of(index)))
        return tuple(found)


def read_screens(reader: ScenarioReader, data: LineDict) -> list[Screen]:
    items = reader.items(data, "screens", "the scenario", required=True)
    if "screens" in data and not items:
        reader.error(data.line_of("screens"), "“screens” is empty: describe the portal's pages")
    screens: list[Screen] = []
    seen_screens: dict[str, int] = {}
    seen_controls: dict[str, int] = {}
    for index, item in enumerate(items):
        block = reader.mapping(item, items.line_of(index), "a screen")
        if block is not None and (screen := _screen(reader, block, seen_screens, seen_controls)) is not None:
            screens.append(screen)
    return screens


def _screen(reader: ScenarioReader, data: LineDict, seen_screens: dict[str, int],
            seen_controls: dict[str, int]) -> Screen | None:
    reader.known(data, {"id", "title", "intro", "path", "finish", "controls"}, "a screen")
    screen_id = reader.ident(data, "id", "a screen")
    if screen_id is not None and not reader.unique(seen_screens, screen_id, data.line_of("id"), "screen"):
        screen_id = None
    what = f"screen “{screen_id}”" if screen_id else "a screen"
    title = reader.text(data, "title", what, required=True)
    items = reader.items(data, "controls", what)
    controls = []
    for index, item in enumerate(items):
        block = reader.mapping(item, items.line_of(index), f"{what}: a control")
        if block is not None and (control := _control(reader, block, seen_controls, what)) is not None:
            controls.append(control)
    if screen_id is None:
        return None
    return Screen(screen_id, title, tuple(controls), reader.text(data, "intro", what), reader.text(data, "path", what),
                  reader.flag(data, "finish", what, False), line=data.line)


def _control(reader: ScenarioReader, data: LineDict, seen: dict[str, int], screen: str) -> Control | None:
    control_id = reader.ident(data, "id", f"{screen}: a control")
    if control_id is not None and not reader.unique(seen, control_id, data.line_of("id"), "control"):
        control_id = None
    what = f"control “{control_id}”" if control_id else f"{screen}: a control"
    if control_id is not None:
        reader.broken.add(control_id)
    if "kind" not in data:
        reader.error(data.line, f"{what}: missing “kind” (one of: {_KINDS})")
        return None
    try:
        kind = ControlKind(data["kind"])
    except ValueError:
        reader.error(data.line_of("kind"), f"{what}: unknown kind “{data['kind']}” (use one of: {_KINDS})")
        return None
    reader.known(data, _COMMON_KEYS | _KIND_KEYS[kind], f"a {kind.value} control")
    errors = reader.errors
    fields: dict[str, Any] = {
        "label": reader.text(data, "label", what, required=kind not in _UNLABELLED),
        "help": reader.text(data, "help", what),
    }
    _READERS[kind](reader, data, what, fields)
    if control_id is None or reader.errors > errors:
        return None
    reader.broken.discard(control_id)
    return Control(control_id, kind, line=data.line, **fields)


def _read_text(reader: ScenarioReader, data: LineDict, what: str, fields: dict[str, Any]) -> None:
    accept = reader.values(data, "accept", what)
    for value, line in accept:
        if not value:
            reader.error(line, f"{what}: an accepted value cannot be empty")
    fields["accept"] = tuple(v for v, _ in accept)
    if "pattern" in data:
        pattern = reader.text(data, "pattern", what, required=True)
        if pattern and reader.regex(pattern, data.line_of("pattern"), what):
            fields["pattern"] = pattern
    for key in ("ignore_case", "ignore_apostrophes"):
        fields[key] = reader.flag(data, key, what, True)
    fields["ignore_spaces"] = reader.flag(data, "ignore_spaces", what, False)
    fields["placeholder"] = reader.text(data, "placeholder", what)


def _read_date(reader: ScenarioReader, data: LineDict, what: str, fields: dict[str, Any]) -> None:
    accept = reader.values(data, "accept", what)
    for value, line in accept:
        if parse_date(value) is None:
            reader.error(line, f"{what}: “{value}” is not a date written as ДД.ММ.РРРР")
    fields["accept"] = tuple(v for v, _ in accept)
    fields["placeholder"] = reader.text(data, "placeholder", what)


def _read_options(reader: ScenarioReader, data: LineDict, what: str, fields: dict[str, Any]) -> None:
    items = reader.items(data, "options", what, required=True)
    if "options" in data and not items:
        reader.error(data.line_of("options"), f"{what}: “options” is empty")
    seen: dict[str, int] = {}
    options = []
    for index, item in enumerate(items):
        block = reader.mapping(item, items.line_of(index), f"{what}: an option")
        if block is None:
            continue
        reader.known(block, {"id", "label", "goto"}, f"{what}: an option")
        option_id = reader.ident(block, "id", f"{what}: an option")
        label = reader.text(block, "label", f"{what}: an option", required=True)
        goto = reader.goto(block, f"{what}: an option")
        if option_id is not None and reader.unique(seen, option_id, block.line_of("id"), "option"):
            options.append(Option(option_id, label, goto))
    fields["options"] = tuple(options)
    if "placeholder" in data:
        fields["placeholder"] = reader.text(data, "placeholder", what)


def _read_checkbox(reader: ScenarioReader, data: LineDict, what: str, fields: dict[str, Any]) -> None:
    """A checkbox has only its label."""


def _read_button(reader: ScenarioReader, data: LineDict, what: str, fields: dict[str, Any]) -> None:
    fields["goto"] = reader.goto(data, what)
    style = reader.text(data, "style", what) or "primary"
    if style not in _STYLES:
        reader.error(data.line_of("style"), f"{what}: “style” is one of {', '.join(_STYLES)}, not “{style}”")
    fields["style"] = style


def _read_file(reader: ScenarioReader, data: LineDict, what: str, fields: dict[str, Any]) -> None:
    items = reader.items(data, "files", what, required=True)
    seen: dict[str, int] = {}
    files = []
    for index, item in enumerate(items):
        block = reader.mapping(item, items.line_of(index), f"{what}: a file")
        if block is None:
            continue
        reader.known(block, {"id", "name", "note", "size_kb"}, f"{what}: a file")
        file_id = reader.ident(block, "id", f"{what}: a file")
        name = reader.text(block, "name", f"{what}: a file", required=True)
        size = reader.integer(block, "size_kb", f"{what}: a file", 0, 0, 10_000_000) or 0
        if file_id is not None and reader.unique(seen, file_id, block.line_of("id"), "file"):
            files.append(FileChoice(file_id, name, reader.text(block, "note", f"{what}: a file"), size))
    if "files" in data and not items:
        reader.error(data.line_of("files"), f"{what}: “files” is empty")
    fields["files"] = tuple(files)
    fields["types"] = tuple(v.lstrip(".").casefold() for v, _ in reader.values(data, "types", what))
    fields["max_kb"] = reader.integer(data, "max_kb", what, 0, 0, 10_000_000) or 0


def _read_kep(reader: ScenarioReader, data: LineDict, what: str, fields: dict[str, Any]) -> None:
    items = reader.items(data, "keys", what, required=True)
    if "keys" in data and not items:
        reader.error(data.line_of("keys"), f"{what}: “keys” is empty")
    seen: dict[str, int] = {}
    keys = []
    for index, item in enumerate(items):
        block = reader.mapping(item, items.line_of(index), f"{what}: a key file")
        if block is None:
            continue
        reader.known(block, {"id", "name", "location"}, f"{what}: a key file")
        key_id = reader.ident(block, "id", f"{what}: a key file")
        name = reader.text(block, "name", f"{what}: a key file", required=True)
        if key_id is not None and reader.unique(seen, key_id, block.line_of("id"), "key"):
            keys.append(KeyFile(key_id, name, reader.text(block, "location", f"{what}: a key file")))
    fields["keys"] = tuple(keys)
    if "password" not in data:
        reader.error(data.line, f"{what}: missing “password” (the visitor's fictional key password)")
    else:
        fields["password"] = reader.scalar(data["password"], data.line_of("password"), f"{what}: “password”") or ""
        if not fields["password"]:
            reader.error(data.line_of("password"), f"{what}: “password” is empty")
    block = reader.block(data, "certificate", what, required=True)
    if block is not None:
        reader.known(block, {"owner", "issuer", "valid_from", "valid_to", "serial"}, f"{what}: the certificate")
        part = f"{what}: the certificate"
        fields["certificate"] = Certificate(
            reader.text(block, "owner", part, required=True), reader.text(block, "issuer", part, required=True),
            reader.text(block, "valid_from", part), reader.text(block, "valid_to", part),
            reader.text(block, "serial", part))
    fields["goto"] = reader.goto(data, what)


def _read_payment(reader: ScenarioReader, data: LineDict, what: str, fields: dict[str, Any]) -> None:
    fields["amount"] = reader.text(data, "amount", what, required=True)
    fields["recipient"] = reader.text(data, "recipient", what)
    fields["purpose"] = reader.text(data, "purpose", what)
    block = reader.block(data, "card", what, required=True)
    if block is not None:
        reader.known(block, {"number", "expiry", "cvv", "holder"}, f"{what}: the test card")
        part = f"{what}: the test card"
        values = {}
        for key in ("number", "expiry", "cvv"):
            if key not in block:
                reader.error(block.line, f"{part}: missing “{key}”")
            values[key] = reader.scalar(block.get(key, ""), block.line_of(key), f"{part}: “{key}”") or ""
        fields["card"] = TrainingCard(values["number"], values["expiry"], values["cvv"],
                                      reader.text(block, "holder", part))
    fields["goto"] = reader.goto(data, what)


def _read_receipt(reader: ScenarioReader, data: LineDict, what: str, fields: dict[str, Any]) -> None:
    if "number" not in data:
        reader.error(data.line, f"{what}: missing “number” (the fictional receipt number)")
    else:
        fields["number"] = reader.scalar(data["number"], data.line_of("number"), f"{what}: “number”") or ""
    fields["text"] = reader.text(data, "text", what)
    fields["lines"] = reader.lines(data, "lines", what)


def _read_info(reader: ScenarioReader, data: LineDict, what: str, fields: dict[str, Any]) -> None:
    fields["text"] = reader.text(data, "text", what)
    fields["lines"] = reader.lines(data, "lines", what)
    if not fields["text"] and not fields["lines"]:
        reader.error(data.line, f"{what}: an info block needs “text” or “lines”")


_READERS = {
    ControlKind.TEXT: _read_text,
    ControlKind.DATE: _read_date,
    ControlKind.CHOICE: _read_options,
    ControlKind.SELECT: _read_options,
    ControlKind.CHECKBOX: _read_checkbox,
    ControlKind.BUTTON: _read_button,
    ControlKind.FILE: _read_file,
    ControlKind.KEP: _read_kep,
    ControlKind.PAYMENT: _read_payment,
    ControlKind.RECEIPT: _read_receipt,
    ControlKind.INFO: _read_info,
}
