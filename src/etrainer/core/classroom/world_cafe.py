"""The World Café (Світове кафе): the course's kit of questions, a session's set-up, and its rounds.

A session goes SETUP → ROUND (the timer runs) → ROTATION (time is up: hosts stay, everyone else
moves to the next table; the hosts' notes of the round are typed in) → ROUND → … → HARVEST after
the last round. The round timer reads an injected clock. Saving, loading and the harvest export
live in core.classroom.world_cafe_file.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path

from etrainer.core.classroom.quiz import Clock, Countdown
from etrainer.core.errors import Problem, relative_name
from etrainer.core.yamlfile import MAX_YAML_BYTES, LineDict, LineList, YamlError, load_yaml
from etrainer.i18n import QT_TRANSLATE_NOOP

KIT_FILE = "world-cafe.yaml"
DEFAULT_QUESTION = "Які послуги електронного управління є або можуть бути впроваджені у вашій бібліотеці?"
"""The question of the 2013 training day; used when a course has no kit."""
DEFAULT_TABLES, DEFAULT_ROUNDS, DEFAULT_MINUTES = 4, 3, 20
MAX_TABLES, MAX_ROUNDS, MAX_MINUTES = 12, 8, 90

ROTATION = QT_TRANSLATE_NOOP("WorldCafe", "Hosts stay; everyone else moves to the next table.")
LAST_ROUND_OVER = QT_TRANSLATE_NOOP("WorldCafe", "The last round is over: hosts, prepare the harvest of your table.")
TABLE_NAME = QT_TRANSLATE_NOOP("WorldCafe", "Table {n}")


class Stage(Enum):
    SETUP = "setup"
    ROUND = "round"
    ROTATION = "rotation"
    """A round is over: move, and type in the hosts' notes."""
    HARVEST = "harvest"


class QuestionPlan(Enum):
    PER_ROUND = "per_round"
    """All tables discuss the same question in a round; the next round takes the next question."""
    PER_TABLE = "per_table"
    """Each table keeps its own question; travellers meet a new question at every table."""


@dataclass(frozen=True, slots=True)
class CafeQuestion:
    text: str
    hint: str = ""
    id: str = ""
    """The kit's id; empty for a question the trainer typed in."""


@dataclass(frozen=True, slots=True)
class CafeKit:
    questions: tuple[CafeQuestion, ...]
    tables: int = DEFAULT_TABLES
    rounds: int = DEFAULT_ROUNDS
    round_minutes: int = DEFAULT_MINUTES
    principles: tuple[str, ...] = ()
    host_instructions: str = ""


DEFAULT_KIT = CafeKit((CafeQuestion(DEFAULT_QUESTION, id="which-services"),))


@dataclass(frozen=True, slots=True)
class CafeTable:
    name: str
    host: str = ""


@dataclass(frozen=True, slots=True)
class CafeSetup:
    title: str
    tables: tuple[CafeTable, ...]
    questions: tuple[CafeQuestion, ...]
    rounds: int = DEFAULT_ROUNDS
    round_minutes: int = DEFAULT_MINUTES
    plan: QuestionPlan = QuestionPlan.PER_ROUND

    def __post_init__(self) -> None:
        if not 1 <= len(self.tables) <= MAX_TABLES:
            raise ValueError(f"a café needs 1..{MAX_TABLES} tables")
        if not self.questions:
            raise ValueError("a café needs at least one question")
        if not 1 <= self.rounds <= MAX_ROUNDS or not 1 <= self.round_minutes <= MAX_MINUTES:
            raise ValueError("rounds or minutes out of range")

    def question_for(self, table: int, round_index: int) -> CafeQuestion:
        """The question at `table` (0-based) in round `round_index` (0-based)."""
        turn = round_index if self.plan is QuestionPlan.PER_ROUND else table
        return self.questions[turn % len(self.questions)]

    def round_questions(self, round_index: int) -> tuple[CafeQuestion, ...]:
        """The distinct questions on the tables in a round, in table order."""
        return tuple(dict.fromkeys(self.question_for(t, round_index) for t in range(len(self.tables))))

    def moves(self) -> tuple[tuple[CafeTable, CafeTable], ...]:
        """Where the travellers of each table go: to the next table, the last to the first."""
        count = len(self.tables)
        return tuple((self.tables[i], self.tables[(i + 1) % count]) for i in range(count)) if count > 1 else ()


