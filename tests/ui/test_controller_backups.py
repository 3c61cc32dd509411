"""The app's own backups: every 20 minutes on a worker thread and only after a change, on closing only after a
change, and before deleting a profile — which deletes nothing when that backup cannot be made."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from tests.ui.test_start_recovery import _controller, shown  # noqa: F401 - the fixture

from etrainer.storage.backup import BackupFailed
from etrainer.ui.common import prompts


def _sessions(data: Path) -> list[str]:
    return sorted(p.name for p in (data / "backups").glob("*session*"))


def test_the_periodic_backup_copies_only_after_a_change_and_closing_too(qtbot: Any, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    controller = _controller(qtbot, data, monkeypatch)
    controller.start()
    services = controller.services
    assert services is not None
    controller._backup_in_background()  # the timer's tick (tasks run inline in the UI tests)
    first = _sessions(data)
    assert len(first) == 1
    controller._backup_in_background()
    assert _sessions(data) == first  # nothing changed: no second copy
    backup = data / "backups" / first[0]
    made = backup.stat().st_mtime - 60  # made a minute ago (the file system's clock ticks in milliseconds)
    os.utime(backup, (made, made))
    services.profiles.create("Оксана Петренко", "Філія № 3", "бібліотекарка")
    controller._backup_in_background()
    assert len(_sessions(data)) == 2
    controller.shutdown()  # nothing changed since: closing adds none
    assert len(_sessions(data)) == 2


def test_a_failed_periodic_backup_is_a_status_line(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    controller = _controller(qtbot, tmp_path / "data", monkeypatch)
    controller.start()
    services = controller.services
    assert services is not None

    def failing() -> None:
        raise BackupFailed(folder=str(tmp_path / "data" / "backups"), reason="no space left on device")

    monkeypatch.setattr(services, "backup_if_changed", failing)
    controller._backup_in_background()
    assert "no space left on device" in controller._window.statusBar().currentMessage()
    assert controller._backing_up.acquire(blocking=False)  # released after the failure
    controller._backing_up.release()
    services.close()


def test_deleting_a_profile_deletes_nothing_when_its_backup_fails(qtbot: Any, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  shown: list[tuple[str, str, str]]) -> None:  # noqa: F811
    controller = _controller(qtbot, tmp_path / "data", monkeypatch)
    controller.start()
    services = controller.services
    assert services is not None
    learner = services.profiles.create("Оксана Петренко", "Філія № 3", "бібліотекарка")
    controller._vm.set_learner(learner)
    monkeypatch.setattr(prompts, "ask_yes_no", lambda *_a, **_k: True)

    def failing(_reason: str) -> None:
        raise BackupFailed(folder="backups", reason="the disk is full")

    working = services.backup_now
    monkeypatch.setattr(services, "backup_now", failing)
    controller.delete_profile()
    assert [p.name for p in services.profiles.list()] == ["Оксана Петренко"]
    assert shown and "nothing was deleted" in shown[-1][2] and "the disk is full" in shown[-1][2]
    monkeypatch.setattr(services, "backup_now", working)
    controller.delete_profile()
    assert services.profiles.list() == [] and list((tmp_path / "data" / "backups").glob("*manual*"))
    services.close()

