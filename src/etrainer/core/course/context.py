"""What a content loader (lessons, quiz banks, scenarios) knows about the pack it is part of."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from etrainer.core.errors import Problem, Severity, relative_name


def is_file(path: Path) -> bool:
    """`path.is_file()`, False (not an error) for a name the system cannot hold: too long, or with a NUL."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def is_dir(path: Path) -> bool:
    """`path.is_dir()`, False (not an error) for a name the system cannot hold."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def resolved(path: Path) -> Path | None:
    """`path.resolve()`, or None for a name the system cannot hold."""
    try:
        return path.resolve()
    except (OSError, ValueError):
        return None


@dataclass(slots=True)
class PackContext:
    """Shared state while one course pack loads.

    `ids` maps every stable id seen so far (lessons, modules, quizzes, questions, scenarios) to
    where it was first defined, so duplicates are reported across files.
    """

    root: Path
    module_ids: set[str] = field(default_factory=set)
    lesson_ids: set[str] = field(default_factory=set)
    term_ids: set[str] = field(default_factory=set)
    ids: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def name(self, path: Path) -> str:
        return relative_name(path, self.root)

    def problem(self, path: Path, line: int, message: str, *, warning: bool = False) -> None:
        severity = Severity.WARNING if warning else Severity.ERROR
        self.problems.append(Problem(self.name(path), line, message, severity))

    def claim_id(self, kind: str, value: str, path: Path, line: int) -> bool:
        """Register `value` as an id; report and return False when it is already taken."""
        key = f"{kind}:{value}"
        where = f"{self.name(path)}:{line}"
        if key in self.ids:
            self.problem(path, line, f"duplicate {kind} id “{value}” (first defined at {self.ids[key]})")
            return False
        self.ids[key] = where
        return True
