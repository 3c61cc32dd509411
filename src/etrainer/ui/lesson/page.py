"""The lesson page: heading, the lesson text, and the bottom bar (previous, bookmark, note, next)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etrainer.ui.lesson.browser import LessonBrowser
from etrainer.ui.viewmodels.reader import OpenLesson


class LessonPage(QWidget):
    previous_requested = Signal(str)
    next_requested = Signal(str)
    bookmark_toggled = Signal()
    note_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._module = QLabel(objectName="lessonModuleLabel", wordWrap=True)
        self._title = QLabel(objectName="lessonTitleLabel", wordWrap=True)
        self._meta = QLabel(objectName="lessonMetaLabel")
        self._meta.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.browser = LessonBrowser(self)
        self._note = QPlainTextEdit(objectName="noteEdit")
        self._note.setPlaceholderText(self.tr("Your note for this lesson (only you see it)…"))
        self._note.setAccessibleName(self.tr("Personal note"))
        self._note.setMaximumHeight(110)
        self._note.hide()
        self._previous = QPushButton(objectName="previousButton")
        self._next = QPushButton(objectName="nextButton")
        self._next.setProperty("primary", True)
        self._bookmark = QPushButton(objectName="bookmarkButton", checkable=True)
        self._note_button = QPushButton(self.tr("✎ Note"), objectName="noteButton", checkable=True)
        self._previous_id = self._next_id = ""

        heading = QVBoxLayout()
        heading.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self._module, 1)
        top.addWidget(self._meta)
        heading.addLayout(top)
        heading.addWidget(self._title)
        bar = QHBoxLayout()
        bar.addWidget(self._previous)
        bar.addStretch(1)
        bar.addWidget(self._bookmark)
        bar.addWidget(self._note_button)
        bar.addStretch(1)
        bar.addWidget(self._next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(heading)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self._note)
        layout.addLayout(bar)

        self._previous.clicked.connect(lambda: self.previous_requested.emit(self._previous_id))
        self._next.clicked.connect(lambda: self.next_requested.emit(self._next_id))
        self._bookmark.clicked.connect(self.bookmark_toggled.emit)
        self._note_button.toggled.connect(self._on_note_toggled)
        self._note.textChanged.connect(self._on_note_changed)
        self._loading_note = False

    def show_lesson(self, opened: OpenLesson, css: str, pack_root: Path, define: Callable[[str], str | None],
                    position: str) -> None:
        lesson = opened.lesson
        self._module.setText(opened.module.title)
        self._title.setText(lesson.title)
        meta = self.tr("about {minutes} min · {position}")
        self._meta.setText(meta.format(minutes=lesson.minutes, position=position))
        self.browser.show_html(opened.rendered.html, css, lesson.path, pack_root, define)
        if opened.anchor:
            self.browser.scrollToAnchor(opened.anchor)
        self._previous_id = opened.previous.id if opened.previous else ""
        self._next_id = opened.next.id if opened.next else ""
        self._previous.setText(self.tr("◂ Previous"))
        self._previous.setEnabled(bool(self._previous_id))
        self._next.setText(self.tr("Next ▸") if self._next_id else self.tr("Course end"))
        self._next.setEnabled(bool(self._next_id))
        self.set_bookmarked(opened.bookmarked)
        self._loading_note = True
        self._note.setPlainText(opened.note)
        self._loading_note = False
        self._note_button.setChecked(bool(opened.note))
        self._note.setVisible(bool(opened.note))

    def set_bookmarked(self, on: bool) -> None:
        self._bookmark.setChecked(on)
        self._bookmark.setText(self.tr("★ Bookmarked") if on else self.tr("☆ Bookmark"))

    def _on_note_toggled(self, on: bool) -> None:
        self._note.setVisible(on)
        if on:
            self._note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_note_changed(self) -> None:
        if not self._loading_note:
            self.note_edited.emit(self._note.toPlainText())
