"""The classroom quiz: one big question for a room that votes by a show of hands or plays in teams.

Only questions a room can answer by raising hands take part: single choice, multiple choice,
true/false and ordering (`CLASSROOM_KINDS`) with at most `len(LETTERS)` options or items; they are
lettered А Б В Г Д Е. An ordering question's items are shown shuffled; each option knows its `rank`
(its place in the right order). With hands the trainer counts, per item, the hands of those who put it
first (what the phones count too); in a team game the trainer gives each team points after the reveal.
A question goes QUESTION → VOTING (a countdown on an injected clock) → REVEALED;
the trainer types the hands per option (`TallyMode.HANDS`) or each team's points (`TallyMode.TEAMS`).
The session summary belongs to the trainer: it is saved as a file (core.classroom.summary) and is
never written into any learner's progress.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from etrainer.core.ids import QuestionId
from etrainer.core.quiz.draw import resolve_pools
from etrainer.core.quiz.grading import FALSE, TRUE
from etrainer.core.quiz.model import Question, QuestionKind, Quiz

Clock = Callable[[], float]
"""Monotonic seconds (time.monotonic in the app, a fake in tests)."""

CLASSROOM_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE,
                             QuestionKind.ORDERING})
LETTERS = ("А", "Б", "В", "Г", "Д", "Е")
"""Ukrainian option letters; a question with more options than letters is left out."""
DEFAULT_SECONDS = 30
MIN_SECONDS, MAX_SECONDS = 5, 600
DEFAULT_COUNT = 5
MAX_TEAMS = 12


class Stage(Enum):
    QUESTION = "question"
    """The question is shown; the room reads it."""
    VOTING = "voting"
    """The countdown runs (or has run out): hands up."""
    REVEALED = "revealed"
    """The right answer and the explanation are shown."""
    FINISHED = "finished"


class TallyMode(Enum):
    HANDS = "hands"
    """The trainer counts raised hands per option."""
    TEAMS = "teams"
    """The trainer gives each team points for the question."""


class Countdown:
    """Seconds counting down on an injected clock; it can pause. A QTimer only asks it again."""

    def __init__(self, seconds: float, clock: Clock, elapsed: float = 0.0) -> None:
        self.seconds = float(seconds)
        self._clock = clock
        self._spent = max(0.0, float(elapsed))
        self._started: float | None = None

    @property
    def running(self) -> bool:
        return self._started is not None

    def start(self) -> None:
        if self._started is None:
            self._started = self._clock()

    def pause(self) -> None:
        if self._started is not None:
            self._spent += self._clock() - self._started
            self._started = None

    def restart(self, seconds: float | None = None) -> None:
        """Back to the full time (or `seconds`), stopped."""
        if seconds is not None:
            self.seconds = float(seconds)
        self._spent, self._started = 0.0, None

    def elapsed(self) -> float:
        running = self._clock() - self._started if self._started is not None else 0.0
        return min(self.seconds, self._spent + running)

    def remaining(self) -> float:
        return max(0.0, self.seconds - self.elapsed())

    def expired(self) -> bool:
        return self.remaining() <= 1e-6


def format_clock(seconds: float) -> str:
    """Whole seconds left, rounded up, as m:ss ("0:30", "20:00")."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


@dataclass(frozen=True, slots=True)
class ClassroomOption:
    letter: str
    text: str
    """Markdown course text; for true/false the TRUE/FALSE marker (translate it in the "Quiz" context)."""
    correct: bool
    """Choice: a right option. Ordering: the item that comes first (its hands are the right ones)."""
    translatable: bool = False
    rank: int = 0
    """Ordering only: the item's place in the right order (1-based); 0 for a choice option."""


@dataclass(frozen=True, slots=True)
class ClassroomQuestion:
    question_id: QuestionId
    kind: QuestionKind
    text: str
    """Markdown."""
    options: tuple[ClassroomOption, ...]
    explanation: str = ""
    source: str = ""

    @property
    def right_letters(self) -> tuple[str, ...]:
        """The right options in letter order; for an ordering question, the letters in the right order."""
        if self.kind is QuestionKind.ORDERING:
            return tuple(option.letter for option in sorted(self.options, key=lambda option: option.rank))
        return tuple(option.letter for option in self.options if option.correct)


