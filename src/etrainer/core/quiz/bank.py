"""An imported question bank (GIFT, Moodle XML): the questions understood and the problems found,
and the stable ids given to imported questions (from the title, transliterated, or `q-<n>`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from etrainer.core.ids import QuestionId, is_valid_id
from etrainer.core.quiz.model import Question, QuestionKind

MAX_ID_LENGTH = 60


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """Something in an imported file that was not imported; `line` is 1-based, 0 when unknown."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class ParsedBank:
    questions: list[Question] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)

    def count_by_kind(self) -> dict[QuestionKind, int]:
        counts: dict[QuestionKind, int] = {}
        for question in self.questions:
            counts[question.kind] = counts.get(question.kind, 0) + 1
        return counts


# The Ukrainian national transliteration (Cabinet of Ministers resolution № 55, 2010); the second
# form is used at the start of a word, and «зг» is «zgh». Russian-only letters follow the nearest Ukrainian sound.
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ie", "ye"), "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": ("i", "yi"), "й": ("i", "y"), "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ь": "", "ю": ("iu", "yu"), "я": ("ia", "ya"), "ы": "y", "э": "e", "ё": "e",
    "ъ": "",
}
_APOSTROPHES = "'ʼ’`‘"


def transliterate(text: str) -> str:
    """Latin letters for Ukrainian (and Russian) text; other characters are kept."""
    out: list[str] = []
    word_start = True
    previous = ""
    for char in text.lower():
        if char in _APOSTROPHES:
            continue
        value = "gh" if char == "г" and previous == "з" else _TRANSLIT.get(char)
        previous = char
        if value is None:
            out.append(char)
            word_start = not char.isalnum()
            continue
        out.append(value[1 if word_start else 0] if isinstance(value, tuple) else value)
        word_start = False
    return "".join(out)


def slugify(text: str, limit: int = MAX_ID_LENGTH) -> str:
    """An id-shaped slug of `text` (may be empty, or not start with a letter: see `make_ids`)."""
    slug = re.sub(r"[^a-z0-9]+", "-", transliterate(text)).strip("-")
    return slug[:limit].rstrip("-")


def make_ids(titles: Iterable[str], taken: Iterable[str] = ()) -> list[QuestionId]:
    """Unique question ids: the slug of each title, or `q-<n>` (n counting from 1), with `-2`, `-3` …
    added when an id is already used or in `taken`."""
    used = set(taken)
    ids: list[QuestionId] = []
    for number, title in enumerate(titles, 1):
        base = slugify(title)
        if not is_valid_id(base):
            base = f"q-{base}" if is_valid_id(f"q-{base}") and base else f"q-{number}"
        candidate, suffix = base, 2
        while candidate in used:
            candidate = f"{base[:MAX_ID_LENGTH - len(str(suffix)) - 1]}-{suffix}"
            suffix += 1
        used.add(candidate)
        ids.append(QuestionId(candidate))
    return ids


def with_ids(questions: list[Question], taken: Iterable[str] = ()) -> list[Question]:
    """`questions` with ids made by `make_ids` from their titles."""
    ids = make_ids((q.title for q in questions), taken)
    return [replace(q, id=qid) for q, qid in zip(questions, ids, strict=True)]



#: The grades Moodle allows for an answer, in percent (and their negatives); an import refuses others.
MOODLE_GRADES = (100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0, 25.0,
                 20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0)
_GRADE_SLACK = 1e-4
"""In percent: `33.3333` and `33.33333` are the same grade, `33.3` is not (Moodle refuses it too)."""


def moodle_grade_problem(percent: float) -> str | None:
    """Why `percent` is not one of Moodle's answer grades (a sentence naming the allowed ones), or None."""
    if any(abs(abs(percent) - grade) <= _GRADE_SLACK for grade in MOODLE_GRADES):
        return None
    allowed = ", ".join(f"{grade:.7g}" for grade in MOODLE_GRADES)
    return (f"the answer weight {percent:g}% is not one of Moodle's grades; use one of {allowed} "
            "(or the same with a minus)")


MEDIA_SUFFIXES = (".mp3", ".ogg", ".oga", ".wav", ".m4a", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
"""Files a question text may link to (audio, pictures); an import keeps such links."""
