"""One learner's progress in one course, summarised for reports (tables, PDF, certificate).

Computed from a `ProgressDocument` (what a progress file carries) and, when known, the `Course`,
which gives titles and the totals (lessons, quizzes, walkthroughs) the counts are out of. Without the
course, totals are what the records mention. Progress has the one meaning of core.progress.units
(docs/progress.md): each lesson, quiz and walkthrough is one unit; the course counts as completed when
every lesson is read, every quiz passed and every walkthrough passed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from etrainer.core.course.model import Course
from etrainer.core.errors import EtrainerError
from etrainer.core.progress.document import ProgressDocument, QuizAttemptRecord, WalkthroughAttemptRecord
from etrainer.core.quiz.model import Question
from etrainer.i18n import QT_TRANSLATE_NOOP

QUESTION_LABEL_LENGTH = 90


@dataclass(frozen=True, slots=True)
class ModuleRow:
    module_id: str | None
    title: str
    lessons_read: int
    lessons_total: int
    seconds: int
    best_quiz_score: float | None
    """0..1, the best finished attempt at any quiz of the module."""
    quizzes_passed: int
    quizzes_total: int
    walkthroughs_passed: int
    walkthroughs_total: int


@dataclass(frozen=True, slots=True)
class QuestionRow:
    quiz_id: str
    quiz_title: str
    question_id: str
    label: str
    """The question's title, or the start of its text."""
    answered: int
    correct: int
    last_correct: bool


@dataclass(frozen=True, slots=True)
class WalkthroughRow:
    scenario_id: str
    title: str
    attempts: int
    finished: int
    passed: bool
    best_score: int | None
    errors: int
    hints: int
    seconds: float
    last_at: datetime


@dataclass(frozen=True, slots=True)
class LearnerReport:
    name: str
    branch: str
    position: str
    course_id: str
    course_title: str
    course_version: str
    exported_at: datetime
    modules: tuple[ModuleRow, ...]
    questions: tuple[QuestionRow, ...]
    walkthroughs: tuple[WalkthroughRow, ...]
    study_seconds: int
    completed_at: datetime | None
    """When the last requirement was met; None while the course is not completed."""

    @property
    def lessons_read(self) -> int:
        return sum(m.lessons_read for m in self.modules)

    @property
    def lessons_total(self) -> int:
        return sum(m.lessons_total for m in self.modules)

    @property
    def quizzes_passed(self) -> int:
        return sum(m.quizzes_passed for m in self.modules)

    @property
    def quizzes_total(self) -> int:
        return sum(m.quizzes_total for m in self.modules)

    @property
    def walkthroughs_passed(self) -> int:
        return sum(m.walkthroughs_passed for m in self.modules)

    @property
    def walkthroughs_total(self) -> int:
        return sum(m.walkthroughs_total for m in self.modules)

    @property
    def units_done(self) -> int:
        """Lessons read + quizzes passed + walkthroughs passed (core.progress.units)."""
        return self.lessons_read + self.quizzes_passed + self.walkthroughs_passed

    @property
    def units_total(self) -> int:
        return self.lessons_total + self.quizzes_total + self.walkthroughs_total

    @property
    def percent(self) -> int:
        """Whole percent of the course's units done, rounded down (100 only when all are done)."""
        return self.units_done * 100 // self.units_total if self.units_total else 0

    @property
    def completed(self) -> bool:
        return self.completed_at is not None


def learner_report(doc: ProgressDocument, course: Course | None = None) -> LearnerReport:
    read = {p.lesson_id: p for p in doc.lesson_progress if p.completed_at is not None}
    seconds = {p.lesson_id: p.total_seconds for p in doc.lesson_progress}
    quizzes = [a for a in doc.quiz_attempts if a.kind == "quiz"]
    passed_quiz = _first_pass(quizzes)
    passed_walk = _first_walk_pass(doc.walkthrough_attempts)
    lessons, quiz_ids, scenario_ids, titles = _structure(doc, course)
    rows = []
    for module_id, title in titles.items():
        module_quizzes = quiz_ids.get(module_id, [])
        scores = [a.score for a in quizzes if a.quiz_id in module_quizzes and a.score is not None
                  and a.finished_at is not None]
        rows.append(ModuleRow(
            module_id, title, sum(1 for lesson in lessons.get(module_id, []) if lesson in read),
            len(lessons.get(module_id, [])), sum(seconds.get(lesson, 0) for lesson in lessons.get(module_id, [])),
            max(scores, default=None), sum(1 for q in module_quizzes if q in passed_quiz), len(module_quizzes),
            sum(1 for s in scenario_ids.get(module_id, []) if s in passed_walk), len(scenario_ids.get(module_id, []))))
    all_lessons = [lesson for ids in lessons.values() for lesson in ids]
    all_quizzes = [quiz for ids in quiz_ids.values() for quiz in ids]
    all_walks = [scenario for ids in scenario_ids.values() for scenario in ids]
    completed_at = None
    if (all_lessons and all(lesson in read for lesson in all_lessons) and all(q in passed_quiz for q in all_quizzes)
            and all(s in passed_walk for s in all_walks)):
        moments = ([read[lesson].completed_at for lesson in all_lessons] + [passed_quiz[q] for q in all_quizzes]
                   + [passed_walk[s] for s in all_walks])
        completed_at = max(m for m in moments if m is not None)
    return LearnerReport(
        doc.learner.name, doc.learner.branch, doc.learner.position, doc.course.id,
        course.title if course is not None else doc.course.title, doc.course.version, doc.exported_at, tuple(rows),
        _questions(doc, course), _walkthroughs(doc.walkthrough_attempts, course),
        sum(p.total_seconds for p in doc.lesson_progress), completed_at)


