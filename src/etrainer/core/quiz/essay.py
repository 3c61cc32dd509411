"""Essay (reflection) questions: counting words, the word range, and marking with a rubric.

An essay is never right or wrong by itself: `core.quiz.grading.grade` leaves it *pending* until a
methodist marks it. A mark (`EssayMark`) is points out of the essay's maximum, optionally the level picked
for each rubric criterion, a comment, the date and who marked it. Rules (docs/authoring-quizzes.md):

- the quiz's automatic score is computed over the questions that grade themselves; essays are left out;
- a submitted essay counts as answered for passing and for module completion; its mark does not change
  whether the quiz was passed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from etrainer.core.quiz.model import Criterion, Essay
from etrainer.i18n import QT_TRANSLATE_NOOP

_WORD = re.compile(r"[^\W_]+(?:['ʼ’-][^\W_]+)*")
"""A word: letters and digits, with an apostrophe or hyphen inside (ʼ is a letter in Ukrainian)."""

TOO_SHORT = QT_TRANSLATE_NOOP("Quiz", "Write at least {min} words (now {words}).")
TOO_LONG = QT_TRANSLATE_NOOP("Quiz", "Write at most {max} words (now {words}).")
EMPTY = QT_TRANSLATE_NOOP("Quiz", "Write your answer first.")
MAX_ESSAY_CHARS = 20_000
"""The longest essay a learner may submit (and a progress file may carry)."""


def count_words(text: str) -> int:
    """Words in `text`: «пенсійний фонд — це ПФУ» has 4 (a dash alone is not a word)."""
    return len(_WORD.findall(text))


def word_problem(essay: Essay | None, text: str) -> tuple[str, dict[str, int]] | None:
    """(template, params) when `text` is empty or outside the essay's word range; None when it may be sent."""
    words = count_words(text)
    if not words:
        return EMPTY, {}
    if essay is not None and essay.min_words is not None and words < essay.min_words:
        return TOO_SHORT, {"min": essay.min_words, "words": words}
    if essay is not None and essay.max_words is not None and words > essay.max_words:
        return TOO_LONG, {"max": essay.max_words, "words": words}
    return None


@dataclass(frozen=True, slots=True)
class LevelPick:
    """The level the methodist picked for one rubric criterion."""

    criterion: str
    level: str
    points: float


@dataclass(frozen=True, slots=True)
class EssayMark:
    points: float
    max_points: float
    levels: tuple[LevelPick, ...] = ()
    comment: str = ""
    graded_at: datetime | None = None
    grader: str = ""


def points_from_levels(rubric: Sequence[Criterion],
                       picked: Sequence[int | None]) -> tuple[float, tuple[LevelPick, ...]]:
    """The points and the picks for level index `picked[i]` of criterion i (None: not picked yet, 0 points)."""
    picks: list[LevelPick] = []
    for criterion, index in zip(rubric, picked, strict=False):
        if index is None or not 0 <= index < len(criterion.levels):
            continue
        level = criterion.levels[index]
        picks.append(LevelPick(criterion.title, level.title, level.points))
    return sum(p.points for p in picks), tuple(picks)


def points_in_range(points: float, max_points: float) -> bool:
    return 0 <= points <= max_points + 1e-9


def format_points(points: float) -> str:
    """`7`, `7.5`: no trailing zeros."""
    return f"{points:g}"


@dataclass(frozen=True, slots=True)
class SentEssay:
    """An essay as the methodist's workspace holds it: who wrote it where, the text, and its mark if any."""

    id: int
    """The workspace's number for it (what `etrainer workspace grade --essay` takes)."""
    uid: str
    """The response uid from the learner's progress file."""
    learner_uid: str
    learner_name: str
    module_id: str | None
    quiz_id: str
    question_id: str
    text: str
    words: int
    submitted_at: datetime
    max_points: float
    mark: EssayMark | None = None
    grade_uid: str = ""
    sent: bool = False
    """The mark has gone out in a feedback file (False: a new mark to send, or no mark)."""
    course_id: str = ""

    @property
    def status(self) -> str:
        """"pending" (not marked yet) or "graded"."""
        return "graded" if self.mark is not None else "pending"
