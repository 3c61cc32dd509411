"""ReaderViewModel: the current learner, the course, the open lesson and the progress marks.

When saving fails (services.saving.SaveFailed) reading goes on: the lesson still opens, and what was not
saved does not look saved (a bookmark star, a note). The main window's banner shows the failure from
`save_state_changed`, which relays the services' SaveMonitor.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from etrainer.core.course.model import Course, Lesson, Module
from etrainer.core.errors import EtrainerError, Problem
from etrainer.services.save_errors import SaveFailed

if TYPE_CHECKING:
    from etrainer.core.learner.notes import Bookmark
    from etrainer.core.learner.profiles import Profile
    from etrainer.core.markdown.render import RenderedLesson
    from etrainer.core.progress.completion import CourseProgress, VisitToken
    from etrainer.core.quiz.model import Quiz
    from etrainer.core.walkthrough.model import Scenario
    from etrainer.services.facade import AppServices
    from etrainer.services.quizzes import QuizStatus


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class OpenLesson:
    lesson: Lesson
    module: Module
    rendered: RenderedLesson
    previous: Lesson | None
    next: Lesson | None
    bookmarked: bool
    note: str
    anchor: str = ""


class ReaderViewModel(QObject):
    lesson_opened = Signal(object)       # OpenLesson
    lesson_failed = Signal(str, str)     # lesson title, sentence
    progress_changed = Signal(object)    # core.progress.completion.CourseProgress
    learner_changed = Signal(object)     # core.learner.profiles.Profile | None
    search_finished = Signal(str, list)  # query, [SearchHit]
    bookmark_changed = Signal(bool)
    note_saved = Signal()
    save_state_changed = Signal(object)  # services.saving.SaveFailed, or None when saving works again

    def __init__(self, course: Course, problems: tuple[Problem, ...], services: AppServices | None = None) -> None:
        super().__init__()
        self.course = course
        self.problems = problems
        self._services = services
        self.learner: Profile | None = None
        self.current: OpenLesson | None = None
        self._visit: VisitToken | None = None
        self._opened_at = 0.0
        self._reached_end = False
        self._render_cache: dict[str, RenderedLesson] = {}
        self._watch_saving(services)

    # -- services arrive after the first paint ----------------------------------------------------
    def attach_extras(self, quizzes: tuple[Quiz, ...], scenarios: tuple[Scenario, ...]) -> None:
        """The course's quizzes and walkthroughs, read after the first paint."""
        self.course = replace(self.course, quizzes=quizzes, scenarios=scenarios)
        self.progress_changed.emit(None)

    def attach_services(self, services: AppServices) -> None:
        self._services = services
        self._watch_saving(services)

    def _watch_saving(self, services: AppServices | None) -> None:
        monitor = getattr(services, "save_monitor", None)
        if monitor is not None:
            monitor.subscribe(self.save_state_changed.emit)

    def retry_saving(self) -> bool:
        """The banner's Retry: one small write; True when saving works again."""
        if self._services is None:
            return False
        try:
            self._services.retry_saving()
        except SaveFailed:
            return False
        return True

    @property
    def services(self) -> AppServices | None:
        return self._services

    def set_learner(self, profile: Profile | None) -> None:
        self.close_current()
        self.learner = profile
        if profile is not None and self._services is not None:
            _unless_failed(self._services.profiles.touch, profile.id)
        self.learner_changed.emit(profile)
        self.refresh_progress()

    def refresh_progress(self) -> None:
        if self.learner is None or self._services is None:
            self.progress_changed.emit(None)
            return
        try:
            progress = self._services.learning.progress(self.learner.id, self.course)
        except SaveFailed:
            return
        self.progress_changed.emit(progress)

    # -- lessons ----------------------------------------------------------------------------------
    def render(self, lesson: Lesson) -> RenderedLesson:
        cached = self._render_cache.get(lesson.id)
        if cached is None:
            from etrainer.core.course.reader import render_course_lesson  # Python-Markdown loads after the first paint

            cached = render_course_lesson(self.course, lesson)
            self._render_cache[lesson.id] = cached
        return cached

    def open_lesson(self, lesson_id: str, anchor: str = "") -> None:
        lesson = self.course.lesson(lesson_id)
        module = self.course.module_of(lesson_id)
        if lesson is None or module is None:
            return
        try:
            rendered = self.render(lesson)
        except EtrainerError as error:
            self.lesson_failed.emit(lesson.title, str(error))
            return
        self.close_current()
        previous, following = self.course.neighbours(lesson_id)
        bookmarked, note = False, ""
        if self.learner is not None and self._services is not None:
            learning = self._services.learning
            self._visit = _unless_failed(learning.open_lesson, self.learner.id, lesson)
            bookmarked = bool(_unless_failed(learning.bookmarks, self.learner.id, lesson_id))
            stored = _unless_failed(learning.note, self.learner.id, lesson_id)
            note = stored.text if stored is not None else ""
        self._opened_at = time.monotonic()
        self._reached_end = False
        self.current = OpenLesson(lesson, module, rendered, previous, following, bookmarked, note, anchor)
        self.lesson_opened.emit(self.current)

    def mark_reached_end(self) -> None:
        self._reached_end = True

    def close_current(self) -> None:
        """Record the time spent on the open lesson (and whether it was read to the end)."""
        if self._visit is not None and self._services is not None:
            seconds = max(0, round(time.monotonic() - self._opened_at))
            _unless_failed(self._services.learning.close_lesson, self._visit, seconds, self._reached_end)
            self._visit = None
            self.refresh_progress()
        self.current = None

    def continue_target(self) -> str | None:
        """Where "Continue" goes: the last lesson opened, or the first unread one."""
        if self.learner is not None and self._services is not None:
            last = _unless_failed(self._services.learning.last_lesson, self.learner.id)
            if last and self.course.lesson(last):
                return last
        first = next(self.course.lessons(), None)
        return first.id if first else None

    def toggle_bookmark(self) -> None:
        if self.current is None or self.learner is None or self._services is None:
            return
        learning = self._services.learning
        lesson_id = self.current.lesson.id
        try:
            if self.current.bookmarked:
                for mark in learning.bookmarks(self.learner.id, lesson_id):
                    learning.remove_bookmark(self.learner.id, mark.uid)
            else:
                learning.add_bookmark(self.learner.id, lesson_id)
        except SaveFailed:
            self.bookmark_changed.emit(self.current.bookmarked)  # the star shows what is stored
            return
        self.current = replace(self.current, bookmarked=not self.current.bookmarked)
        self.bookmark_changed.emit(self.current.bookmarked)

    def save_note(self, text: str) -> None:
        if self.current is None or self.learner is None or self._services is None:
            return
        try:
            self._services.learning.set_note(self.learner.id, self.current.lesson.id, text)
        except SaveFailed:
            return  # not "saved": the banner says why, the text stays in the editor
        self.current = replace(self.current, note=text)
        self.note_saved.emit()

    def bookmarks(self) -> list[Bookmark]:
        if self.learner is None or self._services is None:
            return []
        return _unless_failed(self._services.learning.bookmarks, self.learner.id) or []

    # -- what the tree and the home page show ----------------------------------------------------------
    def course_progress(self) -> CourseProgress | None:
        if self.learner is None or self._services is None:
            return None
        return self._services.learning.progress(self.learner.id, self.course)

    def quiz_statuses(self) -> dict[str, QuizStatus]:
        if self.learner is None or self._services is None or not self.course.quizzes:
            return {}
        return self._services.quizzes.statuses(self.learner.id, self.course)

    def walkthrough_marks(self) -> dict[str, str]:
        """Scenario id → ✓ (passed in practice or test), ● (tried), for the tree and the home cards."""
        if self.learner is None or self._services is None or not self.course.scenarios:
            return {}
        marks: dict[str, str] = {}
        for summary in self._services.walkthroughs.history(self.learner.id):
            if summary.passed:
                marks[summary.scenario_id] = "✓"
            else:
                marks.setdefault(summary.scenario_id, "●")
        return marks

    def review_due(self) -> int:
        if self.learner is None or self._services is None:
            return 0
        return self._services.quizzes.review_due(self.learner.id, self.course)

    # -- search and settings ---------------------------------------------------------------------
    def search(self, query: str) -> None:
        hits = []
        if self._services is not None and query.strip():
            hits = _unless_failed(self._services.search.search, query) or []
        self.search_finished.emit(query, hits)

    def zoom(self) -> int:
        if self.learner is None or self._services is None:
            return 100
        return int(_unless_failed(self._services.settings.zoom, self.learner.id) or 100)

    def set_zoom(self, percent: int) -> None:
        if self.learner is not None and self._services is not None:
            _unless_failed(self._services.settings.set_zoom, self.learner.id, int(percent))


def _unless_failed(call: Callable[..., T], *args: object) -> T | None:
    """`call(*args)`, or None when the database refused (the banner already says so)."""
    try:
        return call(*args)
    except SaveFailed:
        return None
