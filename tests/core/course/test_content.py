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
    assert {q.kind for q in questions} == set(QuestionKind) - {QuestionKind.DESCRIPTION}  # pages: not questions
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


# --- Dated numbers (WRITING.md: «Станом на <дата джерела>» for anything that changes) -----------------
# A count of hubs, ASCs, centres, libraries, services or users changes from year to year; a line that
# states one must say, in the same paragraph, as of when. The vague «станом на дату джерел» says nothing.

_MONTH = (r"(?:січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд)[а-яі]*")
_YEAR = r"(?:19|20)\d\d"
_DATED = re.compile("|".join([
    rf"станом\s+на\s+(?:\d{{1,2}}\.\d{{2}}\.\d{{4}}|{_MONTH}\s+{_YEAR}|{_YEAR})",  # станом на березень 2026
    rf"\bна\s+(?:початок\s+|кінець\s+)?(?:\d{{1,2}}\.\d{{2}}\.)?{_YEAR}",  # на 01.01.2024, на початок 2025
    rf"\b[уУвВ]\s+{_YEAR}(?:[–-]{_YEAR})?(?:/{_YEAR})?\s+(?:році|роках|р\.|рр\.)",  # у 2024 році
    rf"\b{_MONTH}\s+{_YEAR}\s+(?:року|р\.)",  # у лютому 2026 року, вересень 2024 року
    rf"\b(?:[зЗ]|[пП]ісля|[дД]о)\s+{_YEAR}\s+року",  # після 2022 року
]), re.IGNORECASE)
_COUNTED = r"[а-яіїєґʼ]*(?:хаб|цнап|центр(?!альн)|бібліотек(?!ар)|послуг|користувач)"
_COUNT_CLAIM = re.compile(
    # «3500 хабів», «4070 ЦНАП», «25 тренінгових центрів», «4,5 тис. точок … послуг»
    r"(?<![\d.,/§№-])\d[\d\u00a0 ]*(?:,\d+)?(?:\s*(?:тис\.|млн))?\s+(?:[а-яіїєґʼ'-]+\s+)?" + _COUNTED
    # «хабів у бібліотеках близько 3500»
    + r"|" + _COUNTED + r"[а-яіїєґʼ]*(?:\s+[^\s\d]+){0,3}?\s+(?:близько|понад|майже|щонайменше)\s+\d",
    re.IGNORECASE)
_VAGUE_DATE = re.compile(r"станом\s+на\s+дат[уи]\s+джерел", re.IGNORECASE)


def undated_count_claims(text: str) -> list[str]:
    """The paragraphs of `text` (blank-line separated) that state a count of hubs, ASCs, centres,
    libraries, services or users without a date, or that say «станом на дату джерел»."""
    flagged = []
    for paragraph in re.split(r"\n\s*\n", text.replace("\u00a0", " ")):
        if _VAGUE_DATE.search(paragraph) or (_COUNT_CLAIM.search(paragraph) and not _DATED.search(paragraph)):
            flagged.append(" ".join(paragraph.split()))
    return flagged


@pytest.mark.parametrize(("text", "flagged"), [
    # the old text of 05/04 and 05/01: present tense, no date
    ("За даними Мінцифри, які поширив Укрінформ, у бібліотеках діє близько 3500 хабів цифрової освіти; "
     "проєкт реалізують Мінцифри, ПРООН і УБА.", True),
    ("Платформа стартувала 21.01.2020. За даними Мінцифри, таких хабів у бібліотеках близько 3500.", True),
    ("Підготуйте закладки. Станом на дату джерел курсу це:", True),
    ("Станом на дату джерел (до лютого 2026 р.).", True),
    ("Бібліоміст створив 25 тренінгових центрів для бібліотекарів.", True),
    ("ЦНАП надають від 200 до 400 послуг.", True),
    # dated
    ("За даними Мінцифри, у бібліотеках працювало близько 3500 хабів; повідомлення зʼявилося після 2022 року.", False),
    ("Станом на 01.01.2024 мережа налічувала 4070\u00a0ЦНАП.", False),
    ("На початок 2025 року в Україні було понад 4,5 тис. точок надання адміністративних послуг.", False),
    ("Станом на березень 2024 року понад 70 держпослуг онлайн.", False),
    ("У 2009–2014 роках програма мала тренінгові центри.", False),
    ("Мінцифри у червні 2020 року передавало 1500 сільським бібліотекам 5000 компʼютерів.", False),
    # not a count claim
    ("Строк — не більше 30 календарних днів з дня подання заяви.", False),
    ("Ст. 16 Закону «Про адміністративні послуги» визначає Реєстр.", False),
])
def test_the_undated_count_detector(text, flagged):
    assert bool(undated_count_claims(text)) is flagged, text


def _pack_texts(predicate):
    root = Path(bundled_course_dir())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".md", ".yaml") and predicate(path.relative_to(root)):
            yield path.relative_to(root), path.read_text(encoding="utf-8")


def test_every_count_of_hubs_centres_libraries_services_or_users_is_dated():
    """Every lesson, quiz, memo, walkthrough, glossary and course file of the bundled pack."""
    problems = [(str(rel), p) for rel, text in _pack_texts(lambda rel: True) for p in undated_count_claims(text)]
    assert problems == []


def test_every_lesson_ends_with_a_summary_of_three_to_five_points(course):
    """«Головне»: what to remember at the desk, before «Перевірте себе»."""
    for module in course.modules:
        for lesson in module.lessons:
            summary = re.search(r"^## Головне\s*\n\n((?:(?:- |  ).+\n)+)", lesson.body, re.MULTILINE)
            assert summary, lesson.id
            points = [line for line in summary.group(1).splitlines() if line.startswith("- ")]
            assert 3 <= len(points) <= 5, lesson.id
            assert summary.start() < lesson.body.index("Перевірте себе"), lesson.id
