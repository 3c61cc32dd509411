"""UI test set-up: offscreen Qt, background tasks run inline, prompts answered by the test."""

from __future__ import annotations

import os

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
