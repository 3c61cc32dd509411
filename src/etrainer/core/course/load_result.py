"""What loading a course pack gives: the course and the problems found (kept light to import, so a
cached course can be read at start-up without the loaders and YAML)."""

from __future__ import annotations

from dataclasses import dataclass

from etrainer.core.course.model import Course
from etrainer.core.errors import Problem, Severity

MANIFEST = "course.yaml"


@dataclass(frozen=True, slots=True)
class LoadResult:
    course: Course
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)
