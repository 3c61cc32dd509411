"""The floor under "start-up to first paint" (run by benchmarks/startup.py, not a test, not part of the app).

    ETRAINER_DATA_DIR=D python benchmarks/home_page_only.py

The least any first frame that shows the bundled course can do: the steps `etrainer --exit-after-first-paint`
takes before its window paints — the preferences, the translations, the theme, the data folder's lock, the
course read through its cache (`etrainer.app.load_course`) — then a plain QMainWindow whose only content is
eTrainer's own home page of that course. No toolbar, no course tree, no menus, no window of the app's own
class. It quits once the home page has painted, as the bare window does.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from etrainer.app import load_course
from etrainer.i18n import install_translators
from etrainer.paths import data_dir
from etrainer.prefs import Prefs
from etrainer.storage.folder_lock import DataFolderLock
from etrainer.ui.common.paint import FirstPaint
from etrainer.ui.home_page import HomePage
from etrainer.ui.theme import Theme, apply_theme


def main() -> int:
    data = data_dir(None)
    prefs = Prefs.load(data)
    app = QApplication(sys.argv[:1])
    translators = install_translators(app, prefs.language)
    apply_theme(app, Theme.parse(prefs.theme))
    lock = DataFolderLock(data, "app")
    if not lock.try_acquire():
        print(f"the data folder {data} is in use", file=sys.stderr)
        return 1
    try:
        course, _problems, _pending = load_course(None, data, prefs)
        window = QMainWindow()
        central = QWidget()  # a QScrollArea paints through its viewport: the paint is watched on its parent
        home = HomePage()
        home.show_course(course, None, "", None)
        QVBoxLayout(central).addWidget(home)
        window.setCentralWidget(central)
        window.resize(1024, 720)
        FirstPaint(central, app.quit)
        window.show()
        app.exec()
    finally:
        lock.release()
        del translators
    return 0


if __name__ == "__main__":
    sys.exit(main())
