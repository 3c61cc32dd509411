"""Moodle's own import rules: essays come in (GIFT `{}`, Moodle XML `essay`) and go back out to GIFT; a
description becomes an information page; answer weights outside Moodle's grades are refused with the
line and the allowed values; a `*` short answer is "any other answer" with its feedback; links to pictures
and sounds in a question text are kept."""

from __future__ import annotations

from pathlib import Path

from etrainer.core.quiz.bank import MOODLE_GRADES, moodle_grade_problem
from etrainer.core.quiz.grading import grade
from etrainer.core.quiz.model import QuestionKind
from etrainer.core.quiz.response import TextResponse
from etrainer.exchange.gift import export_gift, parse_gift
from etrainer.exchange.moodle_xml import parse_moodle_xml

DATA = Path(__file__).resolve().parents[1] / "data" / "quiz"


def test_moodle_xml_essays_import_with_their_word_range_points_and_grader_notes() -> None:
    bank = parse_moodle_xml((DATA / "moodle-essays.xml").read_bytes())
    essay = next(q for q in bank.questions if q.kind is QuestionKind.ESSAY)
    assert essay.title == "Допомога без КЕП" and essay.category == "Рефлексія"
    assert essay.text == "Опишіть, як ви допомогли б відвідувачеві без **КЕП**."
    assert essay.essay is not None
    assert (essay.essay.min_words, essay.essay.max_words, essay.essay.max_points) == (30, 300, 5)
    assert essay.essay.model_answer == "Спершу зʼясувати, яку послугу шукає відвідувач."
    assert essay.explanation == "Добра відповідь називає кроки."


def test_the_description_is_an_information_page_and_the_weights_are_refused_with_the_allowed_values() -> None:
    bank = parse_moodle_xml((DATA / "moodle-essays.xml").read_bytes())
    assert [(q.title, q.kind) for q in bank.questions] == [("Допомога без КЕП", QuestionKind.ESSAY),
                                                           ("Вступ", QuestionKind.DESCRIPTION),
                                                           ("Столиця", QuestionKind.SHORT_ANSWER)]
    page = bank.questions[1]
    assert (page.line, page.text, page.category) == (16, "Далі — питання про ідентифікацію.", "Рефлексія")
    (weighted,) = bank.problems
    assert weighted.line == 26 and "33%" in weighted.message and "33.33333" in weighted.message
    assert "83.33333" in weighted.message and "line 30" in weighted.message


def test_the_catch_all_answer_gives_its_feedback_to_any_other_answer() -> None:
    bank = parse_moodle_xml((DATA / "moodle-essays.xml").read_bytes())
    question = next(q for q in bank.questions if q.title == "Столиця")
    other = grade(question, TextResponse("Львів"))
    assert other.score == 0 and other.parts[0].feedback == "Прослухайте запис ще раз."
    assert grade(question, TextResponse("київ")).correct
    assert grade(question, TextResponse("  ")).parts[0].feedback == ""       # nothing typed: no catch-all


def test_links_to_sounds_and_pictures_are_kept() -> None:
    bank = parse_moodle_xml((DATA / "moodle-essays.xml").read_bytes())
    text = next(q for q in bank.questions if q.title == "Столиця").text
    assert "[запис](https://example.org/audio/kyiv.mp3)" in text
    assert "[мапа](https://example.org/img/map.png)" in text


def test_gift_essays_import_and_export_back() -> None:
    bank = parse_gift((DATA / "essays.gift").read_text(encoding="utf-8"))
    essays = [q for q in bank.questions if q.kind is QuestionKind.ESSAY]
    assert [q.title for q in essays] == ["Допомога без КЕП", "Черга"]
    assert essays[1].explanation == "Згадайте запис до ЦНАП."
    assert "[queue.png](https://example.org/queue.png)" in essays[1].text
    problems = {p.line: p.message for p in bank.problems}
    assert set(problems) == {8}
    assert "33%" in problems[8] and "16.66667" in problems[8]
    (page,) = [q for q in bank.questions if q.kind is QuestionKind.DESCRIPTION]
    assert (page.line, page.title, page.text) == (10, "Вступ", "Далі — питання про ідентифікацію.")
    again = parse_gift(export_gift(bank.questions))  # essays and the description go back out as they came
    assert [(q.kind, q.title, q.text, q.explanation) for q in again.questions] == [
        (q.kind, q.title, q.text, q.explanation) for q in bank.questions]


def test_every_moodle_grade_and_its_negative_is_allowed_and_nothing_else() -> None:
    for value in MOODLE_GRADES:
        assert moodle_grade_problem(value) is None and moodle_grade_problem(-value) is None
    assert moodle_grade_problem(33.3333) is None
    for value in (33, 33.3, 67, 15, 99, -45):
        assert moodle_grade_problem(value) is not None
