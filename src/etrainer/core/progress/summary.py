"""The dashboard from aggregates, one learner at a time (no Qt, no database): a workspace of any size.

`core.progress.dashboard` and `core.progress.item_analysis` compute from every record held at once
(`DashboardData`); that is the reference, and fine for one learner or a town. For a region or a country the
workspace gives, per learner, only what the tables show — the lessons read, per quiz the best finished
score, per walkthrough whether it was passed (`LearnerFacts`, a database's GROUP BY) — and the quiz
responses as a stream of attempts; the classes here turn them into the same values:

- `SummaryBuilder`: fed each learner's facts, the learners × modules matrix and the competencies;
- `ItemTally`: fed each finished quiz attempt's responses, the item analysis (responses counted by score and
  rest-of-attempt, choice responses by their text, so memory does not grow with the responses);
- the walkthrough hotspots come from counts too (`item_analysis.hotspots_from_counts`).

Every figure equals the reference's: the same sets, maxima and counts, and sums of fractions taken with
`math.fsum` on both sides, so they do not depend on the order rows come in.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat

from etrainer.core.course.model import Course
from etrainer.core.learner.names import person_key, ukrainian_key
from etrainer.core.progress.dashboard import (
    LearnerRecord,
    MatrixRow,
    ModuleCell,
    ModuleHeader,
    ModuleMatrix,
    TagResult,
)
from etrainer.core.progress.item_analysis import ItemStat, count_options, option_stats, question_text
from etrainer.core.progress.units import Activity, course_units


@dataclass(frozen=True, slots=True)
class QuizFacts:
    """One learner's "quiz" attempts at one quiz (review sessions left out)."""

    quiz_id: str
    best_score: float | None = None
    """The best score of a finished attempt with a score; None when there is none."""
    best_passed: bool = False
    """Whether one of those finished, scored attempts passed."""
    passed: bool = False
    """Whether any finished attempt passed."""


@dataclass(frozen=True, slots=True)
class WalkFacts:
    """One learner's attempts at one scenario that name the same module (any mode)."""

    scenario_id: str
    module_id: str | None = None
    """The module the attempts' records name (the course's own is used first)."""
    passed: bool = False


@dataclass(frozen=True, slots=True)
class LearnerFacts:
    """What the matrix and the competencies need of one learner, for one filter."""

    learner: LearnerRecord
    lessons_read: frozenset[str] = frozenset()
    """Lessons completed (in the filter's dates)."""
    quizzes: tuple[QuizFacts, ...] = ()
    walkthroughs: tuple[WalkFacts, ...] = ()


class SummaryBuilder:
    """The matrix and the competencies, fed one learner's facts at a time (`add`)."""

    def __init__(self, course: Course) -> None:
        self.course = course
        self._lesson_module = {lesson.id: module.id for module in course.modules for lesson in module.lessons}
        self._quiz_module = {q.id: q.module_id for q in course.quizzes}
        self._scenario_module = {s.id: s.module_id for s in course.scenarios}
        self._scenarios_in = Counter(self._scenario_module.values())
        self._lesson_tags = {lesson.id: tuple(lesson.tags) for lesson in course.lessons()}
        tags_of_module: dict[str, set[str]] = defaultdict(set)
        self._tagged: dict[str, set[str]] = defaultdict(set)
        for lesson in course.lessons():
            for tag in lesson.tags:
                self._tagged[tag].add(lesson.id)
                tags_of_module[lesson.module_id].add(tag)
        self._quiz_tags: dict[str, tuple[str, ...]] = {}
        for quiz in course.quizzes:
            lesson = course.lesson(quiz.lesson_id) if quiz.lesson_id else None
            tags = set(lesson.tags) if lesson else set(tags_of_module.get(quiz.module_id or "", ()))
            self._quiz_tags[quiz.id] = tuple(tags)
        self._rows: list[MatrixRow] = []
        self._read_by_tag: dict[str, int] = defaultdict(int)
        self._scores_by_tag: dict[str, list[float]] = defaultdict(list)

    def add(self, facts: LearnerFacts) -> None:
        read: dict[str, int] = defaultdict(int)
        for lesson_id in facts.lessons_read:
            module = self._lesson_module.get(lesson_id)
            if module is not None:
                read[module] += 1
            for tag in self._lesson_tags.get(lesson_id, ()):
                self._read_by_tag[tag] += 1
        quiz_best: dict[str, tuple[float, bool]] = {}
        for quiz in facts.quizzes:
            if quiz.best_score is None:
                continue
            for tag in self._quiz_tags.get(quiz.quiz_id, ()):
                self._scores_by_tag[tag].append(quiz.best_score)
            module = self._quiz_module.get(quiz.quiz_id)
            if module is None:
                continue
            old_score, old_passed = quiz_best.get(module, (-1.0, False))
            quiz_best[module] = (max(old_score, quiz.best_score), old_passed or quiz.best_passed)
        walked: dict[str, set[str]] = defaultdict(set)
        for walk in facts.walkthroughs:
            module = self._scenario_module.get(walk.scenario_id) or walk.module_id
            if walk.passed and module is not None:
                walked[module].add(walk.scenario_id)
        activity = Activity.of(facts.lessons_read, (q.quiz_id for q in facts.quizzes),
                               (q.quiz_id for q in facts.quizzes if q.passed),
                               (w.scenario_id for w in facts.walkthroughs),
                               (w.scenario_id for w in facts.walkthroughs if w.passed))
        units = course_units(self.course, activity)
        cells = []
        for module in self.course.modules:
            score, passed = quiz_best.get(module.id, (None, False))
            cells.append(ModuleCell(module.id, read[module.id], len(module.lessons), score, passed,
                                    len(walked[module.id]), self._scenarios_in[module.id], units.module(module.id)))
        self._rows.append(MatrixRow(facts.learner, tuple(cells), units))

    def matrix(self) -> ModuleMatrix:
        rows = sorted(self._rows, key=lambda row: (person_key(row.learner.name), row.learner.uid))
        return ModuleMatrix(tuple(ModuleHeader(m.id, m.title) for m in self.course.modules), tuple(rows))

    def competencies(self) -> tuple[TagResult, ...]:
        learners = len(self._rows)
        results = []
        for tag in sorted(self._tagged, key=lambda t: ukrainian_key(self.course.tag_title(t))):
            tagged = self._tagged[tag]
            share = self._read_by_tag[tag] / (learners * len(tagged)) if learners else None
            scores = self._scores_by_tag[tag]
            mean = math.fsum(scores) / len(scores) if scores else None
            results.append(TagResult(tag, len(tagged), share, mean, len(scores), self.course.tag_title(tag)))
        return tuple(results)


