"""The first-run welcome tour (skippable, reopened from Help) and the viewer for the user guides."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from etrainer.paths import guides_dir
from etrainer.ui.theme import current_theme, lesson_css

#: Who uses Е-тренер on this PC (asked at the first run, kept in the preferences, changed in Settings).
ROLES = ("librarian", "trainer", "methodist")

#: Guide files in docs/guides (bundled with the app): menu key → file name.
GUIDES = {"librarian": "librarian.uk.md", "trainer": "trainer.uk.md", "methodist": "methodist.uk.md",
          "author": "author.uk.md"}


class WelcomeTour(QDialog):
    """Short pages for one role, each with a picture of the screen it describes (docs/guides/images);
    «Пропустити» closes it at any page. `read_to_end` tells whether it was read to the end."""

    def __init__(self, parent: QWidget | None = None, role: str = "librarian") -> None:
        super().__init__(parent)
        self.setObjectName("welcomeTour")
        self.setWindowTitle(self.tr("Welcome to Е-тренер"))
        self.resize(760, 600)
        self.read_to_end = False
        self.role = role if role in ROLES else "librarian"
        self._stack = QStackedWidget(objectName="tourPages")
        for title, text, image in self._pages(self.role):
            page = QWidget()
            layout = QVBoxLayout(page)
            heading = QLabel(title, objectName="pageTitle", wordWrap=True)
            body = QLabel(text, objectName="tourText", wordWrap=True)
            body.setAlignment(Qt.AlignmentFlag.AlignTop)
            layout.addWidget(heading)
            layout.addWidget(body)
            layout.addWidget(_Picture(guides_dir() / "images" / image, title), 1)
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

    def _pages(self, role: str) -> list[tuple[str, str, str]]:
        """(title, text, picture in docs/guides/images) for each page of the role's tour."""
        if role == "trainer":
            return [
                (self.tr("The Classroom menu"),
                 self.tr("Everything for a group is in the «Classroom» menu. «Present this lesson» (F5) shows the "
                         "lesson as slides on the projector."), "slide.png"),
                (self.tr("The presenter's view"),
                 self.tr("With two screens, your notes, the next slide and the time stay on your laptop while the "
                         "group sees the slides."), "presenter-view.png"),
                (self.tr("A quiz for the group"),
                 self.tr("«Classroom quiz» runs a module's questions for teams on the projector and totals the "
                         "points."), "classroom-quiz.png"),
                (self.tr("World Café"),
                 self.tr("«World Café» sets up the tables and questions, times the rounds and collects the "
                         "results."), "cafe-rotation.png"),
                (self.tr("Large type"),
                 self.tr("In Settings choose the projector theme: large type that the back row can read. The "
                         "trainer's guide is in Help."), "projector-theme.png"),
            ]
        if role == "methodist":
            return [
                (self.tr("The methodist's workspace"),
                 self.tr("Import the progress files the librarians send: the table shows who has passed which "
                         "module; choose a person to see the details below."), "workspace.png"),
                (self.tr("What the librarians send"),
                 self.tr("Each librarian saves one signed file with «Export for the methodist» and sends it by "
                         "e-mail or on a USB stick. A file changed by hand is refused."), "export-dialog.png"),
                (self.tr("Questions and reports"),
                 self.tr("The «Questions» tab shows the hardest questions (small samples are marked); «Export to "
                         "Excel» and «PDF report» make files for your report. The methodist's guide is in Help."),
                 "quiz-results.png"),
            ]
        return [
            (self.tr("Your course"),
             self.tr("Е-тренер teaches how to help visitors with administrative e-services. On the left is the "
                     "course: ✓ means done, ● started, ○ not yet. «Continue» opens the place where you stopped."),
             "home.png"),
            (self.tr("Lessons"),
             self.tr("Lessons are short; bookmarks, notes and the glossary are at hand. It works without the "
                     "Internet."), "lesson.png"),
            (self.tr("Quizzes and review"),
             self.tr("Each module ends with a quiz that explains every answer. Questions you get wrong come "
                     "back in «Review» on later days, until you know them."), "quiz-feedback.png"),
            (self.tr("Walkthroughs"),
             self.tr("A walkthrough is a safe copy of an e-service portal with a fictional visitor. Watch it in "
                     "Demo mode, practise with hints, then take the Test. Never type real data there."),
             "walkthrough-hint.png"),
            (self.tr("Your progress"),
             self.tr("Everything is saved on this computer in your profile. «Export for the methodist» makes one "
                     "file with your progress to send by e-mail or on a USB stick. The guides are in Help."),
             "export-dialog.png"),
        ]

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
        self._browser.setAccessibleName(self.windowTitle())
        self._browser.document().setBaseUrl(path.parent.as_uri() + "/")
        self._browser.setSearchPaths([str(path.parent)])
        self._browser.setHtml(f"<h1>{html.escape(title.lstrip('# '))}</h1>" + render_lesson(body).html)
        close = QPushButton(self.tr("Close"), objectName="closeGuideButton")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self._browser, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)


class _Picture(QLabel):
    """A guide picture scaled to the room it has (smooth, never larger than itself); words if it is missing."""

    def __init__(self, path: Path, title: str) -> None:
        super().__init__(objectName="tourPicture")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, 120)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setAccessibleName(title)
        self._image = QPixmap(str(path))
        if self._image.isNull():
            self.setText(self.tr("(no picture: {name})").format(name=path.name))

    def has_picture(self) -> bool:
        return not self._image.isNull()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if not self._image.isNull():
            size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            if size.width() > self._image.width():
                size = self._image.size()
            self.setPixmap(self._image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))


def guide_path(key: str) -> Path:
    return guides_dir() / GUIDES[key]
