"""Start-up and lesson-render benchmark (not a test): prints medians and ratios measured in one run.

    .venv/bin/python benchmarks/startup.py [--runs 15] [--skip-usable]

1. First paint: `etrainer --exit-after-first-paint` (the real main window with the bundled course) against a
   bare PySide6 window that shows and quits after its first paint — whole processes, offscreen, alternating
   A B A B so the machine's state affects both alike. Aim: ≤ 1.3×. Run in the same turns, a floor for
   reference: `home_page_only.py`, the course's home page alone in a plain window after the same preparation
   (preferences, translations, theme, the data folder's lock, the course read): no first frame that shows
   the course can be faster than that.
2. Time to usable: `etrainer --exit-when-usable` (the profile chooser painted, accepting input, with the
   database open and upgraded) against the same bare window. Aim: ≤ 1.6×.
3. Lesson render: `render_course_lesson` (bounds, glossary, link policy, allow-list sanitiser) on 10 KB and
   61 KB Ukrainian lessons against the bare pipeline in the same process: Python-Markdown with the same
   standard extensions, then `nh3.clean` with its defaults. Aim: ≤ 1.3×.
Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ratios import ratio  # noqa: E402

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


def paired(app_args: list[str], runs: int, *, floor: bool = False) -> tuple[float, float, float | None]:
    """Medians (bare, app, floor or None) in seconds, the commands run in turn; the data folder is set up by a
    first, uncounted run. `floor`: also `home_page_only.py` (the course's home page alone in a plain window)."""
    data = tempfile.mkdtemp(prefix="etrainer-bench-")
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ETRAINER_DATA_DIR=data)
        # An installed eTrainer has its bytecode compiled (pip compiles a wheel's modules): the first run writes
        # it, so that no counted run compiles the sources again (a shell with PYTHONDONTWRITEBYTECODE=1 would).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {"bare": [sys.executable, "-c", BARE], "app": [sys.executable, "-m", "etrainer", *app_args]}
        if floor:
            commands["floor"] = [sys.executable, str(Path(__file__).resolve().parent / "home_page_only.py")]
        for command in commands.values():  # creates the database and the course cache; warms the files
            timed(command, env)
        _librarian_seen_the_tour(Path(data))
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(timed(command, env))
        medians = {name: statistics.median(values) for name, values in times.items()}
        return medians["bare"], medians["app"], medians.get("floor")
    finally:
        shutil.rmtree(data, ignore_errors=True)


def _librarian_seen_the_tour(data: Path) -> None:
    """A PC past its first run, used by a librarian with her profile: the next start opens the profile chooser
    (not the role question and the tour), which is what "usable" measures."""
    sys.path.insert(0, str(ROOT / "src"))
    from etrainer.prefs import Prefs
    from etrainer.services.facade import open_app_services

    prefs = Prefs.load(data)
    prefs.role = "librarian"
    prefs.extra["welcome_seen"] = True
    prefs.save(data)
    services = open_app_services(data)
    try:
        if not services.profiles.list():
            services.profiles.touch(services.profiles.create("Марта Коваль", "Бібліотека-філія № 3").id)
    finally:
        services.close()


def _lesson_of(size: int):  # type: ignore[no-untyped-def]
    from etrainer.core.course.pack import load_pack

    course = load_pack(ROOT / "lessons").course
    lesson = max(course.lessons(), key=lambda item: len(item.body))
    body = lesson.body
    while len(body.encode()) < size:
        body += "\n\n" + lesson.body
    encoded = body.encode()[:size].decode("utf-8", "ignore")
    body = encoded[: encoded.rfind("\n\n")] if "\n\n" in encoded else encoded  # whole paragraphs
    return course, replace(lesson, body=body)


def _bare_render(text: str) -> str:
    import nh3
    from markdown import Markdown
    from markdown.extensions.toc import slugify_unicode

    md = Markdown(extensions=["tables", "attr_list", "footnotes", "sane_lists", "def_list", "admonition", "toc"],
                  extension_configs={"toc": {"slugify": slugify_unicode}}, output_format="html")
    return nh3.clean(md.convert(text))


def render(size: int, runs: int) -> tuple[int, float, float]:
    """Bytes, and medians in seconds of (bare pipeline, the app's render), alternating."""
    from etrainer.core.course.reader import render_course_lesson

    course, lesson = _lesson_of(size)
    render_course_lesson(course, lesson), _bare_render(lesson.body)  # imports, first-use caches
    bare, app = [], []
    for _ in range(runs):
        start = time.perf_counter()
        _bare_render(lesson.body)
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        render_course_lesson(course, lesson)
        app.append(time.perf_counter() - start)
    return len(lesson.body.encode()), statistics.median(bare), statistics.median(app)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--skip-usable", action="store_true", help="only the first paint and the render")
    args = parser.parse_args()
    bare, app, floor = paired(["--exit-after-first-paint"], args.runs, floor=True)
    ratio("start-up to first paint", app * 1000, bare * 1000, "ms", 1.3, baseline_name="bare window")
    assert floor is not None
    ratio("floor: the course's home page alone, to its first paint", floor * 1000, bare * 1000, "ms",
          baseline_name="bare window")
    if not args.skip_usable:
        bare, app, _ = paired(["--exit-when-usable"], args.runs)
        ratio("start-up to usable (profile chooser, database open)", app * 1000, bare * 1000, "ms", 1.6,
              baseline_name="bare window")
    for size in (10 * 1024, 61 * 1024):
        length, bare_s, app_s = render(size, max(args.runs, 20))
        ratio(f"render a {length // 1024} KB lesson", app_s * 1000, bare_s * 1000, "ms", 1.3,
              baseline_name="Python-Markdown + nh3")
    return 0


if __name__ == "__main__":
    sys.exit(main())
