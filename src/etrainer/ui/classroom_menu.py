"""The main window's Classroom menu: present the open lesson, the classroom quiz, the World Café, memos, and
the trainer's printable kit.

The windows it opens are top-level (full screen on the projector); it keeps them referenced while open.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from etrainer.core.errors import EtrainerError
from etrainer.ui.common.actions import add_action
from etrainer.ui.common.errors import error_sentence, reason_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from etrainer.core.course.model import Course
    from etrainer.ui.common.tasks import Progress
    from etrainer.ui.main_window import MainWindow


class ClassroomMenu(QObject):
    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        """Uses the main window's `vm`, `flush_note`, `statusBar` and `world_cafe_requested`."""
        super().__init__(window)
        self._window = window
        self.windows: list[QWidget] = []
        add = partial(add_action, window)
        add(menu, self.tr("Present this lesson"), self.present_lesson, "F5", name="presentAction")
        add(menu, self.tr("Classroom quiz…"), self.classroom_quiz, name="classroomQuizAction")
        add(menu, self.tr("World Café…"), window.world_cafe_requested.emit, name="worldCafeAction")
        menu.addSeparator()
        add(menu, self.tr("Print this module's memo…"), self.print_module_memo, QKeySequence.StandardKey.Print,
            name="printMemoAction")
        add(menu, self.tr("Print the course memo…"), lambda: self._print_memo(None), name="printCourseMemoAction")
        add(menu, self.tr("Print all memos…"), self.print_all_memos, name="printAllMemosAction")
        add(menu, self.tr("Save a memo as PDF…"), self.save_memo_pdf, name="saveMemoAction")
        add(menu, self.tr("Save the printable kit as PDF…"), self.save_kit_pdf, name="saveKitAction")

    def keep(self, window: QWidget) -> None:
        self.windows = [w for w in self.windows if w.isVisible()] + [window]

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 12000)

    def _current_module_id(self) -> str | None:
        current = self._window.vm.current
        return current.module.id if current else None

    def present_lesson(self) -> None:
        """F5: the open lesson (or the course's first) as slides on the projector."""
        from etrainer.ui.presentation.window import start_presentation

        vm = self._window.vm
        lesson = vm.current.lesson if vm.current else next(iter(vm.course.lessons()), None)
        if lesson is None:
            return
        self._window.flush_note()
        self.keep(start_presentation(self._window, vm.course, lesson))

    def classroom_quiz(self) -> None:
        from etrainer.ui.classroom.quiz_screen import start_classroom_quiz

        course, module = self._window.vm.course, self._current_module_id()
        quiz = next((q for q in course.quizzes if q.module_id == module), None) if module else None
        self.keep(start_classroom_quiz(self._window, course, quiz))

    def print_module_memo(self) -> None:
        module_id = self._current_module_id()
        if module_id is None:
            self._say(self.tr("Open a lesson of the module whose memo you want to print."))
            return
        self._print_memo(module_id)

    def _print_memo(self, module_id: str | None) -> None:
        from etrainer.ui.presentation.print import print_memo

        print_memo(self._window, self._window.vm.course, module_id)

    def print_all_memos(self) -> None:
        from etrainer.ui.presentation.print import print_all_memos

        print_all_memos(self._window, self._window.vm.course)

    def save_memo_pdf(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        course = self._window.vm.course
        choices = [(self.tr("All memos (a booklet)"), "all")]
        if course.memo is not None:
            choices.append((course.memo.title, ""))
        choices += [(module.memo.title, module.id) for module in course.modules if module.memo is not None]
        titles = [title for title, _ in choices]
        title, ok = QInputDialog.getItem(self._window, self.tr("Save a memo as PDF"), self.tr("Memo:"), titles, 0,
                                         False)
        if not ok:
            return
        key = choices[titles.index(title)][1]
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Save as PDF"), f"{key or 'memo'}.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return
        self.write_memo(course, Path(path), key)

    def write_memo(self, course: Course, path: Path, key: str) -> None:
        """The memo `key` (a module's id, "" for the course's, "all" for the booklet) as a PDF, written off the UI
        thread like the kit (a big pack's booklet takes a second or more on an old PC)."""
        from etrainer.exchange.memo_pdf import write_memo_booklet, write_memo_pdf

        self._write_pdf(path, lambda: write_memo_booklet(course, path) if key == "all"
                        else write_memo_pdf(course, key or None, path))

    def save_kit_pdf(self) -> None:
        """The trainer's printable kit (forms, handouts, lecture slides), whole or one document, as a PDF;
        written off the UI thread (the lecture slides take a few seconds)."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        from etrainer.exchange.kit_html import course_kit

        course = self._window.vm.course
        try:
            kit = course_kit(course)
        except EtrainerError as error:
            self._say(self.tr("The printable kit cannot be saved: {reason}").format(reason=error_sentence(error)))
            return
        choices: list[tuple[str, str | None]] = [(self.tr("The whole kit (all documents)"), None)]
        choices += [(document.title, document.id) for document in kit.documents]
        titles = [title for title, _ in choices]
        title, ok = QInputDialog.getItem(self._window, self.tr("Save the printable kit as PDF"),
                                         self.tr("Document:"), titles, 0, False)
        if not ok:
            return
        document_id = choices[titles.index(title)][1]
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Save as PDF"), f"{document_id or 'kit'}.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return
        self._write_kit(course, Path(path), document_id)

    def _write_kit(self, course: Course, path: Path, document_id: str | None) -> None:
        def work() -> int:
            from etrainer.exchange.kit_pdf import write_kit_pdf

            return write_kit_pdf(course, path, document_id)

        self._write_pdf(path, work)

    def _write_pdf(self, path: Path, write: Callable[[], int]) -> None:
        """Run `write` (it returns the pages written) on a worker thread, a busy cursor meanwhile; then say
        where the PDF is, or why it is not."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from etrainer.ui.common.tasks import run_in_background

        def work(_progress: Progress) -> int:
            return write()

        def done(pages: int) -> None:
            QApplication.restoreOverrideCursor()
            self._say(self.tr("Saved {path} ({n} page(s)).").format(path=str(path), n=pages))

        def failed(error: BaseException) -> None:
            QApplication.restoreOverrideCursor()
            text = reason_text(error)
            self._say(self.tr("The PDF was not saved: {reason}").format(reason=text))

        self._say(self.tr("Saving {path}…").format(path=str(path)))
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        run_in_background(work, done, failed)
