"""The course model: a course pack made of modules, lessons, a glossary, and the room for
quiz banks, walkthrough scenarios and memos that their own modules fill.

Everything here is immutable and keyed by the stable ids written in the pack's files, never
by file names, so that editing or reordering content keeps everyone's progress.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etrainer.core.ids import CourseId, LessonId, ModuleId, TermId

COURSE_FORMAT = "etrainer-course"
COURSE_FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    id: TermId
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    english: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Lesson:
    id: LessonId
    title: str
    module_id: ModuleId
    path: Path
    body: str
    """The markdown text after the front matter."""
    body_line: int = 1
    """The file line on which `body` starts (for `file:line` messages)."""
    minutes: int = 10
    objectives: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Memo:
    """A one- or two-page memo (пам'ятка): a module's, or the whole course's (`module_id` None)."""

    module_id: ModuleId | None
    title: str
    path: Path
    body: str


@dataclass(frozen=True, slots=True)
class Module:
    id: ModuleId
    title: str
    path: Path
    lessons: tuple[Lesson, ...]
    description: str = ""
    objectives: tuple[str, ...] = ()
    memo: Memo | None = None


@dataclass(frozen=True, slots=True)
class Course:
    id: CourseId
    title: str
    version: str
    root: Path
    modules: tuple[Module, ...]
    glossary: tuple[GlossaryTerm, ...] = ()
    language: str = "uk"
    description: str = ""
    sources_as_of: str = ""
    quizzes: tuple[Any, ...] = ()
    """core.quiz.model.Quiz objects, loaded from `*.quiz.yaml` files (the quiz issue)."""
    scenarios: tuple[Any, ...] = ()
    """core.walkthrough.engine.Scenario objects, loaded from `*.scenario.yaml` files (the walkthrough issue)."""
    memo: Memo | None = None
    """The course-wide memo (`memo.md` beside course.yaml)."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Lesson tag → its title (`tags:` in course.yaml); tags without one are shown as they are."""
    _lessons: dict[str, Lesson] = field(default_factory=dict, repr=False, compare=False)
    _terms: dict[str, GlossaryTerm] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._lessons:
            self._lessons.update((lesson.id, lesson) for module in self.modules for lesson in module.lessons)
        if not self._terms:
            for term in reversed(self.glossary):  # the first term wins a shared spelling
                for spelling in (term.term, *term.aliases):
                    self._terms[spelling.strip().casefold()] = term
            self._terms.update((term.id, term) for term in self.glossary)

    def tag_title(self, tag: str) -> str:
        return self.tags.get(tag, tag)

    def lessons(self) -> Iterator[Lesson]:
        """Every lesson in course order."""
        for module in self.modules:
            yield from module.lessons

    def lesson(self, lesson_id: str) -> Lesson | None:
        return self._lessons.get(lesson_id)

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def module_of(self, lesson_id: str) -> Module | None:
        lesson = self._lessons.get(lesson_id)
        return self.module(lesson.module_id) if lesson else None

    def neighbours(self, lesson_id: str) -> tuple[Lesson | None, Lesson | None]:
        """The lessons before and after `lesson_id` in course order (None at either end)."""
        order = list(self.lessons())
        for index, lesson in enumerate(order):
            if lesson.id == lesson_id:
                before = order[index - 1] if index > 0 else None
                after = order[index + 1] if index + 1 < len(order) else None
                return before, after
        return None, None

    def term(self, key: str) -> GlossaryTerm | None:
        """A glossary term by id, or by its term or an alias (case-insensitive)."""
        return self._terms.get(key) or self._terms.get(key.strip().casefold())

    def quiz(self, quiz_id: str) -> Any | None:
        return next((q for q in self.quizzes if getattr(q, "id", None) == quiz_id), None)

    def scenario(self, scenario_id: str) -> Any | None:
        return next((s for s in self.scenarios if getattr(s, "id", None) == scenario_id), None)


@dataclass(frozen=True, slots=True)
class PackSummary:
    """What `etrainer check` reports at the end: counts of everything in a pack."""

    modules: int
    lessons: int
    questions_by_type: dict[str, int]
    quizzes: int
    scenarios: int
    memos: int
    glossary_terms: int

    @property
    def questions(self) -> int:
        return sum(self.questions_by_type.values())

    def as_json(self) -> dict[str, object]:
        return {"modules": self.modules, "lessons": self.lessons, "quizzes": self.quizzes,
                "questions": self.questions, "questions_by_type": dict(sorted(self.questions_by_type.items())),
                "scenarios": self.scenarios, "memos": self.memos, "glossary_terms": self.glossary_terms}


def summarize_pack(course: Course) -> PackSummary:
    by_type: dict[str, int] = {}
    for quiz in course.quizzes:
        for question in getattr(quiz, "questions", ()):
            kind = getattr(getattr(question, "kind", None), "value", "unknown")
            by_type[kind] = by_type.get(kind, 0) + 1
    return PackSummary(
        modules=len(course.modules),
        lessons=sum(len(m.lessons) for m in course.modules),
        questions_by_type=by_type,
        quizzes=len(course.quizzes),
        scenarios=len(course.scenarios),
        memos=sum(1 for m in course.modules if m.memo is not None) + (course.memo is not None),
        glossary_terms=len(course.glossary),
    )