def suits_classroom(question: Question) -> bool:
    """Whether a room can answer `question` by raising hands (a kind in CLASSROOM_KINDS, ≤ 6 options)."""
    if question.kind is QuestionKind.TRUE_FALSE:
        return question.true_false is not None
    if question.kind is QuestionKind.ORDERING:
        return 2 <= len(question.ordering) <= len(LETTERS)
    return (question.kind in CLASSROOM_KINDS and 2 <= len(question.answers) <= len(LETTERS)
            and any(answer.fraction > 0 for answer in question.answers))


def eligible_questions(quiz: Quiz, quizzes: Sequence[Quiz] = ()) -> list[Question]:
    """The questions of `quiz` (with pools drawing from `quizzes` resolved) that suit a classroom."""
    return [q for q in resolve_pools(quiz, quizzes).questions if suits_classroom(q)]


def classroom_question(question: Question, rng: random.Random | None = None,
                       shuffle: bool = False) -> ClassroomQuestion:
    """`question` lettered for the room; choice options are shuffled with `rng` when `shuffle`. Ordering items
    are always shown out of order (shuffled with `rng`, or turned by one place without it)."""
    if question.kind is QuestionKind.ORDERING:
        return _ordering_question(question, rng)
    if question.kind is QuestionKind.TRUE_FALSE and question.true_false is not None:
        right = question.true_false.correct
        options = (ClassroomOption(LETTERS[0], TRUE, right, True), ClassroomOption(LETTERS[1], FALSE, not right, True))
    else:
        order = list(range(len(question.answers)))
        if shuffle and rng is not None:
            rng.shuffle(order)
        options = tuple(ClassroomOption(letter, question.answers[i].text, question.answers[i].fraction > 0)
                        for letter, i in zip(LETTERS, order, strict=False))
    return ClassroomQuestion(question.id, question.kind, question.text, options, question.explanation,
                             question.source)


def _ordering_question(question: Question, rng: random.Random | None) -> ClassroomQuestion:
    items = question.ordering[: len(LETTERS)]
    order = list(range(len(items)))
    if rng is not None:
        rng.shuffle(order)
    if order == sorted(order) and len(order) > 1:  # shown in the right order, it would give the answer away
        order = order[1:] + order[:1]
    options = tuple(ClassroomOption(letter, items[i], i == 0, rank=i + 1) for letter, i in zip(LETTERS, order,
                                                                                                strict=False))
    return ClassroomQuestion(question.id, question.kind, question.text, options, question.explanation,
                             question.source)


def pick_questions(quiz: Quiz, count: int, rng: random.Random,
                   quizzes: Sequence[Quiz] = ()) -> tuple[ClassroomQuestion, ...]:
    """`count` suitable questions drawn at random (kept in quiz order), options shuffled as the quiz says."""
    pool = eligible_questions(quiz, quizzes)
    chosen = sorted(rng.sample(range(len(pool)), min(max(count, 0), len(pool))))
    return tuple(classroom_question(pool[i], rng, quiz.shuffle_options and pool[i].shuffle) for i in chosen)


def parse_teams(text: str) -> tuple[str, ...]:
    """Team names from one name a line (or comma-separated), blanks and repeats dropped, at most MAX_TEAMS."""
    names = [part.strip() for line in text.splitlines() for part in line.split(",")]
    return tuple(dict.fromkeys(name for name in names if name))[:MAX_TEAMS]


@dataclass(frozen=True, slots=True)
class ClassroomSettings:
    count: int = DEFAULT_COUNT
    seconds: int = DEFAULT_SECONDS
    mode: TallyMode = TallyMode.HANDS
    teams: tuple[str, ...] = ()
    """Team names; needed in TEAMS mode."""

    def __post_init__(self) -> None:
        if not MIN_SECONDS <= self.seconds <= MAX_SECONDS:
            raise ValueError(f"seconds must be {MIN_SECONDS}..{MAX_SECONDS}, not {self.seconds}")
        if self.mode is TallyMode.TEAMS and not self.teams:
            raise ValueError("a team game needs at least one team")


@dataclass(frozen=True, slots=True)
class QuestionResult:
    question: ClassroomQuestion
    hands: tuple[int, ...]
    """Raised hands per option, in option order (HANDS mode)."""
    points: tuple[int, ...]
    """Points per team, in team order (TEAMS mode)."""
    revealed: bool

    def share_right(self, mode: TallyMode) -> float | None:
        """HANDS: the share of raised hands that went to right options (ordering: to the item that comes
        first); TEAMS: the share of teams that
        scored. None when there is nothing to count."""
        if mode is TallyMode.TEAMS:
            return sum(1 for p in self.points if p > 0) / len(self.points) if self.points else None
        total = sum(self.hands)
        right = sum(h for h, option in zip(self.hands, self.question.options, strict=False) if option.correct)
        return right / total if total else None


