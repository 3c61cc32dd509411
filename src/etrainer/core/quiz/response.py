"""What a learner answered, one value type per question kind, and its JSON form for storage.

Choices, pairs, items and gap options are referred to by their index in the question as written
in the quiz file (not by their shuffled screen position), so a stored response stays meaningful
whatever order the options were shown in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from etrainer.core.quiz.model import QuestionKind


@dataclass(frozen=True, slots=True)
class ChoiceResponse:
    """Single or multiple choice: the indices of the picked options."""

    picked: frozenset[int]


@dataclass(frozen=True, slots=True)
class TrueFalseResponse:
    value: bool


@dataclass(frozen=True, slots=True)
class MatchingResponse:
    """For each pair, in file order, the answer text the learner chose (None: left empty)."""

    answers: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class OrderingResponse:
    """The learner's order, as indices of the items in their right (file) order."""

    order: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TextResponse:
    """Short answer or numerical: what was typed."""

    text: str


@dataclass(frozen=True, slots=True)
class ClozeResponse:
    """One value per gap: the typed text, or the index of the picked option for a choice gap."""

    values: tuple[str | int | None, ...]


@dataclass(frozen=True, slots=True)
class HotspotResponse:
    """Where the learner clicked, in the image's pixel coordinates."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class EssayResponse:
    """An essay as submitted (a draft that was never submitted is not a response)."""

    text: str


Response = (ChoiceResponse | TrueFalseResponse | MatchingResponse | OrderingResponse | TextResponse
            | ClozeResponse | HotspotResponse | EssayResponse)

#: Which response type answers which kind of question.
RESPONSE_TYPES: dict[QuestionKind, type] = {
    QuestionKind.SINGLE_CHOICE: ChoiceResponse,
    QuestionKind.MULTIPLE_CHOICE: ChoiceResponse,
    QuestionKind.TRUE_FALSE: TrueFalseResponse,
    QuestionKind.MATCHING: MatchingResponse,
    QuestionKind.ORDERING: OrderingResponse,
    QuestionKind.SHORT_ANSWER: TextResponse,
    QuestionKind.NUMERICAL: TextResponse,
    QuestionKind.CLOZE: ClozeResponse,
    QuestionKind.HOTSPOT: HotspotResponse,
    QuestionKind.ESSAY: EssayResponse,
}

_APOSTROPHES = str.maketrans({"ʼ": "'", "’": "'", "`": "'", "‘": "'", "′": "'", "ˈ": "'"})
_SPACES = re.compile(r"\s+")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(\s\d{3})+([.,]\d+)?$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def normalize_text(text: str) -> str:
    """The form short answers are compared in: case-folded, NFC, one space between words, and every
    apostrophe-like sign (ʼ ' ’ ` ‘) the same, since Ukrainian texts use them interchangeably."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return _SPACES.sub(" ", text).strip().casefold()


def parse_number(text: str) -> float | None:
    """A typed number: `45.42`, `45,42` (decimal comma), `-3`, `1 000` or `1 000,5`; None if it is not one."""
    cleaned = text.strip().replace("−", "-").replace("–", "-")
    if _GROUPED.match(cleaned):
        cleaned = re.sub(r"\s", "", cleaned)
    if "," in cleaned:
        if "." in cleaned or cleaned.count(",") > 1:
            return None
        cleaned = cleaned.replace(",", ".")
    if not _NUMBER.match(cleaned):
        return None
    value = float(cleaned)
    return value if value not in (float("inf"), float("-inf")) else None


def response_to_json(response: Response) -> dict[str, Any]:
    """A plain dict for storage; `response_from_json` reads it back."""
    match response:
        case ChoiceResponse(picked):
            return {"kind": "choice", "picked": sorted(picked)}
        case TrueFalseResponse(value):
            return {"kind": "true_false", "value": value}
        case MatchingResponse(answers):
            return {"kind": "matching", "answers": list(answers)}
        case OrderingResponse(order):
            return {"kind": "ordering", "order": list(order)}
        case TextResponse(text):
            return {"kind": "text", "text": text}
        case ClozeResponse(values):
            return {"kind": "cloze", "values": list(values)}
        case HotspotResponse(x, y):
            return {"kind": "hotspot", "x": x, "y": y}
        case EssayResponse(text):
            return {"kind": "essay", "text": text}
    raise TypeError(f"not a response: {response!r}")


def response_from_json(data: dict[str, Any]) -> Response:
    """The response stored by `response_to_json`. Raises ValueError on anything else."""
    try:
        kind = data["kind"]
        if kind == "choice":
            return ChoiceResponse(frozenset(int(i) for i in data["picked"]))
        if kind == "true_false":
            return TrueFalseResponse(bool(data["value"]))
        if kind == "matching":
            return MatchingResponse(tuple(None if a is None else str(a) for a in data["answers"]))
        if kind == "ordering":
            return OrderingResponse(tuple(int(i) for i in data["order"]))
        if kind == "text":
            return TextResponse(str(data["text"]))
        if kind == "cloze":
            return ClozeResponse(tuple(v if v is None or isinstance(v, int) else str(v) for v in data["values"]))
        if kind == "hotspot":
            return HotspotResponse(float(data["x"]), float(data["y"]))
        if kind == "essay":
            text = data["text"]
            if not isinstance(text, str):
                raise TypeError("an essay is a text")
            return EssayResponse(text)
    except (KeyError, TypeError, ValueError, OverflowError) as error:  # OverflowError: int() of an infinity
        raise ValueError(f"damaged response: {error}") from error
    raise ValueError(f"unknown response kind {data.get('kind')!r}")
