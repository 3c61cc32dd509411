"""The services over one open database, as the UI and the CLI use them.

`open_app_services(data)` opens (creating, upgrading or recovering) the database in the data folder;
`recovery_message` then says what happened to a damaged file, for the UI to show once.
"""

from __future__ import annotations

import logging
from functools import cached_property
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etrainer.core.course.model import Course, Lesson
from etrainer.core.errors import EtrainerError
from etrainer.core.ids import LearnerId
from etrainer.paths import backups_dir, bundled_course_dir, data_dir, database_path, packs_dir
from etrainer.services.learning import LearningService
from etrainer.services.profiles import ProfileService
from etrainer.services.saving import GuardedSessions, ProgressSaved, SaveMonitor
from etrainer.services.search import SearchService
from etrainer.services.settings import SettingsService
from etrainer.storage.backup import BackupInfo, BackupManager, BackupReason
from etrainer.storage.errors import DatabaseReadOnly, OpeningDeclined
from etrainer.storage.recovery import Decide, OpenResult, StartChoice, open_or_recover

if TYPE_CHECKING:
    from etrainer.services.essays import EssayService
    from etrainer.services.lrs import LrsService
    from etrainer.services.quizzes import QuizService
    from etrainer.services.transfer import ExportService
    from etrainer.services.walkthroughs import WalkthroughService

__all__ = ["AppServices", "Decide", "OpeningDeclined", "StartChoice", "open_app_services", "open_services"]

log = logging.getLogger(__name__)

SAVE_CHECK_KEY = "last_save_check"
"""The installation-wide setting that `retry_saving` writes to find out whether saving works again."""


class AppServices:
    """Profiles, learning, search and settings services sharing one database, plus its backups."""

    def __init__(self, opened: OpenResult, backups: BackupManager, course: Course | None = None) -> None:
        self.opened = opened
        self.database = opened.database
        self.save_monitor = SaveMonitor()
        """Whether saving works now; the main window's banner listens to it."""
        sessions = self._sessions = GuardedSessions(opened.database.sessions, self.save_monitor)
        self.progress_saved = ProgressSaved()
        """Told the learner after each saved answer, finished attempt or walkthrough, lesson time (the automatic
        sending to an LRS listens; nothing does until it is started)."""
        self.profiles = ProfileService(sessions)
        self.learning = LearningService(sessions, saved=self.progress_saved)
        self.search = SearchService(sessions)
        self.settings = SettingsService(sessions)
        self.backups = backups
        self.course = course

    # Quizzes, walkthroughs, exports and essay replies are built on first use: their modules (the quiz and
    # scenario models, spreadsheets, signatures, the progress document model) cost about half a second to
    # import, which the profile chooser must not wait for.
    @cached_property
    def quizzes(self) -> QuizService:
        from etrainer.services.quizzes import QuizService

        return QuizService(self._sessions, saved=self.progress_saved)

    @cached_property
    def walkthroughs(self) -> WalkthroughService:
        from etrainer.services.walkthroughs import WalkthroughService

        return WalkthroughService(self._sessions, saved=self.progress_saved)

    @cached_property
    def transfer(self) -> ExportService:
        from etrainer.services.transfer import ExportService

        return ExportService(self._sessions)

    @cached_property
    def lrs(self) -> LrsService:
        """Sending to a learning record store; holds the LRS password for this session only."""
        from etrainer.services.lrs import LrsService

        return LrsService(self._sessions, self.settings)

    @cached_property
    def essays(self) -> EssayService:
        from etrainer.services.essays import EssayService

        return EssayService(self._sessions)

    @property
    def recovery_message(self) -> EtrainerError | None:
        """What happened to a damaged, missing or foreign database file (DatabaseRecovered, DatabaseSalvaged,
        DatabaseCommitsLost, DatabaseRestored, DatabaseStartedFresh), else None."""
        return self.opened.notice

    def index_course(self, course: Course) -> bool:
        """Make the course searchable (only rebuilt when it changed) and search in it from now on."""

        def text_of(lesson: Lesson) -> str:
            from etrainer.core.course.reader import plain_text  # Markdown: only when the index is rebuilt

            return plain_text(course, lesson)

        self.course = course
        self.search.course_id = course.id
        return self.search.index_course(course, text_of)

    def backup_now(self, reason: str | BackupReason = BackupReason.SESSION) -> Path:
        """A backup now ("session", "manual", …); raises BackupFailed."""
        return self.backups.backup_now(BackupReason(reason))

    def backup_if_changed(self) -> Path | None:
        """A session backup when the database changed since the newest one (the periodic backup while the app
        runs, and the one on closing); None when nothing changed. Raises BackupFailed. Safe on a worker
        thread: the copy and the pruning use connections of their own."""
        if not self.backups.needs_backup():
            return None
        return self.backups.backup_now(BackupReason.SESSION)

    def restore_backup(self, backup: BackupInfo | Path) -> None:
        """Restore a backup over the current data (saved first as a pre-restore backup); raises
        BackupDamaged. Restart (reopen through `open_app_services`) afterwards: it upgrades the schema."""
        self.backups.restore(backup)

    def retry_saving(self) -> None:
        """Try one small write now (the banner's Retry); raises SaveFailed while saving still fails."""
        from etrainer.storage.models import utc_now

        self.settings.set(SAVE_CHECK_KEY, utc_now().isoformat(timespec="seconds"))

    def last_profile_id(self) -> LearnerId | None:
        profile = self.profiles.last_profile()
        return profile.id if profile is not None else None

    def profile_summaries(self, course: Course | None = None) -> list[dict[str, Any]]:
        """One JSON-ready row per profile: id, name, branch, position, has_pin, created, last_active
        (local ISO time or None), course_id, completed, total, completion (whole percent of `course`)."""
        course = course or self.course
        rows = []
        for profile in self.profiles.list():
            progress = self.learning.progress(profile.id, course) if course is not None else None
            rows.append({
                "id": int(profile.id), "name": profile.name, "branch": profile.branch, "position": profile.position,
                "has_pin": profile.has_pin,
                "created": profile.created_at.astimezone().isoformat(timespec="seconds"),
                "last_active": (profile.last_active_at.astimezone().isoformat(timespec="seconds")
                                if profile.last_active_at else None),
                "course_id": course.id if course is not None else None,
                "completed": progress.completed if progress else 0,
                "total": progress.total if progress else 0,
                "completion": progress.percent if progress else 0,
            })
        return rows

    def close(self) -> None:
        self.database.dispose()


