"""Classroom voting from phones: one room, its participants, one open question at a time, the tally.

Pure logic, no network and no Qt: services.voting serves it over HTTP and the projector shows it. A
room has a 4-digit code; participants join with a nickname (or a team name), bounded and cleaned, unique
in the room. The trainer opens one question at a time (single or multiple choice, true/false,
ordering) with a countdown on an injected clock; each participant answers it once (a second answer is
refused); nobody but the trainer sees how many chose what until the reveal; a right answer scores a point.
Nothing here is stored: the trainer's session summary may keep the nicknames and the distributions.
"""

from __future__ import annotations

import random
import secrets
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from etrainer.core.classroom.quiz import LETTERS, ClassroomQuestion
from etrainer.core.quiz.grading import FALSE, TRUE
from etrainer.core.quiz.model import Question, QuestionKind

Clock = Callable[[], float]

CODE_DIGITS = 4
MAX_NAME = 24
"""Characters of a nickname or team name after cleaning."""
MAX_PARTICIPANTS = 200
VOTE_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.TRUE_FALSE,
                        QuestionKind.ORDERING})


class Phase(Enum):
    LOBBY = "lobby"
    """No question is open yet (or the next one is not open yet)."""
    OPEN = "open"
    """A question takes answers while its countdown runs."""
    CLOSED = "closed"
    """The time is up: no more answers; the tally is still hidden."""
    REVEALED = "revealed"
    """The right answer, each participant's own result and the distribution are shown."""
    FINISHED = "finished"
    """The session is over: the scoreboard."""


class Refusal(Enum):
    """Why the room refused a join or an answer (the server turns it into an HTTP status and a sentence)."""

    BAD_NAME = "bad_name"
    NAME_TAKEN = "name_taken"
    ROOM_FULL = "room_full"
    UNKNOWN = "unknown_participant"
    NOT_OPEN = "not_open"
    WRONG_QUESTION = "wrong_question"
    ALREADY_ANSWERED = "already_answered"
    BAD_ANSWER = "bad_answer"


class VoteRefused(Exception):
    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


def make_room_code(rng: random.Random | None = None) -> str:
    """Four digits, never starting with 0 (some phone keyboards drop a leading zero)."""
    return str(1000 + (rng.randrange(9000) if rng is not None else secrets.randbelow(9000)))


def clean_name(text: str) -> str:
    """A nickname as the room shows it: NFC, control and format characters dropped, spaces collapsed,
    at most MAX_NAME characters; "" when nothing is left."""
    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFC", text[: MAX_NAME * 4])
    kept = "".join(" " if ch.isspace() else ch for ch in text if unicodedata.category(ch)[0] != "C" or ch.isspace())
    return " ".join(kept.split())[:MAX_NAME].strip()


@dataclass(frozen=True, slots=True)
class VoteOption:
    letter: str
    text: str
    """Plain text for the phone (true/false: «Правда» / «Неправда»)."""


@dataclass(frozen=True, slots=True)
class VoteQuestion:
    number: int
    """1-based position in the session."""
    total: int
    kind: QuestionKind
    text: str
    options: tuple[VoteOption, ...]
    right: tuple[str, ...]
    """The right letters (choice: in letter order; ordering: the right order)."""

    @property
    def letters(self) -> tuple[str, ...]:
        return tuple(option.letter for option in self.options)

    def check(self, answer: Sequence[str]) -> tuple[str, ...]:
        """`answer` normalised (choice: sorted by letter), or VoteRefused(BAD_ANSWER)."""
        letters = self.letters
        if not isinstance(answer, (list, tuple)) or not all(isinstance(a, str) for a in answer):
            raise VoteRefused(Refusal.BAD_ANSWER)
        chosen = tuple(answer)
        if len(set(chosen)) != len(chosen) or not set(chosen) <= set(letters):
            raise VoteRefused(Refusal.BAD_ANSWER)
        if self.kind is QuestionKind.ORDERING:
            if len(chosen) != len(letters):
                raise VoteRefused(Refusal.BAD_ANSWER)
            return chosen
        if not chosen or (self.kind is not QuestionKind.MULTIPLE_CHOICE and len(chosen) != 1):
            raise VoteRefused(Refusal.BAD_ANSWER)
        return tuple(sorted(chosen, key=letters.index))

    def is_right(self, answer: tuple[str, ...]) -> bool:
        if self.kind is QuestionKind.ORDERING:
            return answer == self.right
        return set(answer) == set(self.right)


TF_TEXT = {TRUE: "Правда", FALSE: "Неправда"}
"""The phone page is Ukrainian; the projector translates the TRUE/FALSE markers itself."""


def from_classroom(question: ClassroomQuestion, number: int, total: int,
                   plain: Callable[[str], str] = str) -> VoteQuestion:
    """A classroom quiz question for the phones; `plain` turns course Markdown into plain text."""
    options = tuple(VoteOption(o.letter, TF_TEXT.get(o.text, o.text) if o.translatable else plain(o.text))
                    for o in question.options)
    return VoteQuestion(number, total, question.kind, plain(question.text), options, question.right_letters)


