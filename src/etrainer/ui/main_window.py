"""The librarian's main window: toolbar, course tree, and the home / lesson / search pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from etrainer.ui.common.errors import error_sentence
from etrainer.ui.common.numbers import format_percent
from etrainer.ui.common.save_banner import SaveBanner
from etrainer.ui.common.units import units_for
from etrainer.ui.common.wrapping import WrappingItemDelegate
from etrainer.ui.course_tree import CourseTree, TreeMarks
from etrainer.ui.feedback_flow import FeedbackHooks
from etrainer.ui.home_page import HomePage
from etrainer.ui.main_menus import MainMenus
from etrainer.ui.theme import current_theme, lesson_css
from etrainer.ui.viewmodels.reader import OpenLesson, ReaderViewModel

if TYPE_CHECKING:
    from etrainer.core.course.search import SearchHit
    from etrainer.core.learner.profiles import Profile
    from etrainer.core.progress.completion import CourseProgress
    from etrainer.core.walkthrough.engine import Mode
    from etrainer.services.save_errors import SaveFailed
    from etrainer.ui.lesson.page import LessonPage
    from etrainer.ui.list_page import ListPage
    from etrainer.ui.lrs_status import LrsStatus
    from etrainer.ui.quiz.page import QuizPage
    from etrainer.ui.viewmodels.quiz import QuizViewModel
    from etrainer.ui.walkthrough.page import WalkthroughPage


class MainWindow(QMainWindow):
    profile_switch_requested = Signal()
    profile_edit_requested = Signal()
    profile_delete_requested = Signal()
    settings_requested = Signal()
    add_pack_requested = Signal()
    about_requested = Signal()
    tour_requested = Signal()
    workspace_requested = Signal()
    world_cafe_requested = Signal()

    def __init__(self, vm: ReaderViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Е-тренер"))
        self.setMinimumSize(QSize(800, 560))
        self._build_toolbar()
        self.feedback = FeedbackHooks(self)
        self.menus = MainMenus(self)
        self._profile_button.setMenu(self.menus.profile_menu)
        self._build_body()
        vm.lesson_opened.connect(self._on_lesson_opened)
        vm.lesson_failed.connect(self._on_lesson_failed)
        vm.progress_changed.connect(self._on_progress_changed)
        vm.learner_changed.connect(self._on_learner_changed)
        vm.search_finished.connect(self._on_search_finished)
        vm.bookmark_changed.connect(lambda marked: self._lesson_page.set_bookmarked(marked))
        vm.save_state_changed.connect(self._on_save_state_changed)
        self._lrs_status: LrsStatus | None = None
        """The automatic sending to an LRS: only for a learner who agreed to it (refresh_lrs_sending)."""
        self._populate_tree(None)
        self._show_problems()
        self.show_home()

    # -- construction ----------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self, objectName="mainToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        self.addToolBar(bar)
        # No app title here: the window title says «Е-тренер», and at 1024 px in large type the toolbar needs the
        # room for its buttons (a toolbar that overflows hides them behind «»»).
        self._home_button = QToolButton(objectName="homeButton", text=self.tr("⌂ My progress"))
        self._home_button.clicked.connect(self.show_home)
        bar.addWidget(self._home_button)
        self._continue = QPushButton(self.tr("Continue ▸"), objectName="continueButton")
        self._continue.setToolTip(self.tr("Open the lesson where you stopped"))
        self._continue.clicked.connect(self._on_continue_clicked)
        bar.addWidget(self._continue)
        self._review_button = QToolButton(objectName="reviewButton")
        self._review_button.setToolTip(self.tr("Questions you got wrong come back here until you know them"))
        self._review_button.clicked.connect(self.show_review)
        bar.addWidget(self._review_button)
        self._consult_button = QToolButton(objectName="consultButton", text=self.tr("+ Consultation"))
        self._consult_button.setToolTip(self.tr("Record a consultation at the desk (Ctrl+K)"))
        self._consult_button.clicked.connect(self.record_consultation)
        # Ctrl+K anywhere in the window; a list of sequences, as QAbstractButton.setShortcut() would make
        # PySide try the Qt::Key overload and create every Qt-namespace enum first (FIRST_PAINT_NOTE).
        consult = QAction(self, objectName="consultAction")
        consult.setShortcuts([QKeySequence.fromString("Ctrl+K")])
        consult.triggered.connect(lambda _=False: self.record_consultation())
        self.addAction(consult)
        bar.addWidget(self._consult_button)
        spacer = QWidget(objectName="toolbarSpacer")
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self._search = QLineEdit(objectName="searchField")
        self._search.setPlaceholderText(self.tr("Search the course…"))
        self._search.setAccessibleName(self.tr("Search the course"))
        self._search.setClearButtonEnabled(True)
        self._search.setMinimumWidth(120)
        self._search.setMaximumWidth(320)
        self._search.returnPressed.connect(self._on_search_entered)
        bar.addWidget(self._search)
        self._profile_button = QToolButton(objectName="profileButton")
        self._profile_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._profile_button.setAccessibleName(self.tr("Profile"))
        bar.addWidget(self._profile_button)

    def _build_body(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        self._course_label = QLabel(objectName="courseProgressLabel", wordWrap=True)
        self._tree = CourseTree()
        self._tree.target_activated.connect(self._on_tree_target)
        # Long titles wrap onto more lines instead of shrinking to «1. …» (the projector's type is large).
        self._tree.header().setStretchLastSection(False)
        self._tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._tree.setProperty("horizontalScrollBarPolicy", 1)  # ScrollBarAlwaysOff (FIRST_PAINT_NOTE)
        self._tree.setItemDelegate(WrappingItemDelegate(self._tree))
        left.setMinimumWidth(240)
        self._left = left
        left_layout.addWidget(self._course_label)
        left_layout.addWidget(self._tree, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self._banner = QFrame(objectName="problemsBanner")
        banner_layout = QHBoxLayout(self._banner)
        self._banner_label = QLabel(wordWrap=True, objectName="problemsLabel")
        show = QPushButton(self.tr("Show"), objectName="showProblemsButton")
        show.clicked.connect(self.show_problem_list)
        banner_layout.addWidget(self._banner_label, 1)
        banner_layout.addWidget(show)
        self._pages = QStackedWidget(objectName="pages")
        self._home = HomePage()
        self._home.lesson_requested.connect(self.vm.open_lesson)
        self._lesson_view: LessonPage | None = None
        self._note_timer = QTimer(self, singleShot=True, interval=800)
        self._pending_note = ""
        self._note_timer.timeout.connect(lambda: self.vm.save_note(self._pending_note))
        self._list_view: ListPage | None = None
        self._quiz_view: QuizPage | None = None
        self._walkthrough_view: WalkthroughPage | None = None
        self._pages.addWidget(self._home)
        # quizzes and walkthroughs take the whole width; every other page shows the course beside it
        self._pages.currentChanged.connect(
            lambda _i: self._left.setVisible(self._pages.currentWidget() not in (self._quiz_view,
                                                                                  self._walkthrough_view)))
        right_layout.addWidget(self._banner)
        right_layout.addWidget(self._pages, 1)

        splitter = QSplitter(objectName="mainSplitter")  # horizontal by default: see FIRST_PAINT_NOTE in ui/theme.py
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 724])
        splitter.setChildrenCollapsible(False)
        central = QWidget(objectName="central")
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        self._save_banner = SaveBanner()
        self._save_banner.retry_clicked.connect(self._on_retry_saving)
        central_layout.addWidget(self._save_banner)
        central_layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    # -- when saving fails -------------------------------------------------------------------------
    def _on_save_state_changed(self, failure: SaveFailed | None) -> None:
        if failure is None:
            self._save_banner.clear()
            self.statusBar().showMessage(self.tr("Saving works again."), 6000)
        else:
            self._save_banner.show_failure(error_sentence(failure))

    def _on_retry_saving(self) -> None:
        if not self.vm.retry_saving():
            self.statusBar().showMessage(self.tr("Still not saving. The message above says what to do."), 6000)

    # -- the course tree ---------------------------------------------------------------------------
    def _populate_tree(self, progress: CourseProgress | None) -> None:
        marks = TreeMarks(progress, self.vm.quiz_statuses(), self.vm.walkthrough_marks(), self.vm.review_due())
        self._tree.populate(self.vm.course, marks, self.vm.current.lesson.id if self.vm.current else None)
        self._review_button.setText(self.tr("Review ({n})").format(n=marks.review_due))
        if progress is not None:
            units = units_for(self.vm.course, progress, marks.quizzes, marks.walkthroughs)
            self._course_label.setText(self.tr("My course: {percent}").format(percent=format_percent(units.percent)))
        else:
            self._course_label.setText(self.vm.course.title)

    def _on_tree_target(self, target: str) -> None:
        if target == "review":
            self.show_review()
        elif target.startswith("quiz:"):
            self.open_quiz(target.removeprefix("quiz:"))
        elif target.startswith("scenario:"):
            self.open_walkthrough(target.removeprefix("scenario:"))
        else:
            self.vm.open_lesson(target)

    # -- quizzes and the review deck ------------------------------------------------------------------
    def _question_html(self, text: str) -> str:
        from etrainer.core.course.reader import context_for
        from etrainer.core.markdown import render_lesson
        return render_lesson(text, context_for(self.vm.course)).html

    # The lesson, quiz, walkthrough and list pages are built on first use, out of the start-up path.
    @property
    def _list_page(self) -> ListPage:
        if self._list_view is None:
            from etrainer.ui.list_page import ListPage

            self._list_view = ListPage()
            self._list_view.lesson_requested.connect(self._on_list_lesson)
            self._pages.addWidget(self._list_view)
        return self._list_view

    @property
    def _lesson_page(self) -> LessonPage:
        if self._lesson_view is None:
            from etrainer.ui.lesson.page import LessonPage

            page = self._lesson_view = LessonPage()
            page.previous_requested.connect(self._open_if_any)
            page.next_requested.connect(self._on_next_lesson)
            page.bookmark_toggled.connect(self.vm.toggle_bookmark)
            page.note_edited.connect(self._on_note_edited)
            browser = page.browser
            browser.lesson_link_clicked.connect(self.vm.open_lesson)
            browser.external_link_clicked.connect(self._on_external_link)
            browser.reached_end.connect(self.vm.mark_reached_end)
            browser.zoom_changed.connect(self.vm.set_zoom)
            self._pages.addWidget(page)
        return self._lesson_view

    @property
    def _quiz_page(self) -> QuizPage:
        if self._quiz_view is None:
            from etrainer.ui.quiz.page import QuizPage

            self._quiz_view = QuizPage(self._question_html)
            self._quiz_view.closed.connect(self._on_activity_closed)
            self._pages.addWidget(self._quiz_view)
        return self._quiz_view

    @property
    def _walkthrough_page(self) -> WalkthroughPage:
        if self._walkthrough_view is None:
            from etrainer.ui.walkthrough.page import WalkthroughPage

            self._walkthrough_view = WalkthroughPage()
            self._walkthrough_view.closed.connect(self._on_activity_closed)
            self._pages.addWidget(self._walkthrough_view)
        return self._walkthrough_view

    def _quiz_vm(self) -> QuizViewModel | None:
        if self.vm.learner is None or self.vm.services is None:
            self.statusBar().showMessage(self.tr("Choose your profile first: your answers are kept in it."), 6000)
            return None
        from etrainer.ui.viewmodels.quiz import QuizViewModel

        vm = QuizViewModel(self.vm.services, self.vm.course, self.vm.learner)
        vm.finished.connect(lambda _attempt: self._populate_tree(self.vm.course_progress()))
        return vm

    def open_quiz(self, quiz_id: str) -> None:
        quiz = self.vm.course.quiz(quiz_id)
        vm = self._quiz_vm()
        if quiz is None or vm is None:
            return
        self._leave_page()
        self._quiz_page.open_quiz(vm, vm.intro(quiz))
        self._pages.setCurrentWidget(self._quiz_page)
        self._left.hide()  # the questions and their pictures get the whole width, as walkthroughs do

    def open_walkthrough(self, scenario_id: str, mode: Mode | None = None) -> None:
        scenario = self.vm.course.scenario(scenario_id)
        if scenario is None:
            return
        if self.vm.learner is None or self.vm.services is None:
            self.statusBar().showMessage(self.tr("Choose your profile first: your answers are kept in it."), 6000)
            return
        self._leave_page()
        from etrainer.ui.viewmodels.walkthrough import WalkthroughViewModel

        vm = WalkthroughViewModel(self.vm.services, self.vm.course, self.vm.learner, scenario)
        vm.finished.connect(lambda _result: self._populate_tree(self.vm.course_progress()))
        self._pages.setCurrentWidget(self._walkthrough_page)
        self._left.hide()  # the simulator needs the whole width
        self._walkthrough_page.open(vm, mode)

    def export_progress(self) -> None:
        if self.vm.learner is None or self.vm.services is None:
            self.statusBar().showMessage(self.tr("Choose your profile first: your answers are kept in it."), 6000)
            return
        from etrainer.ui.export_dialog import ExportDialog

        self._leave_page()
        ExportDialog(self.vm.services, self.vm.course, self.vm.learner, self).exec()
        self.refresh_lrs_sending()  # she sent from the dialog: what she saves from now on goes by itself

    # -- the automatic sending to a learning record store --------------------------------------------
    def refresh_lrs_sending(self) -> None:
        """Start, keep or stop the automatic sending for the current learner. Only an LRS in Settings and the
        learner's consent to it (given in the export dialog, remembered per profile) start anything at all."""
        services, learner = self.vm.services, self.vm.learner
        endpoint = services.settings.lrs_consent(learner.id) if services is not None and learner is not None else None
        config = services.lrs.config() if services is not None and endpoint is not None else None
        status = self._lrs_status
        if status is not None and (learner is None or status.learner != learner.id or status.config != config):
            self.stop_lrs_sending()
            status = None
        if services is None or learner is None or config is None:
            return
        if status is None:
            from etrainer.ui.lrs_status import LrsStatus

            status = self._lrs_status = LrsStatus(services, learner.id, config, lambda: self.vm.course, self)
            self.statusBar().addPermanentWidget(status, 1)
            status.start()
        elif services.lrs.password is not None and not status.auto.status.active:
            status.auto.send(services.lrs.password)

    def stop_lrs_sending(self) -> None:
        status, self._lrs_status = self._lrs_status, None
        if status is not None:
            status.close_sender()
            self.statusBar().removeWidget(status)
            status.deleteLater()

    def record_consultation(self) -> None:
        from etrainer.ui.consultation.launch import record_consultation

        record_consultation(self)

    def show_consultations(self) -> None:
        from etrainer.ui.consultation.launch import show_month

        show_month(self)

    def show_review(self) -> None:
        vm = self._quiz_vm()
        if vm is None:
            return
        self._leave_page()
        if not self._quiz_page.open_review(vm):
            self._list_page.show_message(self.tr("Review"), self.tr(
                "Nothing to review today. Questions you answer wrong in a quiz come back here on later days."))
            self._pages.setCurrentWidget(self._list_page)
            return
        self._pages.setCurrentWidget(self._quiz_page)

    def _on_activity_closed(self) -> None:
        self._left.show()
        self._populate_tree(self.vm.course_progress())
        self.show_home()

    # -- pages -------------------------------------------------------------------------------------
    def show_home(self) -> None:
        self.vm.close_current()
        learner = self.vm.learner
        self._home.show_course(self.vm.course, self.vm.course_progress(), learner.name if learner else "",
                               self.vm.continue_target() if learner else None, self.vm.quiz_statuses(),
                               self.vm.walkthrough_marks())
        self.feedback.refresh_notice()
        self._pages.setCurrentWidget(self._home)

    def _on_next_lesson(self, lesson_id: str) -> None:
        """«Далі ▸» counts the lesson as read (core.progress.completion: she went on from it), then opens the next."""
        self.vm.mark_reached_end()
        self._open_if_any(lesson_id)

    def _open_if_any(self, lesson_id: str) -> None:
        if lesson_id:
            self.vm.open_lesson(lesson_id)

    def _on_lesson_opened(self, opened: OpenLesson) -> None:
        lessons = list(self.vm.course.lessons())
        position = self.tr("lesson {n} of {total}").format(n=lessons.index(opened.lesson) + 1, total=len(lessons))
        css = lesson_css(current_theme(QApplication.instance()))

        def define(key: str) -> str | None:
            term = self.vm.course.term(key)
            return f"<b>{term.term}</b><br>{term.definition}" if term else None

        self._lesson_page.browser.set_zoom(self.vm.zoom())
        self._lesson_page.show_lesson(opened, css, self.vm.course.root, define, position)
        self._pages.setCurrentWidget(self._lesson_page)
        if self._lesson_page.browser.content_fits():
            self.vm.mark_reached_end()
        self._select_in_tree(opened.lesson.id)
        self.statusBar().showMessage(opened.lesson.title, 3000)

    def _select_in_tree(self, lesson_id: str) -> None:
        self._tree.select_target(lesson_id)

    def _on_lesson_failed(self, title: str, sentence: str) -> None:
        self.statusBar().showMessage(self.tr("The lesson “{title}” cannot be shown: {reason}")
                                     .format(title=title, reason=sentence), 10000)

    def _on_progress_changed(self, progress: CourseProgress | None) -> None:
        self._populate_tree(progress)

    def _on_learner_changed(self, profile: Profile | None) -> None:
        name = profile.name if profile is not None else self.tr("No profile")
        words = name.split()
        short = f"{words[0]} {words[1][0]}." if len(words) > 1 else name  # «Марта К. ▾»: the toolbar fits 1024 px
        self._profile_button.setText(f"{short} ▾")
        self._profile_button.setToolTip(name)
        self._profile_button.setAccessibleName(self.tr("Profile: {name}").format(name=name))
        self.setWindowTitle(self.tr("Е-тренер — {name}").format(name=name) if profile else self.tr("Е-тренер"))
        self.show_home()
        self.refresh_lrs_sending()

    def _on_continue_clicked(self) -> None:
        target = self.vm.continue_target()
        if target:
            self.vm.open_lesson(target)

    def _on_note_edited(self, text: str) -> None:
        self._pending_note = text
        self._note_timer.start()

    def flush_note(self) -> None:
        if self._note_timer.isActive():
            self._note_timer.stop()
            self.vm.save_note(self._pending_note)

    def _on_external_link(self, url: QUrl) -> None:
        question = self.tr("Open this address in your web browser?\n\n{url}\n\nIt is outside Е-тренер and "
                           "needs the Internet.").format(url=url.toString())
        from etrainer.ui.common import prompts  # file and input dialogs: not on the way to the first paint

        if prompts.ask_yes_no(self, self.tr("Open a web page"), question, self.tr("Open"), self.tr("Cancel")):
            QDesktopServices.openUrl(url)

    # -- search, bookmarks, problems -----------------------------------------------------------------
    def focus_search(self) -> None:
        from PySide6.QtCore import Qt  # not at import: see FIRST_PAINT_NOTE in ui/theme.py

        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def _on_search_entered(self) -> None:
        self.vm.search(self._search.text())

    def _on_search_finished(self, query: str, hits: list[SearchHit]) -> None:
        self._leave_page()
        self._list_page.show_search(query, hits)
        self._pages.setCurrentWidget(self._list_page)

    def _on_list_lesson(self, lesson_id: str) -> None:
        """A lesson from a list; from search results it opens at its first match, selected."""
        query = self._list_page.query
        self.vm.open_lesson(lesson_id)
        if query and self.vm.current is not None and self.vm.current.lesson.id == lesson_id:
            from etrainer.core.course.search import query_terms

            self._lesson_page.browser.show_match(query_terms(query))

    def show_bookmarks(self) -> None:
        self._leave_page()
        self._list_page.show_bookmarks(self.vm.course, (mark.lesson_id for mark in self.vm.bookmarks()))
        self._pages.setCurrentWidget(self._list_page)

    def _show_problems(self) -> None:
        count = len(self.vm.problems)
        self._banner.setVisible(count > 0)
        self._banner_label.setText(self.tr("⚠ The course has %n problem(s); the rest of it works.", "", count))

    def show_problem_list(self) -> None:
        self._leave_page()
        self._list_page.show_problems(self.vm.problems)
        self._pages.setCurrentWidget(self._list_page)

    def _leave_page(self) -> None:
        """Before another page replaces the lesson: keep the note being typed and close the lesson visit."""
        self.flush_note()
        self.vm.close_current()

    # -- zoom ---------------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self._lesson_page.browser.zoom_in()

    def zoom_out(self) -> None:
        self._lesson_page.browser.zoom_out()

    def set_zoom(self, percent: int) -> None:
        self._lesson_page.browser.set_zoom(percent)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange and self._lesson_view is not None:
            QTimer.singleShot(0, self, self._restyle_lesson)

    def _restyle_lesson(self) -> None:
        """Another theme (Settings): the open lesson takes the theme's lesson colours at once, where it was."""
        opened = self.vm.current
        if opened is None or self._pages.currentWidget() is not self._lesson_view:
            return
        bar = self._lesson_page.browser.verticalScrollBar()
        position = bar.value()
        self._on_lesson_opened(opened)
        bar.setValue(position)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._leave_page()
        self.stop_lrs_sending()
        super().closeEvent(event)
