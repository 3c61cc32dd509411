"""AppController: what happens around the main window — the database opening after the first
paint, choosing a profile, settings, adding a course pack, backups while the app runs."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from etrainer import __version__
from etrainer.core.errors import EtrainerError
from etrainer.prefs import Prefs
from etrainer.ui.common import prompts, tasks
from etrainer.ui.common.errors import error_sentence, reason_text, show_error, show_message
from etrainer.ui.common.paint import FirstPaint
from etrainer.ui.main_window import MainWindow
from etrainer.ui.profiles.dialog import EditProfileDialog, ProfileDialog
from etrainer.ui.viewmodels.reader import ReaderViewModel

if TYPE_CHECKING:
    from etrainer.exchange.course_pack import AddedPack
    from etrainer.services.facade import AppServices, StartChoice
    from etrainer.ui.methodist.window import WorkspaceWindow

BACKUP_INTERVAL_MS = 20 * 60 * 1000
FEEDBACK_SUFFIX = ".etfeedback"


class AppController(QObject):
    usable = Signal()
    """Once: the first window that takes the user's input has painted, with the database open — the role
    question at the first run, the profile chooser, the welcome tour, the workspace, or (for a trainer) the
    main window with the Classroom menu. `etrainer --exit-when-usable` exits on it."""

    def __init__(self, app: QApplication, window: MainWindow, vm: ReaderViewModel, data: Path,
                 prefs: Prefs, *, extras_pending: bool = False, open_files: list[Path] | None = None) -> None:
        super().__init__(window)
        self._app, self._window, self._vm, self._data, self._prefs = app, window, vm, data, prefs
        self._extras_pending = extras_pending
        self._open_files = open_files or []
        """Progress files the app was started with (a double-click): imported into the workspace."""
        self.services: AppServices | None = None
        self._backup_timer = QTimer(self, interval=BACKUP_INTERVAL_MS)
        self._backup_timer.timeout.connect(self._backup_in_background)
        self._backing_up = threading.Lock()
        """Held while a session backup runs (on a worker thread every 20 minutes, or on closing)."""
        window.profile_switch_requested.connect(self.choose_profile)
        window.profile_edit_requested.connect(self.edit_profile)
        window.profile_delete_requested.connect(self.delete_profile)
        window.settings_requested.connect(self.open_settings)
        window.add_pack_requested.connect(self.add_pack)
        window.about_requested.connect(self.about)
        window.tour_requested.connect(lambda: self.welcome_tour())
        window.workspace_requested.connect(self.open_workspace)
        window.world_cafe_requested.connect(self.world_cafe)
        self._workspace: WorkspaceWindow | None = None
        self._usable_sent = False

    # -- start and stop ------------------------------------------------------------------------------
    def start(self) -> None:
        """After the first paint: open the database (recovering it if needed), then ask who studies."""
        if not self.prepare():
            return
        replies = [path for path in self._open_files if path.suffix.lower() == FEEDBACK_SUFFIX]
        progress_files = [path for path in self._open_files if path not in replies]
        if replies:  # a double-click on a methodist's reply: open it, then the learner goes on as usual
            self._window.feedback.open_files(replies)
        if progress_files:
            self.open_workspace(progress_files)
            return
        first_run = not self._prefs.extra.get("welcome_seen")
        role = self._prefs.role
        if not role and first_run:
            role = self.ask_role()
        self.start_as(role or "librarian", tour=first_run)

    def prepare(self) -> bool:
        """Open the database (recovering it if needed, telling what was restored), give the window its services,
        index the course and start the backups; False, with the window closed, when it could not be opened."""
        if not self._open_database():
            self._window.close()
            return False
        notice = self.services.recovery_message
        if notice is not None:
            title = (self.tr("Your data was restored") if type(notice).__name__ == "DatabaseRestored"
                     else self.tr("Your progress database was repaired"))
            show_message(self._window, title, error_sentence(notice), self.services.opened.problem or "")
        if self._extras_pending:
            from etrainer.course_cache import load_extras_cached

            quizzes, scenarios = load_extras_cached(self._vm.course.root, self._data)
            self._vm.attach_extras(quizzes, scenarios)
            self._extras_pending = False
        self._vm.attach_services(self.services)
        self.services.index_course(self._vm.course)
        self._backup_timer.start()
        return True

    def ask_role(self) -> str:
        """«Who works here?»: the answer is kept in the preferences (Settings can change it)."""
        from etrainer.ui.roles import RoleDialog

        dialog = RoleDialog(self._window)
        self._signal_usable_on_paint(dialog)
        dialog.exec()
        self._prefs.role = dialog.chosen or "librarian"
        with contextlib.suppress(OSError):
            self._prefs.save(self._data)
        return self._prefs.role

    def start_as(self, role: str, *, tour: bool) -> None:
        """Open the role's start: the librarian chooses a profile; the trainer gets the course with the
        Classroom menu shown; the methodist gets the workspace. `tour`: then the role's welcome tour."""
        if role == "methodist":
            self.open_workspace()
            if tour:
                self.welcome_tour(role, self._workspace)
            return
        if role == "trainer":
            if tour:
                self.welcome_tour(role)
            self.show_classroom_menu()
            self._signal_usable_on_paint(self._window)  # painted already: the next paint (the status line)
            return
        self.choose_profile(first_time=True)
        if tour:
            self.welcome_tour(role)

    def show_classroom_menu(self) -> None:
        """Point the trainer at the Classroom menu: it is opened under its title, and the status bar says why."""
        from PySide6.QtWidgets import QMenu

        menu = self._window.findChild(QMenu, "classroomMenu")
        if menu is None:
            return
        self._window.menuBar().setActiveAction(menu.menuAction())
        self._window.statusBar().showMessage(self.tr("Everything for a group is in the «Classroom» menu."), 15000)

    def _open_database(self) -> bool:
        """Open (recovering, asking when needed) the data folder's database; False when it was not opened
        (the reason was shown). Choosing another data folder tries again there."""
        from etrainer.services.facade import OpeningDeclined, StartChoice, open_app_services

        while True:
            try:
                self.services = open_app_services(self._data, decide=self._decide_start)
                return True
            except OpeningDeclined as declined:
                if declined.choice is not StartChoice.OTHER_FOLDER:
                    return False
                chosen = prompts.ask_folder(self._window, self.tr("Choose the data folder"))
                if not chosen:
                    return False
                self._data = Path(chosen)
            except EtrainerError as error:
                show_error(self._window, self.tr("Е-тренер"), error)
                return False

    def _decide_start(self, question: EtrainerError, choices: tuple[StartChoice, ...]) -> StartChoice:
        """Ask what to do about a missing database (with backups) or a file that is not eTrainer's."""
        from etrainer.services.facade import StartChoice

        params = question.params
        if type(question).__name__ == "DatabaseMissing":
            title = self.tr("Your progress database is missing")
            text = self.tr("The progress database {path} is missing, but there are backups of it; the newest is "
                           "from {date}. Nothing has been created yet.\n\nRestore the newest backup, choose "
                           "another data folder, or start with an empty database?").format(
                path=params.get("path"), date=params.get("backup_date"))
        else:
            title = self.tr("This is not an eTrainer database")
            text = self.tr("The file {path} in the data folder is not an eTrainer database ({reason}); eTrainer "
                           "will not write to it.\n\nChoose another data folder — or put the file aside "
                           "(renamed, unchanged) and restore the newest backup or start with an empty "
                           "database?").format(path=params.get("path"), reason=params.get("reason"))
        labels = {StartChoice.RESTORE: self.tr("Restore the newest backup"),
                  StartChoice.OTHER_FOLDER: self.tr("Choose another folder…"),
                  StartChoice.FRESH: self.tr("Start with an empty database"),
                  StartChoice.QUIT: self.tr("Quit")}
        answer = prompts.ask_choice(self._window, title, text,
                                    [(choice.value, labels[choice]) for choice in choices])
        return StartChoice(answer) if answer else StartChoice.QUIT

    def open_workspace(self, files: list[Path] | None = None) -> None:
        """The methodist's workspace (one window; shown again if already open), importing `files` if given."""
        from etrainer.ui.methodist.window import open_workspace_window

        window = self._workspace
        if window is not None and window.isVisible():
            self._workspace_opened(window, files)
            return
        # Where Settings say: the file opens at once; a server calls back once connected (password asked then).
        location = self.services.settings.workspace_location() if self.services is not None else None
        open_workspace_window(None, self._data, self._vm.course, location,
                              lambda opened: self._workspace_opened(opened, files), self._lrs_configured)

    def _lrs_configured(self) -> tuple[str, str] | None:
        """The LRS address and user of Settings (for the methodist's sending), read when asked for."""
        config = self.services.lrs.config() if self.services is not None else None
        return (config.endpoint, config.user) if config is not None else None

    def _workspace_opened(self, window: WorkspaceWindow, files: list[Path] | None) -> None:
        self._workspace = window
        window.raise_()
        window.activateWindow()
        self._signal_usable_on_paint(window)
        if files:
            window.import_paths(files)

    @property
    def window(self) -> MainWindow:
        return self._window

    def mark_usable(self) -> None:
        """Something that takes input is on screen already (the chooser of `ui.chooser_start`)."""
        self._usable_sent = True

    def _signal_usable_on_paint(self, widget: QWidget) -> None:
        if not self._usable_sent:
            self._usable_sent = True
            FirstPaint(widget, self.usable.emit)

    def world_cafe(self) -> None:
        from etrainer.ui.classroom.world_cafe import start_world_cafe

        self._window.menus.classroom.keep(start_world_cafe(self._window, self._vm.course, self._data / "classroom"))

    def welcome_tour(self, role: str | None = None, parent: QWidget | None = None) -> None:
        from etrainer.ui.welcome import WelcomeTour

        tour = WelcomeTour(parent or self._window, role or self._prefs.role or "librarian")
        self._signal_usable_on_paint(tour)
        tour.exec()
        self._prefs.extra["welcome_seen"] = True
        with contextlib.suppress(OSError):
            self._prefs.save(self._data)

    def shutdown(self) -> None:
        self._prefs.geometry = bytes(self._window.saveGeometry().toBase64()).decode()
        if not self._prefs.course_id:  # a course chosen for the next start (Settings, a new pack) is kept
            self._prefs.course_id = self._vm.course.id
        with contextlib.suppress(OSError):  # preferences are a comfort, never worth a crash at exit
            self._prefs.save(self._data)
        self._window.stop_lrs_sending()
        if self.services is not None:
            # a periodic backup still copying finishes first; closing, nobody is left to read a message about a
            # failed backup: the last periodic one stands
            with self._backing_up, contextlib.suppress(OSError, EtrainerError):
                self.services.backup_if_changed()
            self.services.close()

    def _backup_in_background(self) -> None:
        """The periodic session backup, on a worker thread (a full copy and the pruning of old backups: about
        0.5 s for 200 profiles, more on a slow disk), and only when the database changed since the last."""
        services = self.services
        if services is None or not self._backing_up.acquire(blocking=False):
            return

        def work(_progress: tasks.Progress) -> Path | None:
            try:
                return services.backup_if_changed()
            finally:
                self._backing_up.release()

        tasks.run_in_background(work, lambda _path: None, self._on_backup_failed)

    def _on_backup_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self._window):
            self._window.statusBar().showMessage(self.tr("Automatic backup failed: {reason}")
                                                 .format(reason=str(error)), 10000)

    # -- profiles --------------------------------------------------------------------------------------
    def choose_profile(self, first_time: bool = False) -> None:
        if self.services is None:
            return
        self._window.flush_note()
        dialog = ProfileDialog(self.services.profiles, self._window, self.services.last_profile_id())
        self._signal_usable_on_paint(dialog)
        accepted = dialog.exec()
        self.profile_chosen(dialog, bool(accepted), first_time=first_time)

    def profile_chosen(self, dialog: ProfileDialog, accepted: bool, *, first_time: bool) -> None:
        """What the profile chooser's answer leads to: her course (at her last lesson, at the start), the
        workspace, or the course without a profile."""
        if accepted and dialog.chosen is not None:
            self._vm.set_learner(dialog.chosen)
            if first_time:
                last = self.services.learning.last_lesson(dialog.chosen.id) if self.services is not None else None
                if last and self._vm.course.lesson(last):
                    self._vm.open_lesson(last)
        elif dialog.workspace_requested:
            self.open_workspace()
        elif self._vm.learner is None:
            self._window.statusBar().showMessage(self.tr("Choose a profile (menu Profile) to keep your progress."))

    def edit_profile(self) -> None:
        if self.services is None or self._vm.learner is None:
            return
        dialog = EditProfileDialog(self.services.profiles, self._vm.learner, self._window)
        if dialog.exec() and dialog.updated is not None:
            self._vm.set_learner(dialog.updated)

    def delete_profile(self) -> None:
        learner = self._vm.learner
        if self.services is None or learner is None:
            return
        question = self.tr("Delete the profile “{name}” with all its progress, bookmarks and notes? "
                           "This cannot be undone (a backup is made first).").format(name=learner.name)
        if not prompts.ask_yes_no(self._window, self.tr("Delete profile"), question, self.tr("Delete"),
                                  self.tr("Keep")):
            return
        try:
            self.services.backup_now("manual")
        except (OSError, EtrainerError) as error:  # she was promised a backup first: nothing is deleted without
            reason = reason_text(error)
            show_message(self._window, self.tr("Delete profile"), self.tr(
                "The backup before deleting could not be made, so nothing was deleted: {reason}").format(
                reason=reason))
            return
        self._vm.set_learner(None)
        self.services.profiles.delete(learner.id)
        self.choose_profile()

    # -- settings, packs, about ------------------------------------------------------------------------
    def open_settings(self) -> None:
        if self.services is None:
            return
        from etrainer.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self._prefs, self._data, self._window)
        dialog.exec()
        self._window.refresh_lrs_sending()  # another LRS, or none: the automatic sending follows
        if dialog.restored:
            show_message(self._window, self.tr("Backup restored"),
                         self.tr("The backup was restored. Е-тренер will now close; start it again."))
            self._window.close()

    def add_pack(self) -> None:
        source = prompts.ask_open_file(self._window, self.tr("Add a course"),
                                       self.tr("Course pack (*.zip course.yaml)"))
        if not source:
            return
        path = Path(source)
        if path.name == "course.yaml":
            path = path.parent
        from etrainer.exchange.course_pack import add_pack
        from etrainer.paths import packs_dir

        dialog = QProgressDialog(self.tr("Adding the course…"), self.tr("Cancel"), 0, 100, self._window)
        dialog.setMinimumDuration(300)
        self._pack_dialog = dialog  # before the work starts: a task run inline (tests) ends at once
        progress = tasks.run_in_background(lambda p: add_pack(path, packs_dir(self._data), p.report),
                                           self._on_pack_added, self._on_pack_failed)
        progress.changed.connect(lambda done, total: dialog.setValue(done * 100 // max(total, 1)))
        dialog.canceled.connect(progress.cancel)

    def _on_pack_added(self, added: AddedPack) -> None:
        self._pack_dialog.close()
        problems = len(added.result.problems)
        text = self.tr("The course “{title}” (version {version}) was added. Progress is kept. "
                       "Restart Е-тренер to open it.").format(title=added.info.title, version=added.info.version)
        if problems:
            text += " " + self.tr("%n problem(s) were found in it.", "", problems)
        self._prefs.course_id = added.info.course_id
        show_message(self._window, self.tr("Course added"), text,
                     "\n".join(p.format() for p in added.result.problems))

    def _on_pack_failed(self, error: BaseException) -> None:
        self._pack_dialog.close()
        if isinstance(error, EtrainerError):
            show_error(self._window, self.tr("The course was not added"), error)
        else:
            QMessageBox.warning(self._window, self.tr("The course was not added"), str(error))

    def about(self) -> None:
        QMessageBox.about(self._window, self.tr("About Е-тренер"),
                          self.tr("<h3>Е-тренер {version}</h3><p>An offline trainer for librarians who help "
                                  "citizens use administrative e-services.</p><p>Licence: GNU GPL v3 or later.</p>"
                                  "<p>Data folder: {data}</p>").format(version=__version__, data=str(self._data)))