def from_quiz_question(question: Question, number: int, total: int, rng: random.Random,
                       plain: Callable[[str], str] = str) -> VoteQuestion:
    """A course quiz question (a VOTE_KINDS kind) for the phones; ordering items are shuffled with `rng`."""
    if question.kind is QuestionKind.ORDERING:
        items = list(question.ordering[: len(LETTERS)])
        order = list(range(len(items)))
        rng.shuffle(order)
        options = tuple(VoteOption(letter, plain(items[i])) for letter, i in zip(LETTERS, order, strict=False))
        right = tuple(LETTERS[order.index(i)] for i in range(len(items)))
        return VoteQuestion(number, total, question.kind, plain(question.text), options, right)
    if question.kind not in VOTE_KINDS:
        raise ValueError(f"{question.kind.value} questions cannot be answered from a phone")
    from etrainer.core.classroom.quiz import classroom_question

    return from_classroom(classroom_question(question, rng, shuffle=False), number, total, plain)


@dataclass(slots=True)
class Participant:
    token: str
    name: str
    points: int = 0


@dataclass(frozen=True, slots=True)
class Standing:
    place: int
    name: str
    points: int


@dataclass(slots=True)
class _Round:
    question: VoteQuestion
    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """token → the normalised answer."""
    revealed: bool = False


@dataclass(frozen=True, slots=True)
class Distribution:
    """The answers to one question: per option (choice) or per order given (ordering)."""

    question: VoteQuestion
    answered: int
    right: int
    per_option: tuple[int, ...]
    """How many chose each option, in option order (ordering: how many put it first)."""
    orders: tuple[tuple[str, int], ...] = ()
    """Ordering only: ("БАВГ", count), most frequent first."""


