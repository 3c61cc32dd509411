"""The printable kit on A4: every document in one PDF, or one document alone.

Drawn by Qt like the memos (memo_pdf.py: QTextDocument laid out for the device, painted page by page
with a footer); import lazily. Forms and handouts are set in 10.5 pt on portrait or landscape pages,
their empty table cells tall enough to write in. The lecture deck is the module's lessons cut into
slides by core.classroom.slides: each slide takes the largest type (SLIDE_POINT_SIZES) that fits an
A4 landscape page; a slide that does not fit even at the smallest continues on further pages
(core.classroom.slide_pages, the title showing "(2/3)"). With `per_page: 2` two slides share a
portrait page, each a framed A5-landscape panel (the same layout, scaled by 1/√2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)

from etrainer.core.classroom.slide_pages import blocks_of, join_blocks, paginate
from etrainer.core.course.kit import Kit, KitDocument, Orientation
from etrainer.core.course.model import Course, Lesson
from etrainer.exchange.kit_html import (
    course_kit,
    deck_cover_html,
    document_html,
    kit_documents,
    lecture_slides,
    slide_html,
)
from etrainer.exchange.memo_html import OutputNotOpened
from etrainer.exchange.memo_pdf import FOOTER_MM, MARGINS_MM, STYLE, _ensure_app, write_pdf

FORM_POINT_SIZE = 10.5
SLIDE_POINT_SIZES = (20.0, 18.0, 16.0, 14.0, 12.0)
FORM_STYLE = STYLE + """
td { padding: 7px; }
th { padding: 4px; }
"""
SLIDE_STYLE = STYLE + """
h1 { font-size: 150%; color: #1F4E79; margin-bottom: 8px; }
"""
PANEL_GAP_MM = 8
SLIDE_INSET = 0.05
"""The border inside a slide's frame, as a share of the slide's height."""


@dataclass(slots=True)
class _Page:
    document: QTextDocument
    page: int
    orientation: Orientation
    footer: str
    deck: str = ""
    """The slide deck's id ("" for a form): its pages are framed slides."""
    panels: int = 1
    """Slides per sheet: 1, or 2 (two panels share a portrait sheet)."""
    inset: float = 0.0
    """The white border between a slide's frame and its text, in device pixels."""


def write_kit_pdf(course: Course, path: Path, document_id: str | None = None) -> int:
    """Write the whole kit (None) or one document as an A4 PDF; returns the page count.

    Raises NoKit, KitHasProblems, UnknownKitDocument (nothing is written then) or OutputNotOpened.
    """
    kit = course_kit(course)
    documents = kit_documents(kit, document_id)
    title = documents[0].title if document_id else kit.title
    return write_pdf(Path(path), title, lambda writer: paint_kit(writer, course, kit, documents, str(path)))


def paint_kit(device: QPagedPaintDevice, course: Course, kit: Kit, documents: Sequence[KitDocument],
              target: str) -> int:
    """Lay `documents` out on `device`, each from a new page; returns the number of sheets."""
    _ensure_app()
    pages: list[_Page] = []
    for document in documents:
        if document.is_slides:
            pages += _slide_pages(device, course, document)
        else:
            pages += _form_pages(device, course, document)
    sheets = _sheets(pages)
    painter = QPainter()
    _set_layout(device, _orientation(sheets[0]) if sheets else Orientation.PORTRAIT)
    if not painter.begin(device):
        raise OutputNotOpened(target=target)
    try:
        for number, sheet in enumerate(sheets, start=1):
            if number > 1:
                _set_layout(device, _orientation(sheet))
                device.newPage()
            _paint_sheet(painter, device, sheet, f"{kit.title} · {course.title}", number, len(sheets))
    finally:
        painter.end()
    return len(sheets)


def _orientation(sheet: list[_Page]) -> Orientation:
    """A sheet of two slide panels is portrait; any other sheet takes its page's orientation."""
    return Orientation.PORTRAIT if sheet[0].panels == 2 else sheet[0].orientation


def _set_layout(device: QPagedPaintDevice, orientation: Orientation) -> None:
    qt_orientation = QPageLayout.Orientation.Landscape if orientation is Orientation.LANDSCAPE \
        else QPageLayout.Orientation.Portrait
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), qt_orientation, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))


def _area(device: QPagedPaintDevice, orientation: Orientation) -> tuple[QSizeF, float]:
    """The text area of a page in `orientation` (the footer taken off) and the footer's height, in device pixels."""
    _set_layout(device, orientation)
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    footer = FOOTER_MM / 25.4 * device.logicalDpiY()
    return QSizeF(rect.width(), rect.height() - footer), footer


def _document(html: str, style: str, size: float, device: QPagedPaintDevice, page: QSizeF) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", size))
    document.setDefaultStyleSheet(style)
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(page)
    return document


def _form_pages(device: QPagedPaintDevice, course: Course, document: KitDocument) -> list[_Page]:
    size, _ = _area(device, document.orientation)
    text = _document(document_html(course, document), FORM_STYLE, FORM_POINT_SIZE, device, size)
    return [_Page(text, page, document.orientation, document.title) for page in range(text.pageCount())]


