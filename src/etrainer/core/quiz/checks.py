"""The checks that make a question askable, shared by the quiz-file loader and the importers.

Messages are English sentences for `etrainer check` and the import report (course problems are
shown as `file:line: message`, like the lesson loader's).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from etrainer.core.quiz.model import (
    MAX_PARTS,
    MAX_POLYGON_POINTS,
    Answer,
    Circle,
    Gap,
    GapKind,
    NumericAnswer,
    Polygon,
    Question,
    QuestionKind,
    Rect,
)

GAP_MARK = re.compile(r"\{\{\s*(\d+)\s*\}\}")
FULL = 1 - 1e-4


@dataclass(frozen=True, slots=True)
class QuestionIssue:
    """A problem in one question. `part` names the offending field (`answers`, `pairs`, `items`,
    `gaps`, `regions`, `text`) and `index` the item in it, so a loader can point at its line."""

    part: str
    index: int | None
    message: str


def validate_question(question: Question) -> list[QuestionIssue]:
    """Problems that make `question` unusable; an empty list means it can be asked and graded."""
    issues: list[QuestionIssue] = []
    if not question.text.strip():
        issues.append(QuestionIssue("text", None, "the question has no text"))
    found: list[QuestionIssue] = []
    _CHECKS[question.kind](question, found)
    return issues + found


def _choices(question: Question, issues: list[QuestionIssue]) -> None:
    _check_answers(question.answers, "answers", issues, minimum=2, what="options")
    if issues:
        return
    if question.kind is QuestionKind.SINGLE_CHOICE:
        if not any(a.fraction >= FULL for a in question.answers):
            issues.append(QuestionIssue("answers", None, "no option is marked correct"))
        return
    positive = sum(a.fraction for a in question.answers if a.fraction > 0)
    if positive <= 0:
        issues.append(QuestionIssue("answers", None, "no option is marked correct"))
    elif positive < FULL:
        issues.append(QuestionIssue("answers", None, f"the right options add up to {positive * 100:g} %, "
                                                     "so nobody can get full marks"))


def _short_answer(question: Question, issues: list[QuestionIssue]) -> None:
    _check_answers(question.answers, "answers", issues, minimum=1, what="accepted answers")
    if not issues and not any(a.fraction >= FULL for a in question.answers):
        issues.append(QuestionIssue("answers", None, "no accepted answer gives full marks"))


def _true_false(question: Question, issues: list[QuestionIssue]) -> None:
    if question.true_false is None:
        issues.append(QuestionIssue("answers", None, "say whether the statement is true: `correct: true` or false"))


def _numerical(question: Question, issues: list[QuestionIssue]) -> None:
    answers = question.numerical.answers if question.numerical else ()
    _check_numbers(answers, "answers", issues)


def _matching(question: Question, issues: list[QuestionIssue]) -> None:
    pairs = question.matching.pairs if question.matching else ()
    if len(pairs) < 2:
        issues.append(QuestionIssue("pairs", None, "a matching question needs at least 2 pairs"))
        return
    if len(pairs) + len(question.matching.distractors if question.matching else ()) > MAX_PARTS:
        issues.append(QuestionIssue("pairs", None, f"more than {MAX_PARTS} pairs: split the question"))
        return
    seen: set[str] = set()
    for index, pair in enumerate(pairs):
        if not pair.prompt.strip() or not pair.answer.strip():
            issues.append(QuestionIssue("pairs", index, "a pair needs both a prompt and an answer"))
        elif pair.prompt.strip() in seen:
            issues.append(QuestionIssue("pairs", index, f"the prompt “{pair.prompt}” appears twice"))
        seen.add(pair.prompt.strip())
    for distractor in question.matching.distractors if question.matching else ():
        if not distractor.strip():
            issues.append(QuestionIssue("distractors", None, "an extra answer is empty"))


def _ordering(question: Question, issues: list[QuestionIssue]) -> None:
    items = question.ordering
    if len(items) < 2:
        issues.append(QuestionIssue("items", None, "an ordering question needs at least 2 items"))
        return
    if len(items) > MAX_PARTS:
        issues.append(QuestionIssue("items", None, f"more than {MAX_PARTS} items: split the question"))
        return
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not item.strip():
            issues.append(QuestionIssue("items", index, "an item is empty"))
        elif item.strip() in seen:
            issues.append(QuestionIssue("items", index, f"the item “{item}” appears twice, so the order is ambiguous"))
        seen.add(item.strip())


def _cloze(question: Question, issues: list[QuestionIssue]) -> None:
    gaps = question.cloze.gaps if question.cloze else ()
    if not gaps:
        issues.append(QuestionIssue("gaps", None, "a cloze question needs at least one gap"))
        return
    if len(gaps) > MAX_PARTS:
        issues.append(QuestionIssue("gaps", None, f"more than {MAX_PARTS} gaps: split the question"))
        return
    marks = [int(m.group(1)) for m in GAP_MARK.finditer(question.text)]
    for number in sorted(set(marks)):
        if not 1 <= number <= len(gaps):
            issues.append(QuestionIssue("text", None, f"the text has {{{{{number}}}}} but there are only "
                                                      f"{len(gaps)} gap(s)"))
        elif marks.count(number) > 1:
            issues.append(QuestionIssue("text", None, f"{{{{{number}}}}} appears more than once in the text"))
    for index, gap in enumerate(gaps):
        if index + 1 not in marks:
            issues.append(QuestionIssue("gaps", index, f"gap {index + 1} is not placed in the text: "
                                                       f"write {{{{{index + 1}}}}} where it goes"))
        _check_gap(gap, index, issues)


def _check_gap(gap: Gap, index: int, issues: list[QuestionIssue]) -> None:
    found: list[QuestionIssue] = []
    if gap.kind is GapKind.NUMERICAL:
        _check_numbers(gap.numbers, "gaps", found)
    else:
        minimum = 2 if gap.kind is GapKind.CHOICE else 1
        _check_answers(gap.answers, "gaps", found, minimum=minimum,
                       what="options" if gap.kind is GapKind.CHOICE else "accepted answers")
        if not found and not any(a.fraction >= FULL for a in gap.answers):
            found.append(QuestionIssue("gaps", index, "no answer gives full marks"))
    issues.extend(QuestionIssue("gaps", index, f"gap {index + 1}: {i.message}") for i in found)


def _hotspot(question: Question, issues: list[QuestionIssue]) -> None:
    regions = question.hotspot.regions if question.hotspot else ()
    if not regions:
        issues.append(QuestionIssue("regions", None, "a hotspot question needs at least one correct region"))
        return
    if len(regions) > MAX_PARTS:
        issues.append(QuestionIssue("regions", None, f"more than {MAX_PARTS} regions"))
        return
    for index, region in enumerate(regions):
        message = region_problem(region)
        if message:
            issues.append(QuestionIssue("regions", index, message))


def region_problem(region: Rect | Circle | Polygon) -> str:
    """Why a hotspot region cannot be used ("" when it can)."""
    if isinstance(region, Polygon):
        if not 3 <= len(region.points) <= MAX_POLYGON_POINTS:
            return f"a polygon needs 3 to {MAX_POLYGON_POINTS} points"
        values = [v for point in region.points for v in point]
    elif isinstance(region, Rect):
        values = [region.x, region.y, region.w, region.h]
        if region.w <= 0 or region.h <= 0:
            return "a rectangle needs a positive width and height"
    else:
        values = [region.x, region.y, region.r]
        if region.r <= 0:
            return "a circle needs a positive radius"
    if not all(math.isfinite(v) and v >= 0 for v in values):
        return "coordinates must be numbers ≥ 0 (pixels from the picture's top-left corner)"
    return ""


def _check_answers(answers: Sequence[Answer], part: str, issues: list[QuestionIssue], *, minimum: int,
                   what: str) -> None:
    if len(answers) < minimum:
        issues.append(QuestionIssue(part, None, f"at least {minimum} {what} are needed" if minimum > 1
                                    else f"no {what}"))
        return
    if len(answers) > MAX_PARTS:
        issues.append(QuestionIssue(part, None, f"more than {MAX_PARTS} {what}: split the question"))
        return
    for index, answer in enumerate(answers):
        if not answer.text.strip():
            issues.append(QuestionIssue(part, index, "an answer text is empty"))
        if not -1 <= answer.fraction <= 1 or not math.isfinite(answer.fraction):
            issues.append(QuestionIssue(part, index, f"the grade {answer.fraction * 100:g} % is out of range "
                                                     "(−100 % to 100 %)"))


def _check_numbers(answers: Sequence[NumericAnswer], part: str, issues: list[QuestionIssue]) -> None:
    start = len(issues)
    if not answers:
        issues.append(QuestionIssue(part, None, "no accepted number"))
        return
    if len(answers) > MAX_PARTS:
        issues.append(QuestionIssue(part, None, f"more than {MAX_PARTS} accepted numbers"))
        return
    for index, answer in enumerate(answers):
        if not (math.isfinite(answer.value) and math.isfinite(answer.tolerance)):
            issues.append(QuestionIssue(part, index, "the number is not a finite value"))
        elif answer.tolerance < 0:
            issues.append(QuestionIssue(part, index, "the tolerance cannot be negative"))
        if not -1 <= answer.fraction <= 1 or not math.isfinite(answer.fraction):
            issues.append(QuestionIssue(part, index, f"the grade {answer.fraction * 100:g} % is out of range "
                                                     "(−100 % to 100 %)"))
    if len(issues) == start and not any(a.fraction >= FULL for a in answers):
        issues.append(QuestionIssue(part, None, "no accepted number gives full marks"))


def _essay(question: Question, issues: list[QuestionIssue]) -> None:
    essay = question.essay
    if essay is None:
        issues.append(QuestionIssue("text", None, "the essay has no details"))
        return
    low, high = essay.min_words, essay.max_words
    if (low is not None and low < 0) or (high is not None and high < 1):
        issues.append(QuestionIssue("words", None, "a word count must be a whole number above 0"))
    elif low is not None and high is not None and low > high:
        issues.append(QuestionIssue("words", None, f"the word range {low}..{high} is empty: `min` is above `max`"))
    if essay.points is not None and not (math.isfinite(essay.points) and essay.points > 0):
        issues.append(QuestionIssue("points", None, "`points:` must be a number above 0"))
    if len(essay.rubric) > MAX_PARTS:
        issues.append(QuestionIssue("rubric", None, f"more than {MAX_PARTS} criteria"))
    for index, criterion in enumerate(essay.rubric):
        if not criterion.title.strip():
            issues.append(QuestionIssue("rubric", index, "a criterion has no title"))
        if len(criterion.levels) < 2:
            issues.append(QuestionIssue("rubric", index, f"the criterion “{criterion.title}” needs at least two "
                                                         "levels"))
        for level in criterion.levels:
            if not level.title.strip():
                issues.append(QuestionIssue("rubric", index, f"a level of “{criterion.title}” has no title"))
            if not math.isfinite(level.points) or level.points < 0:
                issues.append(QuestionIssue("rubric", index, f"a level of “{criterion.title}” has negative "
                                                             "or no points"))
    if essay.rubric and essay.max_points <= 0:
        issues.append(QuestionIssue("rubric", None, "the rubric gives no points at all"))


_CHECKS = {
    QuestionKind.SINGLE_CHOICE: _choices,
    QuestionKind.MULTIPLE_CHOICE: _choices,
    QuestionKind.TRUE_FALSE: _true_false,
    QuestionKind.MATCHING: _matching,
    QuestionKind.ORDERING: _ordering,
    QuestionKind.SHORT_ANSWER: _short_answer,
    QuestionKind.NUMERICAL: _numerical,
    QuestionKind.CLOZE: _cloze,
    QuestionKind.HOTSPOT: _hotspot,
    QuestionKind.ESSAY: _essay,
    QuestionKind.DESCRIPTION: lambda question, issues: None,  # only its text, which every question needs
}
