"""What a person would see as broken at 1024×768: texts that do not fit their label or button, widgets that run
past their window (or sideways out of a scroll area), and windows larger than the screen.

Used by test_layout_1024.py; `problems(window)` returns one readable line per defect.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSlider,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from etrainer.ui.common.wrapping import WrappingButton

SCREEN = QSize(1024, 768)
TITLE_BAR = 30
"""A decorated window is this much taller than its client area: the client area must fit 768 − 30."""
SLACK = 2


def settle(rounds: int = 3) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def fit_window(window: QWidget, size: QSize | None = None) -> None:
    """Show `window` as a normal window: at `size`, or at the size it gives itself (else its size hint) as Qt
    would show it, never larger than the screen."""
    resized = window.testAttribute(Qt.WidgetAttribute.WA_Resized)  # a size of its own, as Qt would show it
    own = window.size()
    window.showNormal()
    settle()
    wanted = size or (own if resized else window.sizeHint()).expandedTo(window.minimumSizeHint())
    window.resize(wanted.boundedTo(QSize(SCREEN.width(), SCREEN.height() - TITLE_BAR)))
    settle()


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _inside_item_view(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractItemView, QTextEdit)):
            return True
        parent = parent.parentWidget()
    return False


def _scroll_area_of(widget: QWidget, top: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def text_problem(widget: QWidget) -> str | None:
    """Why the visible text of a label or button does not fit it, or None."""
    if isinstance(widget, WrappingButton):
        return None  # its text is in a word-wrapping QLabel child, checked as a label
    if isinstance(widget, QAbstractButton):
        text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text:
            return None
        hint = widget.sizeHint()
        if hint.width() > widget.width() + SLACK or hint.height() > widget.height() + SLACK:
            return (f"{_name(widget)} '{_short(text)}' needs {hint.width()}×{hint.height()} "
                    f"has {widget.width()}×{widget.height()}")
        return None
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text.strip() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return None
        if widget.wordWrap():
            inner = widget.contentsRect().width()
            height = widget.heightForWidth(widget.width())
            if height > widget.height() + SLACK:
                return f"{_name(widget)} '{_short(text)}' needs {height}px high has {widget.height()}px"
            longest = max((widget.fontMetrics().horizontalAdvance(word) for word in text.split()
                           if "<" not in word and ">" not in word), default=0)
            if widget.textFormat() is Qt.TextFormat.PlainText and longest > inner + SLACK:
                return f"{_name(widget)} '{_short(text)}': a word needs {longest}px has {inner}px"
            return None
        hint = widget.sizeHint()
        if hint.width() > widget.width() + SLACK or hint.height() > widget.height() + SLACK:
            return (f"{_name(widget)} '{_short(text)}' needs {hint.width()}×{hint.height()} "
                    f"has {widget.width()}×{widget.height()}")
    return None


def _elided_items(tree: QTreeWidget) -> list[str]:
    """Tree rows whose text the view shortens with «…»."""
    found: list[str] = []
    metrics = tree.fontMetrics()

    def visit(item: QTreeWidgetItem) -> None:
        rect = tree.visualItemRect(item)
        if rect.isValid() and rect.intersects(tree.viewport().rect()):
            icon = tree.iconSize().width() + 6 if not item.icon(0).isNull() else 0
            width = rect.width() - icon - 8
            if tree.wordWrap():
                bounds = metrics.boundingRect(QRect(0, 0, max(1, width), 100000), Qt.TextFlag.TextWordWrap,
                                              item.text(0))
                if bounds.height() > rect.height() + SLACK or bounds.width() > width + SLACK:
                    found.append(f"{_name(tree)} row '{_short(item.text(0))}' needs {bounds.width()}×"
                                 f"{bounds.height()} has {width}×{rect.height()}")
            elif metrics.horizontalAdvance(item.text(0)) > width + SLACK:
                found.append(f"{_name(tree)} row '{_short(item.text(0))}' is cut to {width}px")
        for index in range(item.childCount()):
            if item.isExpanded():
                visit(item.child(index))

    for index in range(tree.topLevelItemCount()):
        visit(tree.topLevelItem(index))
    return found


def problems(top: QWidget, screen: QSize = SCREEN) -> list[str]:
    """Every defect a person would see in the visible window `top` at `screen` size."""
    found: list[str] = []
    title = f"{_name(top)} '{_short(top.windowTitle())}'"
    client = QSize(screen.width(), screen.height() - (0 if top.isFullScreen() else TITLE_BAR))
    if top.width() > client.width() or top.height() > client.height():
        found.append(f"{title} is {top.width()}×{top.height()}, larger than {client.width()}×{client.height()}")
    least = top.minimumSize().expandedTo(top.minimumSizeHint()) if top.layout() is not None else top.minimumSize()
    if least.width() > client.width() or least.height() > client.height():
        found.append(f"{title} needs at least {least.width()}×{least.height()}")
    window_rect = top.rect()
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 1 or widget.window() is not top or _inside_item_view(widget):
            continue
        where = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
        area = _scroll_area_of(widget, top)
        if area is not None:
            # the scrolled content may not be wider than the view; what is inside it may not be wider than it
            frame = area.viewport() if widget is area.widget() or area.widget() is None else area.widget()
            frame_rect = QRect(frame.mapTo(top, QPoint(0, 0)), frame.size())
            if where.right() > frame_rect.right() + SLACK and where.left() < frame_rect.right():
                found.append(f"{_name(widget)} runs {where.right() - frame_rect.right()}px past the right edge of "
                             f"{_name(area)}")
                continue
        elif not window_rect.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(where):
            found.append(f"{_name(widget)} at {where.x()},{where.y()} {where.width()}×{where.height()} is outside "
                         f"its window {window_rect.width()}×{window_rect.height()}")
            continue
        if isinstance(widget, QTreeWidget):
            elided = _elided_items(widget)
            if elided:
                found.append(f"{len(elided)} row(s) cut short, e.g. {elided[0]}")
        if isinstance(widget, QAbstractScrollArea):
            continue
        problem = text_problem(widget)
        if problem:
            found.append(problem)
    return [f"{title}: {line}" if not line.startswith(title) else line for line in found]


def unnamed_controls(top: QWidget) -> list[str]:
    """Visible controls a screen reader could not name: no accessible name, no text of their own, and no label
    whose buddy they are."""
    buddies = {id(label.buddy()) for label in top.findChildren(QLabel) if label.buddy() is not None}
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not top or _inside_item_view(widget):
            continue
        if isinstance(widget, QAbstractButton) and isinstance(widget.parentWidget(), QLineEdit):
            continue  # a line edit's own clear button
        if isinstance(widget, QAbstractButton):
            named = bool(widget.text().strip() or widget.accessibleName().strip())
        elif isinstance(widget, (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit,
                                 QAbstractItemView, QSlider)):
            if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
                continue  # the editor inside a combo or spin box: the box carries the name
            named = bool(widget.accessibleName().strip()) or id(widget) in buddies
        else:
            continue
        if not named:
            found.append(f"{_name(widget)} has no accessible name")
    return found