def _slide_pages(device: QPagedPaintDevice, course: Course, document: KitDocument) -> list[_Page]:
    area, _ = _area(device, Orientation.LANDSCAPE)
    inset = SLIDE_INSET * area.height()
    size = QSizeF(area.width() - 2 * inset, area.height() - 2 * inset)
    slides = lecture_slides(course, document)
    cover = _document(deck_cover_html(course, document), SLIDE_STYLE, SLIDE_POINT_SIZES[0], device, size)
    pages = [_Page(cover, 0, Orientation.LANDSCAPE, document.title, document.id, document.per_page, inset)]
    smallest = SLIDE_POINT_SIZES[-1]
    for number, (lesson, slide) in enumerate(slides, start=1):
        footer = f"Слайд {number} з {len(slides)} · урок «{lesson.title}»"
        title = slide.title or lesson.title

        def at(point_size: float, markdown: str, heading: str, lesson: Lesson = lesson) -> QTextDocument:
            return _document(slide_html(course, lesson, heading, markdown), SLIDE_STYLE, point_size, device, size)

        parts: Sequence[str] = [slide.markdown]
        fitted = next((text for text in (at(points, slide.markdown, title) for points in SLIDE_POINT_SIZES)
                       if text.pageCount() == 1), None)
        if fitted is None:
            blocks = paginate(blocks_of(slide.markdown),
                              lambda part, heading=title: at(smallest, join_blocks(part), heading).pageCount() == 1)
            parts = [join_blocks(part) for part in blocks]
        for index, markdown in enumerate(parts, start=1):
            heading = title if len(parts) == 1 else f"{title} ({index}/{len(parts)})"
            text = fitted if fitted is not None else at(smallest, markdown, heading)
            pages += [_Page(text, page, Orientation.LANDSCAPE, footer, document.id, document.per_page, inset)
                      for page in range(text.pageCount())]
    return pages


def _sheets(pages: list[_Page]) -> list[list[_Page]]:
    """Pages grouped onto printed sheets: two slide panels of one deck share a sheet, all else has its own."""
    sheets: list[list[_Page]] = []
    for page in pages:
        last = sheets[-1] if sheets else []
        if page.panels == 2 and len(last) == 1 and last[0].panels == 2 and last[0].deck == page.deck:
            last.append(page)
        else:
            sheets.append([page])
    return sheets


def _paint_sheet(painter: QPainter, device: QPagedPaintDevice, sheet: list[_Page], kit_footer: str, number: int,
                 total: int) -> None:
    first = sheet[0]
    size, footer = _area_now(device)
    if first.panels == 1:
        _paint_document_page(painter, first, QPointF(0, 0), 1.0)
        if first.deck:
            _frame(painter, QRectF(QPointF(0, 0), size))
        _paint_footer(painter, size, footer, first.footer if first.deck else kit_footer, number, total)
        return
    gap = PANEL_GAP_MM / 25.4 * device.logicalDpiY()
    text = first.document.pageSize()
    slide = QSizeF(text.width() + 2 * first.inset, text.height() + 2 * first.inset)
    scale = min(size.width() / slide.width(), (size.height() - gap) / 2 / slide.height())
    for index, page in enumerate(sheet):
        top = index * (slide.height() * scale + gap)
        _paint_document_page(painter, page, QPointF(0, top), scale)
        _frame(painter, QRectF(0, top, slide.width() * scale, slide.height() * scale))
    _paint_footer(painter, size, footer, " / ".join(page.footer.split(" · ")[0] for page in sheet), number, total)


def _area_now(device: QPagedPaintDevice) -> tuple[QSizeF, float]:
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    footer = FOOTER_MM / 25.4 * device.logicalDpiY()
    return QSizeF(rect.width(), rect.height() - footer), footer


def _paint_document_page(painter: QPainter, page: _Page, origin: QPointF, scale: float) -> None:
    size = page.document.pageSize()
    painter.save()
    painter.translate(origin)
    painter.scale(scale, scale)
    painter.translate(page.inset, page.inset - page.page * size.height())
    page.document.drawContents(painter, QRectF(0, page.page * size.height(), size.width(), size.height()))
    painter.restore()


def _frame(painter: QPainter, rect: QRectF) -> None:
    painter.save()
    painter.setPen(QPen(QColor("#1F4E79"), 4))
    painter.drawRect(rect)
    painter.restore()


def _paint_footer(painter: QPainter, size: QSizeF, footer: float, left: str, number: int, total: int) -> None:
    painter.save()
    painter.setFont(QFont("DejaVu Sans", 8))
    line_y = size.height() + footer * 0.25
    painter.drawLine(0, int(line_y), int(size.width()), int(line_y))
    box = QRectF(0, line_y, size.width(), footer * 0.75)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                     f"Сторінка {number} з {total}")
    painter.restore()
