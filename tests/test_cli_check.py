"""`etrainer check` and `etrainer add-pack`, run as the real command, refuse a YAML bomb at once
with `file:line` (the timeout only stops a hanging run; it is not a speed assertion)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BOMB = Path(__file__).parent / "data" / "bombs" / "billion-laughs"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "etrainer", *args], capture_output=True, text=True, env=env,
                          timeout=60)


def test_check_refuses_the_billion_laughs_course_file_with_its_line():
    done = run_cli("check", str(BOMB))
    assert done.returncode == 1
    first = done.stdout.splitlines()[0]
    assert first == (f"{(BOMB / 'course.yaml').as_posix()}:8: YAML anchors and aliases (&name, *name) are not "
                     "allowed in course files: write the value out in full")
    assert "Traceback" not in done.stderr


def test_add_pack_refuses_the_billion_laughs_course_file_and_adds_nothing(tmp_path):
    done = run_cli("add-pack", str(BOMB), "--data-dir", str(tmp_path))
    assert done.returncode == 1
    assert f"{BOMB / 'course.yaml'}:8: YAML anchors and aliases" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert list((tmp_path / "packs").iterdir()) == []
