"""The methodist's dashboard, computed from plain records (no Qt, no database).

The workspace service loads a `DashboardData` (learners and their records, as imported from progress
files); `apply_filter` narrows it (branch and position pick learners; a date range — inclusive UTC days —
keeps the activity inside it: attempts started in it, lessons read (completed) in it), then:

- `module_matrix`: learners × modules — lessons read of the module's lessons, best quiz score (finished
  "quiz" attempts, not review sessions), walkthroughs passed (distinct scenarios with a passed attempt).
- `competency_results`: per lesson tag — the share of tagged lessons read, and the mean of each learner's
  best score on the tag's quizzes (a quiz belongs to the tags of its lesson, or, when it names no lesson,
  to the tags of every lesson in its module).
- `learner_detail`: one learner's modules, lessons, quizzes and walkthroughs.

Item analysis and walkthrough hotspots are in `core.progress.item_analysis`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from etrainer.core.course.model import Course
from etrainer.core.learner.names import person_key, ukrainian_key
from etrainer.core.progress.units import Activity, CourseUnits, ModuleState, ModuleUnits, course_units

QUIZ_KIND = "quiz"


@dataclass(frozen=True, slots=True)
class LearnerRecord:
    uid: str
    name: str
    branch: str = ""
    position: str = ""
    first_import: datetime | None = None
    last_import: datetime | None = None


@dataclass(frozen=True, slots=True)
class LessonRecord:
    learner_uid: str
    lesson_id: str
    module_id: str | None = None
    completed_at: datetime | None = None
    last_opened_at: datetime | None = None
    total_seconds: int = 0
    visits: int = 0


@dataclass(frozen=True, slots=True)
class QuizAttemptRecord:
    uid: str
    learner_uid: str
    quiz_id: str
    started_at: datetime
    finished_at: datetime | None = None
    score: float | None = None
    passed: bool | None = None
    module_id: str | None = None
    kind: str = QUIZ_KIND


@dataclass(frozen=True, slots=True)
class ResponseRecord:
    attempt_uid: str
    question_id: str
    question_kind: str
    score: float
    correct: bool
    response_json: str = "{}"
    """core.quiz.response JSON text (option indices in file order); parsed only where item analysis needs it."""


@dataclass(frozen=True, slots=True)
class WalkthroughRecord:
    uid: str
    learner_uid: str
    scenario_id: str
    started_at: datetime
    mode: str = "practice"
    finished_at: datetime | None = None
    score: int | None = None
    passed: bool | None = None
    errors: int = 0
    hints: int = 0
    module_id: str | None = None
    abandoned: bool = False


@dataclass(frozen=True, slots=True)
class EventRecord:
    attempt_uid: str
    kind: str
    """"action" or "hint"."""
    step_id: str | None
    correct: bool


@dataclass(frozen=True, slots=True)
class DashboardData:
    learners: tuple[LearnerRecord, ...] = ()
    lessons: tuple[LessonRecord, ...] = ()
    quiz_attempts: tuple[QuizAttemptRecord, ...] = ()
    responses: tuple[ResponseRecord, ...] = ()
    walkthroughs: tuple[WalkthroughRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    """Walkthrough events; the hotspots count only the wrong actions and the hints, so a loader may leave the
    rest out."""


@dataclass(frozen=True, slots=True)
class DashboardFilter:
    """None (or empty text) means "any"; `start`/`end` are inclusive UTC days."""

    branch: str | None = None
    position: str | None = None
    start: date | None = None
    end: date | None = None

    def keeps_learner(self, learner: LearnerRecord) -> bool:
        return (not self.branch or learner.branch == self.branch) and (
            not self.position or learner.position == self.position)

    def keeps_time(self, moment: datetime | None) -> bool:
        if moment is None:
            return False
        day = moment.date()
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    @property
    def has_dates(self) -> bool:
        return self.start is not None or self.end is not None


def apply_filter(data: DashboardData, chosen: DashboardFilter) -> DashboardData:
    learners = tuple(learner for learner in data.learners if chosen.keeps_learner(learner))
    uids = {learner.uid for learner in learners}
    lessons = [r for r in data.lessons if r.learner_uid in uids]
    quizzes = [a for a in data.quiz_attempts if a.learner_uid in uids]
    walkthroughs = [w for w in data.walkthroughs if w.learner_uid in uids]
    if chosen.has_dates:
        lessons = [r if chosen.keeps_time(r.completed_at) else replace(r, completed_at=None) for r in lessons
                   if chosen.keeps_time(r.completed_at) or chosen.keeps_time(r.last_opened_at)]
        quizzes = [a for a in quizzes if chosen.keeps_time(a.started_at)]
        walkthroughs = [w for w in walkthroughs if chosen.keeps_time(w.started_at)]
    quiz_uids = {a.uid for a in quizzes}
    walk_uids = {w.uid for w in walkthroughs}
    return DashboardData(learners, tuple(lessons), tuple(quizzes),
                         tuple(r for r in data.responses if r.attempt_uid in quiz_uids), tuple(walkthroughs),
                         tuple(e for e in data.events if e.attempt_uid in walk_uids))


def choices(data: DashboardData) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The branches and the positions the learners have (sorted, empty ones left out), for filter lists."""
    return sorted_choices((learner.branch for learner in data.learners),
                          (learner.position for learner in data.learners))


