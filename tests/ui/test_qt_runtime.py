"""The Qt binding must not leak references to None on void calls (PySide6 6.12.0 on CPython 3.11 did:
the process aborted with "none_dealloc" after a few thousand calls, i.e. minutes into a lesson)."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(20000):
    label.setText("x")
    label.setVisible(True)
print(before - sys.getrefcount(None))
"""


def test_void_qt_calls_keep_none_alive():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip().splitlines()[-1])) < 100
