"""Typed identifiers. Ids come from the course pack files and are stable across edits."""

from __future__ import annotations

import re
from typing import NewType

CourseId = NewType("CourseId", str)
ModuleId = NewType("ModuleId", str)
LessonId = NewType("LessonId", str)
QuizId = NewType("QuizId", str)
QuestionId = NewType("QuestionId", str)
ScenarioId = NewType("ScenarioId", str)
TermId = NewType("TermId", str)
MemoId = NewType("MemoId", str)
LearnerId = NewType("LearnerId", int)

#: A stable id: lower-case Latin letters, digits and hyphens, 2–80 characters, starting with a letter.
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,79}$")


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(ID_PATTERN.match(value))
