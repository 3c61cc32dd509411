"""SlideView: one slide page, big (the projector) or small (the presenter's thumbnails).

The page is painted at the size of its SlideLayout (the projector screen) and scaled to the widget,
so a thumbnail shows exactly what the room sees. Blanking paints the whole widget black or white.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from etrainer.core.classroom.slide_show import Blank
from etrainer.ui.presentation.slide_layout import Page, SlideLayout

LETTERBOX = QColor("#000000")


class SlideView(QWidget):
    clicked = Signal(object)  # Qt.MouseButton

    def __init__(self, layout: SlideLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slideView")
        self.setAccessibleName(self.tr("Slide"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._layout = layout
        self._page: Page | None = None
        self._blank = Blank.NONE
        self._empty_text = ""

    # -- what is shown -------------------------------------------------------------------------
    def set_layout(self, layout: SlideLayout) -> None:
        self._layout = layout
        self.update()

    def set_page(self, page: Page | None) -> None:
        self._page = page
        self.setAccessibleDescription(page.title if page is not None else self._empty_text)
        self.update()

    def set_blank(self, blank: Blank) -> None:
        self._blank = blank
        self.update()

    def set_empty_text(self, text: str) -> None:
        """What to show when there is no page (after the last slide, in the presenter's 'next')."""
        self._empty_text = text
        self.update()

    def page(self) -> Page | None:
        return self._page

    def blank(self) -> Blank:
        return self._blank

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), LETTERBOX if self._blank is not Blank.WHITE else QColor("#FFFFFF"))
        if self._blank is not Blank.NONE:
            return
        if self._page is None:
            self._paint_empty(painter)
            return
        size = self._layout.size
        scale = min(self.width() / size.width(), self.height() / size.height())
        painter.translate((self.width() - size.width() * scale) / 2, (self.height() - size.height() * scale) / 2)
        painter.scale(scale, scale)
        painter.setClipRect(QRectF(0, 0, size.width(), size.height()))
        self._layout.paint(painter, self._page)

    def _paint_empty(self, painter: QPainter) -> None:
        if not self._empty_text:
            return
        font = QFont(self.font())
        font.setPixelSize(max(12, self.height() // 10))
        painter.setFont(font)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text)

    # -- input ---------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(event.button())
        event.accept()
