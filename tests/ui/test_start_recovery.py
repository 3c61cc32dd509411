"""The window's start: a missing database or a foreign file is a question (prompts, patched here), and what
was restored or salvaged is told in a message; expected failures are one sentence, never a traceback."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from tests.storage.damage_kit import add_learner, damage_page_of, names

from etrainer.core.course.pack import load_pack
from etrainer.prefs import Prefs
from etrainer.storage.backup import BackupManager
from etrainer.storage.recovery import open_or_recover
from etrainer.ui import controller as controller_module
from etrainer.ui.common import prompts
from etrainer.ui.controller import AppController
from etrainer.ui.main_window import MainWindow
from etrainer.ui.viewmodels.reader import ReaderViewModel

from .conftest import GOOD_PACK


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Messages and errors the controller showed: (kind, title, text)."""
    seen: list[tuple[str, str, str]] = []
    monkeypatch.setattr(controller_module, "show_message",
                        lambda parent, title, text, details="": seen.append(("message", title, text)))
    monkeypatch.setattr(controller_module, "show_error",
                        lambda parent, title, error, details="": seen.append(("error", title, str(error))))
    return seen


def _controller(qtbot: Any, data: Path, monkeypatch: pytest.MonkeyPatch) -> AppController:
    result = load_pack(GOOD_PACK)
    vm = ReaderViewModel(result.course, result.problems)
    window = MainWindow(vm)
    qtbot.addWidget(window)
    controller = AppController(QApplication.instance(), window, vm, data, Prefs(extra={"welcome_seen": True}))
    monkeypatch.setattr(controller, "choose_profile", lambda first_time=False: None)
    return controller


def _data_with_backup(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    result = open_or_recover(data / "etrainer.sqlite", data / "backups")
    add_learner(result.database, "Оксана")
    BackupManager(data / "etrainer.sqlite", data / "backups").backup_now()
    result.database.dispose()
    return data


def test_a_missing_database_asks_and_restores_on_yes(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     shown: list[tuple[str, str, str]]) -> None:
    data = _data_with_backup(tmp_path)
    (data / "etrainer.sqlite").unlink()
    asked: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(prompts, "ask_choice", lambda parent, title, text, choices:
                        asked.append((text, [key for key, _ in choices])) or "restore")
    controller = _controller(qtbot, data, monkeypatch)

    controller.start()

    assert len(asked) == 1 and asked[0][1] == ["restore", "fresh", "other-folder", "quit"]
    assert "is missing" in asked[0][0]
    assert controller.services is not None
    assert [p.name for p in controller.services.profiles.list()] == ["Оксана"]
    assert [kind for kind, _, _ in shown] == ["message"] and str(data / "backups") in shown[0][2]
    controller.services.close()


def test_quitting_at_the_question_creates_nothing(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  shown: list[tuple[str, str, str]]) -> None:
    data = _data_with_backup(tmp_path)
    (data / "etrainer.sqlite").unlink()
    monkeypatch.setattr(prompts, "ask_choice", lambda *args: None)  # Escape
    controller = _controller(qtbot, data, monkeypatch)
    controller.start()
    assert controller.services is None and not (data / "etrainer.sqlite").exists() and shown == []


def test_choosing_another_folder_opens_that_one(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                shown: list[tuple[str, str, str]]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    foreign = data / "etrainer.sqlite"
    with closing(sqlite3.connect(foreign)) as connection, connection:
        connection.execute("CREATE TABLE learner (id INTEGER PRIMARY KEY, surname TEXT)")
    original = foreign.read_bytes()
    other = tmp_path / "other"
    monkeypatch.setattr(prompts, "ask_choice", lambda *args: "other-folder")
    monkeypatch.setattr(prompts, "ask_folder", lambda *args: str(other))
    controller = _controller(qtbot, data, monkeypatch)

    controller.start()

    assert foreign.read_bytes() == original and sorted(p.name for p in data.iterdir()) == ["etrainer.sqlite"]
    assert controller.services is not None and (other / "etrainer.sqlite").is_file()
    assert controller._data == other and shown == []
    controller.services.close()


def test_a_recovery_is_told_with_what_was_salvaged(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   shown: list[tuple[str, str, str]]) -> None:
    data = _data_with_backup(tmp_path)
    result = open_or_recover(data / "etrainer.sqlite", data / "backups")
    add_learner(result.database, "Богдан", visits=2)
    result.database.dispose()
    damage_page_of(data / "etrainer.sqlite", "ix_lesson_visit_learner_id")
    controller = _controller(qtbot, data, monkeypatch)

    controller.start()

    assert names(data / "etrainer.sqlite") == ["Богдан", "Оксана"]
    [(kind, _title, text)] = shown
    assert kind == "message" and str(data / "backups") in text and ".corrupt-" in text
    controller.services.close()


def test_a_locked_database_is_one_sentence(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           shown: list[tuple[str, str, str]]) -> None:
    from tests.storage.damage_kit import lock_held_by_another_process

    data = _data_with_backup(tmp_path)
    monkeypatch.setattr("etrainer.storage.recovery.LOCK_WAIT_S", 0.5)
    controller = _controller(qtbot, data, monkeypatch)
    with lock_held_by_another_process(data / "etrainer.sqlite", seconds=30):
        controller.start()
    [(kind, _title, text)] = shown
    assert kind == "error" and "Another Е-тренер is using this data" in text
    assert controller.services is None
