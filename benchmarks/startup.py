"""Start-up and lesson-render benchmark (not a test): prints medians and ratios measured in one run.

    .venv/bin/python benchmarks/startup.py [--runs 15]

1. Cold start to the first painted main window with the bundled course (`etrainer
   --exit-after-first-paint`), against a bare PySide6 window that shows and quits after its first
   paint — both as whole processes, offscreen, alternating, so the machine's state affects both.
2. Rendering a 50 KB Ukrainian lesson (markdown → sanitised HTML), in process.
Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1024, 720)
class Quit(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
window.installEventFilter(Quit(window))
window.show()
app.exec()
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def startup(runs: int) -> tuple[float, float]:
    data = tempfile.mkdtemp(prefix="etrainer-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ETRAINER_DATA_DIR=data)
    app_cmd = [sys.executable, "-m", "etrainer", "--exit-after-first-paint"]
    bare_cmd = [sys.executable, "-c", BARE]
    timed(app_cmd, env), timed(bare_cmd, env)  # warm the file cache for both
    bare, app = [], []
    for _ in range(runs):
        bare.append(timed(bare_cmd, env))
        app.append(timed(app_cmd, env))
    return statistics.median(bare), statistics.median(app)


def render(runs: int) -> tuple[int, float]:
    from etrainer.core.course.pack import load_pack
    from etrainer.core.course.reader import render_course_lesson

    course = load_pack(ROOT / "lessons").course
    lesson = max(course.lessons(), key=lambda item: len(item.body))
    body = lesson.body
    while len(body.encode()) < 50 * 1024:
        body += "\n\n" + lesson.body
    from dataclasses import replace

    big = replace(lesson, body=body)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_course_lesson(course, big)
        times.append(time.perf_counter() - start)
    return len(body.encode()), statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    bare, app = startup(args.runs)
    print(f"bare PySide6 window to first paint: median {bare * 1000:.0f} ms")
    print(f"etrainer main window with the course to first paint: median {app * 1000:.0f} ms")
    print(f"ratio app / bare: {app / bare:.2f} (aim: within 1.5)")
    size, seconds = render(max(args.runs, 20))
    print(f"render a {size // 1024} KB lesson: median {seconds * 1000:.1f} ms (aim: under 30 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
