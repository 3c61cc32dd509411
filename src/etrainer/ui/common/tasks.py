"""Long work off the UI thread: `run_in_background(fn, on_done, on_error)` with progress and cancel.

`fn` receives a `Progress` object: call `progress.report(done, total)`; it returns False once the
user cancelled. `fn` never touches widgets. Tests set `INLINE = True` to run tasks synchronously.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

INLINE = False

MIN_THREADS = 4
"""Qt's pool has as many threads as processors: one or two on a library's old PC, so a long import or LRS
send would hold back the dashboard and every view's reading started meanwhile. The work is mostly waiting on
the disk, a server or worker processes, so a few more threads let the views read while it runs."""


class Progress(QObject):
    changed = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._cancelled = threading.Event()

    def report(self, done: int, total: int) -> bool:
        self.changed.emit(done, total)
        return not self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress, signals: _Signals) -> None:
        super().__init__()
        self._fn, self._progress, self.signals = fn, progress, signals

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Exception as error:  # delivered to on_error on the UI thread
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


class LatestRun:
    """A view's background computation, one at a time, whose result is shown only while it is still the one
    wanted: a filter changed meanwhile makes another run due, started when this one ends (the last filter's
    result is the one left on screen; none in between is computed for nothing)."""

    def __init__(self) -> None:
        self.running = self.due = False

    def start(self) -> bool:
        """True: start the computation now. False: one runs; another is due when it ends."""
        if self.running:
            self.due = True
            return False
        self.running, self.due = True, False
        return True

    def end(self) -> bool:
        """The computation ended: True when its result is to be shown, False when another is due (the caller
        starts it now instead)."""
        self.running = False
        return not self.due

    def shown(self, view: QObject, start: Callable[[], object]) -> bool:
        """The computation ended: True when its result is to be shown in `view`; False when the view is gone
        (its window closed meanwhile) or another computation is due (`start` starts it now)."""
        if not shiboken6.isValid(view):
            return False
        if not self.end():
            start()
            return False
        return True


_alive: set[_Signals] = set()


def run_in_background(fn: Callable[[Progress], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None],
                      on_progress: Callable[[int, int], None] | None = None) -> Progress:
    """Run `fn(progress)` on the thread pool; `on_progress(done, total)` (connected before it starts) follows
    `progress.report` on the UI thread."""
    progress = Progress()
    if on_progress is not None:
        progress.changed.connect(on_progress)
    if INLINE:
        try:
            result = fn(progress)
        except Exception as error:
            on_error(error)
        else:
            on_done(result)
        return progress
    signals = _Signals()
    _alive.add(signals)

    def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def handler(value: Any) -> None:
            _alive.discard(signals)
            callback(value)
        return handler

    signals.done.connect(finish(on_done))
    signals.failed.connect(finish(on_error))
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_THREADS:
        pool.setMaxThreadCount(MIN_THREADS)
    pool.start(_Task(fn, progress, signals))
    return progress
