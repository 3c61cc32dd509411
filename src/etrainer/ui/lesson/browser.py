"""LessonBrowser: shows sanitised lesson HTML, loads only pictures stored in the course pack,
shows glossary definitions as tooltips, and turns link clicks into signals (it never opens
anything by itself)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QRegularExpression, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetrics, QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from etrainer.core.course.references import image_inside_pack

MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 70, 250, 10
MAX_IMAGE_BYTES = 8 * 1024 * 1024


_ADMONITION = re.compile(r'<div class="(admonition[^"]*)">')
_DIV = re.compile(r"<div\b|</div>")


def boxed_admonitions(html: str) -> str:
    """«Порада», «Увага» … boxes as one-cell tables: Qt's rich text paints a div's background per paragraph,
    which shows a box as separate strips; a table cell is one box with its border and padding."""
    out, position = [], 0
    while (start := _ADMONITION.search(html, position)) is not None:
        depth, end = 0, None
        for tag in _DIV.finditer(html, start.start()):
            depth += 1 if tag.group(0) == "<div" else -1
            if depth == 0:
                end = tag
                break
        if end is None:
            break
        classes = start.group(1)
        out.append(html[position:start.start()])
        out.append(f'<table class="{classes}" width="100%" cellspacing="0" cellpadding="0"><tr>'
                   f'<td class="{classes}">{html[start.end():end.start()]}</td></tr></table>')
        position = end.end()
    out.append(html[position:])
    return "".join(out)


class LessonBrowser(QTextBrowser):
    lesson_link_clicked = Signal(str, str)  # lesson id, anchor
    external_link_clicked = Signal(QUrl)
    zoom_changed = Signal(int)
    reached_end = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonBrowser")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(self.tr("Lesson text"))
        self._zoom = 100
        self._lesson_file: Path | None = None
        self._pack_root: Path | None = None
        self._define: Callable[[str], str | None] = lambda _key: None
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    # -- content -------------------------------------------------------------------------------
    def show_html(self, html: str, css: str, lesson_file: Path | None, pack_root: Path | None,
                  define: Callable[[str], str | None]) -> None:
        self._lesson_file, self._pack_root, self._define = lesson_file, pack_root, define
        document = QTextDocument(self)
        document.setDefaultStyleSheet(css)  # before setHtml, or tables lose their borders
        document.setDocumentMargin(16)
        document.setDefaultFont(self._zoomed_font())
        self.setDocument(document)
        self.setHtml(boxed_admonitions(html))
        self._update_margins()
        self.verticalScrollBar().setValue(0)

    def loadResource(self, kind: int, url: QUrl) -> object:
        """Only images stored inside the course pack; nothing remote, nothing else."""
        if kind != QTextDocument.ResourceType.ImageResource.value or self._lesson_file is None \
                or self._pack_root is None or url.scheme() or url.host():
            return None
        path = image_inside_pack(url.path(), self._lesson_file, self._pack_root)
        if path is None or path.stat().st_size > MAX_IMAGE_BYTES:
            return None
        image = QImage(str(path))
        if image.isNull():
            return None
        limit = max(200, self.viewport().width() - 40)
        return image.scaledToWidth(limit) if image.width() > limit else image

    # -- zoom ----------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        percent = max(MIN_ZOOM, min(MAX_ZOOM, int(percent)))
        if percent == self._zoom:
            return
        self._zoom = percent
        self.document().setDefaultFont(self._zoomed_font())
        self._update_margins()
        self.zoom_changed.emit(percent)

    def _zoomed_font(self) -> QFont:
        """The theme's text size (the widget's own font: 20 pt on the projector), at the learner's zoom."""
        font = QFont(self.font())
        font.setPointSizeF(max(12.0, self.font().pointSizeF()) * self._zoom / 100)
        return font

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a theme applied later: keep its size and the zoom
            self.document().setDefaultFont(self._zoomed_font())
            self._update_margins()

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - ZOOM_STEP)

    # -- events --------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            anchor = self.anchorAt(event.pos())
            if anchor.startswith("term:"):
                definition = self._define(anchor[5:])
                if definition:
                    QToolTip.showText(event.globalPos(), definition, self)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_margins()

    def _update_margins(self) -> None:
        """Keep the text column near 75 characters wide and centred on wide screens."""
        metrics = QFontMetrics(self.document().defaultFont())
        column = metrics.horizontalAdvance("м") * 75
        spare = max(0, self.width() - column - 40)
        self.setViewportMargins(spare // 2, 0, spare // 2, 0)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "lesson":
            target = url.toString()[len("lesson:"):]
            lesson_id, _, anchor = target.partition("#")
            self.lesson_link_clicked.emit(lesson_id, anchor)
        elif scheme in ("http", "https", "mailto"):
            self.external_link_clicked.emit(url)
        elif scheme == "term":
            definition = self._define(url.path())
            if definition:
                QToolTip.showText(self.mapToGlobal(self.cursorRect().center()), definition, self)
        elif not scheme and url.hasFragment():
            self.scrollToAnchor(url.fragment())

    def _on_scrolled(self, value: int) -> None:
        bar = self.verticalScrollBar()
        if value >= bar.maximum() - 4:
            self.reached_end.emit()

    def show_match(self, words: list[str]) -> bool:
        """Select and scroll to the first place where one of `words` (search terms; a term also matches the
        start of a longer word) occurs; False when none does."""
        first = None
        for word in words:
            pattern = QRegularExpression(r"\b" + QRegularExpression.escape(word),
                                         QRegularExpression.PatternOption.CaseInsensitiveOption
                                         | QRegularExpression.PatternOption.UseUnicodePropertiesOption)
            found = self.document().find(pattern)
            if not found.isNull() and (first is None or found.selectionStart() < first.selectionStart()):
                first = found
        if first is None:
            return False
        self.setTextCursor(first)
        self.ensureCursorVisible()
        return True

    def content_fits(self) -> bool:
        return self.verticalScrollBar().maximum() == 0