class VotingRoom:
    """One room for one classroom session. Not thread-safe: the server holds a lock around every call."""

    def __init__(self, code: str | None = None, clock: Clock = time.monotonic,
                 token: Callable[[], str] = lambda: secrets.token_urlsafe(18)) -> None:
        self.code = code or make_room_code()
        if len(self.code) != CODE_DIGITS or not self.code.isdigit():
            raise ValueError(f"a room code is {CODE_DIGITS} digits, not {self.code!r}")
        self._clock, self._token = clock, token
        self.participants: dict[str, Participant] = {}
        self._blocked: set[str] = set()
        self._rounds: list[_Round] = []
        self.phase = Phase.LOBBY
        self._deadline: float | None = None
        self._paused_left: float | None = None
        self.version = 0
        """Goes up on every change the phones should hear of (not on each answer)."""
        self.tally_version = 0
        """Goes up on every change at all, answers included (the projector listens to it)."""

    # -- participants ---------------------------------------------------------------------------------
    def join(self, name: str) -> Participant:
        cleaned = clean_name(name)
        if not cleaned:
            raise VoteRefused(Refusal.BAD_NAME)
        key = cleaned.casefold()
        if key in self._blocked or any(p.name.casefold() == key for p in self.participants.values()):
            raise VoteRefused(Refusal.NAME_TAKEN)
        if len(self.participants) >= MAX_PARTICIPANTS:
            raise VoteRefused(Refusal.ROOM_FULL)
        participant = Participant(self._token(), cleaned)
        self.participants[participant.token] = participant
        self._changed(phones=False)
        return participant

    def remove(self, name: str) -> bool:
        """The trainer removes a nickname: the participant is out, the name cannot join again, and their
        answer to a question not yet revealed no longer counts. Revealed distributions stay as they were."""
        found = next((p for p in self.participants.values() if p.name == name), None)
        if found is None:
            return False
        del self.participants[found.token]
        self._blocked.add(found.name.casefold())
        if self._rounds and not self._rounds[-1].revealed:
            self._rounds[-1].answers.pop(found.token, None)
        self._changed(phones=True)
        return True

    def participant(self, token: str) -> Participant | None:
        return self.participants.get(token) if isinstance(token, str) else None

    # -- questions ------------------------------------------------------------------------------------
    @property
    def question(self) -> VoteQuestion | None:
        return self._rounds[-1].question if self._rounds and self.phase is not Phase.LOBBY else None

    def open_question(self, question: VoteQuestion, seconds: float) -> None:
        """Open `question` for answers for `seconds` (the previous one, if still open, closes)."""
        if question.kind not in VOTE_KINDS:
            raise ValueError(f"{question.kind.value} questions cannot be answered from a phone")
        self._rounds.append(_Round(question))
        self.phase = Phase.OPEN
        self._deadline, self._paused_left = self._clock() + max(0.0, seconds), None
        self._changed(phones=True)

    def pause(self) -> None:
        if self.phase is Phase.OPEN and self._deadline is not None:
            self._paused_left, self._deadline = self.remaining(), None
            self._changed(phones=True)

    def resume(self) -> None:
        if self.phase is Phase.OPEN and self._paused_left is not None:
            self._deadline, self._paused_left = self._clock() + self._paused_left, None
            self._changed(phones=True)

    @property
    def paused(self) -> bool:
        return self.phase is Phase.OPEN and self._paused_left is not None

    def remaining(self) -> float:
        """Seconds left to answer (0 when not open)."""
        if self.phase is not Phase.OPEN:
            return 0.0
        if self._paused_left is not None:
            return self._paused_left
        return max(0.0, (self._deadline or 0.0) - self._clock())

    def _refresh_phase(self) -> None:
        if self.phase is Phase.OPEN and self._paused_left is None and self.remaining() <= 0:
            self.phase = Phase.CLOSED
            self._changed(phones=True)

    def current_phase(self) -> Phase:
        self._refresh_phase()
        return self.phase

    def close(self) -> None:
        """No more answers (the trainer moves on before the time is up)."""
        if self.phase is Phase.OPEN:
            self.phase, self._deadline, self._paused_left = Phase.CLOSED, None, None
            self._changed(phones=True)

    def reveal(self) -> Distribution | None:
        """Show the right answer; each right answer scores a point. Returns the distribution."""
        self._refresh_phase()
        if not self._rounds or self.phase not in (Phase.OPEN, Phase.CLOSED):
            return None
        current = self._rounds[-1]
        current.revealed = True
        for token, answer in current.answers.items():
            if token in self.participants and current.question.is_right(answer):
                self.participants[token].points += 1
        self.phase, self._deadline, self._paused_left = Phase.REVEALED, None, None
        self._changed(phones=True)
        return self.distribution(len(self._rounds) - 1)

    def wait(self) -> None:
        """Back to the lobby between questions (the phones wait for the next one)."""
        if self.phase is not Phase.FINISHED:
            self.close()
            self.phase = Phase.LOBBY
            self._changed(phones=True)

    def finish(self) -> None:
        self.close()
        self.phase = Phase.FINISHED
        self._changed(phones=True)

    # -- answers --------------------------------------------------------------------------------------
    def vote(self, token: str, number: int, answer: Sequence[str]) -> tuple[str, ...]:
        """Record `token`'s answer to question `number`; returns it normalised or raises VoteRefused."""
        if self.participant(token) is None:
            raise VoteRefused(Refusal.UNKNOWN)
        self._refresh_phase()
        if self.phase is not Phase.OPEN or self.paused:
            raise VoteRefused(Refusal.NOT_OPEN)
        current = self._rounds[-1]
        if number != current.question.number:
            raise VoteRefused(Refusal.WRONG_QUESTION)
        if token in current.answers:
            raise VoteRefused(Refusal.ALREADY_ANSWERED)
        normalised = current.question.check(answer)
        current.answers[token] = normalised
        self._changed(phones=False)
        return normalised

    def answered(self) -> int:
        """How many present participants answered the current question."""
        if not self._rounds or self.phase in (Phase.LOBBY, Phase.FINISHED):
            return 0
        return sum(1 for token in self._rounds[-1].answers if token in self.participants)

    def own_answer(self, token: str) -> tuple[str, ...] | None:
        if not self._rounds or self.phase in (Phase.LOBBY, Phase.FINISHED):
            return None
        return self._rounds[-1].answers.get(token)

    # -- results --------------------------------------------------------------------------------------
    def distribution(self, index: int) -> Distribution:
        current = self._rounds[index]
        question = current.question
        answers = list(current.answers.values())
        counts = Counter(letter for answer in answers for letter in
                         (answer[:1] if question.kind is QuestionKind.ORDERING else answer))
        orders: tuple[tuple[str, int], ...] = ()
        if question.kind is QuestionKind.ORDERING:
            orders = tuple(Counter("".join(a) for a in answers).most_common())
        return Distribution(question, len(answers), sum(1 for a in answers if question.is_right(a)),
                            tuple(counts.get(letter, 0) for letter in question.letters), orders)

    def distributions(self) -> tuple[Distribution, ...]:
        """The distribution of every question opened so far (revealed or not), in order."""
        return tuple(self.distribution(i) for i in range(len(self._rounds)))

    def scoreboard(self) -> tuple[Standing, ...]:
        """Participants from the most points down; equal points share a place (1, 1, 3); ties by name."""
        ranked = sorted(self.participants.values(), key=lambda p: (-p.points, p.name.casefold()))
        standings: list[Standing] = []
        for index, participant in enumerate(ranked):
            place = standings[-1].place if standings and standings[-1].points == participant.points else index + 1
            standings.append(Standing(place, participant.name, participant.points))
        return tuple(standings)

    def standing(self, token: str) -> Standing | None:
        participant = self.participant(token)
        if participant is None:
            return None
        return next(s for s in self.scoreboard() if s.name == participant.name)

    def _changed(self, phones: bool) -> None:
        self.tally_version += 1
        if phones:
            self.version += 1
