"""Classroom voting from phones, the pure part: names, one answer each, hidden tally, scoring, places."""

from __future__ import annotations

import random

import pytest

from etrainer.core.classroom.quiz import ClassroomOption, ClassroomQuestion
from etrainer.core.classroom.voting import (
    MAX_NAME,
    Phase,
    Refusal,
    VoteOption,
    VoteQuestion,
    VoteRefused,
    VotingRoom,
    clean_name,
    from_classroom,
    from_quiz_question,
    make_room_code,
)
from etrainer.core.ids import QuestionId
from etrainer.core.quiz.grading import TRUE
from etrainer.core.quiz.model import Question, QuestionKind


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _single(number: int = 1, right: str = "Б") -> VoteQuestion:
    options = tuple(VoteOption(letter, f"варіант {letter}") for letter in "АБВГ")
    return VoteQuestion(number, 3, QuestionKind.SINGLE_CHOICE, "Хто підписує заяву?", options, (right,))


def _room() -> tuple[VotingRoom, FakeClock]:
    clock = FakeClock()
    counter = iter(range(10_000))
    return VotingRoom("4827", clock, token=lambda: f"t{next(counter)}"), clock


def _refusal(call) -> Refusal:  # type: ignore[no-untyped-def]
    with pytest.raises(VoteRefused) as caught:
        call()
    return caught.value.reason


def test_room_codes_are_four_digits_without_a_leading_zero():
    rng = random.Random(3)
    codes = {make_room_code(rng) for _ in range(500)}
    assert all(len(c) == 4 and c.isdigit() and c[0] != "0" for c in codes)
    assert len(codes) > 400
    assert len(make_room_code()) == 4
    with pytest.raises(ValueError):
        VotingRoom("12a4")


@pytest.mark.parametrize(("raw", "clean"), [
    ("  Оксана  К. ", "Оксана К."), ("Team\u0000\u202eX", "TeamX"), ("a\tb\nc", "a b c"),
    ("", ""), ("\u200b\u200b", ""), ("Ґанок" * 20, ("Ґанок" * 20)[:MAX_NAME]),
])
def test_names_are_cleaned_and_bounded(raw, clean):
    assert clean_name(raw) == clean


def test_names_are_unique_regardless_of_case_and_empty_names_are_refused():
    room, _ = _room()
    room.join("Оксана")
    assert _refusal(lambda: room.join("  оксана ")) is Refusal.NAME_TAKEN
    assert _refusal(lambda: room.join("\u0007")) is Refusal.BAD_NAME
    assert _refusal(lambda: room.join(None)) is Refusal.BAD_NAME  # type: ignore[arg-type]
    assert [p.name for p in room.participants.values()] == ["Оксана"]


def test_one_answer_per_participant_per_question_and_only_while_open():
    room, clock = _room()
    a, b = room.join("А-команда"), room.join("Бджілки")
    assert _refusal(lambda: room.vote(a.token, 1, ["Б"])) is Refusal.NOT_OPEN
    room.open_question(_single(), 30)
    assert room.vote(a.token, 1, ["Б"]) == ("Б",)
    assert _refusal(lambda: room.vote(a.token, 1, ["В"])) is Refusal.ALREADY_ANSWERED
    assert _refusal(lambda: room.vote(b.token, 2, ["В"])) is Refusal.WRONG_QUESTION
    assert _refusal(lambda: room.vote("nobody", 1, ["В"])) is Refusal.UNKNOWN
    assert _refusal(lambda: room.vote(b.token, 1, ["Ж"])) is Refusal.BAD_ANSWER
    assert _refusal(lambda: room.vote(b.token, 1, ["А", "Б"])) is Refusal.BAD_ANSWER
    assert room.answered() == 1
    clock.now += 31
    assert _refusal(lambda: room.vote(b.token, 1, ["В"])) is Refusal.NOT_OPEN
    assert room.current_phase() is Phase.CLOSED
    assert room.answered() == 1


def test_the_countdown_pauses_and_answers_wait_for_it():
    room, clock = _room()
    a = room.join("Оля")
    room.open_question(_single(), 20)
    clock.now += 5
    room.pause()
    clock.now += 100
    assert room.remaining() == pytest.approx(15)
    assert _refusal(lambda: room.vote(a.token, 1, ["Б"])) is Refusal.NOT_OPEN
    room.resume()
    clock.now += 10
    assert room.remaining() == pytest.approx(5)
    assert room.vote(a.token, 1, ["Б"]) == ("Б",)


