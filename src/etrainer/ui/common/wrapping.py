"""Buttons and check boxes whose text wraps: long Ukrainian sentences must fit a 1024-pixel screen and
the projector's large type (QPushButton and QCheckBox never wrap their own text)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, QTimer
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from etrainer.ui.common.paint import FirstPaint


class WrappingButton(QPushButton):
    """A push button showing its text in a word-wrapping label. The button itself paints no text, so `text()` is
    empty, as for any QPushButton without one (a probe measuring it on one line would find it cut); the text is
    its accessible name."""

    def __init__(self, text: str, parent: QWidget | None = None, objectName: str = "") -> None:
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self.setText(text)
        self.setAccessibleName(text)
        from PySide6.QtCore import Qt  # not at import: see FIRST_PAINT_NOTE in ui/theme.py

        self._label = QLabel(text, self, wordWrap=True)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._label.setObjectName("buttonText")  # coloured by the theme: QPushButton QLabel#buttonText
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self._label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        super().setText("")
        self._text = text

    def one_line_width(self) -> int:
        """The width the text needs on one line, padding included (the label has the theme's font)."""
        return self._label.fontMetrics().horizontalAdvance(self._text) + 32

    def sizeHint(self) -> QSize:
        width = min(self.one_line_width(), 640)  # on one line, if it fits
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._label.heightForWidth(max(40, width - 24)) + 16

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self._label.fontMetrics().height() + 16)


class WrappingToggle(QFrame):
    """A radio button or check box with a word-wrapping label beside it; clicking the label clicks the button."""

    def __init__(self, button: QAbstractButton, text: str, *, rich: bool = False, objectName: str = "",
                 label_name: str = "") -> None:
        from PySide6.QtCore import Qt  # not at import: see FIRST_PAINT_NOTE in ui/theme.py

        super().__init__(objectName=objectName)
        self.button = button
        self.label = QLabel(text, wordWrap=True, objectName=label_name)
        self.label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.isEnabled() and self.button.isEnabled():
            self.button.click()
        super().mousePressEvent(event)


class WrappingCheckBox(WrappingToggle):
    """A check box with a word-wrapping label. `box` is the QCheckBox (named `objectName`)."""

    def __init__(self, text: str, parent: QWidget | None = None, objectName: str = "") -> None:
        super().__init__(QCheckBox(objectName=objectName), text)
        self.box = self.button
        self.box.setAccessibleName(text)
        if parent is not None:
            self.setParent(parent)


_WORD_WRAP = 0x1000
"""Qt.TextFlag.TextWordWrap as its int (the flags argument is an int): the tree is painted before the
first paint ends, so no Qt-namespace enum here (see FIRST_PAINT_NOTE in ui/theme.py)."""


class WrappingItemDelegate(QStyledItemDelegate):
    """Rows of a tree or list view whose long text wraps onto more lines (never «1. …»): the height of a row
    follows its column's width, and the rows are laid out again when the view gets narrower or wider."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._width = -1
        view.setWordWrap(True)
        view.setProperty("textElideMode", 3)  # Qt.TextElideMode.ElideNone, as its int: FIRST_PAINT_NOTE
        view.installEventFilter(self)  # a new theme changes the font: the rows are measured again
        # The viewport's width is watched once the view has painted: the first `viewport()` call makes PySide
        # resolve the Python type of a QWidget* and so create the enums of every QWidget subclass (about 15 ms),
        # which the window's first paint need not wait for. The rows are laid out again if the width changed.
        FirstPaint(view, self._watch_viewport)

    def _watch_viewport(self) -> None:
        viewport = self._view.viewport()
        viewport.installEventFilter(self)
        if viewport.width() != self._width:
            self._width = viewport.width()
            self._view.doItemsLayout()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._view.columnWidth(index.column()) - self._view.indentation() * (depth + 1) - 16
        text = str(index.data() or "")
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, max(40, width), 100000),
                                                 _WORD_WRAP, text)
        return QSize(min(hint.width(), max(40, width)), max(hint.height(), bounds.height() + 8))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only the event is read here (a view being destroyed still sends events): the relayout runs later, and
        # only while the view exists (the timer's context).
        kind = event.type()
        restyled = kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and watched is self._view
        resized = kind == QEvent.Type.Resize and watched is not self._view \
            and isinstance(event, QResizeEvent) and event.size().width() != self._width
        if resized:
            self._width = event.size().width()
        if restyled or resized:
            QTimer.singleShot(0, self._view, self._view.doItemsLayout)
        return False


class HeightForWidthFilter(QObject):
    """A dialog whose labels wrap gets the height its layout needs at its width (a top-level window does not
    ask its layout for that by itself, so wrapped lines would be squeezed or cut)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.Resize, QEvent.Type.Show):
            return False
        layout = self._window.layout()
        if layout is not None and layout.hasHeightForWidth():
            need = layout.totalHeightForWidth(self._window.width())
            if need > self._window.minimumHeight():
                self._window.setMinimumHeight(min(need, self._window.screen().availableGeometry().height() - 40))
        return False
