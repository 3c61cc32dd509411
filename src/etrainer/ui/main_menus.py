"""The main window's menu bar: File, Profile, View, Classroom and Help, and the file-menu actions that are
whole tasks of their own (importing a Moodle question bank, exporting a quiz to GIFT, opening a guide).

The window keeps the signals its controller listens to and the slots that change its pages; this module
only builds the menus and wires them to those.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from etrainer.ui.classroom_menu import ClassroomMenu
from etrainer.ui.common.actions import Shortcut, add_action

if TYPE_CHECKING:
    from etrainer.ui.main_window import MainWindow

class MainMenus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        menu = window.menuBar()

        def add(target: QMenu, text: str, slot: Callable[[], object], shortcut: Shortcut = None,
                extra: list[str] | None = None, name: str = "") -> QAction:
            return add_action(window, target, text, slot, shortcut, extra, name)

        file_menu = menu.addMenu(self.tr("&File"))
        add(file_menu, self.tr("Add a course from a file or folder…"), window.add_pack_requested.emit)
        add(file_menu, self.tr("Import questions from Moodle (GIFT, XML)…"), self.import_questions,
            name="importQuestionsAction")
        add(file_menu, self.tr("Export a quiz to GIFT…"), self.export_quiz, name="exportQuizAction")
        add(file_menu, self.tr("Open a methodist's reply…"), window.feedback.choose_file, name="openFeedbackAction")
        file_menu.addSeparator()
        add(file_menu, self.tr("Methodist's workspace…"), window.workspace_requested.emit, name="workspaceAction")
        add(file_menu, self.tr("Settings…"), window.settings_requested.emit, QKeySequence.StandardKey.Preferences)
        file_menu.addSeparator()
        add(file_menu, self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)

        self.profile_menu = profile_menu = menu.addMenu(self.tr("&Profile"))
        add(profile_menu, self.tr("Export for the methodist…"), window.export_progress, name="exportAction")
        add(profile_menu, self.tr("My consultations…"), window.show_consultations, name="consultationsAction")
        profile_menu.addSeparator()
        add(profile_menu, self.tr("Switch profile…"), window.profile_switch_requested.emit)
        add(profile_menu, self.tr("Edit my profile…"), window.profile_edit_requested.emit)
        add(profile_menu, self.tr("Delete my profile…"), window.profile_delete_requested.emit)

        view_menu = menu.addMenu(self.tr("&View"))
        add(view_menu, self.tr("Zoom in"), window.zoom_in, "Ctrl+=", extra=["Ctrl++"],
            name="zoomInAction")
        add(view_menu, self.tr("Zoom out"), window.zoom_out, "Ctrl+-", name="zoomOutAction")
        add(view_menu, self.tr("Normal size"), lambda: window.set_zoom(100), "Ctrl+0")
        view_menu.addSeparator()
        add(view_menu, self.tr("Search the course"), window.focus_search, "Ctrl+F")
        add(view_menu, self.tr("Bookmarks"), window.show_bookmarks, "Ctrl+B")
        add(view_menu, self.tr("Course problems"), window.show_problem_list)
        view_menu.addSeparator()
        add(view_menu, self.tr("Review deck"), window.show_review, "Ctrl+R", name="reviewAction")

        classroom = menu.addMenu(self.tr("&Classroom"))
        classroom.setObjectName("classroomMenu")  # the trainer's start shows it (AppController.start_as)
        self.classroom = ClassroomMenu(window, classroom)

        help_menu = menu.addMenu(self.tr("&Help"))
        add(help_menu, self.tr("Welcome tour"), window.tour_requested.emit, name="tourAction")
        help_menu.addSeparator()
        for key, text in (("librarian", self.tr("Librarian's guide")), ("trainer", self.tr("Trainer's guide")),
                          ("methodist", self.tr("Methodist's guide")), ("author", self.tr("Course author's guide"))):
            add(help_menu, text, lambda k=key: self.show_guide(k), name=f"{key}GuideAction")
        help_menu.addSeparator()
        add(help_menu, self.tr("About Е-тренер"), window.about_requested.emit)

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 12000)

    def show_guide(self, key: str) -> None:
        from etrainer.ui.welcome import GuideViewer, guide_path

        GuideViewer(guide_path(key), self._window).exec()

    def import_questions(self) -> None:
        from etrainer.ui.quiz.import_dialog import ImportQuestionsDialog

        dialog = ImportQuestionsDialog(self._window.vm.course, self._window)
        if dialog.exec() and dialog.written is not None:
            self._say(self.tr("Saved {path}. Put it into a course folder and add the course to use it.")
                      .format(path=str(dialog.written)))

    def export_quiz(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        from etrainer.ui.quiz.import_dialog import export_quiz_to_gift

        window = self._window
        quizzes = list(window.vm.course.quizzes)
        if not quizzes:
            self._say(self.tr("This course has no quizzes."))
            return
        titles = [quiz.title for quiz in quizzes]
        title, ok = QInputDialog.getItem(window, self.tr("Export a quiz to GIFT"), self.tr("Quiz:"), titles, 0, False)
        if not ok:
            return
        quiz = quizzes[titles.index(title)]
        path, _ = QFileDialog.getSaveFileName(window, self.tr("Save as GIFT"), f"{quiz.id}.gift",
                                              self.tr("GIFT files (*.gift)"))
        if not path:
            return
        try:
            skipped = export_quiz_to_gift(quiz, Path(path))
        except OSError as error:
            self._say(self.tr("{path} cannot be written: {reason}").format(path=path,
                                                                           reason=error.strerror or str(error)))
            return
        self._say(self.tr("Exported to {path}; questions GIFT cannot hold: {n}.").format(path=path, n=len(skipped)))