def sorted_choices(branches: Iterable[str], positions: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The distinct branches and positions, sorted, empty ones left out."""
    return (tuple(sorted({b for b in branches if b}, key=ukrainian_key)),
            tuple(sorted({p for p in positions if p}, key=ukrainian_key)))


# ---------------------------------------------------------------- learners × modules


@dataclass(frozen=True, slots=True)
class ModuleCell:
    module_id: str
    lessons_read: int
    lessons_total: int
    best_quiz_score: float | None
    """0..1, the best finished quiz attempt in the module; None when there is none."""
    quiz_passed: bool
    walkthroughs_passed: int
    walkthroughs_total: int
    units: ModuleUnits | None = None
    """The module's units (core.progress.units): lessons read, quizzes and walkthroughs passed."""

    @property
    def completion(self) -> float:
        """0..1, the module's units done (docs/progress.md)."""
        if self.units is not None:
            return self.units.share
        return self.lessons_read / self.lessons_total if self.lessons_total else 0.0

    @property
    def lessons_share(self) -> float:
        """0..1, the module's lessons read."""
        return self.lessons_read / self.lessons_total if self.lessons_total else 0.0

    @property
    def state(self) -> ModuleState:
        return self.units.state if self.units is not None else ModuleState.NOT_STARTED


@dataclass(frozen=True, slots=True)
class MatrixRow:
    learner: LearnerRecord
    cells: tuple[ModuleCell, ...]
    units: CourseUnits | None = None
    """The learner's units in the whole course, the final test included."""

    @property
    def lessons_read(self) -> int:
        return sum(cell.lessons_read for cell in self.cells)

    @property
    def lessons_total(self) -> int:
        return sum(cell.lessons_total for cell in self.cells)

    @property
    def completion(self) -> float:
        """0..1, the course's units done (docs/progress.md)."""
        if self.units is not None:
            return self.units.share
        return self.lessons_read / self.lessons_total if self.lessons_total else 0.0


@dataclass(frozen=True, slots=True)
class ModuleHeader:
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class ModuleMatrix:
    modules: tuple[ModuleHeader, ...]
    rows: tuple[MatrixRow, ...]

    def mean_completion(self) -> float | None:
        return sum(row.completion for row in self.rows) / len(self.rows) if self.rows else None


class _CourseIndex:
    """Which module a lesson, quiz or scenario belongs to (the course first, the record's own id second)."""

    def __init__(self, course: Course) -> None:
        self.course = course
        self.modules = [m.id for m in course.modules]
        self.lessons = {lesson.id: module.id for module in course.modules for lesson in module.lessons}
        self.quizzes = {q.id: q.module_id for q in course.quizzes}
        self.scenarios = {s.id: s.module_id for s in course.scenarios}

    def scenarios_in(self, module_id: str) -> int:
        return sum(1 for module in self.scenarios.values() if module == module_id)

    def scenario_module(self, record: WalkthroughRecord) -> str | None:
        return self.scenarios.get(record.scenario_id) or record.module_id


def _best_scores(attempts: Iterable[QuizAttemptRecord]) -> dict[tuple[str, str], tuple[float, bool]]:
    """(learner, quiz) → (best score, passed any) over finished quiz attempts."""
    best: dict[tuple[str, str], tuple[float, bool]] = {}
    for a in attempts:
        if a.kind != QUIZ_KIND or a.finished_at is None or a.score is None:
            continue
        key = (a.learner_uid, a.quiz_id)
        score, passed = best.get(key, (-1.0, False))
        best[key] = (max(score, a.score), passed or bool(a.passed))
    return best


def _cells(index: _CourseIndex, data: DashboardData) -> dict[str, dict[str, ModuleCell]]:
    read: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in data.lessons:
        module = index.lessons.get(r.lesson_id)
        if module is not None and r.completed_at is not None:
            read[(r.learner_uid, module)].add(r.lesson_id)
    quiz_best: dict[tuple[str, str], tuple[float, bool]] = {}
    best_by_quiz = _best_scores(data.quiz_attempts)
    for (learner, quiz_id), (score, passed) in best_by_quiz.items():
        module = index.quizzes.get(quiz_id)
        if module is None:
            continue
        old_score, old_passed = quiz_best.get((learner, module), (-1.0, False))
        quiz_best[(learner, module)] = (max(old_score, score), old_passed or passed)
    walked: dict[tuple[str, str], set[str]] = defaultdict(set)
    for w in data.walkthroughs:
        module = index.scenario_module(w)
        if w.passed and module is not None:
            walked[(w.learner_uid, module)].add(w.scenario_id)
    activity = _activities(index, data)
    cells: dict[str, dict[str, ModuleCell]] = {}
    for learner in data.learners:
        row = cells.setdefault(learner.uid, {})
        units = course_units(index.course, activity.get(learner.uid, Activity()))
        for module in index.course.modules:
            key = (learner.uid, module.id)
            score, passed = quiz_best.get(key, (None, False))
            row[module.id] = ModuleCell(module.id, len(read[key]), len(module.lessons), score, passed,
                                        len(walked[key]), index.scenarios_in(module.id), units.module(module.id))
    return cells


def _activities(index: _CourseIndex, data: DashboardData) -> dict[str, Activity]:
    """Each learner's done and tried lessons, quizzes and walkthroughs, for core.progress.units."""
    read: dict[str, set[str]] = defaultdict(set)
    for r in data.lessons:
        if r.completed_at is not None:
            read[r.learner_uid].add(r.lesson_id)
    tried: dict[str, set[str]] = defaultdict(set)
    passed: dict[str, set[str]] = defaultdict(set)
    for a in data.quiz_attempts:
        if a.kind == QUIZ_KIND:
            tried[a.learner_uid].add(a.quiz_id)
            if a.passed and a.finished_at is not None:
                passed[a.learner_uid].add(a.quiz_id)
    walked: dict[str, set[str]] = defaultdict(set)
    walk_passed: dict[str, set[str]] = defaultdict(set)
    for w in data.walkthroughs:
        walked[w.learner_uid].add(w.scenario_id)
        if w.passed:
            walk_passed[w.learner_uid].add(w.scenario_id)
    return {learner.uid: Activity.of(read[learner.uid], tried[learner.uid], passed[learner.uid],
                                     walked[learner.uid], walk_passed[learner.uid]) for learner in data.learners}


def _by_name(learners: Iterable[LearnerRecord]) -> list[LearnerRecord]:
    return sorted(learners, key=lambda learner: (person_key(learner.name), learner.uid))


def module_matrix(course: Course, data: DashboardData) -> ModuleMatrix:
    index = _CourseIndex(course)
    cells = _cells(index, data)
    activity = _activities(index, data)
    rows = tuple(MatrixRow(learner, tuple(cells[learner.uid][m] for m in index.modules),
                           course_units(course, activity[learner.uid])) for learner in _by_name(data.learners))
    return ModuleMatrix(tuple(ModuleHeader(m.id, m.title) for m in course.modules), rows)


# ---------------------------------------------------------------- competencies


@dataclass(frozen=True, slots=True)
class TagResult:
    tag: str
    lessons: int
    """Lessons of the course carrying the tag."""
    read_share: float | None
    """Lessons read ÷ (learners × tagged lessons); None without learners."""
    mean_quiz_score: float | None
    """Mean of each learner's best score on the tag's quizzes (over learner–quiz pairs with a finished attempt)."""
    quiz_results: int
    """How many learner–quiz pairs `mean_quiz_score` averages."""
    title: str = ""
    """The tag's title from the course (`tags:` in course.yaml), or the tag itself."""


def competency_results(course: Course, data: DashboardData) -> tuple[TagResult, ...]:
    lessons_by_tag: dict[str, set[str]] = defaultdict(set)
    tags_of_module: dict[str, set[str]] = defaultdict(set)
    for lesson in course.lessons():
        for tag in lesson.tags:
            lessons_by_tag[tag].add(lesson.id)
            tags_of_module[lesson.module_id].add(tag)
    quiz_tags: dict[str, set[str]] = {}
    for quiz in course.quizzes:
        lesson = course.lesson(quiz.lesson_id) if quiz.lesson_id else None
        quiz_tags[quiz.id] = set(lesson.tags) if lesson else set(tags_of_module.get(quiz.module_id or "", ()))
    learners = {learner.uid for learner in data.learners}
    read: dict[str, int] = defaultdict(int)
    for learner_uid, lesson_id in {(r.learner_uid, r.lesson_id) for r in data.lessons if r.completed_at is not None}:
        lesson = course.lesson(lesson_id)
        if lesson is not None and learner_uid in learners:
            for tag in lesson.tags:
                read[tag] += 1
    scores_by_tag: dict[str, list[float]] = defaultdict(list)
    for (_, quiz), (score, _) in _best_scores(data.quiz_attempts).items():
        for tag in quiz_tags.get(quiz, ()):
            scores_by_tag[tag].append(score)
    results = []
    for tag in sorted(lessons_by_tag, key=lambda t: ukrainian_key(course.tag_title(t))):
        tagged = lessons_by_tag[tag]
        share = read[tag] / (len(learners) * len(tagged)) if learners else None
        scores = scores_by_tag[tag]
        mean = math.fsum(scores) / len(scores) if scores else None  # fsum: the same whatever the order
        results.append(TagResult(tag, len(tagged), share, mean, len(scores), course.tag_title(tag)))
    return tuple(results)


# ---------------------------------------------------------------- one learner


@dataclass(frozen=True, slots=True)
class LessonLine:
    lesson_id: str
    title: str
    module_id: str
    completed_at: datetime | None
    total_seconds: int
    visits: int


@dataclass(frozen=True, slots=True)
class ActivityLine:
    """A quiz or a walkthrough of one learner: `best_score` 0..1 for quizzes, 0..100 for walkthroughs."""

    id: str
    title: str
    attempts: int
    best_score: float | None
    passed: bool
    last_at: datetime | None
    errors: int = 0
    hints: int = 0


@dataclass(frozen=True, slots=True)
class LearnerDetail:
    learner: LearnerRecord
    cells: tuple[ModuleCell, ...]
    lessons: tuple[LessonLine, ...]
    quizzes: tuple[ActivityLine, ...]
    walkthroughs: tuple[ActivityLine, ...]
    units: CourseUnits | None = None
    """The learner's units in the course (docs/progress.md)."""


def learner_detail(course: Course, data: DashboardData, learner_uid: str) -> LearnerDetail | None:
    learner = next((x for x in data.learners if x.uid == learner_uid), None)
    if learner is None:
        return None
    mine = DashboardData((learner,), tuple(r for r in data.lessons if r.learner_uid == learner_uid),
                         tuple(a for a in data.quiz_attempts if a.learner_uid == learner_uid), (),
                         tuple(w for w in data.walkthroughs if w.learner_uid == learner_uid), ())
    row = module_matrix(course, mine).rows[0]
    by_lesson: dict[str, LessonRecord] = {}
    for r in mine.lessons:
        if r.lesson_id not in by_lesson or (r.completed_at and not by_lesson[r.lesson_id].completed_at):
            by_lesson[r.lesson_id] = r
    lessons = tuple(LessonLine(lesson.id, lesson.title, lesson.module_id, r.completed_at, r.total_seconds, r.visits)
                    for lesson in course.lessons() if (r := by_lesson.get(lesson.id)) is not None)
    quizzes = [a for a in mine.quiz_attempts if a.kind == QUIZ_KIND]
    quiz_lines = _activity(quizzes, lambda a: a.quiz_id, lambda i: getattr(course.quiz(i), "title", i))
    walk_lines = _activity(mine.walkthroughs, lambda w: w.scenario_id,
                           lambda i: getattr(course.scenario(i), "title", i))
    return LearnerDetail(learner, row.cells, lessons, quiz_lines, walk_lines, row.units)


def _activity(records: Iterable[Any], key: Any, title: Any) -> tuple[ActivityLine, ...]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for record in records:
        groups[key(record)].append(record)
    lines = []
    for item_id, items in groups.items():
        scores = [r.score for r in items if r.finished_at is not None and r.score is not None]
        lines.append(ActivityLine(item_id, title(item_id), len(items), max(scores, default=None),
                                  any(bool(r.passed) for r in items), max(r.started_at for r in items),
                                  sum(getattr(r, "errors", 0) for r in items),
                                  sum(getattr(r, "hints", 0) for r in items)))
    return tuple(sorted(lines, key=lambda line: line.title.casefold()))
