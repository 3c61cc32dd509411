"""PresenterView: what the trainer sees on her laptop while the projector shows the slides.

The current page and the next one (as the room sees them), the speaker notes, the elapsed time, and
"Slide n of N". Buttons do what the keys do; they never take the keyboard focus, so Space and the
arrows always reach the show. Every key press the view does not use goes to the presentation window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.classroom.slide_show import Blank, format_elapsed
from etrainer.ui.presentation.slide_layout import Page, SlideLayout
from etrainer.ui.presentation.slide_view import SlideView


class PresenterView(QWidget):
    key_pressed = Signal(object)  # QKeyEvent
    previous_requested = Signal()
    next_requested = Signal()
    black_requested = Signal()
    white_requested = Signal()
    restart_clock_requested = Signal()
    end_requested = Signal()
    hidden_by_user = Signal()

    def __init__(self, layout: SlideLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenterView")
        self.setWindowTitle(self.tr("Presenter view"))
        self._counter = QLabel(objectName="presenterCounter")
        self._clock = QLabel(objectName="presenterClock")
        self._clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._clock.setStyleSheet("font-weight: bold;")
        self._state = QLabel(objectName="presenterBlankState")
        self._current = SlideView(layout)
        self._current.setObjectName("presenterCurrent")
        self._current.setAccessibleName(self.tr("Current slide"))
        self._next = SlideView(layout)
        self._next.setObjectName("presenterNext")
        self._next.setAccessibleName(self.tr("Next slide"))
        self._next.set_empty_text(self.tr("End of the presentation"))
        self._notes = QTextBrowser(objectName="presenterNotes")
        self._notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._notes.setAccessibleName(self.tr("Speaker notes"))
        self._build()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self._counter, 1)
        top.addWidget(self._state)
        top.addWidget(self._clock)
        next_label = QLabel(self.tr("Next"), objectName="presenterNextLabel")
        notes_label = QLabel(self.tr("Speaker notes"), objectName="presenterNotesLabel")
        grid = QGridLayout()
        grid.addWidget(self._current, 0, 0, 4, 1)
        grid.addWidget(next_label, 0, 1)
        grid.addWidget(self._next, 1, 1)
        grid.addWidget(notes_label, 2, 1)
        grid.addWidget(self._notes, 3, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(3, 3)
        buttons = QGridLayout()
        for number, (name, text, signal) in enumerate((
            ("presenterPrevious", self.tr("Previous"), self.previous_requested),
            ("presenterNextButton", self.tr("Next"), self.next_requested),
            ("presenterEnd", self.tr("End the show"), self.end_requested),
            ("presenterBlack", self.tr("Black screen"), self.black_requested),
            ("presenterWhite", self.tr("White screen"), self.white_requested),
            ("presenterRestartClock", self.tr("Restart the clock"), self.restart_clock_requested),
        )):
            button = QPushButton(text, objectName=name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button, number // 3, number % 3)
        keys = self.tr("Keys: → Space PageDown next; ← PageUp previous; Home, End; B black screen; "
                       "W white screen; S presenter view; Esc end the show.")
        self.setToolTip(keys)
        self.setAccessibleDescription(keys)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addLayout(grid, 1)
        column.addLayout(buttons)

    # -- what is shown -------------------------------------------------------------------------
    def set_layout(self, layout: SlideLayout) -> None:
        self._current.set_layout(layout)
        self._next.set_layout(layout)

    def show_position(self, current: Page, following: Page | None, slide_count: int, blank: Blank) -> None:
        self._current.set_page(current)
        self._next.set_page(following)
        slide = current.slide.index + 1
        if current.count > 1:
            counter = self.tr("Slide {slide} of {count} · page {page} of {pages}").format(
                slide=slide, count=slide_count, page=current.number + 1, pages=current.count)
        else:
            counter = self.tr("Slide {slide} of {count}").format(slide=slide, count=slide_count)
        self._counter.setText(counter)
        states = {Blank.NONE: "", Blank.BLACK: self.tr("The screen is black"),
                  Blank.WHITE: self.tr("The screen is white")}
        self._state.setText(states[blank])
        notes = current.slide.notes or self.tr("No speaker notes for this slide.")
        if notes != self._notes.toPlainText():
            self._notes.setPlainText(notes)

    def show_elapsed(self, seconds: float) -> None:
        text = format_elapsed(seconds)
        if text != self._clock.text():
            self._clock.setText(text)

    # -- input ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.key_pressed.emit(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.hidden_by_user.emit()
        super().closeEvent(event)
