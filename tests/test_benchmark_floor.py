"""benchmarks/home_page_only.py, the floor `benchmarks/startup.py` measures the first paint against: it must keep
working as the app changes, or the benchmark stops with a traceback instead of a figure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from etrainer.storage.folder_lock import DataFolderLock

FLOOR = Path(__file__).resolve().parents[1] / "benchmarks" / "home_page_only.py"


def _floor(data: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ETRAINER_DATA_DIR=str(data))
    return subprocess.run([sys.executable, str(FLOOR)], capture_output=True, text=True, env=env, timeout=120,
                          check=False)


def test_the_floor_paints_the_course_read_the_apps_way_and_lets_the_data_folder_go(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = _floor(data)
    assert result.returncode == 0, result.stderr
    assert list((data / "cache").glob("course-*.pickle")), "the course was not read through the app's cache"
    lock = DataFolderLock(data, "app")
    assert lock.try_acquire()
    lock.release()


def test_the_floor_refuses_a_data_folder_the_app_holds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    lock = DataFolderLock(data, "app")
    assert lock.try_acquire()
    try:
        result = _floor(data)
    finally:
        lock.release()
    assert result.returncode == 1
    assert "in use" in result.stderr
