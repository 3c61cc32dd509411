"""Memos (памʼятки) on A4: one memo as a PDF, or a booklet of all memos, each from a new page.

Drawn by Qt (QTextDocument on a QPdfWriter or a QPrinter): imports Qt, so import this module lazily
(`etrainer memo` and the print dialog do). Without a running Qt application a QGuiApplication is
created on the offscreen platform. The document is laid out for the device first (QT-NOTES trap 6)
and painted page by page, with a footer (course title, page n of N) on every page; table borders come
from the default style sheet set before the HTML (trap 7). A memo is meant for one or two pages: the
type is 10.5 pt, or 10 pt when that keeps the memo on one page, and shrinks down to 9 pt only to keep
it on two.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from etrainer.core.course.model import Course, Memo
from etrainer.core.course.references import image_inside_pack
from etrainer.exchange.memo_html import OutputNotOpened, all_memos, find_memo, memo_html

RESOLUTION = 300
MARGINS_MM = QMarginsF(18, 15, 18, 12)
FOOTER_MM = 9
POINT_SIZES = (10.5, 10.0, 9.5, 9.0)
ONE_PAGE_FROM = 10.0
MAX_PAGES = 2
STYLE = """
body { font-family: 'DejaVu Sans'; color: #1B1B1B; }
h1 { font-size: 15pt; color: #1F4E79; margin-bottom: 2px; }
p.as-of { color: #444444; margin-top: 0px; margin-bottom: 8px; }
h2 { font-size: 11.5pt; color: #1F4E79; margin-top: 10px; margin-bottom: 3px; }
h3 { font-size: 10.5pt; margin-top: 8px; margin-bottom: 2px; }
p { margin-top: 3px; margin-bottom: 3px; }
li { margin-top: 1px; margin-bottom: 1px; }
table { border-collapse: collapse; margin-top: 4px; margin-bottom: 4px; }
th, td { border: 1px solid #777777; padding: 3px; }
th { background-color: #E8EEF5; }
a { color: #1B1B1B; text-decoration: none; }
"""
_IMG = re.compile(r'<img\b[^>]*\bsrc="([^"]+)"')
_app: QGuiApplication | None = None


def _ensure_app() -> None:
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])


def write_memo_pdf(course: Course, module_id: str | None, path: Path) -> int:
    """Write the memo of `module_id` (None: the course-wide memo) as a PDF; returns the page count.

    Raises UnknownModule, ModuleWithoutMemo or CourseWithoutMemo (nothing is written then).
    """
    memo = find_memo(course, module_id)
    return _write_pdf(course, [memo], memo.title, path)


def write_memo_booklet(course: Course, path: Path) -> int:
    """The course-wide memo and every module's memo in one PDF, each from a new page; the page count."""
    return _write_pdf(course, all_memos(course), f"Памʼятки курсу «{course.title}»", path)


def paint_memos(device: QPagedPaintDevice, course: Course, memos: list[Memo], target: str) -> int:
    """Lay out `memos` on `device` (a QPdfWriter or a QPrinter set up by the caller); the page count.

    Raises OutputNotOpened (naming `target`, the file or the printer) when the device cannot be painted on.
    """
    _ensure_app()
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    area = device.pageLayout().paintRectPixels(device.logicalDpiX())
    footer = FOOTER_MM / 25.4 * device.logicalDpiY()
    page_size = QSizeF(area.width(), area.height() - footer)
    documents = [_fitted_document(course, memo, device, page_size) for memo in memos]
    total = sum(document.pageCount() for document in documents)
    painter = QPainter()
    if not painter.begin(device):
        raise OutputNotOpened(target=target)
    try:
        number = 0
        for document in documents:
            for page in range(document.pageCount()):
                if number:
                    device.newPage()
                number += 1
                _paint_page(painter, document, page, page_size, footer, course.title, number, total)
    finally:
        painter.end()
    return total


def _write_pdf(course: Course, memos: list[Memo], title: str, path: Path) -> int:
    return write_pdf(Path(path), title, lambda writer: paint_memos(writer, course, memos, str(path)))


def write_pdf(path: Path, title: str, paint: Callable[[QPdfWriter], int]) -> int:
    """An A4 PDF at `path` painted by `paint` (which returns the page count): written to `path.part` and
    renamed, so a failure leaves nothing half-written. Raises OutputNotOpened when it cannot be written."""
    if not path.parent.is_dir():
        raise OutputNotOpened(target=str(path))
    _ensure_app()
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setTitle(title)
    writer.setCreator("Е-тренер")
    writer.setResolution(RESOLUTION)
    try:
        pages = paint(writer)
    except BaseException:
        del writer
        partial.unlink(missing_ok=True)
        raise
    del writer  # finishes the PDF
    try:
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise OutputNotOpened(target=str(path)) from error
    return pages


def _fitted_document(course: Course, memo: Memo, device: QPagedPaintDevice, page_size: QSizeF) -> QTextDocument:
    """The memo at the largest type that keeps it on one page (down to ONE_PAGE_FROM points), else on
    two pages (down to the smallest size); the smallest size when even that needs more."""
    html = memo_html(course, memo)
    made: dict[float, QTextDocument] = {}

    def at(size: float) -> QTextDocument:
        if size not in made:
            made[size] = _document(html, size, course, memo, device, page_size)
        return made[size]

    for limit, sizes in ((1, [size for size in POINT_SIZES if size >= ONE_PAGE_FROM]), (MAX_PAGES, POINT_SIZES)):
        for size in sizes:
            if at(size).pageCount() <= limit:
                return at(size)
    return at(POINT_SIZES[-1])


def _document(html: str, size: float, course: Course, memo: Memo, device: QPagedPaintDevice,
              page_size: QSizeF) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", size))
    document.setDefaultStyleSheet(STYLE)
    document.setDocumentMargin(0)
    _add_images(document, html, memo, course, page_size.width())
    document.setHtml(html)
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(page_size)
    _keep_headings_with_next(document, page_size.height())
    return document


def _keep_headings_with_next(document: QTextDocument, page_height: float) -> None:
    """Move a heading left alone at the foot of a page to the next page (Qt knows no
    `page-break-after: avoid`)."""
    layout = document.documentLayout()
    document.pageCount()  # lays the whole document out
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid() and following.layout().lineCount():
            top = layout.blockBoundingRect(block).top()
            first_line = following.layout().lineAt(0)
            next_bottom = layout.blockBoundingRect(following).top() + first_line.y() + first_line.height()
            if int(top // page_height) != int(next_bottom // page_height):
                page_break = QTextBlockFormat()
                page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(page_break)
                document.pageCount()
        block = following


def _add_images(document: QTextDocument, html: str, memo: Memo, course: Course, width: float) -> None:
    for src in set(_IMG.findall(html)):
        path = image_inside_pack(src, memo.path, course.root)
        image = QImage(str(path)) if path is not None else QImage()
        if not image.isNull():
            limit = int(width * 96 / RESOLUTION)  # pictures at most the column's width (in 96-dpi pixels)
            if image.width() > limit:
                image = image.scaledToWidth(limit, Qt.TransformationMode.SmoothTransformation)
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(src), image)


def _paint_page(painter: QPainter, document: QTextDocument, page: int, size: QSizeF, footer: float,
                course_title: str, number: int, total: int) -> None:
    painter.save()
    painter.translate(0, -page * size.height())
    document.drawContents(painter, QRectF(0, page * size.height(), size.width(), size.height()))
    painter.restore()
    painter.save()
    font = QFont("DejaVu Sans", 8)
    painter.setFont(font)
    line_y = size.height() + footer * 0.25
    painter.drawLine(0, int(line_y), int(size.width()), int(line_y))
    box = QRectF(0, line_y, size.width(), footer * 0.75)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), course_title)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                     f"Сторінка {number} з {total}")
    painter.restore()
