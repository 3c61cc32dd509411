"""Shared pieces of the classroom screens: text that shrinks to fit, sizes from the screen height, file prompts.

Sizes are pixels derived from the window's height (a full-screen window: the projector's height),
so that at 1024×768 the body text is at least the equivalent of 28 pt (37 px at 96 DPI) whenever
the text fits, and bigger screens get proportionally bigger text. Fonts are set through the widget's
own style sheet, because the application's style sheet would override QWidget.setFont.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QSizePolicy, QWidget

BODY_RATIO = 37 / 768
"""Body text: 28 pt at 96 DPI on a 768-pixel-high screen."""
MIN_RATIO = 22 / 768
"""The smallest text a long question may shrink to (about 16.5 pt at 1024×768)."""


def pixels(widget: QWidget, ratio: float, least: int = 12) -> int:
    """`ratio` of the height of `widget`'s window, in whole pixels."""
    return max(least, round(widget.window().height() * ratio))


def make_font(pixel_size: int, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(max(1, pixel_size))
    font.setBold(bold)
    return font


def text_height(html: str, font: QFont, width: float) -> float:
    """The height of `html` set in `font`, wrapped at `width` pixels."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.setTextWidth(max(1.0, width))
    return document.size().height()


def largest_fitting(fits: Callable[[int], bool], low: int, high: int) -> int:
    """The largest size in low..high for which `fits(size)` holds (`low` when none does)."""
    best = low
    while low <= high:
        middle = (low + high) // 2
        if fits(middle):
            best, low = middle, middle + 1
        else:
            high = middle - 1
    return best


def inline_html(html: str) -> str:
    """Rendered markdown of one paragraph without its <p> wrapper (no paragraph margins on a big screen)."""
    text = html.strip()
    if text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1:
        return text[3:-4]
    return text


class FitLabel(QLabel):
    """Word-wrapped text that takes the largest font (between two ratios of the window height) that
    fits its rectangle. The layout gives it room; it never asks for more."""

    def __init__(self, object_name: str, max_ratio: float, min_ratio: float = MIN_RATIO, bold: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=object_name, wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self._max_ratio, self._min_ratio, self._bold = max_ratio, min_ratio, bold
        self.pixel_size = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.setMinimumHeight(1)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.refit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def refit(self) -> None:
        width, height = self.contentsRect().width(), self.contentsRect().height()
        high, low = pixels(self, self._max_ratio), pixels(self, self._min_ratio)
        size = largest_fitting(lambda px: text_height(self.text(), make_font(px, self._bold), width) <= height,
                               low, max(low, high))
        if size != self.pixel_size:
            self.pixel_size = size
            weight = "bold" if self._bold else "normal"
            self.setStyleSheet(f"font-size: {size}px; font-weight: {weight};")


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    """Where to save a file (None: cancelled). Tests replace this function."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def beep() -> None:
    """The end-of-time signal: the system beep (no QtMultimedia). Tests replace this function."""
    QApplication.beep()
