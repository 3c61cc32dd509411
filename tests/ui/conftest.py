"""UI test set-up: offscreen Qt, background tasks run inline, prompts answered by the test."""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from etrainer.ui.common import prompts, tasks

GOOD_PACK = Path(__file__).parents[1] / "data" / "packs" / "good"


@pytest.fixture(autouse=True)
def _inline_tasks_and_prompts(monkeypatch):
    monkeypatch.setattr(tasks, "INLINE", True)
    answers: list[bool] = []
    monkeypatch.setattr(prompts, "ask_yes_no", lambda *a, **k: answers.pop(0) if answers else False)
    return answers


def type_text(widget: QWidget, text: str) -> None:
    """Type any text (Cyrillic too) into `widget` key by key (qtbot.keyClicks knows only Latin-1)."""
    widget.setFocus()
    for char in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


class Deferred:
    """run_in_background that keeps each task until the test finishes it, as a worker thread would."""

    def __init__(self) -> None:
        self.tasks: list[tuple[Any, Any, Any]] = []

    def __call__(self, fn: Any, on_done: Any, on_error: Any, on_progress: Any = None) -> Any:
        from etrainer.ui.common.tasks import Progress

        progress = Progress()
        if on_progress is not None:
            progress.changed.connect(on_progress)
        self.tasks.append((lambda: fn(progress), on_done, on_error))
        return progress

    def finish(self) -> None:
        work, on_done, on_error = self.tasks.pop(0)
        try:
            result = work()
        except Exception as error:  # as the worker hands it over
            on_error(error)
        else:
            on_done(result)


@pytest.fixture
def deferred(monkeypatch) -> Deferred:
    """The workspace window's background tasks, held until the test finishes each."""
    from etrainer.ui.methodist import window as window_module

    held = Deferred()
    monkeypatch.setattr(window_module, "run_in_background", held)
    return held