@dataclass(slots=True)
class CafeSession:
    """A World Café in progress. `round_index` is the round running, or the one just over (0-based)."""

    setup: CafeSetup
    clock: Clock = time.monotonic
    created: str = ""
    stage: Stage = Stage.SETUP
    round_index: int = 0
    notes: dict[tuple[int, int], str] = field(default_factory=dict)
    """(table, round) → the host's notes, both 0-based."""
    harvest_notes: str = ""
    """The facilitator's notes on the whole harvest (the mini-presentations)."""
    timer: Countdown = field(init=False)

    def __post_init__(self) -> None:
        self.timer = Countdown(self.setup.round_minutes * 60, self.clock)
        if not self.created:
            self.created = datetime.now().replace(microsecond=0).isoformat()

    @property
    def is_last_round(self) -> bool:
        return self.round_index >= self.setup.rounds - 1

    def start_round(self) -> None:
        """SETUP → round 1, or ROTATION → the next round, with the timer running."""
        if self.stage is Stage.SETUP:
            self.round_index = 0
        elif self.stage is Stage.ROTATION and not self.is_last_round:
            self.round_index += 1
        else:
            return
        self.stage = Stage.ROUND
        self.timer.restart(self.setup.round_minutes * 60)
        self.timer.start()

    def toggle_pause(self) -> None:
        if self.stage is Stage.ROUND:
            (self.timer.pause if self.timer.running else self.timer.start)()

    def add_minute(self) -> None:
        if self.stage is Stage.ROUND:
            self.timer.seconds += 60

    def tick(self) -> bool:
        """Read the clock: True when the running round has just run out (the stage is now ROTATION)."""
        if self.stage is Stage.ROUND and self.timer.expired():
            self.end_round()
            return True
        return False

    def end_round(self) -> None:
        if self.stage is Stage.ROUND:
            self.timer.pause()
            self.stage = Stage.ROTATION

    def go_to_harvest(self) -> None:
        if self.stage in (Stage.ROTATION, Stage.ROUND):
            self.timer.pause()
            self.stage = Stage.HARVEST

    def reopen_notes(self) -> None:
        """From the harvest back to the last round's notes (to add what was forgotten)."""
        if self.stage is Stage.HARVEST:
            self.stage = Stage.ROTATION

    def set_note(self, table: int, round_index: int, text: str) -> None:
        if not (0 <= table < len(self.setup.tables) and 0 <= round_index < self.setup.rounds):
            raise IndexError(f"no table {table} in round {round_index}")
        if text.strip():
            self.notes[(table, round_index)] = text.rstrip()
        else:
            self.notes.pop((table, round_index), None)

    def note(self, table: int, round_index: int) -> str:
        return self.notes.get((table, round_index), "")

    def rounds_played(self) -> int:
        """Rounds started so far (0 in SETUP)."""
        return 0 if self.stage is Stage.SETUP else self.round_index + 1


def default_tables(count: int, name: str = TABLE_NAME) -> tuple[CafeTable, ...]:
    """`count` tables named by `name` (the UI passes TABLE_NAME translated)."""
    return tuple(CafeTable(name.format(n=n)) for n in range(1, count + 1))


def kit_for_course(root: Path) -> tuple[CafeKit, tuple[Problem, ...]]:
    """The kit in `root/world-cafe.yaml`, or DEFAULT_KIT when the course has none."""
    path = root / KIT_FILE
    return load_kit(path, root) if path.is_file() else (DEFAULT_KIT, ())


def load_kit(path: Path, root: Path | None = None) -> tuple[CafeKit, tuple[Problem, ...]]:
    """Read a World Café kit. Bad parts become problems (`file:line: message`); what is good is kept,
    and a kit without a single good question falls back to DEFAULT_KIT's question."""
    name = relative_name(path, root) if root else str(path)
    problems: list[Problem] = []
    try:
        if path.stat().st_size > MAX_YAML_BYTES:
            return DEFAULT_KIT, (Problem(name, 0, f"the World Café kit is larger than {MAX_YAML_BYTES >> 20} MB"),)
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return DEFAULT_KIT, (Problem(name, 0, f"cannot read the World Café kit: {error}"),)
    except YamlError as error:
        return DEFAULT_KIT, (Problem(name, error.line, error.message),)
    if not isinstance(data, LineDict):
        return DEFAULT_KIT, (Problem(name, 1, "the World Café kit must be a mapping with `questions:`"),)
    questions = _questions(data, name, problems)
    empty = LineDict()
    empty.line, empty.key_lines = data.line_of("defaults"), {}
    defaults = data.get("defaults", empty)
    if not isinstance(defaults, LineDict):
        problems.append(Problem(name, data.line_of("defaults"), "`defaults` must be a mapping"))
        defaults = empty
    numbers = {key: _number(defaults, key, fallback, limit, name, problems)
               for key, fallback, limit in (("tables", DEFAULT_TABLES, MAX_TABLES),
                                            ("rounds", DEFAULT_ROUNDS, MAX_ROUNDS),
                                            ("round_minutes", DEFAULT_MINUTES, MAX_MINUTES))}
    principles = data.get("principles", [])
    if not isinstance(principles, list) or not all(isinstance(p, str) for p in principles):
        problems.append(Problem(name, data.line_of("principles"), "`principles` must be a list of sentences"))
        principles = []
    instructions = data.get("host_instructions", "")
    if not isinstance(instructions, str):
        problems.append(Problem(name, data.line_of("host_instructions"), "`host_instructions` must be text"))
        instructions = ""
    if not questions:
        questions = list(DEFAULT_KIT.questions)
    return (CafeKit(tuple(questions), numbers["tables"], numbers["rounds"], numbers["round_minutes"],
                    tuple(p.strip() for p in principles), instructions.strip()), tuple(problems))


def _questions(data: LineDict, name: str, problems: list[Problem]) -> list[CafeQuestion]:
    items = data.get("questions")
    if not isinstance(items, LineList) or not items:
        problems.append(Problem(name, data.line_of("questions"), "`questions` must be a list of questions"))
        return []
    questions: list[CafeQuestion] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        line = items.line_of(index)
        text = item.get("text") if isinstance(item, LineDict) else item
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(name, line, "a question needs `text:`"))
            continue
        hint = item.get("hint", "") if isinstance(item, LineDict) else ""
        qid = str(item.get("id", "")) if isinstance(item, LineDict) else ""
        if qid and qid in seen:
            problems.append(Problem(name, line, f"duplicate question id “{qid}”"))
        seen.add(qid)
        questions.append(CafeQuestion(" ".join(text.split()), " ".join(str(hint).split()), qid))
    return questions


def _number(defaults: LineDict, key: str, fallback: int, limit: int, name: str, problems: list[Problem]) -> int:
    value = defaults.get(key, fallback)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= limit:
        problems.append(Problem(name, defaults.line_of(key), f"`{key}` must be a whole number from 1 to {limit}"))
        return fallback
    return value
