"""Menu actions whose shortcuts work anywhere in their window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def add_action(owner: QWidget, menu: QMenu, text: str, slot: Callable[[], object], shortcut: Shortcut = None,
               extra: list[str] | None = None, name: str = "") -> QAction:
    """A menu item in `menu` whose shortcut (and `extra` ones) works anywhere in `owner`'s window."""
    action = QAction(text, owner, objectName=name)
    if shortcut is not None:
        keys = [_sequence(shortcut)] + [_sequence(k) for k in extra or []]
        action.setShortcuts(keys)
    action.triggered.connect(lambda _=False: slot())
    menu.addAction(action)
    owner.addAction(action)
    return action


def _sequence(key: QKeySequence | QKeySequence.StandardKey | str) -> QKeySequence:
    """A key sequence; text goes through `fromString`, because `QKeySequence(str)` makes PySide try the
    Qt::Key overload first and so creates every Qt-namespace enum (see FIRST_PAINT_NOTE in ui/theme.py)."""
    if isinstance(key, str):
        return QKeySequence.fromString(key)
    return key if isinstance(key, QKeySequence) else QKeySequence(key)
