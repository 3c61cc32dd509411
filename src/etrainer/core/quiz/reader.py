"""Reading one question of a `*.quiz.yaml` file (format: docs/authoring-quizzes.md).

`QuestionReader.read(item)` turns one `questions:` list item (a LineDict from yamlfile) into a
`Question`, or reports every problem with its exact line through `report(line, message, warning)`
and returns None, so that the loader skips the broken question and keeps the others.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from etrainer.core.ids import QuestionId, is_valid_id
from etrainer.core.quiz.checks import region_problem, validate_question
from etrainer.core.quiz.model import (
    MAX_PARTS,
    MAX_POLYGON_POINTS,
    Answer,
    Circle,
    Cloze,
    Criterion,
    Essay,
    Gap,
    GapKind,
    Hotspot,
    Matching,
    MatchPair,
    Numerical,
    NumericAnswer,
    Polygon,
    Question,
    QuestionKind,
    Rect,
    Region,
    RubricLevel,
    TrueFalse,
)
from etrainer.core.yamlfile import LineDict, LineList, line_of

Report = Callable[[int, str, bool], None]
ImageCheck = Callable[[str, int], tuple[Path, tuple[int, int] | None] | None]
"""(name as written, line) → (resolved path, (width, height) if known), or None after reporting."""
MAX_IMAGE_SIDE = 20000

COMMON_KEYS = frozenset({"id", "type", "title", "text", "category", "explanation", "source", "shuffle"})
KIND_KEYS: dict[QuestionKind, frozenset[str]] = {
    QuestionKind.SINGLE_CHOICE: frozenset({"options"}),
    QuestionKind.MULTIPLE_CHOICE: frozenset({"options"}),
    QuestionKind.TRUE_FALSE: frozenset({"correct", "feedback_true", "feedback_false"}),
    QuestionKind.MATCHING: frozenset({"pairs", "distractors"}),
    QuestionKind.ORDERING: frozenset({"items"}),
    QuestionKind.SHORT_ANSWER: frozenset({"answers"}),
    QuestionKind.NUMERICAL: frozenset({"answers", "wrong_feedback"}),
    QuestionKind.CLOZE: frozenset({"gaps"}),
    QuestionKind.HOTSPOT: frozenset({"image", "regions"}),
    QuestionKind.ESSAY: frozenset({"min_words", "max_words", "rubric", "model_answer", "points"}),
    QuestionKind.DESCRIPTION: frozenset(),
}
#: Where each part named by a QuestionIssue lives in the file.
PART_KEYS = {"answers": "answers", "pairs": "pairs", "items": "items", "gaps": "gaps", "regions": "regions",
             "text": "text", "distractors": "distractors", "words": "min_words", "points": "points",
             "rubric": "rubric"}
_PERCENT = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*%\s*$")


class QuestionReader:
    """Reads the questions of one quiz file; `image_check` finds a hotspot picture and its size."""

    def __init__(self, report: Report, image_check: ImageCheck) -> None:
        self._report = report
        self._image_check = image_check
        self._errors = 0

    def error(self, line: int, message: str) -> None:
        self._errors += 1
        self._report(line, message, False)

    def warn(self, line: int, message: str) -> None:
        self._report(line, message, True)

    # -- one question -----------------------------------------------------------------------------
    def read(self, item: Any, line: int) -> Question | None:
        if not isinstance(item, LineDict):
            self.error(line, "a question must be a set of `key: value` lines starting with `- id: …`")
            return None
        errors_before = self._errors
        qid = item.get("id")
        if qid is None:
            self.error(item.line, "the question has no id: add a line like `id: my-question`")
        elif not is_valid_id(qid):
            self.error(item.line_of("id"), f"bad question id “{qid}”: use 2–80 lower-case Latin letters, digits "
                                           "and hyphens, starting with a letter")
        kind_name = item.get("type")
        kinds = ", ".join(k.value for k in QuestionKind)
        try:
            kind = QuestionKind(kind_name)
        except ValueError:
            self.error(item.line_of("type"), f"unknown question type “{kind_name or ''}”: use one of {kinds}"
                       if kind_name is not None else f"the question has no type: use one of {kinds}")
            return None
        for key in item:
            if key not in COMMON_KEYS and key not in KIND_KEYS[kind]:
                self.warn(item.line_of(key), f"unknown key “{key}” for a {kind.value} question (ignored)")
        text = self.text(item, "text", required=True)
        details = self._details(kind, item)
        if self._errors > errors_before or details is None:
            return None
        question = Question(
            id=QuestionId(str(qid)), kind=kind, text=text, title=self.text(item, "title"),
            category=self.text(item, "category"), explanation=self.text(item, "explanation"),
            source=self.text(item, "source"), shuffle=self.flag(item, "shuffle", True), line=item.line, **details)
        for issue in validate_question(question):
            container = item.get(PART_KEYS.get(issue.part, issue.part))
            if issue.part == "answers" and kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
                container = item.get("options")
                at = line_of(item, "options", item.line)
            else:
                at = line_of(item, PART_KEYS.get(issue.part, issue.part), item.line)
            if issue.index is not None and isinstance(container, LineList):
                at = container.line_of(issue.index)
            self.error(at, issue.message)
        return question if self._errors == errors_before else None

    def _details(self, kind: QuestionKind, item: LineDict) -> dict[str, Any] | None:
        if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
            return {"answers": self.options(item, "options", multiple=kind is QuestionKind.MULTIPLE_CHOICE)}
        if kind is QuestionKind.SHORT_ANSWER:
            return {"answers": self.accepted(item, "answers")}
        if kind is QuestionKind.TRUE_FALSE:
            correct = item.get("correct")
            if not isinstance(correct, bool):
                self.error(item.line_of("correct"), "say whether the statement is true: `correct: true` or "
                                                    "`correct: false`")
                return None
            return {"true_false": TrueFalse(correct, self.text(item, "feedback_true"),
                                            self.text(item, "feedback_false"))}
        if kind is QuestionKind.NUMERICAL:
            return {"numerical": Numerical(self.numbers(item, "answers"), self.text(item, "wrong_feedback"))}
        if kind is QuestionKind.MATCHING:
            return {"matching": Matching(self.pairs(item), tuple(self.strings(item, "distractors")))}
        if kind is QuestionKind.ORDERING:
            return {"ordering": tuple(self.strings(item, "items", required=True))}
        if kind is QuestionKind.CLOZE:
            return {"cloze": Cloze(self.gaps(item))}
        if kind is QuestionKind.ESSAY:
            return {"essay": self.essay(item)}
        if kind is QuestionKind.DESCRIPTION:
            return {}
        return self.hotspot(item)

    def essay(self, item: LineDict) -> Essay:
        words = [self.whole(item, key) for key in ("min_words", "max_words")]
        points = self.number_value(item["points"], item.line_of("points")) if "points" in item else None
        rubric = []
        for entry, line in self.items(item, "rubric", required=False):
            if not isinstance(entry, LineDict):
                self.error(line, "a rubric criterion is `- criterion: …` with `levels:` (each `- title: …` "
                                 "and `points: …`)")
                continue
            self.known(entry, {"criterion", "levels"})
            levels = []
            for level, level_line in self.items(entry, "levels"):
                if not isinstance(level, LineDict):
                    self.error(level_line, "a level is `- title: …` with `points: …`")
                    continue
                self.known(level, {"title", "points"})
                value = self.number_value(level.get("points"), level.line_of("points"))
                levels.append(RubricLevel(self.text(level, "title", required=True), value or 0.0))
            rubric.append(Criterion(self.text(entry, "criterion", required=True), tuple(levels)))
        return Essay(words[0], words[1], tuple(rubric), self.text(item, "model_answer"), points)

    def whole(self, parent: LineDict, key: str) -> int | None:
        if key not in parent:
            return None
        value = parent[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.error(parent.line_of(key), f"`{key}: {value}` must be a whole number of words")
            return None
        return value

    # -- parts ------------------------------------------------------------------------------------
    def items(self, parent: LineDict, key: str, *, required: bool = True) -> list[tuple[Any, int]]:
        value = parent.get(key)
        if value is None:
            if required:
                self.error(parent.line_of(key), f"the question needs `{key}:` with a list")
            return []
        if not isinstance(value, LineList):
            self.error(parent.line_of(key), f"`{key}:` must be a list (lines starting with `- `)")
            return []
        if len(value) > MAX_PARTS:
            self.error(parent.line_of(key), f"`{key}:` has {len(value)} entries; the limit is {MAX_PARTS}")
            return []
        return [(entry, value.line_of(index)) for index, entry in enumerate(value)]

    def options(self, parent: LineDict, key: str, *, multiple: bool) -> tuple[Answer, ...]:
        raw: list[tuple[str, bool, float | None, str]] = []
        for entry, line in self.items(parent, key):
            if isinstance(entry, str | int | float) and not isinstance(entry, bool):
                raw.append((str(entry), False, None, ""))
            elif isinstance(entry, LineDict):
                self.known(entry, {"text", "correct", "fraction", "feedback"})
                correct = entry.get("correct", False)
                if not isinstance(correct, bool):
                    self.error(entry.line_of("correct"), "`correct:` is `true` or `false`")
                raw.append((self.text(entry, "text", required=True), correct is True,
                            self.fraction(entry, "fraction"), self.text(entry, "feedback")))
            else:
                self.error(line, "an option is a text, or `text:` with `correct:` and `feedback:`")
        right = sum(1 for _, correct, fraction, _ in raw if correct and fraction is None) or 1
        explicit = any(fraction is not None for *_, fraction, _ in raw)
        wrong = -1 / right if multiple and not explicit else 0.0
        good = 1 / right if multiple else 1.0
        return tuple(Answer(text, fraction if fraction is not None else (good if correct else wrong), feedback)
                     for text, correct, fraction, feedback in raw)

    def accepted(self, parent: LineDict, key: str) -> tuple[Answer, ...]:
        answers = []
        for entry, line in self.items(parent, key):
            if isinstance(entry, str | int | float) and not isinstance(entry, bool):
                answers.append(Answer(str(entry), 1.0))
            elif isinstance(entry, LineDict):
                self.known(entry, {"text", "fraction", "feedback"})
                fraction = self.fraction(entry, "fraction")
                answers.append(Answer(self.text(entry, "text", required=True), 1.0 if fraction is None else fraction,
                                      self.text(entry, "feedback")))
            else:
                self.error(line, "an accepted answer is a text, or `text:` with `fraction:` and `feedback:`")
        return tuple(answers)

    def numbers(self, parent: LineDict, key: str) -> tuple[NumericAnswer, ...]:
        answers = []
        for entry, line in self.items(parent, key):
            if not isinstance(entry, LineDict):
                value = self.number_value(entry, line)
                if value is not None:
                    answers.append(NumericAnswer(value))
                continue
            self.known(entry, {"value", "tolerance", "min", "max", "fraction", "feedback"})
            fraction = self.fraction(entry, "fraction")
            fraction = 1.0 if fraction is None else fraction
            feedback = self.text(entry, "feedback")
            if "min" in entry or "max" in entry:
                low = self.number_value(entry.get("min"), entry.line_of("min"))
                high = self.number_value(entry.get("max"), entry.line_of("max"))
                if low is not None and high is not None:
                    if low > high:
                        self.error(entry.line_of("min"), f"the range {low:g}..{high:g} is empty: `min` is above `max`")
                    answers.append(NumericAnswer((low + high) / 2, (high - low) / 2, fraction, feedback))
                continue
            value = self.number_value(entry.get("value"), entry.line_of("value"))
            tolerance = self.number_value(entry.get("tolerance", 0), entry.line_of("tolerance"))
            if value is not None and tolerance is not None:
                answers.append(NumericAnswer(value, tolerance, fraction, feedback))
        return tuple(answers)

    def pairs(self, parent: LineDict) -> tuple[MatchPair, ...]:
        pairs = []
        for entry, line in self.items(parent, "pairs"):
            if not isinstance(entry, LineDict):
                self.error(line, "a pair is `- prompt: …` with `answer: …` on the next line")
                continue
            self.known(entry, {"prompt", "answer"})
            prompt = self.text(entry, "prompt", required=True)
            pairs.append(MatchPair(prompt, self.text(entry, "answer", required=True)))
        return tuple(pairs)

    def strings(self, parent: LineDict, key: str, *, required: bool = False) -> list[str]:
        values = []
        for entry, line in self.items(parent, key, required=required):
            if isinstance(entry, str | int | float) and not isinstance(entry, bool):
                values.append(str(entry))
            else:
                self.error(line, f"each entry of `{key}:` is a text")
        return values

    def gaps(self, parent: LineDict) -> tuple[Gap, ...]:
        gaps = []
        for entry, line in self.items(parent, "gaps"):
            if not isinstance(entry, LineDict):
                self.error(line, "a gap is `- type: short_answer|numerical|choice` with its answers or options")
                continue
            kind_name = entry.get("type", "short_answer")
            try:
                kind = GapKind(kind_name)
            except ValueError:
                self.error(entry.line_of("type"), f"unknown gap type “{kind_name}”: use short_answer, numerical "
                                                  "or choice")
                continue
            if kind is GapKind.CHOICE:
                self.known(entry, {"type", "options"})
                gaps.append(Gap(kind, answers=self.options(entry, "options", multiple=False)))
            elif kind is GapKind.NUMERICAL:
                self.known(entry, {"type", "answers"})
                gaps.append(Gap(kind, numbers=self.numbers(entry, "answers")))
            else:
                self.known(entry, {"type", "answers"})
                gaps.append(Gap(kind, answers=self.accepted(entry, "answers")))
        return tuple(gaps)

    def hotspot(self, item: LineDict) -> dict[str, Any] | None:
        name = self.text(item, "image", required=True)
        found = self._image_check(name, item.line_of("image")) if name else None
        regions: list[Region] = []
        for entry, line in self.items(item, "regions"):
            region = self.region(entry, line)
            if region is None:
                continue
            regions.append(region)
            size = found[1] if found else None
            width, height = size if size else (MAX_IMAGE_SIDE, MAX_IMAGE_SIDE)
            _, _, x2, y2 = region.bounds()
            if x2 > width or y2 > height:
                where = f"the picture ({width}×{height} pixels)" if size else "any plausible picture"
                self.error(line, f"the region reaches beyond {where}: coordinates are pixels from the "
                                 "top-left corner")
        return {"hotspot": Hotspot(found[0], tuple(regions))} if found is not None else None

    def region(self, entry: Any, line: int) -> Region | None:
        shapes = ("rect", "circle", "polygon")
        if not isinstance(entry, LineDict) or len(entry) != 1 or next(iter(entry)) not in shapes:
            self.error(line, "a region is `- rect: {x: …, y: …, w: …, h: …}`, `- circle: {x: …, y: …, r: …}` "
                             "or `- polygon: [[x, y], [x, y], [x, y]]`")
            return None
        shape = next(iter(entry))
        value = entry[shape]
        if shape == "polygon":
            if not isinstance(value, list) or not 3 <= len(value) <= MAX_POLYGON_POINTS:
                self.error(line, f"a polygon is a list of 3 to {MAX_POLYGON_POINTS} `[x, y]` points")
                return None
            points = []
            for point in value if isinstance(value, list) else [None]:
                if (isinstance(point, list) and len(point) == 2
                        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in point)):
                    points.append((float(point[0]), float(point[1])))
                else:
                    self.error(line, "a polygon is a list of `[x, y]` points")
                    return None
            polygon = Polygon(tuple(points))
            problem = region_problem(polygon)
            if problem:
                self.error(line, problem)
                return None
            return polygon
        fields = ("x", "y", "w", "h") if shape == "rect" else ("x", "y", "r")
        if not isinstance(value, LineDict) or set(value) != set(fields):
            self.error(line, f"a {shape} needs exactly {', '.join(fields)}")
            return None
        numbers = [self.number_value(value[f], value.line_of(f)) for f in fields]
        if any(n is None for n in numbers):
            return None
        region = Rect(*numbers) if shape == "rect" else Circle(*numbers)  # type: ignore[arg-type]
        problem = region_problem(region)
        if problem:
            self.error(line, problem)
            return None
        return region

    # -- values -----------------------------------------------------------------------------------
    def known(self, entry: LineDict, keys: set[str]) -> None:
        for key in entry:
            if key not in keys:
                self.warn(entry.line_of(key), f"unknown key “{key}” (ignored); expected {', '.join(sorted(keys))}")

    def text(self, parent: LineDict, key: str, *, required: bool = False) -> str:
        value = parent.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(parent.line_of(key), f"`{key}:` is missing or empty")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(parent.line_of(key), f"`{key}:` must be a text")
            return ""
        return str(value).strip()

    def flag(self, parent: LineDict, key: str, default: bool) -> bool:
        value = parent.get(key, default)
        if not isinstance(value, bool):
            self.error(parent.line_of(key), f"`{key}:` is `true` or `false`")
            return default
        return value

    def fraction(self, parent: LineDict, key: str) -> float | None:
        if key not in parent:
            return None
        raw = parent[key]
        value: float | None = None
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            value = float(raw)
        elif isinstance(raw, str) and _PERCENT.match(raw):
            value = float(_PERCENT.match(raw).group(1).replace(",", ".")) / 100  # type: ignore[union-attr]
        if value is None or not math.isfinite(value) or not -1 <= value <= 1:
            self.error(parent.line_of(key), f"`{key}: {raw}` is out of range: use a number from -1 to 1 "
                                            "or a percentage from -100% to 100%")
            return 0.0
        return value

    def number_value(self, raw: Any, line: int) -> float | None:
        if isinstance(raw, int | float) and not isinstance(raw, bool) and math.isfinite(raw):
            return float(raw)
        if isinstance(raw, str):
            try:
                value = float(raw.strip().replace(",", ".").replace("−", "-"))
            except ValueError:
                value = math.nan
            if math.isfinite(value):
                return value
        self.error(line, f"“{raw}” is not a number" if raw is not None else "a number is missing")
        return None
