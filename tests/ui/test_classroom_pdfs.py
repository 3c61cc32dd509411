"""The Classroom menu's memos and kit as PDF: written on a worker thread, then one line says where, or why not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.ui.common import tasks
from etrainer.ui.main_window import MainWindow
from etrainer.ui.viewmodels.reader import ReaderViewModel

COURSE = load_pack(bundled_course_dir()).course


@pytest.fixture
def window(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(tasks, "INLINE", False)  # a real worker thread, as in the app
    window = MainWindow(ReaderViewModel(COURSE, ()))
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("key", ["all", COURSE.modules[0].id])
def test_a_memo_is_written_off_the_ui_thread_and_said_where(window: MainWindow, qtbot: Any, tmp_path: Path,
                                                            key: str) -> None:
    target = tmp_path / "memo.pdf"
    window.menus.classroom.write_memo(COURSE, target, key)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Saved"), timeout=30_000)
    assert target.read_bytes().startswith(b"%PDF") and str(target) in window.statusBar().currentMessage()


def test_a_memo_that_cannot_be_written_is_one_line(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    window.menus.classroom.write_memo(COURSE, tmp_path / "a-file" / "memo.pdf", "all")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("The PDF was not saved"), timeout=30_000)