Key = tuple[str, str]
"""(quiz, question)."""


Answer = tuple[str, float, str, int, str | None]
"""One response of an attempt: its question, score, question kind, the order it was stored in (its row id),
and its response JSON when the kind has options to count (choice, true/false), else None."""


class ItemTally:
    """The item analysis, fed each finished "quiz" attempt's responses in the order they were stored."""

    def __init__(self) -> None:
        self._pairs: dict[Key, Counter[tuple[float, float]]] = defaultdict(Counter)
        self._first: dict[Key, tuple[int, str]] = {}
        self._answers: dict[Key, Counter[str]] = defaultdict(Counter)

    def add_attempt(self, quiz_id: str, answers: Sequence[Answer]) -> None:
        total = 0.0
        for answer in answers:
            total += answer[1]
        for question_id, score, kind, order, response in answers:
            key = (quiz_id, question_id)
            self._pairs[key][(score, total - score)] += 1
            first = self._first.get(key)
            if first is None or order < first[0]:  # the kind of the question's first stored response
                self._first[key] = (order, kind)
            if response is not None:
                self._answers[key][response] += 1

    def items(self, course: Course) -> tuple[ItemStat, ...]:
        stats = []
        for (quiz_id, question_id), pairs in self._pairs.items():
            quiz = course.quiz(quiz_id)
            question = quiz.question(question_id) if quiz is not None else None
            n = sum(pairs.values())
            kind = self._first[(quiz_id, question_id)][1]
            facility = math.fsum(chain.from_iterable(repeat(x, c) for (x, _), c in pairs.items())) / n
            counts = count_options(kind, self._answers.get((quiz_id, question_id), Counter()).items())
            stats.append(ItemStat(quiz_id, question_id, question_text(question, question_id), kind, n, facility,
                                  counted_pearson(pairs), option_stats(question, kind, counts, n)))
        return tuple(sorted(stats, key=lambda s: (s.facility, s.quiz_id, s.question_id)))


def counted_pearson(pairs: Mapping[tuple[float, float], int]) -> float | None:
    """`item_analysis.pearson` of the pairs each repeated as often as counted — the very same figure."""
    n = sum(pairs.values())
    if n < 2:
        return None

    def each(term: Callable[[float, float], float]) -> Iterable[float]:
        return chain.from_iterable(repeat(term(x, y), c) for (x, y), c in pairs.items())

    mx = math.fsum(each(lambda x, y: x)) / n
    my = math.fsum(each(lambda x, y: y)) / n
    sxy = math.fsum(each(lambda x, y: (x - mx) * (y - my)))
    sxx = math.fsum(each(lambda x, y: (x - mx) ** 2))
    syy = math.fsum(each(lambda x, y: (y - my) ** 2))
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return sxy / math.sqrt(sxx * syy)
