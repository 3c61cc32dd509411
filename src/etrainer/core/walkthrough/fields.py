"""Field checks for walkthrough controls: what each control kind accepts, and how values compare.

`validate_field()` is the portal's own check of a value (a date in ДД.ММ.РРРР, an allowed file
type, the key password), independent of what the reference path expects. Its messages are
translatable English sentences with named placeholders; the UI translates and formats them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from etrainer.core.walkthrough.model import (
    CARD_CVV,
    CARD_EXPIRY,
    CARD_NUMBER,
    KEP_PASSWORD,
    Control,
    ControlKind,
)
from etrainer.i18n import QT_TRANSLATE_NOOP

_APOSTROPHES = str.maketrans({"ʼ": "'", "’": "'", "‘": "'", "`": "'", "´": "'", "ʹ": "'", "′": "'"})
_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
TRUE_VALUES = frozenset({"true", "1", "yes", "так"})
FALSE_VALUES = frozenset({"false", "0", "no", "ні", ""})

MSG_EMPTY = QT_TRANSLATE_NOOP("Scenario", "Fill in this field.")
MSG_NOT_ACCEPTED = QT_TRANSLATE_NOOP("Scenario", "The portal does not accept this value. "
                                     "Check it against the visitor's card.")
MSG_DATE_FORMAT = QT_TRANSLATE_NOOP("Scenario", "Enter the date as DD.MM.YYYY, for example 05.03.1990.")
MSG_DATE_NOT_FREE = QT_TRANSLATE_NOOP("Scenario", "This date cannot be chosen here.")
MSG_CHOOSE = QT_TRANSLATE_NOOP("Scenario", "Choose one of the options.")
MSG_CHECKBOX = QT_TRANSLATE_NOOP("Scenario", "A checkbox is either ticked or not.")
MSG_PICK_FILE = QT_TRANSLATE_NOOP("Scenario", "Choose one of the files offered.")
MSG_FILE_TYPE = QT_TRANSLATE_NOOP("Scenario", "The portal accepts only these file types: {types}.")
MSG_FILE_SIZE = QT_TRANSLATE_NOOP("Scenario", "The file is too large: the portal accepts up to {max_kb} KB.")
MSG_PICK_KEY = QT_TRANSLATE_NOOP("Scenario", "Choose the key file.")
MSG_KEY_PASSWORD_EMPTY = QT_TRANSLATE_NOOP("Scenario", "Enter the password of the key.")
MSG_KEY_PASSWORD_WRONG = QT_TRANSLATE_NOOP("Scenario", "The password does not fit this key.")
MSG_CARD_NUMBER = QT_TRANSLATE_NOOP("Scenario", "Check the card number: this training portal takes only the test card.")
MSG_CARD_EXPIRY = QT_TRANSLATE_NOOP("Scenario", "Check the card's expiry date (MM/YY).")
MSG_CARD_CVV = QT_TRANSLATE_NOOP("Scenario", "Check the three-digit code on the back of the test card.")
MSG_READ_ONLY = QT_TRANSLATE_NOOP("Scenario", "This part of the page cannot be changed.")


@dataclass(frozen=True, slots=True)
class FieldCheck:
    """The result of a field check. `message` is a translatable sentence to format with `params`;
    `part` names the sub-field of a compound control at fault (`password`, `card`…);
    `normalized` is the value as the portal keeps it (e.g. a date as 05.03.1990)."""

    ok: bool
    message: str = ""
    params: Mapping[str, str] = field(default_factory=dict)
    part: str = ""
    normalized: str = ""


def _ok(normalized: str) -> FieldCheck:
    return FieldCheck(True, normalized=normalized)


def _bad(message: str, part: str = "", **params: str) -> FieldCheck:
    return FieldCheck(False, message, params, part)


def normalize_text(control: Control, value: str) -> str:
    """Text as it is compared: spaces collapsed (or removed), apostrophes and case folded as the control says."""
    text = _SPACES.sub("" if control.ignore_spaces else " ", value.strip())
    if control.ignore_apostrophes:
        text = text.translate(_APOSTROPHES)
    if control.ignore_case:
        text = text.casefold()
    return text


def parse_date(value: str) -> date | None:
    """A date written as Д.М.РРРР or ДД.ММ.РРРР, or None."""
    match = _DATE.match(value.strip())
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def format_date(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def normalize_bool(value: str) -> str | None:
    folded = value.strip().casefold()
    if folded in TRUE_VALUES:
        return "true"
    if folded in FALSE_VALUES:
        return "false"
    return None


def normalize_value(control: Control, value: str) -> str:
    """A value in the form used to compare it with an expected one, for any control kind."""
    if control.kind is ControlKind.TEXT:
        return normalize_text(control, value)
    if control.kind is ControlKind.DATE:
        parsed = parse_date(value)
        return format_date(parsed) if parsed else value.strip()
    if control.kind is ControlKind.CHECKBOX:
        return normalize_bool(value) or value.strip()
    return value.strip()


def pattern_matches(control: Control, pattern: str, value: str) -> bool:
    """Whether `pattern` is found in `value` (with the control's case and apostrophe rules)."""
    flags = re.IGNORECASE if control.ignore_case else 0
    text = value.strip()
    if control.ignore_apostrophes:
        text = text.translate(_APOSTROPHES)
    try:
        return re.search(pattern, text, flags) is not None
    except re.error:
        return False


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def validate_field(control: Control, value: str, parts: Mapping[str, str] | None = None) -> FieldCheck:
    """Whether the portal would take `value` (and, for kep and payment, `parts`) in `control`."""
    parts = parts or {}
    kind = control.kind
    if kind is ControlKind.TEXT:
        return _check_text(control, value)
    if kind is ControlKind.DATE:
        return _check_date(control, value)
    if kind in (ControlKind.CHOICE, ControlKind.SELECT):
        return _ok(value.strip()) if control.option(value.strip()) else _bad(MSG_CHOOSE)
    if kind is ControlKind.CHECKBOX:
        flag = normalize_bool(value)
        return _ok(flag) if flag else _bad(MSG_CHECKBOX)
    if kind is ControlKind.BUTTON:
        return _ok("")
    if kind is ControlKind.FILE:
        return _check_file(control, value)
    if kind is ControlKind.KEP:
        return _check_kep(control, value, parts)
    if kind is ControlKind.PAYMENT:
        return _check_payment(control, parts)
    return _bad(MSG_READ_ONLY)


def _check_text(control: Control, value: str) -> FieldCheck:
    normalized = normalize_text(control, value)
    if not normalized:
        return _bad(MSG_EMPTY)
    if not control.accept and not control.pattern:
        return _ok(normalized)
    if any(normalize_text(control, a) == normalized for a in control.accept):
        return _ok(normalized)
    if control.pattern and _fullmatch(control, control.pattern, value):
        return _ok(normalized)
    return _bad(MSG_NOT_ACCEPTED)


def _fullmatch(control: Control, pattern: str, value: str) -> bool:
    flags = re.IGNORECASE if control.ignore_case else 0
    text = _SPACES.sub("" if control.ignore_spaces else " ", value.strip())
    if control.ignore_apostrophes:
        text = text.translate(_APOSTROPHES)
    try:
        return re.fullmatch(pattern, text, flags) is not None
    except re.error:
        return False


def _check_date(control: Control, value: str) -> FieldCheck:
    if not value.strip():
        return _bad(MSG_EMPTY)
    parsed = parse_date(value)
    if parsed is None:
        return _bad(MSG_DATE_FORMAT)
    normalized = format_date(parsed)
    if control.accept and normalized not in {normalize_value(control, a) for a in control.accept}:
        return _bad(MSG_DATE_NOT_FREE)
    return _ok(normalized)


def _check_file(control: Control, value: str) -> FieldCheck:
    picked = control.file(value.strip())
    if picked is None:
        return _bad(MSG_PICK_FILE)
    extension = picked.name.rsplit(".", 1)[-1].casefold() if "." in picked.name else ""
    if control.types and extension not in control.types:
        return _bad(MSG_FILE_TYPE, types=", ".join(control.types))
    if control.max_kb and picked.size_kb > control.max_kb:
        return _bad(MSG_FILE_SIZE, max_kb=str(control.max_kb))
    return _ok(picked.id)


def _check_kep(control: Control, value: str, parts: Mapping[str, str]) -> FieldCheck:
    if control.key(value.strip()) is None:
        return _bad(MSG_PICK_KEY)
    password = parts.get(KEP_PASSWORD, "")
    if not password:
        return _bad(MSG_KEY_PASSWORD_EMPTY, KEP_PASSWORD)
    if password != control.password:
        return _bad(MSG_KEY_PASSWORD_WRONG, KEP_PASSWORD)
    return _ok(value.strip())


def _check_payment(control: Control, parts: Mapping[str, str]) -> FieldCheck:
    card = control.card
    if card is None:
        return _bad(MSG_READ_ONLY)
    if not _digits(parts.get(CARD_NUMBER, "")) or _digits(parts.get(CARD_NUMBER, "")) != _digits(card.number):
        return _bad(MSG_CARD_NUMBER, CARD_NUMBER)
    if _digits(parts.get(CARD_EXPIRY, "")) != _digits(card.expiry):
        return _bad(MSG_CARD_EXPIRY, CARD_EXPIRY)
    if not parts.get(CARD_CVV, "") or _digits(parts.get(CARD_CVV, "")) != _digits(card.cvv):
        return _bad(MSG_CARD_CVV, CARD_CVV)
    return _ok("")
