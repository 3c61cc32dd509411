"""The app's «Add a course» (File menu): a refusal, a full disk too, is one sentence in a message box."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from etrainer.core.course.pack import load_pack
from etrainer.exchange import course_pack
from etrainer.prefs import Prefs
from etrainer.ui import controller as controller_module
from etrainer.ui.common import prompts
from etrainer.ui.controller import AppController
from etrainer.ui.main_window import MainWindow
from etrainer.ui.viewmodels.reader import ReaderViewModel

from .conftest import GOOD_PACK


def test_a_full_disk_while_adding_a_course_is_one_sentence(qtbot: Any, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    result = load_pack(GOOD_PACK)
    vm = ReaderViewModel(result.course, result.problems)
    window = MainWindow(vm)
    qtbot.addWidget(window)
    controller = AppController(QApplication.instance(), window, vm, tmp_path / "data",
                               Prefs(extra={"welcome_seen": True}))
    errors: list[str] = []
    monkeypatch.setattr(controller_module, "show_error",
                        lambda _parent, _title, error: errors.append(controller_module.error_sentence(error)))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: errors.append(f"raw: {text}"))
    monkeypatch.setattr(prompts, "ask_open_file", lambda *args, **kwargs: str(GOOD_PACK / "course.yaml"))

    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(course_pack.shutil, "copyfile", no_space)
    controller.add_pack()
    packs = tmp_path / "data" / "packs"
    assert errors == [f"The course pack {GOOD_PACK} was not added: no space left on the disk holding {packs}. "
                      "Free some space and add it again; the courses already there were not changed."]
