"""Quiz questions and quizzes: the model, with the checks every source of questions shares.

A `Question` carries its kind and the details of that kind (choices, pairs, numbers, gaps,
hot-spot regions). Grading is in `core.quiz.grading`, drawing and shuffling in `core.quiz.draw`,
the review deck in `core.quiz.review`. Fractions are grade weights: 1 is full marks, negatives are
penalties for wrong picks, and every score is clamped to 0..1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from etrainer.core.ids import LessonId, ModuleId, QuestionId, QuizId

#: Limits beyond which a quiz file or an imported bank is refused as absurd.
MAX_QUESTIONS = 5000
MAX_PARTS = 100
"""Options, accepted answers, pairs, items, gaps or regions in one question."""
MAX_POLYGON_POINTS = 200
DEFAULT_PASS_MARK = 0.8
BLANK = "_____"
"""What a missing-word question shows where the answer goes."""


class QuestionKind(Enum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"
    MATCHING = "matching"
    ORDERING = "ordering"
    SHORT_ANSWER = "short_answer"
    NUMERICAL = "numerical"
    CLOZE = "cloze"
    HOTSPOT = "hotspot"
    ESSAY = "essay"
    """A written reflection a methodist marks by hand; grading leaves it pending."""
    DESCRIPTION = "description"
    """An information page (Moodle's "description"): a text read in the quiz with «Далі»; no answer, no points."""


class FeedbackMode(Enum):
    IMMEDIATE = "immediate"
    """Right or wrong, with feedback, after each question."""
    END = "end"
    """Feedback only on the results page."""


@dataclass(frozen=True, slots=True)
class Answer:
    """An option of a choice question, or an accepted answer of a short-answer question or gap."""

    text: str
    fraction: float
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class NumericAnswer:
    """Right when |given − value| ≤ tolerance (a min..max range is value = middle, tolerance = half-width)."""

    value: float
    tolerance: float = 0.0
    fraction: float = 1.0
    feedback: str = ""

    def accepts(self, number: float) -> bool:
        slack = 1e-9 * max(1.0, abs(self.value))
        return abs(number - self.value) <= self.tolerance + slack


@dataclass(frozen=True, slots=True)
class Numerical:
    answers: tuple[NumericAnswer, ...]
    other_feedback: str = ""
    """Shown when the number matches none of the answers."""


@dataclass(frozen=True, slots=True)
class TrueFalse:
    correct: bool
    feedback_true: str = ""
    """Shown to a learner who answered «true»."""
    feedback_false: str = ""


@dataclass(frozen=True, slots=True)
class MatchPair:
    prompt: str
    answer: str


@dataclass(frozen=True, slots=True)
class Matching:
    pairs: tuple[MatchPair, ...]
    distractors: tuple[str, ...] = ()
    """Extra answers that match no prompt."""

    def choices(self) -> tuple[str, ...]:
        """Every answer a learner can pick, without repeats, in file order."""
        return tuple(dict.fromkeys([p.answer for p in self.pairs] + list(self.distractors)))


class GapKind(Enum):
    SHORT_ANSWER = "short_answer"
    NUMERICAL = "numerical"
    CHOICE = "choice"


@dataclass(frozen=True, slots=True)
class Gap:
    """One blank of a cloze question: typed text, a typed number, or a pick from a list."""

    kind: GapKind
    answers: tuple[Answer, ...] = ()
    """Accepted texts (SHORT_ANSWER) or the options of the list (CHOICE)."""
    numbers: tuple[NumericAnswer, ...] = ()
    """Accepted numbers (NUMERICAL)."""


@dataclass(frozen=True, slots=True)
class Cloze:
    gaps: tuple[Gap, ...]
    """`Question.text` marks gap n (1-based) as `{{n}}`."""


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h

    def bounds(self) -> tuple[float, float, float, float]:
        return self.x, self.y, self.x + self.w, self.y + self.h


@dataclass(frozen=True, slots=True)
class Circle:
    x: float
    y: float
    r: float

    def contains(self, x: float, y: float) -> bool:
        return math.hypot(x - self.x, y - self.y) <= self.r

    def bounds(self) -> tuple[float, float, float, float]:
        return self.x - self.r, self.y - self.r, self.x + self.r, self.y + self.r


@dataclass(frozen=True, slots=True)
class Polygon:
    points: tuple[tuple[float, float], ...]

    def contains(self, x: float, y: float) -> bool:
        """Even-odd rule; points on an edge count as inside."""
        inside = False
        count = len(self.points)
        for index in range(count):
            (x1, y1), (x2, y2) = self.points[index], self.points[(index + 1) % count]
            if _on_segment(x, y, x1, y1, x2, y2):
                return True
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
        return inside

    def bounds(self) -> tuple[float, float, float, float]:
        xs, ys = [p[0] for p in self.points] or [0.0], [p[1] for p in self.points] or [0.0]
        return min(xs), min(ys), max(xs), max(ys)


def _on_segment(x: float, y: float, x1: float, y1: float, x2: float, y2: float) -> bool:
    cross = (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1)
    return (abs(cross) <= 1e-9 and min(x1, x2) - 1e-9 <= x <= max(x1, x2) + 1e-9
            and min(y1, y2) - 1e-9 <= y <= max(y1, y2) + 1e-9)


Region = Rect | Circle | Polygon


@dataclass(frozen=True, slots=True)
class RubricLevel:
    title: str
    points: float


@dataclass(frozen=True, slots=True)
class Criterion:
    """One row of a rubric: the methodist picks one of its levels."""

    title: str
    levels: tuple[RubricLevel, ...]

    @property
    def max_points(self) -> float:
        return max((level.points for level in self.levels), default=0.0)


DEFAULT_ESSAY_POINTS = 10.0
"""What an essay without a rubric and without `points:` is marked out of."""


@dataclass(frozen=True, slots=True)
class Essay:
    """A reflection question's details: the word range, the rubric and the model answer."""

    min_words: int | None = None
    max_words: int | None = None
    rubric: tuple[Criterion, ...] = ()
    model_answer: str = ""
    """Shown to the learner once she has submitted her answer."""
    points: float | None = None
    """The maximum when there is no rubric (default DEFAULT_ESSAY_POINTS); with a rubric, its sum."""

    @property
    def max_points(self) -> float:
        if self.rubric:
            return sum(criterion.max_points for criterion in self.rubric)
        return self.points if self.points is not None else DEFAULT_ESSAY_POINTS


@dataclass(frozen=True, slots=True)
class Hotspot:
    image: Path
    """The picture, resolved against the quiz file's folder."""
    regions: tuple[Region, ...]
    """Correct places, in the image's pixel coordinates; a click inside any of them is right."""

    def hit(self, x: float, y: float) -> bool:
        return any(region.contains(x, y) for region in self.regions)


@dataclass(frozen=True, slots=True)
class Question:
    id: QuestionId
    kind: QuestionKind
    text: str
    """Markdown. For cloze questions it holds `{{1}}`, `{{2}}` … where the gaps are."""
    title: str = ""
    category: str = ""
    answers: tuple[Answer, ...] = ()
    """Options (single/multiple choice) or accepted answers (short answer)."""
    true_false: TrueFalse | None = None
    matching: Matching | None = None
    ordering: tuple[str, ...] = ()
    """Items in their right order (ordering)."""
    numerical: Numerical | None = None
    cloze: Cloze | None = None
    hotspot: Hotspot | None = None
    essay: Essay | None = None
    explanation: str = ""
    """General feedback: why the right answer is right; shown after answering."""
    source: str = ""
    """Where the fact comes from (a law, a page), shown with the explanation."""
    shuffle: bool = True
    """False keeps the options in file order even when the quiz shuffles options."""
    line: int = 0
    """Where the question starts in its file (for messages), 0 when unknown."""


@dataclass(frozen=True, slots=True)
class Pool:
    """Draw `draw` questions at random from `question_ids`, or from all questions of quiz `from_quiz`."""

    name: str
    question_ids: tuple[QuestionId, ...]
    draw: int
    from_quiz: QuizId | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Quiz:
    id: QuizId
    title: str
    questions: tuple[Question, ...]
    module_id: ModuleId | None = None
    lesson_id: LessonId | None = None
    pass_mark: float = DEFAULT_PASS_MARK
    attempt_limit: int | None = None
    """None: unlimited attempts."""
    time_limit_minutes: int | None = None
    feedback: FeedbackMode = FeedbackMode.IMMEDIATE
    shuffle_questions: bool = False
    shuffle_options: bool = True
    pools: tuple[Pool, ...] = ()
    """When given, an attempt asks exactly what the pools draw; otherwise every question."""
    description: str = ""
    path: Path | None = None
    line: int = 0

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def passed(self, score: float) -> bool:
        return score + 1e-9 >= self.pass_mark

