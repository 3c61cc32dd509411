"""The classroom quiz: which questions suit a room, lettering, the countdown, the stages, tallies, the summary."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from etrainer.core.classroom.quiz import (
    LETTERS,
    ClassroomSession,
    ClassroomSettings,
    Countdown,
    Stage,
    TallyMode,
    classroom_question,
    eligible_questions,
    format_clock,
    parse_teams,
    pick_questions,
    suits_classroom,
)
from etrainer.core.classroom.summary import (
    ClassroomFileUnreadable,
    NewerClassroomFile,
    load_summary,
    save_summary,
    summary_markdown,
    summary_to_json,
)
from etrainer.core.course.pack import load_pack
from etrainer.core.ids import QuestionId, QuizId
from etrainer.core.quiz.grading import FALSE, TRUE
from etrainer.core.quiz.model import Answer, Matching, MatchPair, Question, QuestionKind, Quiz, TrueFalse
from etrainer.paths import bundled_course_dir


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def choice(qid: str, right: tuple[int, ...] = (0,), count: int = 4, kind: QuestionKind = QuestionKind.SINGLE_CHOICE,
           explanation: str = "Бо так каже закон.") -> Question:
    answers = tuple(Answer(f"варіант {qid}-{i}", 1.0 / len(right) if i in right else 0.0) for i in range(count))
    return Question(QuestionId(qid), kind, f"Питання {qid}?", answers=answers, explanation=explanation)


def true_false(qid: str, correct: bool) -> Question:
    return Question(QuestionId(qid), QuestionKind.TRUE_FALSE, f"Твердження {qid}.", true_false=TrueFalse(correct))


def matching(qid: str) -> Question:
    return Question(QuestionId(qid), QuestionKind.MATCHING, "Поєднайте.",
                    matching=Matching((MatchPair("КЕП", "підпис"), MatchPair("ЦНАП", "центр"))))


def make_quiz(*questions: Question, shuffle_options: bool = True) -> Quiz:
    return Quiz(QuizId("room-quiz"), "Вікторина", tuple(questions), shuffle_options=shuffle_options)


def session(questions: int = 3, clock: FakeClock | None = None, **settings: object) -> ClassroomSession:
    picked = tuple(classroom_question(choice(f"q{i}", right=(1,))) for i in range(questions))
    return ClassroomSession("Вікторина", picked, ClassroomSettings(**settings), clock or FakeClock())  # type: ignore[arg-type]


def test_only_hand_friendly_kinds_take_part():
    quiz = make_quiz(choice("a"), choice("b", right=(0, 2), kind=QuestionKind.MULTIPLE_CHOICE),
                     true_false("c", True), matching("d"), choice("e", count=7))
    assert [q.id for q in eligible_questions(quiz)] == ["a", "b", "c"]
    assert not suits_classroom(matching("x"))
    assert not suits_classroom(choice("y", count=len(LETTERS) + 1))
    assert suits_classroom(choice("z", count=len(LETTERS)))


def test_options_are_lettered_in_ukrainian_and_keep_the_right_answer_when_shuffled():
    question = choice("a", right=(2,), count=5)
    for seed in range(30):
        lettered = classroom_question(question, random.Random(seed), shuffle=True)
        assert [o.letter for o in lettered.options] == ["А", "Б", "В", "Г", "Д"]
        (right,) = [o for o in lettered.options if o.correct]
        assert right.text == "варіант a-2"
        assert lettered.right_letters == (right.letter,)


def test_true_false_becomes_two_translatable_options():
    lettered = classroom_question(true_false("tf", correct=False))
    assert [(o.letter, o.text, o.correct, o.translatable) for o in lettered.options] == [
        ("А", TRUE, False, True), ("Б", FALSE, True, True)]


def test_pick_draws_the_asked_number_of_suitable_questions_in_quiz_order():
    quiz = make_quiz(*(choice(f"q{i}") for i in range(10)), matching("m"))
    picked = pick_questions(quiz, 4, random.Random(7))
    ids = [q.question_id for q in picked]
    assert len(ids) == 4 and "m" not in ids
    assert ids == sorted(ids, key=lambda qid: int(qid[1:]))
    assert [q.question_id for q in pick_questions(quiz, 4, random.Random(7))] == ids
    assert len(pick_questions(quiz, 50, random.Random(1))) == 10


def test_the_bundled_final_test_offers_questions_from_its_pools():
    course = load_pack(bundled_course_dir()).course
    final = course.quiz("final-test")
    assert final is not None and not final.questions
    eligible = eligible_questions(final, course.quizzes)
    assert len(eligible) > 20
    assert {q.kind for q in eligible} <= {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE,
                                          QuestionKind.TRUE_FALSE, QuestionKind.ORDERING}
    assert QuestionKind.ORDERING in {q.kind for q in eligible}  # the pack's ordering questions are offered too


def ordering(qid: str, count: int = 4) -> Question:
    return Question(QuestionId(qid), QuestionKind.ORDERING, "Розставте кроки.",
                    ordering=tuple(f"крок {i + 1}" for i in range(count)), explanation="Спершу вхід.")


def test_ordering_questions_take_part_with_their_items_shuffled_and_ranked():
    quiz = make_quiz(choice("a"), ordering("o"), ordering("long", count=len(LETTERS) + 1), ordering("one", count=1))
    assert [q.id for q in eligible_questions(quiz)] == ["a", "o"]
    seen = set()
    for seed in range(30):
        lettered = classroom_question(ordering("o"), random.Random(seed), shuffle=True)
        assert [o.letter for o in lettered.options] == ["А", "Б", "В", "Г"]
        texts = [o.text for o in lettered.options]
        assert texts != ["крок 1", "крок 2", "крок 3", "крок 4"]  # never shown in the right order
        assert [o.text for o in sorted(lettered.options, key=lambda o: o.rank)] == ["крок 1", "крок 2", "крок 3",
                                                                                     "крок 4"]
        by_letter = {o.letter: o.text for o in lettered.options}
        assert [by_letter[letter] for letter in lettered.right_letters] == ["крок 1", "крок 2", "крок 3", "крок 4"]
        assert [o.text for o in lettered.options if o.correct] == ["крок 1"]  # hands count the first item
        seen.add(tuple(texts))
    assert len(seen) > 3
    unshuffled = classroom_question(ordering("o", count=2))
    assert [o.text for o in unshuffled.options] == ["крок 2", "крок 1"]


def test_an_ordering_question_in_the_summary_keeps_its_order_hands_and_phones(tmp_path: Path):
    from dataclasses import replace

    from etrainer.core.classroom.quiz import PhoneQuestion, PhoneResults

    question = classroom_question(ordering("o", count=3), random.Random(3))
    room = ClassroomSession("Вікторина", (question,), ClassroomSettings(), FakeClock())
    first = question.right_letters[0]
    other = next(o.letter for o in question.options if o.letter != first)
    room.set_hands(first, 3)
    room.set_hands(other, 1)
    room.reveal()
    right = "".join(question.right_letters)
    wrong = right[1] + right[0] + right[2]
    phones = PhoneResults(4, (PhoneQuestion(4, 3, room.hands(), ((right, 3), (wrong, 1))),), ((1, "Оксана", 1),))
    summary = replace(room.summary(), phones=phones)
    path = tmp_path / "room.json"
    save_summary(summary, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["questions"][0]["kind"] == "ordering"
    assert sorted(o["rank"] for o in data["questions"][0]["options"]) == [1, 2, 3]
    assert data["phones"]["questions"][0]["orders"] == [{"order": right, "count": 3}, {"order": wrong, "count": 1}]
    assert load_summary(path) == summary
    text = summary_markdown(summary)
    assert f"The right order: {' → '.join(right)}" in text
    assert "Hands for the right first item: 75%" in text
    by_letter = {o.letter: o for o in question.options}
    assert f"| {first} | {by_letter[first].text} | 1 | 3 |" in text
    assert f"{' → '.join(right)} — 3; {' → '.join(wrong)} — 1" in text


def test_countdown_runs_pauses_and_runs_out_on_the_injected_clock():
    clock = FakeClock()
    countdown = Countdown(30, clock)
    countdown.start()
    clock.now += 12.4
    assert countdown.remaining() == pytest.approx(17.6)
    assert format_clock(countdown.remaining()) == "0:18"
    countdown.pause()
    clock.now += 100
    assert countdown.remaining() == pytest.approx(17.6)
    countdown.start()
    clock.now += 17.6
    assert countdown.expired() and format_clock(countdown.remaining()) == "0:00"
    assert format_clock(1200) == "20:00"


def test_a_question_goes_from_voting_to_revealed_then_on():
    clock = FakeClock()
    room = session(2, clock, seconds=20)
    assert room.stage is Stage.QUESTION and not room.countdown.running
    room.start_voting()
    assert room.stage is Stage.VOTING
    clock.now += 19
    assert not room.time_up()
    room.start_voting()  # pause
    clock.now += 60
    assert not room.time_up()
    room.start_voting()  # resume
    clock.now += 1
    assert room.time_up()
    room.reveal()
    assert room.stage is Stage.REVEALED
    room.next_question()
    assert (room.index, room.stage, room.countdown.remaining()) == (1, Stage.QUESTION, 20)
    room.next_question()
    assert room.stage is Stage.FINISHED


def test_hands_give_the_share_of_right_answers():
    room = session(2)
    room.set_hands("Б", 6)  # the right option
    room.set_hands("А", 3)
    room.set_hands("Г", -4)  # typed nonsense is clamped
    room.reveal()
    result = room.summary().results[0]
    assert result.hands == (3, 6, 0, 0)
    assert result.share_right(TallyMode.HANDS) == pytest.approx(6 / 9)
    assert room.summary().results[1].share_right(TallyMode.HANDS) is None


def test_team_points_add_up_on_the_scoreboard():
    room = session(3, mode=TallyMode.TEAMS, teams=("Сови", "Лиси", "Їжаки"))
    room.set_points("Лиси", 2)
    room.next_question()
    room.set_points("Сови", 1)
    room.set_points("Лиси", 1)
    summary = room.summary()
    assert summary.team_totals() == (("Лиси", 3), ("Сови", 1), ("Їжаки", 0))
    assert summary.results[1].share_right(TallyMode.TEAMS) == pytest.approx(2 / 3)


def test_settings_refuse_a_team_game_without_teams_and_odd_seconds():
    with pytest.raises(ValueError):
        ClassroomSettings(mode=TallyMode.TEAMS)
    with pytest.raises(ValueError):
        ClassroomSettings(seconds=2)
    assert parse_teams("Сови, Лиси\n\n Сови \nЇжаки") == ("Сови", "Лиси", "Їжаки")


def test_summary_saves_and_loads_back(tmp_path: Path):
    room = session(2, mode=TallyMode.TEAMS, teams=("Сови", "Лиси"))
    room.set_points("Сови", 2)
    room.reveal()
    path = tmp_path / "room.json"
    save_summary(room.summary(), path)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "etrainer-classroom-quiz"
    assert load_summary(path) == room.summary()
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(("content", "error"), [
    ("not json", ClassroomFileUnreadable),
    ('{"format": "something-else"}', ClassroomFileUnreadable),
    ('{"format": "etrainer-classroom-quiz", "version": 1, "title": "x"}', ClassroomFileUnreadable),
    ('{"format": "etrainer-classroom-quiz", "version": 9}', NewerClassroomFile),
    ("[" * 5000 + "]" * 5000, ClassroomFileUnreadable),  # found by fuzzing: RecursionError escaped
    ('{"format": "etrainer-classroom-quiz", "version": 1, "x": ' + "1" * 5000 + "}", ClassroomFileUnreadable),
])
def test_a_bad_summary_file_is_refused_with_a_sentence(tmp_path: Path, content: str, error: type[Exception]):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error) as raised:
        load_summary(path)
    assert str(path) in str(raised.value)


def test_a_duration_that_is_not_a_finite_number_is_refused(tmp_path: Path):
    path = tmp_path / "room.json"
    save_summary(session(1).summary(), path)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'"seconds": [0-9.]+', '"seconds": Infinity', text), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    with pytest.raises(ClassroomFileUnreadable):  # found by fuzzing: int(inf) raised OverflowError
        load_summary(path)


def test_markdown_lists_tallies_share_and_explanation():
    room = session(1)
    room.set_hands("Б", 3)
    room.set_hands("В", 1)
    room.reveal()
    text = summary_markdown(room.summary(), translate=lambda s: s.replace("Hands", "Руки"))
    assert "| Б ✓ | варіант q0-1 | 3 |" in text
    assert "| В | варіант q0-2 | 1 |" in text
    assert "Руки for the right answer: 75%" in text
    assert "**Explanation:** Бо так каже закон." in text
    assert "not revealed" not in text


def test_markdown_of_a_team_game_has_the_scoreboard_and_no_hands():
    room = session(2, mode=TallyMode.TEAMS, teams=("Сови", "Лиси|Б"))
    room.set_points("Лиси|Б", 4)
    text = summary_markdown(room.summary())
    assert "| Лиси\\|Б | 4 |" in text
    assert "Hands" not in text
    assert "The answer was not revealed." in text
    assert summary_to_json(room.summary())["mode"] == "teams"


def test_classroom_core_needs_neither_qt_nor_the_progress_database():
    code = ("import sys\n"
            "import etrainer.core.classroom.quiz, etrainer.core.classroom.summary\n"
            "import etrainer.core.classroom.world_cafe, etrainer.core.classroom.world_cafe_file\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'sqlalchemy', 'etrainer.storage',"
            " 'etrainer.services'))))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
