"""The main window's list page: search results, bookmarks, the course's problems, or a one-line message
(an empty review deck). Activating an entry that names a lesson asks for that lesson."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QSize, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.course.search import SearchHit

if TYPE_CHECKING:
    from etrainer.core.course.model import Course
    from etrainer.core.errors import Problem

LESSON_ROLE = 257  # Qt.ItemDataRole.UserRole + 1 as an int: see FIRST_PAINT_NOTE in ui/theme.py
HTML_ROLE = 258  # Qt.ItemDataRole.UserRole + 2
"""A search result as rich text: the title in bold, the matches in the snippet in bold (no brackets)."""


def hit_html(hit: SearchHit) -> str:
    snippet = "".join(f"<b>{html.escape(text)}</b>" if match else html.escape(text) for text, match in hit.parts)
    return f"<b>{html.escape(hit.title)}</b><br>{snippet}"


def hit_text(hit: SearchHit) -> str:
    """The same result as plain text (what a screen reader says): the title, then the snippet."""
    return f"{hit.title}\n{''.join(text for text, _match in hit.parts)}"


class RichItemDelegate(QStyledItemDelegate):
    """Draws an item's HTML_ROLE text (wrapped to the view's width) where it has one, else the plain text."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument | None:
        rich = index.data(HTML_ROLE)
        if not rich:
            return None
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(rich)
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QWidget) else option.rect.width()
        document.setTextWidth(max(80, width - 16))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        document = self._document(option, index)
        if document is None:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft() + QPoint(6, 4))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        document = self._document(option, index)
        if document is None:
            return super().sizeHint(option, index)
        return QSize(int(document.idealWidth()) + 12, int(document.size().height()) + 8)


class ListPage(QWidget):
    lesson_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self._title = QLabel(objectName="pageTitle", wordWrap=True)
        self._list = QListWidget(objectName="resultList")
        self._list.setWordWrap(True)
        self._list.setItemDelegate(RichItemDelegate(self._list))
        self.query = ""
        """The search whose results are shown ("" for the other lists): the lesson opened from it shows the match."""
        self._list.setAccessibleName(self.tr("Results"))
        self._list.itemActivated.connect(self._on_item_activated)
        self._list.itemClicked.connect(self._on_item_activated)
        layout.addWidget(self._title)
        layout.addWidget(self._list, 1)

    def _fill(self, title: str, entries: Iterable[tuple[str, str | None]], empty: str,
              rich: Sequence[str] = ()) -> None:
        self._list.clear()
        self.query = ""
        self._title.setText(title)
        for row, (text, lesson_id) in enumerate(entries):
            item = QListWidgetItem(text)
            if lesson_id:
                item.setData(LESSON_ROLE, lesson_id)
            if row < len(rich):
                item.setData(HTML_ROLE, rich[row])
            self._list.addItem(item)
        if self._list.count() == 0:
            self._list.addItem(QListWidgetItem(empty))

    def show_message(self, title: str, text: str) -> None:
        self._fill(title, (), text)

    def show_search(self, query: str, hits: Sequence[SearchHit]) -> None:
        self._fill(self.tr("Search: “{query}” — %n result(s)", "", len(hits)).format(query=query),
                   ((hit_text(hit), hit.lesson_id) for hit in hits),
                   self.tr("Nothing found. Try a shorter word."), [hit_html(hit) for hit in hits])
        self.query = query

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
