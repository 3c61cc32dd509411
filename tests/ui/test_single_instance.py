"""One app per data folder, with real processes and bounded timeouts: a second launch asks the first to
bring its window forward and ends; when the folder is held by something that does not answer (a
command-line writer), the second launch says so clearly."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from etrainer import app as app_module
from etrainer.storage.folder_lock import DataFolderLock
from etrainer.ui.single_instance import ask_first_window_to_show, server_name

FIRST = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from etrainer.storage.folder_lock import DataFolderLock
    from etrainer.ui.single_instance import InstanceServer
    app = QApplication([])
    folder = Path(sys.argv[1])
    lock = DataFolderLock(folder, "app")
    assert lock.try_acquire()
    server = InstanceServer(folder, app)
    assert server.listening
    server.show_requested.connect(lambda: (print("shown", flush=True), QTimer.singleShot(200, app.quit)))
    QTimer.singleShot(30000, app.quit)  # never outlive the test
    print("ready", flush=True)
    app.exec()
""")
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_the_running_app_hears_a_second_launch(qapp, tmp_path: Path) -> None:
    first = subprocess.Popen([sys.executable, "-c", FIRST, str(tmp_path)], stdout=subprocess.PIPE, text=True,
                             env=ENV)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "ready"
        assert ask_first_window_to_show(tmp_path)
        out, _ = first.communicate(timeout=30)
        assert out.strip() == "shown"
        assert first.returncode == 0
    finally:
        first.kill()
        first.wait(timeout=30)


def test_nobody_answers_for_a_folder_without_an_app(qapp, tmp_path: Path) -> None:
    assert not ask_first_window_to_show(tmp_path, timeout_ms=300)
    assert server_name(tmp_path) == server_name(tmp_path / "." / "sub" / "..")


def test_a_folder_held_by_a_command_line_writer_is_reported_clearly(qapp, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    hold = "import sys,time;from pathlib import Path;from etrainer.storage.folder_lock import DataFolderLock;" \
           "l=DataFolderLock(Path(sys.argv[1]),'etrainer add-pack');l.try_acquire();print('held',flush=True);" \
           "time.sleep(30)"
    holder = subprocess.Popen([sys.executable, "-c", hold, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    shown: list[str] = []
    monkeypatch.setattr(app_module, "APP_LOCK_WAIT_S", 0.5)
    monkeypatch.setattr("etrainer.ui.common.errors.show_error",
                        lambda parent, title, error, details="": shown.append(str(error)))
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        lock, code = app_module._claim_data_folder(qapp, tmp_path)
        assert (lock, code) == (None, 1)
        assert shown == [f"Another Е-тренер is using the data folder {tmp_path} (etrainer add-pack, process "
                         f"{holder.pid}). Close it, then try again."]
    finally:
        holder.kill()
        holder.wait(timeout=30)
    lock, code = app_module._claim_data_folder(qapp, tmp_path)
    assert lock is not None and code == 0
    lock.release()


def test_a_second_real_launch_ends_at_once_and_leaves_the_first_running(tmp_path: Path) -> None:
    data = tmp_path / "data"
    command = [sys.executable, "-m", "etrainer", "--data-dir", str(data)]
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and first.poll() is None:
            holder = DataFolderLock(data).holder() if (data / "etrainer.lock").exists() else None
            if holder is not None and holder.pid == first.pid and ask_first_window_to_show(data, 500):
                break
            time.sleep(0.2)
        assert first.poll() is None, first.stderr.read().decode()[-2000:] if first.stderr else ""
        second = subprocess.run(command, capture_output=True, timeout=90, env=ENV)
        assert second.returncode == 0, second.stderr.decode()[-2000:]
        assert first.poll() is None  # the first app goes on
    finally:
        first.kill()
        first.wait(timeout=30)
