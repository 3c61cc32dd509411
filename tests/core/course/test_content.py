"""The bundled course is a whole course (issue «The course»): its counts, sources, links and explanations.

These tests read lessons/ as shipped; they fail when content is removed or a rule of WRITING.md breaks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etrainer.core.classroom.world_cafe import kit_for_course
from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.core.course.reader import render_course_lesson
from etrainer.core.quiz.model import QuestionKind
from etrainer.paths import bundled_course_dir

SEED_QUESTION = "Які послуги електронного управління є або можуть бути впроваджені у вашій бібліотеці?"


@pytest.fixture(scope="module")
def loaded():
    return load_pack(bundled_course_dir())


@pytest.fixture(scope="module")
def course(loaded) -> Course:
    return loaded.course


def test_the_pack_has_no_problem_or_warning(loaded):
    assert [p.format() for p in loaded.problems] == []


def test_eight_or_more_modules_of_three_to_six_lessons_of_five_to_fifteen_minutes(course):
    assert len(course.modules) >= 8
    for module in course.modules:
        assert 3 <= len(module.lessons) <= 6, module.id
        assert module.objectives, module.id
        for lesson in module.lessons:
            assert 5 <= lesson.minutes <= 15, lesson.id
            assert lesson.objectives, lesson.id


def test_every_lesson_lists_its_sources_and_renders_cleanly(course):
    for lesson in course.lessons():
        assert re.search(r"^##\s+Джерела\s*$", lesson.body, re.MULTILINE), f"{lesson.id}: no «Джерела» section"
        rendered = render_course_lesson(course, lesson)
        assert rendered.problems == (), (lesson.id, rendered.problems)  # every glossary term and link resolves


def test_every_module_says_as_of_when(course):
    for module in course.modules:
        text = " ".join(lesson.body for lesson in module.lessons) + (module.memo.body if module.memo else "")
        assert "Станом на" in text, module.id


def test_glossary_of_fifty_terms_used_by_the_lessons(course):
    assert len(course.glossary) >= 50
    used = {key.split("|")[0].strip().casefold() for lesson in course.lessons()
            for key in re.findall(r"\[\[([^\]]+)\]\]", lesson.body)}
    linked = {term.id for term in course.glossary if term.id.casefold() in used
              or term.term.casefold() in used or any(a.casefold() in used for a in term.aliases)}
    assert len(linked) >= 40, len(linked)
    assert all(term.definition and term.source for term in course.glossary)


def test_quizzes_one_per_module_150_questions_every_type_every_answer_explained(course):
    module_quizzes = {quiz.module_id for quiz in course.quizzes if quiz.module_id}
    assert module_quizzes >= {module.id for module in course.modules}
    questions = [q for quiz in course.quizzes for q in quiz.questions]
    assert len({q.id for q in questions}) >= 150
    assert {q.kind for q in questions} == set(QuestionKind)
    choice = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)
    for question in questions:
        assert question.explanation.strip(), question.id
        assert question.source.strip(), question.id
        if question.kind in choice:  # every option says why it is right or wrong
            for answer in question.answers:
                assert answer.feedback.strip(), (question.id, answer.text)


def test_the_final_test_draws_from_every_module_quiz(course):
    final = course.quiz("final-test")
    assert final is not None and final.module_id is None
    drawn_from = {pool.from_quiz for pool in final.pools}
    assert drawn_from >= {quiz.id for quiz in course.quizzes if quiz.module_id}


def test_eight_walkthroughs_half_with_an_ethics_or_safety_decision(course):
    assert len(course.scenarios) >= 8
    with_decisions = [s for s in course.scenarios if any(step.decision for step in s.steps)]
    assert len(with_decisions) * 2 >= len(course.scenarios)
    for scenario in course.scenarios:
        assert scenario.persona.name and all(step.narration and step.hint for step in scenario.steps)


def test_a_memo_per_module_and_for_the_course(course):
    assert all(module.memo is not None for module in course.modules)
    assert course.memo is not None and "Адміністративні послуги в електронному вигляді" in course.memo.title
    for memo in [course.memo, *(m.memo for m in course.modules)]:
        prose = [p for p in memo.body.split("\n\n") if not re.match(r"\s*(\||-|\*|\d+\.|#|!!!)", p)]
        long = [p for p in prose if p.count("\n") >= 3]  # no paragraph over three lines
        assert not long, (memo.title, long[:1])


def test_the_world_cafe_kit_starts_with_the_seed_question(course):
    kit, problems = kit_for_course(Path(course.root))
    assert problems == [] or problems == ()
    assert kit.questions[0].text == SEED_QUESTION
    assert len(kit.questions) >= 3


def test_nothing_about_the_present_day_state_of_institutions_in_occupied_melitopol(course):
    """Melitopol appears as the 2013 history of the training day, and at most as the bare fact of its
    occupation (FACTS §8.2); never as what its libraries or institutions do or are today."""
    texts = [lesson.body for lesson in course.lessons()] + [m.memo.body for m in course.modules if m.memo]
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            past = re.search(r"\b(1[89]\d\d|20[01]\d)\b|істор|тренінг|навчан|не міст\w+\s+тверджень", sentence)
            if "Мелітопол" not in sentence or past:
                continue
            assert "окупац" in sentence and not re.search(r"бібліотек|ЦБС|сьогодні|зараз|працю", sentence), sentence
