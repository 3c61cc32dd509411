"""The first-run welcome tour (skippable, reopened from Help) and the viewer for the user guides."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from etrainer.paths import guides_dir
from etrainer.ui.theme import current_theme, lesson_css

#: Guide files in docs/guides (bundled with the app): menu key → file name.
GUIDES = {"librarian": "librarian.uk.md", "trainer": "trainer.uk.md", "methodist": "methodist.uk.md",
          "author": "author.uk.md"}


class WelcomeTour(QDialog):
    """Five short pages; «Пропустити» closes it at any page. `finished_tour` tells whether it was read to the end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeTour")
        self.setWindowTitle(self.tr("Welcome to Е-тренер"))
        self.resize(620, 420)
        self.read_to_end = False
        pages = [
            (self.tr("Welcome!"),
             self.tr("Е-тренер teaches how to help visitors with administrative e-services: short lessons, "
                     "quizzes and safe walkthroughs of fictional portals. It works without the Internet.")),
            (self.tr("Your course"),
             self.tr("On the left is the course: modules, lessons, quizzes and walkthroughs. ✓ means done, "
                     "● started, ○ not yet. The amber «Continue» button opens the place where you stopped.")),
            (self.tr("Quizzes and review"),
             self.tr("Each module ends with a quiz that explains every answer. Questions you get wrong come "
                     "back in «Review» on later days, until you know them.")),
            (self.tr("Walkthroughs"),
             self.tr("A walkthrough is a safe copy of an e-service portal with a fictional visitor. Watch it in "
                     "Demo mode, practise with hints, then take the Test. Never type real data there.")),
            (self.tr("Your progress"),
             self.tr("Everything is saved on this computer in your profile. «Export for the methodist» makes one "
                     "file with your progress to send by e-mail or on a USB stick. The guides are in Help.")),
        ]
        self._stack = QStackedWidget(objectName="tourPages")
        for title, text in pages:
            page = QWidget()
            layout = QVBoxLayout(page)
            heading = QLabel(title, objectName="pageTitle", wordWrap=True)
            body = QLabel(text, objectName="tourText", wordWrap=True)
            body.setAlignment(Qt.AlignmentFlag.AlignTop)
            layout.addWidget(heading)
            layout.addWidget(body, 1)
            self._stack.addWidget(page)
        self._counter = QLabel(objectName="tourCounter")
        self._skip = QPushButton(self.tr("Skip"), objectName="skipTourButton")
        self._back = QPushButton(self.tr("◂ Back"), objectName="tourBackButton")
        self._next = QPushButton(objectName="tourNextButton")
        self._next.setProperty("primary", True)
        self._skip.clicked.connect(self.reject)
        self._back.clicked.connect(lambda: self._go(-1))
        self._next.clicked.connect(lambda: self._go(1))
        buttons = QHBoxLayout()
        buttons.addWidget(self._skip)
        buttons.addStretch(1)
        buttons.addWidget(self._counter)
        buttons.addWidget(self._back)
        buttons.addWidget(self._next)
        layout = QVBoxLayout(self)
        layout.addWidget(self._stack, 1)
        layout.addLayout(buttons)
        self._go(0)

    def _go(self, delta: int) -> None:
        index = self._stack.currentIndex() + delta
        if index >= self._stack.count():
            self.read_to_end = True
            self.accept()
            return
        self._stack.setCurrentIndex(max(0, index))
        last = self._stack.currentIndex() == self._stack.count() - 1
        self._next.setText(self.tr("Start ▸") if last else self.tr("Next ▸"))
        self._back.setEnabled(self._stack.currentIndex() > 0)
        self._counter.setText(f"{self._stack.currentIndex() + 1} / {self._stack.count()}")
        self._next.setFocus()


class GuideViewer(QDialog):
    """Shows a guide from docs/guides, rendered by the same safe markdown renderer as lessons."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideViewer")
        self.resize(820, 640)
        from PySide6.QtWidgets import QApplication

        from etrainer.core.markdown import render_lesson

        self._browser = QTextBrowser(objectName="guideBrowser", openExternalLinks=False)
        self._browser.document().setDefaultStyleSheet(lesson_css(current_theme(QApplication.instance())))
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            text = self.tr("The guide {path} cannot be read: {reason}").format(path=str(path),
                                                                               reason=error.strerror or str(error))
        title, _, body = text.partition("\n")
        self.setWindowTitle(title.lstrip("# ").strip() or path.stem)
        self._browser.document().setBaseUrl(path.parent.as_uri() + "/")
        self._browser.setSearchPaths([str(path.parent)])
        self._browser.setHtml(f"<h1>{title.lstrip('# ')}</h1>" + render_lesson(body).html)
        close = QPushButton(self.tr("Close"), objectName="closeGuideButton")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self._browser, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)


def guide_path(key: str) -> Path:
    return guides_dir() / GUIDES[key]
