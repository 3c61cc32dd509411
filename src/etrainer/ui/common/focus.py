"""Tab order in reading order for pages whose controls are rebuilt (a quiz question, a walkthrough step):
Qt appends a widget made later to the end of its window's focus chain, after the buttons below it."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def focusable(root: QWidget) -> list[QWidget]:
    """`root` and the widgets in it that Tab can reach, in the order they were made (their reading order)."""
    found = [root] if root.focusPolicy() & Qt.FocusPolicy.TabFocus else []
    found += [w for w in root.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
              and w.focusProxy() is None and w.window() is root.window()]  # not a combo box's popup list
    return found


def chain(widgets: Iterable[QWidget]) -> None:
    """Make Tab go through `widgets` in this order."""
    ordered = [w for w in widgets if w is not None]
    for first, second in pairwise(ordered):
        QWidget.setTabOrder(first, second)
