"""Run something once a widget has painted for the first time (start-up work that must not delay it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaint(QObject):
    """Calls `callback` once, from the event loop, after `widget` has painted for the first time."""

    def __init__(self, widget: QObject, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback, self._done = callback, False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._callback)
        return False
