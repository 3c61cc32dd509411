"""Drawing and shuffling: the right answer stays right, pools draw what they say, seeds repeat."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

import pytest

from etrainer.core.ids import QuestionId, QuizId
from etrainer.core.quiz.draw import DrawnQuestion, draw, drawn_from_json, resolve_pools
from etrainer.core.quiz.grading import grade
from etrainer.core.quiz.model import (
    Answer,
    Cloze,
    Gap,
    GapKind,
    Matching,
    MatchPair,
    Pool,
    Question,
    QuestionKind,
    Quiz,
)
from etrainer.core.quiz.response import ChoiceResponse, ClozeResponse, MatchingResponse, OrderingResponse

SEEDS = range(300)


def choice(qid: str, right: int = 0, count: int = 5, category: str = "") -> Question:
    answers = tuple(Answer(f"варіант {i}", 1.0 if i == right else 0.0) for i in range(count))
    return Question(QuestionId(qid), QuestionKind.SINGLE_CHOICE, f"Питання {qid}?", answers=answers,
                    category=category)


def quiz(questions: list[Question], **options: object) -> Quiz:
    return Quiz(QuizId("test-quiz"), "Тест", tuple(questions), **options)  # type: ignore[arg-type]


def displayed_right_position(drawn: DrawnQuestion) -> int:
    return next(pos for pos, (_, answer) in enumerate(drawn.shown_answers()) if answer.fraction == 1.0)


def test_shuffled_options_keep_the_right_answer_right_for_many_seeds() -> None:
    positions = Counter()
    for seed in SEEDS:
        (drawn,) = draw(quiz([choice("q-a", right=3)], shuffle_options=True), random.Random(seed))
        position = displayed_right_position(drawn)
        positions[position] += 1
        index, _ = drawn.shown_answers()[position]          # what a click on that screen position records
        assert grade(drawn.question, ChoiceResponse(frozenset({index}))).correct
        assert sorted(drawn.order) == list(range(5))
    assert len(positions) == 5                              # the right answer really moves around


def test_shuffle_off_keeps_file_order_and_question_order() -> None:
    questions = [choice(f"q-{i}") for i in range(6)]
    drawn = draw(quiz(questions, shuffle_options=False, shuffle_questions=False), random.Random(1))
    assert [d.question.id for d in drawn] == [q.id for q in questions]
    assert all(d.order == tuple(range(5)) for d in drawn)


def test_a_question_can_pin_its_options() -> None:
    pinned = replace(choice("q-pinned"), shuffle=False)
    for seed in range(30):
        (drawn,) = draw(quiz([pinned], shuffle_options=True), random.Random(seed))
        assert drawn.order == tuple(range(5))


def test_question_order_is_shuffled_and_repeatable_per_seed() -> None:
    questions = [choice(f"q-{i}") for i in range(8)]
    the_quiz = quiz(questions, shuffle_questions=True)
    orders = {tuple(d.question.id for d in draw(the_quiz, random.Random(seed))) for seed in range(50)}
    assert len(orders) > 10
    first = [d.question.id for d in draw(the_quiz, random.Random(7))]
    assert first == [d.question.id for d in draw(the_quiz, random.Random(7))]
    assert sorted(first) == sorted(q.id for q in questions)


def test_matching_shuffle_keeps_pairs_gradable() -> None:
    question = Question(QuestionId("q-match"), QuestionKind.MATCHING, "Поєднайте.", matching=Matching(
        tuple(MatchPair(f"p{i}", f"a{i}") for i in range(4)), ("зайве",)))
    for seed in SEEDS:
        (drawn,) = draw(quiz([question]), random.Random(seed))
        assert sorted(drawn.choices) == sorted(["a0", "a1", "a2", "a3", "зайве"])
        # the learner matches each prompt shown (in display order) to its answer from the shown choices
        picked: list[str | None] = [None] * 4
        for pair_index in drawn.order:
            picked[pair_index] = next(c for c in drawn.choices if c == f"a{pair_index}")
        assert grade(drawn.question, MatchingResponse(tuple(picked))).correct


def test_ordering_always_starts_scrambled() -> None:
    question = Question(QuestionId("q-order"), QuestionKind.ORDERING, "Порядок?", ordering=("a", "b", "c"))
    for seed in SEEDS:
        (drawn,) = draw(quiz([question], shuffle_options=False), random.Random(seed))
        assert drawn.order != (0, 1, 2) and sorted(drawn.order) == [0, 1, 2]
        assert not grade(question, OrderingResponse(drawn.order)).correct


def test_cloze_choice_gaps_are_shuffled_but_stay_right() -> None:
    question = Question(QuestionId("q-cloze"), QuestionKind.CLOZE, "{{1}} і {{2}}", cloze=Cloze((
        Gap(GapKind.SHORT_ANSWER, answers=(Answer("так", 1.0),)),
        Gap(GapKind.CHOICE, answers=tuple(Answer(str(i), 1.0 if i == 2 else 0.0) for i in range(4))))))
    moved = set()
    for seed in SEEDS:
        (drawn,) = draw(quiz([question]), random.Random(seed))
        assert drawn.gap_orders[0] == ()
        shown = drawn.gap_orders[1]
        position = next(p for p, index in enumerate(shown) if question.cloze.gaps[1].answers[index].fraction == 1)
        moved.add(position)
        assert grade(question, ClozeResponse(("так", shown[position]))).correct
    assert len(moved) == 4


def test_pools_draw_the_given_number_without_repeats() -> None:
    questions = [choice(f"q-{i}") for i in range(10)]
    pools = (Pool("easy", tuple(q.id for q in questions[:6]), 2), Pool("hard", tuple(q.id for q in questions[6:]), 3))
    seen = Counter()
    for seed in SEEDS:
        drawn = draw(quiz(questions, pools=pools), random.Random(seed))
        ids = [d.question.id for d in drawn]
        assert len(ids) == 5 == len(set(ids))
        assert sum(i in pools[0].question_ids for i in ids) == 2
        assert sum(i in pools[1].question_ids for i in ids) == 3
        seen.update(ids)
    assert set(seen) == {q.id for q in questions}           # every question gets drawn sometimes


def test_overlapping_pools_never_ask_a_question_twice() -> None:
    questions = [choice(f"q-{i}") for i in range(3)]
    ids = tuple(q.id for q in questions)
    pools = (Pool("a", ids, 2), Pool("b", ids, 2))
    for seed in range(50):
        drawn = [d.question.id for d in draw(quiz(questions, pools=pools), random.Random(seed))]
        assert sorted(drawn) == sorted(ids)


def test_unshuffled_pool_draw_keeps_file_order() -> None:
    questions = [choice(f"q-{i}") for i in range(10)]
    pools = (Pool("all", tuple(reversed([q.id for q in questions])), 4),)
    for seed in range(20):
        ids = [d.question.id for d in draw(quiz(questions, pools=pools, shuffle_questions=False), random.Random(seed))]
        assert ids == sorted(ids, key=lambda qid: int(qid.split("-")[1]))


def test_final_test_draws_from_other_quizzes() -> None:
    module_one = Quiz(QuizId("module-one"), "1", tuple(choice(f"one-{i}") for i in range(5)))
    module_two = Quiz(QuizId("module-two"), "2", tuple(choice(f"two-{i}") for i in range(4)))
    final = Quiz(QuizId("final"), "Підсумковий", (), pools=(
        Pool("m1", (), 2, QuizId("module-one")), Pool("m2", (), 3, QuizId("module-two")),
        Pool("lost", (), 1, QuizId("no-such-quiz"))))
    resolved = resolve_pools(final, [module_one, module_two, final])
    assert len(resolved.questions) == 9
    assert resolved.pools[2].question_ids == ()
    for seed in range(50):
        ids = [d.question.id for d in draw(resolved, random.Random(seed))]
        assert len(ids) == 5
        assert sum(i.startswith("one-") for i in ids) == 2 and sum(i.startswith("two-") for i in ids) == 3


def test_pool_cycles_do_not_loop_forever() -> None:
    a = Quiz(QuizId("quiz-a"), "A", (choice("a-1"),), pools=(Pool("b", (), 1, QuizId("quiz-b")),))
    b = Quiz(QuizId("quiz-b"), "B", (choice("b-1"),), pools=(Pool("a", (), 1, QuizId("quiz-a")),))
    resolved = resolve_pools(a, [a, b])
    assert {q.id for q in resolved.questions} == {"a-1", "b-1"}


@pytest.mark.parametrize("shuffle", [True, False])
def test_no_pools_means_every_question(shuffle: bool) -> None:
    questions = [choice(f"q-{i}") for i in range(7)]
    drawn = draw(quiz(questions, shuffle_questions=shuffle), random.Random(3))
    assert sorted(d.question.id for d in drawn) == sorted(q.id for q in questions)


def test_a_drawn_attempt_can_be_stored_and_resumed() -> None:
    matching = Matching((MatchPair("а", "1"), MatchPair("б", "2")), ("3",))
    questions = [choice("q-one"),
                 Question(QuestionId("q-match"), QuestionKind.MATCHING, "Поєднайте.", matching=matching),
                 Question(QuestionId("q-order"), QuestionKind.ORDERING, "Порядок?", ordering=("x", "y", "z"))]
    the_quiz = quiz(questions, shuffle_questions=True)
    drawn = draw(the_quiz, random.Random(11))
    stored = [d.as_json() for d in drawn]
    assert [drawn_from_json(data, the_quiz) for data in stored] == drawn


def test_a_stored_draw_of_a_changed_question_is_dropped() -> None:
    the_quiz = quiz([choice("q-one", count=5)])
    stored = draw(the_quiz, random.Random(1))[0].as_json()
    assert drawn_from_json(stored, quiz([choice("q-one", count=4)])) is None      # an option was removed
    assert drawn_from_json(stored, quiz([choice("q-two")])) is None               # the question is gone
    assert drawn_from_json({"question": "q-one", "order": ["x"]}, the_quiz) is None
