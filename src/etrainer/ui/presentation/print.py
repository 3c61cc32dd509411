"""Printing memos (памʼятки) from the app: the system print dialog, then the same A4 layout as the PDF."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from etrainer.core.course.model import Course, Memo
from etrainer.core.errors import EtrainerError
from etrainer.exchange.memo_html import all_memos, find_memo
from etrainer.ui.common.errors import show_error


def print_memo(parent: QWidget | None, course: Course, module_id: str | None) -> bool:
    """Print the memo of `module_id` (None: the course-wide memo); True when it went to the printer."""
    title = QCoreApplication.translate("MemoPrinting", "Print the memo")
    try:
        memo = find_memo(course, module_id)
    except EtrainerError as error:
        show_error(parent, title, error)
        return False
    return _print(parent, course, [memo], memo.title, title)


def print_all_memos(parent: QWidget | None, course: Course) -> bool:
    """Print the booklet: the course-wide memo and every module's memo, each from a new page."""
    title = QCoreApplication.translate("MemoPrinting", "Print all memos")
    try:
        memos = all_memos(course)
    except EtrainerError as error:
        show_error(parent, title, error)
        return False
    return _print(parent, course, memos, course.title, title)


def _print(parent: QWidget | None, course: Course, memos: list[Memo], document_name: str, title: str) -> bool:
    from etrainer.exchange.memo_pdf import paint_memos

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        paint_memos(printer, course, memos, printer.printerName() or printer.outputFileName())
    except EtrainerError as error:
        show_error(parent, title, error)
        return False
    return True
