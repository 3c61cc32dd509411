"""Opening the learner database at start-up, recovering from a damaged file without losing anything.

A file that cannot be read as a database, is empty, or fails `PRAGMA integrity_check` is moved aside
to `<name>.corrupt-<stamp>` (with its -wal/-shm files; never overwritten, never deleted). The newest
backup that passes its own integrity check takes its place; if there is none, an empty database is
started. Then the schema is upgraded (after a pre-upgrade copy). `OpenResult.notice` carries the
sentence the UI shows (DatabaseRecovered or DatabaseStartedFresh), None when all was well.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from etrainer.core.errors import EtrainerError
from etrainer.storage.backup import BackupManager, Clock, copy_database, quarantine
from etrainer.storage.db import Database, integrity_check, open_database
from etrainer.storage.errors import DatabaseRecovered, DatabaseStartedFresh
from etrainer.storage.migrate import upgrade_to_head
from etrainer.storage.models import utc_now

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OpenResult:
    database: Database
    recovered_from: Path | None
    """The backup whose data replaced a damaged database."""
    quarantined: Path | None
    """Where the damaged file was moved."""
    notice: EtrainerError | None
    """What to tell the learner: DatabaseRecovered, DatabaseStartedFresh, or None."""
    pre_upgrade_backup: Path | None = None
    """The copy made before the schema was upgraded, if it was."""
    problem: str | None = None
    """What SQLite said about the damaged file (technical detail for the dialog's details)."""

    @property
    def message_key(self) -> str | None:
        """The notice's class name ("DatabaseRecovered", "DatabaseStartedFresh"), or None."""
        return type(self.notice).__name__ if self.notice else None


def open_or_recover(db_path: str | PathLike[str], backups_dir: str | PathLike[str], *,
                    clock: Clock = utc_now, quick: bool = False) -> OpenResult:
    """Open (creating or upgrading as needed) the database at `db_path`, recovering it if damaged.

    `quick=True` checks the file with `PRAGMA quick_check` instead of the full integrity check.
    Raises DatabaseNewer (from a newer eTrainer; nothing is touched) or DatabaseUpgradeFailed.
    """
    path = Path(db_path)
    backups = BackupManager(path, backups_dir, clock=clock)
    recovered_from = quarantined = None
    notice: EtrainerError | None = None
    problem = integrity_check(path, quick=quick) if path.exists() else None
    if problem is not None:
        log.warning("database %s is damaged: %s", path, problem)
        quarantined = quarantine(path, clock)
        backup = backups.newest_sound()
        if backup is not None:
            copy_database(backup.path, path)
            recovered_from = backup.path
            notice = DatabaseRecovered(path=str(path), backup=str(backup.path), kept=str(quarantined))
        else:
            notice = DatabaseStartedFresh(path=str(path), kept=str(quarantined))
    pre_upgrade = upgrade_to_head(path, backups_dir, clock=clock)
    return OpenResult(open_database(path), recovered_from, quarantined, notice, pre_upgrade, problem)