@dataclass(frozen=True, slots=True)
class PhoneQuestion:
    """One question as the phones answered it (classroom voting): who answered, who was right, per option."""

    answered: int
    right: int
    per_option: tuple[int, ...]
    """How many chose each option (ordering: how many put the item first)."""
    orders: tuple[tuple[str, int], ...] = ()
    """Ordering only: each order given, as letters ("БАВГ"), with how many gave it, most frequent first."""


@dataclass(frozen=True, slots=True)
class PhoneResults:
    """Voting from phones (core.classroom.voting): per question in session order (None: not opened for the
    phones), and the final scoreboard as (place, nickname, points). The nicknames live only here."""

    participants: int
    questions: tuple[PhoneQuestion | None, ...]
    scoreboard: tuple[tuple[int, str, int], ...]


@dataclass(frozen=True, slots=True)
class ClassroomSummary:
    title: str
    started: str
    """ISO date and time the session began (local time)."""
    seconds: int
    mode: TallyMode
    teams: tuple[str, ...]
    results: tuple[QuestionResult, ...]
    phones: PhoneResults | None = None
    """Set when the room voted from phones."""

    def team_totals(self) -> tuple[tuple[str, int], ...]:
        """(team, points) from the most points down; ties keep the team order."""
        totals = [(team, sum(r.points[i] for r in self.results if i < len(r.points)))
                  for i, team in enumerate(self.teams)]
        return tuple(sorted(totals, key=lambda pair: -pair[1]))


class ClassroomSession:
    """One classroom quiz, question by question. Nothing here touches learners or storage."""

    def __init__(self, title: str, questions: Sequence[ClassroomQuestion], settings: ClassroomSettings,
                 clock: Clock = time.monotonic, started: str | None = None) -> None:
        if not questions:
            raise ValueError("a classroom quiz needs at least one question")
        self.title = title
        self.questions = tuple(questions)
        self.settings = settings
        self.started = started or datetime.now().replace(microsecond=0).isoformat()
        self.countdown = Countdown(settings.seconds, clock)
        self._index = 0
        self._stage = Stage.QUESTION
        self._hands = [[0] * len(q.options) for q in self.questions]
        self._points = [[0] * len(settings.teams) for _ in self.questions]
        self._revealed = [False] * len(self.questions)

    @property
    def stage(self) -> Stage:
        return self._stage

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> ClassroomQuestion:
        return self.questions[self._index]

    @property
    def is_last(self) -> bool:
        return self._index == len(self.questions) - 1

    def start_voting(self) -> None:
        """QUESTION → VOTING with the countdown running; in VOTING it pauses or resumes the countdown."""
        if self._stage is Stage.QUESTION:
            self._stage = Stage.VOTING
            self.countdown.restart()
            self.countdown.start()
        elif self._stage is Stage.VOTING and not self.countdown.expired():
            (self.countdown.pause if self.countdown.running else self.countdown.start)()

    def time_up(self) -> bool:
        return self._stage is Stage.VOTING and self.countdown.expired()

    def reveal(self) -> None:
        if self._stage in (Stage.QUESTION, Stage.VOTING):
            self.countdown.pause()
            self._stage = Stage.REVEALED
            self._revealed[self._index] = True

    def next_question(self) -> None:
        """On to the next question (skipping is allowed), or FINISHED after the last."""
        if self._stage is Stage.FINISHED:
            return
        self.countdown.restart()
        if self.is_last:
            self._stage = Stage.FINISHED
        else:
            self._index += 1
            self._stage = Stage.QUESTION

    def finish(self) -> None:
        self.countdown.pause()
        self._stage = Stage.FINISHED

    def set_hands(self, letter: str, count: int) -> None:
        options = [o.letter for o in self.current.options]
        self._hands[self._index][options.index(letter)] = max(0, int(count))

    def hands(self) -> tuple[int, ...]:
        return tuple(self._hands[self._index])

    def set_points(self, team: str, points: int) -> None:
        self._points[self._index][self.settings.teams.index(team)] = max(0, int(points))

    def points(self) -> tuple[int, ...]:
        return tuple(self._points[self._index])

    def summary(self) -> ClassroomSummary:
        results = tuple(QuestionResult(q, tuple(self._hands[i]), tuple(self._points[i]), self._revealed[i])
                        for i, q in enumerate(self.questions))
        return ClassroomSummary(self.title, self.started, self.settings.seconds, self.settings.mode,
                                self.settings.teams, results)
