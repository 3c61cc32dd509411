"""A learner's own marks on lessons: bookmarks and personal notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from etrainer.core.errors import EtrainerError
from etrainer.core.ids import LearnerId, LessonId
from etrainer.i18n import QT_TRANSLATE_NOOP

NOTE_MAX = 20_000
"""The longest note, in characters."""
LABEL_MAX = 200
"""The longest bookmark label, in characters (longer labels are cut)."""


@dataclass(frozen=True, slots=True)
class Bookmark:
    uid: str
    learner: LearnerId
    lesson_id: LessonId
    anchor: str
    """A heading anchor inside the lesson, or "" for the lesson itself."""
    label: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Note:
    uid: str
    learner: LearnerId
    lesson_id: LessonId
    text: str
    updated_at: datetime


class NoteTooLong(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The note is too long: keep it under {limit} characters.")


def clean_note(text: str) -> str:
    """The note without surrounding whitespace; "" means "no note"; raises NoteTooLong."""
    cleaned = text.strip()
    if len(cleaned) > NOTE_MAX:
        raise NoteTooLong(limit=NOTE_MAX)
    return cleaned


def clean_label(label: str) -> str:
    return " ".join(label.split())[:LABEL_MAX]
