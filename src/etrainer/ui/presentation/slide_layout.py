"""How slides look on a screen of a given size: type sizes, auto-fit, continuation pages, painting.

Body type starts large and shrinks until the slide fits, never below the projector minimum (the
equivalent of 28 pt on a 1024×768 screen: 28 pt at 96 dpi is 37.3 px of 768, so 4.86 % of the screen
height). A slide that does not fit at the minimum continues on further pages (core.classroom.slide_pages), the
title showing "(2/3)". Only a block that cannot be cut (a code block, one very long sentence or table
row) and does not fit a page alone is set smaller: shrinking it is better than cutting it off.
Pictures are scaled to the text column and the page height. Colours follow the projector theme.

Qt documents are cached and reused: every Qt call that returns nothing costs (see the lead's notes
on PySide6 6.12 with Python 3.11), so measuring only sets the HTML of a kept document.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextDocument

from etrainer.core.classroom.slide_pages import Block, blocks_of, join_blocks, paginate
from etrainer.core.classroom.slides import Slide, SlideKind
from etrainer.core.course.model import Course, Lesson
from etrainer.core.course.reader import context_for
from etrainer.core.course.references import image_inside_pack
from etrainer.core.errors import EtrainerError
from etrainer.core.markdown import render_lesson
from etrainer.ui.common.errors import error_sentence
from etrainer.ui.theme import Theme, lesson_css

MIN_PX_PER_SCREEN_PX = 28 * 96 / 72 / 768
"""Body text height per pixel of screen height: 28 pt at 96 dpi on a 768-pixel-high screen."""
LARGEST = 1.3
"""Body type starts this much above the minimum, and shrinks until the slide fits."""
LAST_RESORT = 0.6
MAX_IMAGE_BYTES = 8 * 1024 * 1024

BACKGROUND = QColor("#FFFFFF")
HEADING = "#1F4E79"
SUBTLE = "#333333"
_BOXES = {"tip": ("#E7F4E8", "#2E7D32"), "warning": ("#FDECEA", "#B3261E"), "danger": ("#FDECEA", "#B3261E"),
          "note": ("#EAF1F8", "#1F4E79")}
SLIDE_CSS = """
p, li { line-height: 125%; }
th, td { border: 3px solid #5A5F66; padding: 4px 10px; }
div.footnote { font-size: medium; }
table.admonition { margin-top: 6px; margin-bottom: 6px; }
td.admonition p { margin-top: 0px; }  /* td.box-KIND below gives the colours */
""" + "".join(f"td.box-{kind} {{ background-color: {fill}; border: 3px solid {edge}; "
              f"border-left: 12px solid {edge}; padding: 10px; }}\n" for kind, (fill, edge) in _BOXES.items())
_IMG = re.compile(r'<img\b[^>]*\bsrc="([^"]+)"')
_DIV = re.compile(r'<div class="admonition ([\w-]+)">|<div\b[^>]*>|</div>')
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#|!]")
_WORST_SUFFIX = " (99/99)"


def minimum_body_px(screen_height: int) -> int:
    return math.ceil(screen_height * MIN_PX_PER_SCREEN_PX)


@dataclass(frozen=True, slots=True)
class Page:
    slide: Slide
    number: int
    """0-based page within the slide."""
    count: int
    """How many pages the slide has on this screen."""
    markdown: str
    body_px: int
    compact: bool = False
    """A first slide without the module's title and with a smaller lesson title, to make room."""

    @property
    def title(self) -> str:
        if self.count > 1 and self.slide.title:
            return f"{self.slide.title} ({self.number + 1}/{self.count})"
        return self.slide.title


class SlideLayout:
    """Pages of each slide for one screen size, and the painting of a page at that size."""

    def __init__(self, course: Course, lesson: Lesson, size: QSize) -> None:
        self._course, self._lesson = course, lesson
        self._module = course.module(lesson.module_id)
        self._context = context_for(course, lesson)
        self.size = QSize(max(320, size.width()), max(240, size.height()))
        width, height = self.size.width(), self.size.height()
        self.min_px = minimum_body_px(height)
        self.max_px = round(self.min_px * LARGEST)
        self.title_px = round(self.min_px * 1.35)
        self.margin_x = round(width * 0.05)
        self.margin_top = round(height * 0.045)
        self.margin_bottom = round(height * 0.05)
        self.text_width = width - 2 * self.margin_x
        self._html: dict[str, str] = {}
        self._heights: dict[tuple[str, int], float] = {}
        self._pages: dict[int, tuple[Page, ...]] = {}
        self._images: dict[str, QImage | None] = {}
        self._measuring: dict[int, tuple[QTextDocument, set[str]]] = {}
        self._documents: dict[tuple[str, int], QTextDocument] = {}
        self._texts: dict[tuple[str, int, str, bool, bool], QTextDocument] = {}

    # -- pages ---------------------------------------------------------------------------------
    def pages(self, slide: Slide) -> tuple[Page, ...]:
        if slide.index not in self._pages:
            self._pages[slide.index] = self._paginate(slide)
        return self._pages[slide.index]

    def _paginate(self, slide: Slide) -> tuple[Page, ...]:
        markdown = self._body_markdown(slide)
        if not markdown.strip():
            return (Page(slide, 0, 1, "", self.min_px),)
        variants = (False, True) if slide.kind is SlideKind.TITLE else (False,)
        for compact in variants:
            px = self._best_px(self._render(markdown), self._body_room(slide, True, compact))
            if px is not None:
                return (Page(slide, 0, 1, markdown, px, compact),)
        compact = variants[-1]
        room = self._body_room(slide, False, compact)

        def fits(blocks: Sequence[Block]) -> bool:
            return self._height(self._render(join_blocks(blocks)), self.min_px) <= room

        groups = paginate(blocks_of(markdown), fits)
        pages = []
        for number, group in enumerate(groups):
            text = join_blocks(group)
            px = self.min_px if fits(group) else self._shrunk_px(self._render(text), room)
            pages.append(Page(slide, number, len(groups), text, px, compact))
        return tuple(pages)

    def _body_markdown(self, slide: Slide) -> str:
        if slide.kind is not SlideKind.TITLE or not slide.markdown.strip():
            return slide.markdown
        lead = QCoreApplication.translate("SlideLayout", "After this lesson you will be able to:")
        return "**" + _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(0), lead) + "**\n\n" + slide.markdown

    def _best_px(self, html: str, room: float) -> int | None:
        """The largest body size from the minimum up that fits `room`, or None."""
        if self._height(html, self.min_px) > room:
            return None
        low, high = self.min_px, self.max_px
        while low < high:
            middle = (low + high + 1) // 2
            if self._height(html, middle) <= room:
                low = middle
            else:
                high = middle - 1
        return low

    def _shrunk_px(self, html: str, room: float) -> int:
        px = self.min_px
        while px > self.min_px * LAST_RESORT and self._height(html, px) > room:
            px -= 1
        return px

    def _body_room(self, slide: Slide, single: bool, compact: bool = False) -> float:
        room = self.size.height() - self.margin_top - self.margin_bottom
        suffix = "" if single else _WORST_SUFFIX
        if slide.kind is SlideKind.TITLE:
            block = self._title_block(slide.title + suffix, compact)
            return room - sum(doc.size().height() for doc in block) - self._title_gaps(len(block))
        if slide.title:
            room -= self._title_document(slide.title + suffix).size().height() + self._rule_gap()
        return room

    # -- documents -----------------------------------------------------------------------------
    def _render(self, markdown: str) -> str:
        if markdown not in self._html:
            try:
                self._html[markdown] = boxed_admonitions(render_lesson(markdown, self._context).html)
            except EtrainerError as error:
                self._html[markdown] = f"<p>{escape(error_sentence(error))}</p>"
        return self._html[markdown]

    def body_document(self, html: str, px: int) -> QTextDocument:
        """The laid-out document for `html` at body size `px` (cached: do not change it)."""
        key = (html, px)
        if key not in self._documents:
            document = self._new_document(px)
            self._add_images(document, html, set())
            document.setHtml(html)
            self._documents[key] = document
        return self._documents[key]

    def _new_document(self, px: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultStyleSheet(lesson_css(Theme.PROJECTOR) + SLIDE_CSS)
        font = QFont()
        font.setPixelSize(px)
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setTextWidth(self.text_width)
        return document

    def _height(self, html: str, px: int) -> float:
        key = (html, px)
        if key not in self._heights:
            if px not in self._measuring:
                self._measuring[px] = (self._new_document(px), set())
            document, added = self._measuring[px]
            if "<img" in html:
                self._add_images(document, html, added)
            document.setHtml(html)
            self._heights[key] = document.size().height()
        return self._heights[key]

    def _add_images(self, document: QTextDocument, html: str, added: set[str]) -> None:
        # Room under a one-line title, over the line height (125 %) that also applies to a picture's line.
        room = self.size.height() - self.margin_top - self.margin_bottom - self.title_px * 1.3 - self._rule_gap()
        room /= 1.3
        for src in set(_IMG.findall(html)) - added:
            added.add(src)
            image = self._image(src)
            if image is not None:
                scale = min(self.size.width() / 1024, self.text_width / image.width(), room / image.height())
                scaled = image.scaled(max(1, round(image.width() * scale)), max(1, round(image.height() * scale)),
                                      Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(src), scaled)

    def _image(self, src: str) -> QImage | None:
        if src not in self._images:
            path = image_inside_pack(src, self._lesson.path, self._course.root)
            image = None
            if path is not None and path.stat().st_size <= MAX_IMAGE_BYTES:
                image = QImage(str(path))
                image = None if image.isNull() else image
            self._images[src] = image
        return self._images[src]

    def _text(self, text: str, px: int, colour: str, bold: bool = True, centred: bool = False) -> QTextDocument:
        key = (text, px, colour, bold, centred)
        if key not in self._texts:
            document = QTextDocument()
            font = QFont()
            font.setPixelSize(px)
            font.setBold(bold)
            document.setDefaultFont(font)
            document.setDocumentMargin(0)
            align = ' align="center"' if centred else ""
            document.setHtml(f'<p{align} style="color: {colour};">{escape(text)}</p>')
            document.setTextWidth(self.text_width)
            self._texts[key] = document
        return self._texts[key]

    def _title_document(self, title: str) -> QTextDocument:
        return self._text(title, self.title_px, HEADING)

    def _title_block(self, title: str, compact: bool) -> list[QTextDocument]:
        """The first slide's heading: the module's title, then the lesson's, centred."""
        if compact:
            return [self._text(title, self.title_px, HEADING, True, True)]
        parts = [self._text(self._module.title, self.min_px, SUBTLE, False, True)] if self._module else []
        return [*parts, self._text(title, round(self.title_px * 1.15), HEADING, True, True)]

    def _title_gaps(self, parts: int) -> float:
        return self.min_px * 0.5 * (parts + 1)

    def _rule_width(self) -> int:
        return max(3, round(self.size.height() * 0.006))

    def _rule_gap(self) -> int:
        return self._rule_width() + round(self.min_px * 0.7)

    # -- painting ------------------------------------------------------------------------------
    def paint(self, painter: QPainter, page: Page) -> None:
        """Paint `page` at this layout's size, from (0, 0)."""
        painter.fillRect(QRectF(0, 0, self.size.width(), self.size.height()), BACKGROUND)
        if page.slide.kind is SlideKind.TITLE:
            self._paint_title_page(painter, page)
            return
        y = float(self.margin_top)
        if page.title:
            title = self._title_document(page.title)
            self._draw(painter, title, y)
            y += title.size().height() + round(self.min_px * 0.25)
            painter.fillRect(QRectF(self.margin_x, y, self.text_width, self._rule_width()), QColor(HEADING))
            y += self._rule_gap() - round(self.min_px * 0.25)
        if page.markdown:
            self._draw(painter, self.body_document(self._render(page.markdown), page.body_px), y)

    def _paint_title_page(self, painter: QPainter, page: Page) -> None:
        parts = self._title_block(page.title, page.compact)
        body = self.body_document(self._render(page.markdown), page.body_px) if page.markdown else None
        total = sum(part.size().height() for part in parts) + self._title_gaps(len(parts))
        total += body.size().height() if body is not None else 0
        y = max(float(self.margin_top), (self.size.height() - total) / 2)
        for part in parts:
            self._draw(painter, part, y)
            y += part.size().height() + self.min_px * 0.5
        y += self.min_px * 0.5
        if body is not None:
            painter.fillRect(QRectF(self.margin_x, y - self.min_px * 0.6, self.text_width, self._rule_width()),
                             QColor(HEADING))
            self._draw(painter, body, y)

    def _draw(self, painter: QPainter, document: QTextDocument, y: float) -> None:
        painter.save()
        painter.translate(QPointF(self.margin_x, y))
        document.drawContents(painter)
        painter.restore()


def boxed_admonitions(html: str) -> str:
    """Admonitions as one-cell tables: Qt's rich text paints a div's background behind each paragraph
    only, with gaps between, while a table cell gets one box with a thick coloured edge."""
    out: list[str] = []
    stack: list[bool] = []  # for each open div: is it an admonition?
    position = 0
    for match in _DIV.finditer(html):
        out.append(html[position:match.start()])
        position = match.end()
        if match.group(0) == "</div>":
            boxed = stack.pop() if stack else False
            out.append("</td></tr></table>" if boxed else "</div>")
        elif match.group(1):
            stack.append(True)
            kind = match.group(1) if match.group(1) in _BOXES else "note"
            out.append(f'<table class="admonition" width="100%" cellspacing="0" cellpadding="12">'
                       f'<tr><td class="admonition box-{kind}">')
        else:
            stack.append(False)
            out.append(match.group(0))
    out.append(html[position:])
    return "".join(out)