def test_reveal_scores_right_answers_and_gives_the_distribution():
    room, _ = _room()
    people = [room.join(name) for name in ("Оля", "Петро", "Іра", "Зоя")]
    room.open_question(_single(right="Б"), 30)
    for person, letter in zip(people, "ББВ", strict=False):
        room.vote(person.token, 1, [letter])
    phones_version = room.version
    assert room.answered() == 3
    distribution = room.reveal()
    assert room.version > phones_version
    assert distribution is not None
    assert (distribution.answered, distribution.right, distribution.per_option) == (3, 2, (0, 2, 1, 0))
    assert [(s.place, s.name, s.points) for s in room.scoreboard()] == [
        (1, "Оля", 1), (1, "Петро", 1), (3, "Зоя", 0), (3, "Іра", 0)]
    assert room.reveal() is None  # a second reveal scores nothing more
    assert room.standing(people[0].token).points == 1


def test_multiple_choice_needs_the_exact_set_and_ordering_the_exact_order():
    room, _ = _room()
    a, b = room.join("a"), room.join("b")
    options = tuple(VoteOption(letter, letter) for letter in "АБВ")
    room.open_question(VoteQuestion(1, 2, QuestionKind.MULTIPLE_CHOICE, "?", options, ("А", "В")), 30)
    assert room.vote(a.token, 1, ["В", "А"]) == ("А", "В")
    room.vote(b.token, 1, ["А"])
    assert room.reveal().right == 1
    room.open_question(VoteQuestion(2, 2, QuestionKind.ORDERING, "?", options, ("В", "А", "Б")), 30)
    assert _refusal(lambda: room.vote(a.token, 2, ["В", "А"])) is Refusal.BAD_ANSWER
    room.vote(a.token, 2, ["В", "А", "Б"])
    room.vote(b.token, 2, ["А", "В", "Б"])
    distribution = room.reveal()
    assert distribution.right == 1
    assert distribution.per_option == (1, 0, 1)  # who put each first
    assert dict(distribution.orders) == {"ВАБ": 1, "АВБ": 1}
    assert [(s.name, s.points) for s in room.scoreboard()] == [("a", 2), ("b", 0)]


def test_removing_a_nickname_drops_an_unrevealed_answer_and_blocks_the_name():
    room, _ = _room()
    a, b = room.join("Грубе слово"), room.join("Оля")
    room.open_question(_single(), 30)
    room.vote(a.token, 1, ["Б"])
    room.vote(b.token, 1, ["Б"])
    assert room.remove("Грубе слово") is True
    assert room.remove("Грубе слово") is False
    assert room.answered() == 1
    assert _refusal(lambda: room.join("грубе слово")) is Refusal.NAME_TAKEN
    assert _refusal(lambda: room.vote(a.token, 1, ["Б"])) is Refusal.UNKNOWN
    assert room.reveal().answered == 1
    assert [s.name for s in room.scoreboard()] == ["Оля"]


def test_the_tally_version_moves_on_answers_but_the_phones_version_does_not():
    room, _ = _room()
    a = room.join("a")
    room.open_question(_single(), 30)
    before = (room.version, room.tally_version)
    room.vote(a.token, 1, ["А"])
    assert room.version == before[0] and room.tally_version == before[1] + 1


def test_classroom_and_quiz_questions_become_phone_questions():
    question = ClassroomQuestion(QuestionId("q1"), QuestionKind.TRUE_FALSE, "КЕП **безкоштовний**?",
                                 (ClassroomOption("А", TRUE, True, True),
                                  ClassroomOption("Б", "False", False, True)))
    vote = from_classroom(question, 2, 5)
    assert [o.text for o in vote.options] == ["Правда", "Неправда"]
    assert vote.right == ("А",) and (vote.number, vote.total) == (2, 5)
    ordering = Question(QuestionId("o"), QuestionKind.ORDERING, "Порядок", ordering=("перше", "друге", "третє"))
    phone = from_quiz_question(ordering, 1, 1, random.Random(1))
    by_letter = {o.letter: o.text for o in phone.options}
    assert [by_letter[letter] for letter in phone.right] == ["перше", "друге", "третє"]
    with pytest.raises(ValueError):
        from_quiz_question(Question(QuestionId("s"), QuestionKind.SHORT_ANSWER, "?"), 1, 1, random.Random(1))


def test_finish_shows_places_and_lobby_hides_the_question():
    room, _ = _room()
    a = room.join("a")
    room.open_question(_single(), 30)
    room.vote(a.token, 1, ["Б"])
    room.reveal()
    room.wait()
    assert room.question is None and room.own_answer(a.token) is None
    room.finish()
    assert room.current_phase() is Phase.FINISHED
    assert room.standing(a.token).place == 1