def open_app_services(data: str | PathLike[str], decide: Decide | None = None) -> AppServices:
    """Open the database in the data folder (see `storage.recovery.open_or_recover`); `decide` answers
    its questions (a missing database while backups exist, a file that is not eTrainer's).

    Raises an EtrainerError (locked, read-only, disk full, I/O error, the unanswered question, declined,
    newer, upgrade failed) when it cannot be opened; nothing was moved or replaced then.
    """
    folder = Path(data)
    opened = open_or_recover(database_path(folder), backups_dir(folder), decide=decide)
    return AppServices(opened, BackupManager(database_path(folder), backups_dir(folder)))


def open_services(data: str | PathLike[str] | None = None, *, with_course: bool = False) -> AppServices:
    """For the command line: the data folder as `--data-dir` gives it (or the default one), and with
    `with_course` the course the app would open (the remembered one, else the first available)."""
    try:
        folder = data_dir(data)
    except OSError as error:
        raise DatabaseReadOnly(folder=str(data or "the data folder"), reason=error.strerror or str(error)) from error
    services = open_app_services(folder)
    if with_course:
        services.course = _default_course(folder)
    return services


def _default_course(folder: Path) -> Course | None:
    from etrainer.core.course.catalog import available_packs
    from etrainer.core.course.pack import load_pack
    from etrainer.prefs import Prefs

    packs = available_packs(bundled_course_dir(), packs_dir(folder))
    if not packs:
        return None
    remembered = Prefs.load(folder).course_id
    chosen = next((p for p in packs if p.course_id == remembered), packs[0])
    try:
        return load_pack(chosen.root).course
    except EtrainerError as error:
        log.warning("course %s could not be loaded: %s", chosen.root, error)
        return None
