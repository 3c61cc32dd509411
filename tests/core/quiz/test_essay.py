"""Essay questions: the quiz file, word counts and range, pending grading, the automatic score apart."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from etrainer.core.course.context import PackContext
from etrainer.core.ids import QuestionId, QuizId
from etrainer.core.quiz.attempt import answer, start_attempt
from etrainer.core.quiz.draw import DrawnQuestion
from etrainer.core.quiz.essay import EMPTY, TOO_LONG, TOO_SHORT, count_words, points_from_levels, word_problem
from etrainer.core.quiz.grading import grade
from etrainer.core.quiz.loading import load_quiz_file
from etrainer.core.quiz.model import Criterion, Essay, Question, QuestionKind, Quiz, RubricLevel, TrueFalse
from etrainer.core.quiz.response import EssayResponse, TrueFalseResponse, response_from_json, response_to_json

DATA = Path(__file__).resolve().parents[2] / "data" / "quiz"
NOW = datetime(2026, 12, 7, 10, tzinfo=UTC)


def essay_question(**details: object) -> Question:
    return Question(QuestionId("reflect"), QuestionKind.ESSAY, "Опишіть випадок.", essay=Essay(**details))  # type: ignore[arg-type]


def test_the_sample_essay_loads_with_its_rubric_and_range() -> None:
    quiz = load_quiz_file(DATA / "module.quiz.yaml", PackContext(root=DATA, module_ids={"admin-services"}))
    assert quiz is not None
    question = quiz.question("desk-reflection")
    assert question is not None and question.essay is not None
    essay = question.essay
    assert (essay.min_words, essay.max_words) == (5, 200)
    assert [c.title for c in essay.rubric] == ["Кроки", "Безпека даних"]
    assert [level.points for level in essay.rubric[0].levels] == [0, 1, 2]
    assert essay.max_points == 3 and essay.model_answer.startswith("Спершу")


def test_bad_essay_details_are_reported_at_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.quiz.yaml"
    path.write_text(textwrap.dedent("""
        id: essays
        title: x
        questions:
          - id: reflect
            type: essay
            text: Опишіть.
            min_words: 50
            max_words: 10
          - id: rubric
            type: essay
            text: Опишіть.
            rubric:
              - criterion: Один рівень
                levels:
                  - {title: Є, points: 1}
          - id: words
            type: essay
            text: Опишіть.
            min_words: багато
    """).lstrip("\n"), encoding="utf-8")
    ctx = PackContext(root=tmp_path)
    quiz = load_quiz_file(path, ctx)
    assert quiz is not None and quiz.questions == ()
    found = [(p.line, p.message) for p in ctx.problems]
    assert found[0][0] == 7 and "word range 50..10 is empty" in found[0][1]
    assert found[1][0] == 13 and "at least two levels" in found[1][1]
    assert found[2][0] == 19 and "whole number of words" in found[2][1]


@pytest.mark.parametrize(("text", "words"), [
    ("", 0), ("Пенсійний фонд — це ПФУ", 4), ("обʼєкт, пам'ять і будь-що", 4), ("  1000 грн  ", 2)])
def test_words_are_counted_like_a_person_would(text: str, words: int) -> None:
    assert count_words(text) == words


def test_the_word_range_says_what_is_missing() -> None:
    essay = Essay(min_words=3, max_words=5)
    assert word_problem(essay, "  ") == (EMPTY, {})
    assert word_problem(essay, "два слова") == (TOO_SHORT, {"min": 3, "words": 2})
    assert word_problem(essay, "один два три чотири пʼять шість") == (TOO_LONG, {"max": 5, "words": 6})
    assert word_problem(essay, "один два три") is None
    assert word_problem(None, "одне") is None


def test_an_essay_is_pending_never_right_or_wrong() -> None:
    graded = grade(essay_question(), EssayResponse("Я б допомогла."))
    assert graded.pending and not graded.correct and graded.score == 0
    assert graded.given == ("Я б допомогла.",)
    assert not grade(Question(QuestionId("t"), QuestionKind.TRUE_FALSE, "Так?", true_false=TrueFalse(True)),
                     TrueFalseResponse(True)).pending


def test_the_essay_response_round_trips_and_refuses_a_non_text() -> None:
    assert response_from_json(response_to_json(EssayResponse("текст"))) == EssayResponse("текст")
    with pytest.raises(ValueError):
        response_from_json({"kind": "essay", "text": 5})


def test_pending_essays_stay_out_of_the_automatic_score_and_must_be_sent_to_pass() -> None:
    tf = Question(QuestionId("t"), QuestionKind.TRUE_FALSE, "Так?", true_false=TrueFalse(True))
    quiz = Quiz(QuizId("q"), "Q", (tf, essay_question()), pass_mark=0.8)
    attempt = start_attempt("a", quiz, [DrawnQuestion(tf), DrawnQuestion(quiz.questions[1])], NOW)
    attempt = answer(attempt, 0, TrueFalseResponse(True), NOW)
    assert attempt.score == 1.0 and not attempt.passed and attempt.pending == 0
    attempt = answer(attempt, 1, EssayResponse("Моя відповідь."), NOW)
    assert attempt.score == 1.0 and attempt.passed and attempt.pending == 1
    only_essay = start_attempt("b", quiz, [DrawnQuestion(quiz.questions[1])], NOW)
    assert only_essay.score == 0.0 and not only_essay.passed
    assert answer(only_essay, 0, EssayResponse("Так."), NOW).passed


def test_rubric_levels_make_the_points() -> None:
    rubric = (Criterion("Кроки", (RubricLevel("ні", 0), RubricLevel("так", 2))),
              Criterion("Безпека", (RubricLevel("ні", 0), RubricLevel("так", 1))))
    points, picks = points_from_levels(rubric, [1, None])
    assert points == 2 and [(p.criterion, p.level) for p in picks] == [("Кроки", "так")]
    assert points_from_levels(rubric, [1, 1])[0] == 3 == Essay(rubric=rubric).max_points
    assert Essay().max_points == 10 and Essay(points=4).max_points == 4
