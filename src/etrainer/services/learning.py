"""Reading lessons: visits and time spent, completion, "continue where I stopped", bookmarks, notes.

`close_lesson` may be called more than once with the same token and the visit's growing total
(e.g. every minute as a checkpoint, then at the end): only the increase is added, so a crash
loses at most the time since the last checkpoint.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from etrainer.core.course.model import Course, Lesson
from etrainer.core.ids import LearnerId, LessonId
from etrainer.core.learner.notes import Bookmark, Note, clean_label, clean_note
from etrainer.core.learner.profiles import ProfileNotFound
from etrainer.core.progress.completion import CourseProgress, LessonProgress, VisitToken, lesson_completed, summarize
from etrainer.services.saving import Sessions, guarded
from etrainer.services.settings import LearnerSetting
from etrainer.storage.models import utc_now
from etrainer.storage.repositories import (
    BookmarkRepository,
    LearnerRepository,
    NoteRepository,
    ProgressRepository,
    SettingRepository,
)

MAX_VISIT_SECONDS = 4 * 3600
"""Time counted for one visit at most (a lesson left open overnight is not eight hours of study)."""


class LearningService:
    def __init__(self, sessions: Sessions, *, clock: Callable[[], datetime] = utc_now,
                 saved: Callable[[LearnerId], None] | None = None) -> None:
        self._sessions = guarded(sessions)  # database refusals become SaveFailed
        self._clock = clock
        self._saved = saved
        """Told after a lesson's time or mark is saved (services.saving.ProgressSaved)."""

    def open_lesson(self, learner: LearnerId, lesson: Lesson) -> VisitToken:
        """Record that the learner opened the lesson; remembers it as her last lesson."""
        now = self._clock()
        with self._sessions.begin() as session:
            _touch(session, learner, now)
            uid = ProgressRepository(session).start_visit(learner, lesson.id, now)
            SettingRepository(session).put(LearnerSetting.LAST_LESSON, lesson.id, learner)
        return VisitToken(uid, learner, lesson.id, lesson.minutes, now)

    def close_lesson(self, token: VisitToken, seconds: float, reached_end: bool = False, *,
                     anchor: str | None = None, scroll: float | None = None) -> LessonProgress:
        """Record the time spent in this visit so far (and where the learner was); marks the lesson read
        when the core rule (`core.progress.completion.lesson_completed`) says so."""
        now = self._clock()
        spent = max(0, min(int(seconds), MAX_VISIT_SECONDS))
        with self._sessions.begin() as session:
            _touch(session, token.learner, now)
            repository = ProgressRepository(session)
            added = repository.finish_visit(token.visit_uid, spent, reached_end, now) or 0
            progress = repository.add_time(token.learner, token.lesson_id, added, anchor=anchor,
                                           scroll=None if scroll is None else min(1.0, max(0.0, scroll)))
            if not progress.completed and lesson_completed(progress.total_seconds, token.minutes, reached_end):
                progress = repository.mark_completed(token.learner, token.lesson_id, now)
        if self._saved is not None:
            self._saved(token.learner)
        return progress

    def mark_read(self, learner: LearnerId, lesson_id: str) -> LessonProgress:
        """Mark a lesson read by hand (already read lessons keep their first completion time)."""
        now = self._clock()
        with self._sessions.begin() as session:
            _touch(session, learner, now)
            progress = ProgressRepository(session).mark_completed(learner, lesson_id, now)
        if self._saved is not None:
            self._saved(learner)
        return progress

    def lesson_progress(self, learner: LearnerId, lesson_id: str) -> LessonProgress | None:
        with self._sessions.begin() as session:
            return ProgressRepository(session).lesson(learner, lesson_id)

    def progress(self, learner: LearnerId, course: Course) -> CourseProgress:
        """Per-lesson, per-module and course completion."""
        with self._sessions.begin() as session:
            stored = ProgressRepository(session).all(learner)
        return summarize(course, stored)

    def last_lesson(self, learner: LearnerId) -> LessonId | None:
        """The lesson the learner opened last (check it still exists in the course before opening it)."""
        with self._sessions.begin() as session:
            value = SettingRepository(session).get(LearnerSetting.LAST_LESSON, learner)
            if isinstance(value, str) and value:
                return LessonId(value)
            return ProgressRepository(session).last_visited(learner)

    def add_bookmark(self, learner: LearnerId, lesson_id: str, anchor: str = "", label: str = "") -> Bookmark:
        """Bookmark a lesson (anchor "") or a heading in it; bookmarking the same place again relabels it."""
        with self._sessions.begin() as session:
            _exists(session, learner)
            return BookmarkRepository(session).put(learner, lesson_id, anchor, clean_label(label), self._clock())

    def remove_bookmark(self, learner: LearnerId, bookmark_uid: str) -> bool:
        with self._sessions.begin() as session:
            return BookmarkRepository(session).remove(learner, bookmark_uid)

    def bookmarks(self, learner: LearnerId, lesson_id: str | None = None) -> list[Bookmark]:
        """The learner's bookmarks (of one lesson, or all), newest first."""
        with self._sessions.begin() as session:
            return BookmarkRepository(session).for_learner(learner, lesson_id)

    def note(self, learner: LearnerId, lesson_id: str) -> Note | None:
        with self._sessions.begin() as session:
            return NoteRepository(session).get(learner, lesson_id)

    def set_note(self, learner: LearnerId, lesson_id: str, text: str) -> Note | None:
        """Save the learner's note on a lesson; empty text deletes it (returns None). Raises NoteTooLong."""
        cleaned = clean_note(text)
        with self._sessions.begin() as session:
            repository = NoteRepository(session)
            if not cleaned:
                repository.remove(learner, lesson_id)
                return None
            _exists(session, learner)
            return repository.put(learner, lesson_id, cleaned, self._clock())

    def notes(self, learner: LearnerId) -> list[Note]:
        """All the learner's notes, most recently edited first."""
        with self._sessions.begin() as session:
            return NoteRepository(session).all(learner)


def _touch(session: Session, learner: LearnerId, now: datetime) -> None:
    if LearnerRepository(session).update(learner, last_active_at=now) is None:
        raise ProfileNotFound()


def _exists(session: Session, learner: LearnerId) -> None:
    if LearnerRepository(session).get(learner) is None:
        raise ProfileNotFound()