def _first_pass(attempts: list[QuizAttemptRecord]) -> dict[str, datetime]:
    first: dict[str, datetime] = {}
    for attempt in attempts:
        if attempt.passed and attempt.finished_at is not None:
            known = first.get(attempt.quiz_id)
            first[attempt.quiz_id] = attempt.finished_at if known is None else min(known, attempt.finished_at)
    return first


def _first_walk_pass(attempts: tuple[WalkthroughAttemptRecord, ...]) -> dict[str, datetime]:
    first: dict[str, datetime] = {}
    for attempt in attempts:
        if attempt.passed:
            moment = attempt.finished_at or attempt.started_at
            first[attempt.scenario_id] = min(first.get(attempt.scenario_id, moment), moment)
    return first


def _structure(doc: ProgressDocument, course: Course | None) -> tuple[
        dict[str | None, list[str]], dict[str | None, list[str]], dict[str | None, list[str]], dict[str | None, str]]:
    """Lesson, quiz and walkthrough ids per module, and module titles, in course order."""
    lessons: dict[str | None, list[str]] = defaultdict(list)
    quizzes: dict[str | None, list[str]] = defaultdict(list)
    scenarios: dict[str | None, list[str]] = defaultdict(list)
    titles: dict[str | None, str] = {}
    if course is not None:
        for module in course.modules:
            titles[module.id] = module.title
            lessons[module.id] = [lesson.id for lesson in module.lessons]
        for quiz in course.quizzes:
            quizzes[quiz.module_id].append(quiz.id)
        for scenario in course.scenarios:
            scenarios[scenario.module_id].append(scenario.id)
        if quizzes.get(None) or scenarios.get(None):
            titles[None] = ""  # quizzes or walkthroughs outside any module (a final test)
        return lessons, quizzes, scenarios, titles
    for progress in doc.lesson_progress:
        _add(lessons[progress.module_id], progress.lesson_id)
    for attempt in doc.quiz_attempts:
        if attempt.kind == "quiz":
            _add(quizzes[attempt.module_id], attempt.quiz_id)
    for walk in doc.walkthrough_attempts:
        _add(scenarios[walk.module_id], walk.scenario_id)
    for module_id in [*lessons, *quizzes, *scenarios]:
        titles.setdefault(module_id, module_id or "")
    return lessons, quizzes, scenarios, titles


def _add(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


def _questions(doc: ProgressDocument, course: Course | None) -> tuple[QuestionRow, ...]:
    labels: dict[str, tuple[str, str, str]] = {}
    order: dict[str, int] = {}
    for quiz in course.quizzes if course is not None else ():
        for question in quiz.questions:
            if question.id not in labels:
                order[question.id] = len(order)
                labels[question.id] = (quiz.id, quiz.title, question_label(question))
    answered: dict[str, list[bool]] = defaultdict(list)
    quiz_of: dict[str, str] = {}
    for attempt in sorted(doc.quiz_attempts, key=lambda a: a.started_at):
        for response in sorted(attempt.responses, key=lambda r: r.answered_at):
            answered[response.question_id].append(response.correct)
            if attempt.kind == "quiz":
                quiz_of.setdefault(response.question_id, attempt.quiz_id)
    rows = []
    for question_id in sorted(answered, key=lambda q: (order.get(q, len(order)), q)):
        quiz_id, quiz_title, label = labels.get(question_id, (quiz_of.get(question_id, ""), "", question_id))
        results = answered[question_id]
        rows.append(QuestionRow(quiz_id, quiz_title or quiz_id, question_id, label, len(results), sum(results),
                                results[-1]))
    return tuple(rows)


def question_label(question: Question) -> str:
    """The question's title, or the start of its text without Markdown marks (for tables and statements)."""
    if question.title:
        return question.title
    flat = re.sub(r"\s+", " ", re.sub(r"[*_`#>\[\]]|\{\{\d+\}\}", "", question.text)).strip()
    return flat if len(flat) <= QUESTION_LABEL_LENGTH else flat[: QUESTION_LABEL_LENGTH - 1].rstrip() + "…"


def _walkthroughs(attempts: tuple[WalkthroughAttemptRecord, ...], course: Course | None) -> tuple[WalkthroughRow, ...]:
    by_scenario: dict[str, list[WalkthroughAttemptRecord]] = defaultdict(list)
    for attempt in attempts:
        by_scenario[attempt.scenario_id].append(attempt)
    order = {s.id: i for i, s in enumerate(course.scenarios)} if course is not None else {}
    rows = []
    for scenario_id in sorted(by_scenario, key=lambda s: (order.get(s, len(order)), s)):
        items = by_scenario[scenario_id]
        scenario = course.scenario(scenario_id) if course is not None else None
        scores = [a.score for a in items if a.score is not None]
        rows.append(WalkthroughRow(
            scenario_id, scenario.title if scenario is not None else scenario_id, len(items),
            sum(1 for a in items if a.finished_at is not None), any(a.passed for a in items), max(scores, default=None),
            sum(a.errors for a in items), sum(a.hints for a in items), sum(a.seconds for a in items),
            max(a.finished_at or a.started_at for a in items)))
    return tuple(rows)


class CourseNotCompleted(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "{name} has not completed the course yet ({read} of {total} lessons read, "
                             "{passed} of {quizzes} quizzes passed, {walked} of {walkthroughs} walkthroughs "
                             "passed), so there is no certificate to print.")
