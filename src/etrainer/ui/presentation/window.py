"""The presentation: a lesson's slides full-screen on the projector, the presenter view on the laptop.

With two screens or more, the slides go full-screen on a screen that is not the primary one and the
presenter view fills the primary screen. With one screen the slides fill it and the presenter view
is a normal window shown and hidden with S.

Keys (also on a Ukrainian keyboard layout): → ↓ PageDown Space Enter N = next; ← ↑ PageUp Backspace
P = previous; Home/End; B or . = black screen, W = white screen (press again, or go on, to bring the
slide back); S = presenter view; Esc = end the show. A left click on the slide goes on, a right click
goes back. USB clickers send PageDown/PageUp (some send B or . for their "blank" button).

Entry point for the main window: `start_presentation(parent, course, lesson)`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from etrainer.core.classroom.slide_show import Blank, Clock, SlideShow
from etrainer.core.classroom.slides import split_slides
from etrainer.core.course.model import Course, Lesson
from etrainer.ui.presentation.presenter import PresenterView
from etrainer.ui.presentation.slide_layout import Page, SlideLayout
from etrainer.ui.presentation.slide_view import SlideView


class Action(Enum):
    NEXT = "next"
    PREVIOUS = "previous"
    FIRST = "first"
    LAST = "last"
    BLACK = "black"
    WHITE = "white"
    PRESENTER = "presenter"
    LEAVE = "leave"


_KEYS = {
    Qt.Key.Key_Right: Action.NEXT, Qt.Key.Key_Down: Action.NEXT, Qt.Key.Key_PageDown: Action.NEXT,
    Qt.Key.Key_Space: Action.NEXT, Qt.Key.Key_Return: Action.NEXT, Qt.Key.Key_Enter: Action.NEXT,
    Qt.Key.Key_N: Action.NEXT,
    Qt.Key.Key_Left: Action.PREVIOUS, Qt.Key.Key_Up: Action.PREVIOUS, Qt.Key.Key_PageUp: Action.PREVIOUS,
    Qt.Key.Key_Backspace: Action.PREVIOUS, Qt.Key.Key_P: Action.PREVIOUS,
    Qt.Key.Key_Home: Action.FIRST, Qt.Key.Key_End: Action.LAST,
    Qt.Key.Key_B: Action.BLACK, Qt.Key.Key_Period: Action.BLACK, Qt.Key.Key_W: Action.WHITE,
    Qt.Key.Key_S: Action.PRESENTER, Qt.Key.Key_Escape: Action.LEAVE,
}
# The same physical keys on the Ukrainian layout: B и, . ю, W ц, S і, N т, P з.
_TEXTS = {"и": Action.BLACK, "ю": Action.BLACK, "ц": Action.WHITE, "і": Action.PRESENTER, "ы": Action.PRESENTER,
          "т": Action.NEXT, "з": Action.PREVIOUS}
_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def action_for(event: QKeyEvent) -> Action | None:
    if event.modifiers() & _MODIFIERS:
        return None
    action = _KEYS.get(Qt.Key(event.key())) if event.key() else None
    return action or _TEXTS.get(event.text().lower())


def choose_screens(screens: Sequence[QScreen]) -> tuple[QScreen, QScreen | None]:
    """(the projector's screen, the presenter's screen or None when there is only one screen)."""
    primary = QGuiApplication.primaryScreen()
    if len(screens) < 2:
        return (screens[0] if screens else primary), None
    others = [screen for screen in screens if screen is not primary]
    projector = others[0] if others else screens[1]
    presenter = primary if primary in screens and primary is not projector else screens[0]
    return projector, presenter


class PresentationWindow(QWidget):
    position_changed = Signal()
    finished = Signal()

    def __init__(self, course: Course, lesson: Lesson, screens: Sequence[QScreen] | None = None,
                 parent: QWidget | None = None, *, clock: Clock = time.monotonic) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentationWindow")
        self.setWindowTitle(self.tr("Presentation: {title}").format(title=lesson.title))
        self._projector, self._presenter_screen = choose_screens(
            list(screens) if screens is not None else QGuiApplication.screens())
        self._slides = split_slides(lesson)
        self._course, self._lesson = course, lesson
        self._layout = SlideLayout(course, lesson, self._projector.geometry().size())
        self._show = SlideShow(self._page_counts(), clock)
        self._view = SlideView(self._layout, self)
        self._view.clicked.connect(self._on_view_clicked)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self._view)
        self._presenter = PresenterView(self._layout, self)
        self._presenter.key_pressed.connect(self.handle_key)
        self._presenter.previous_requested.connect(lambda: self._do(Action.PREVIOUS))
        self._presenter.next_requested.connect(lambda: self._do(Action.NEXT))
        self._presenter.black_requested.connect(lambda: self._do(Action.BLACK))
        self._presenter.white_requested.connect(lambda: self._do(Action.WHITE))
        self._presenter.restart_clock_requested.connect(self._on_restart_clock)
        self._presenter.end_requested.connect(self.close)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._on_tick)
        self._ended = False
        self._refresh()

    # -- public --------------------------------------------------------------------------------
    def present(self) -> None:
        """Show the slides full-screen on the projector, and the presenter view where it belongs."""
        self.setScreen(self._projector)
        self.setGeometry(self._projector.geometry())
        self.showFullScreen()
        if self._presenter_screen is not None:
            self._presenter.setScreen(self._presenter_screen)
            self._presenter.setGeometry(self._presenter_screen.availableGeometry())
            self._presenter.showMaximized()
            self._presenter.activateWindow()
        else:
            self.activateWindow()
        self._show.restart_clock()
        self._clock_timer.start()
        self._on_tick()

    def current_page(self) -> Page:
        position = self._show.position
        return self._layout.pages(self._slides[position.slide])[position.page]

    def blank(self) -> Blank:
        return self._show.blank

    def slide_count(self) -> int:
        return len(self._slides)

    def presenter_view(self) -> PresenterView:
        return self._presenter

    def handle_key(self, event: QKeyEvent) -> bool:
        """Act on a key press from either window; False when the key means nothing here."""
        action = action_for(event)
        if action is None:
            return False
        self._do(action)
        return True

    # -- actions -------------------------------------------------------------------------------
    def _do(self, action: Action) -> None:
        if action is Action.LEAVE:
            self.close()
            return
        if action is Action.PRESENTER:
            self._toggle_presenter()
            return
        steps = {Action.NEXT: self._show.next, Action.PREVIOUS: self._show.previous,
                 Action.FIRST: self._show.first, Action.LAST: self._show.last,
                 Action.BLACK: self._show.toggle_black, Action.WHITE: self._show.toggle_white}
        steps[action]()
        self._refresh()

    def _toggle_presenter(self) -> None:
        if self._presenter.isVisible():
            self._presenter.hide()
            return
        if self._presenter_screen is not None:
            self._presenter.showMaximized()
        else:
            area = self._projector.availableGeometry()
            self._presenter.resize(QSize(area.width() * 9 // 10, area.height() * 9 // 10))
            self._presenter.move(area.center() - self._presenter.rect().center())
            self._presenter.show()
        self._presenter.raise_()
        self._presenter.activateWindow()

    def _refresh(self) -> None:
        page = self.current_page()
        following = self._show.following()
        next_page = None
        if following is not None:
            next_page = self._layout.pages(self._slides[following.slide])[following.page]
        self._view.set_page(page)
        self._view.set_blank(self._show.blank)
        self._presenter.show_position(page, next_page, len(self._slides), self._show.blank)
        self.position_changed.emit()

    def _page_counts(self) -> list[int]:
        return [len(self._layout.pages(slide)) for slide in self._slides]

    # -- events --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def _on_view_clicked(self, button: Qt.MouseButton) -> None:
        if button == Qt.MouseButton.LeftButton:
            self._do(Action.NEXT)
        elif button == Qt.MouseButton.RightButton:
            self._do(Action.PREVIOUS)

    def _on_tick(self) -> None:
        self._presenter.show_elapsed(self._show.elapsed())

    def _on_restart_clock(self) -> None:
        self._show.restart_clock()
        self._on_tick()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        if self.isVisible() and size.width() >= 320 and size.height() >= 240 and size != self._layout.size:
            self._layout = SlideLayout(self._course, self._lesson, size)
            self._show.set_page_counts(self._page_counts())
            self._view.set_layout(self._layout)
            self._presenter.set_layout(self._layout)
            self._refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._clock_timer.stop()
        self._presenter.close()
        super().closeEvent(event)
        if not self._ended:
            self._ended = True
            self.finished.emit()


def start_presentation(parent: QWidget, course: Course, lesson: Lesson) -> PresentationWindow:
    """Present `lesson` (F5 in the reader): slides on the projector, presenter view on the laptop."""
    window = PresentationWindow(course, lesson, parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.present()
    return window
