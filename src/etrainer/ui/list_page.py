"""The main window's list page: search results, bookmarks, the course's problems, or a one-line message
(an empty review deck). Activating an entry that names a lesson asks for that lesson."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from etrainer.core.course.model import Course
    from etrainer.core.course.search import SearchHit
    from etrainer.core.errors import Problem

LESSON_ROLE = 257  # Qt.ItemDataRole.UserRole + 1 as an int: see FIRST_PAINT_NOTE in ui/theme.py


class ListPage(QWidget):
    lesson_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self._title = QLabel(objectName="pageTitle", wordWrap=True)
        self._list = QListWidget(objectName="resultList")
        self._list.setWordWrap(True)
        self._list.setAccessibleName(self.tr("Results"))
        self._list.itemActivated.connect(self._on_item_activated)
        self._list.itemClicked.connect(self._on_item_activated)
        layout.addWidget(self._title)
        layout.addWidget(self._list, 1)

    def _fill(self, title: str, entries: Iterable[tuple[str, str | None]], empty: str) -> None:
        self._list.clear()
        self._title.setText(title)
        for text, lesson_id in entries:
            item = QListWidgetItem(text)
            if lesson_id:
                item.setData(LESSON_ROLE, lesson_id)
            self._list.addItem(item)
        if self._list.count() == 0:
            self._list.addItem(QListWidgetItem(empty))

    def show_message(self, title: str, text: str) -> None:
        self._fill(title, (), text)

    def show_search(self, query: str, hits: Sequence[SearchHit]) -> None:
        self._fill(self.tr("Search: “{query}” — %n result(s)", "", len(hits)).format(query=query),
                   ((f"{hit.title}\n{hit.snippet}", hit.lesson_id) for hit in hits),
                   self.tr("Nothing found. Try a shorter word."))

    def show_bookmarks(self, course: Course, lesson_ids: Iterable[str]) -> None:
        lessons = (course.lesson(lesson_id) for lesson_id in lesson_ids)
        self._fill(self.tr("My bookmarks"), ((lesson.title, lesson.id) for lesson in lessons if lesson is not None),
                   self.tr("No bookmarks yet: press «☆ Bookmark» under a lesson."))

    def show_problems(self, problems: Iterable[Problem]) -> None:
        self._fill(self.tr("Course problems"), ((problem.format(), None) for problem in problems),
                   self.tr("No problems found in the course."))

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        target = item.data(LESSON_ROLE)
        if target:
            self.lesson_requested.emit(target)
