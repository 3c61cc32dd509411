"""What can go wrong with the database file, in sentences the UI translates ("Errors" context).

`DatabaseRecovered`, `DatabaseSalvaged`, `DatabaseCommitsLost`, `DatabaseRestored` and `DatabaseStartedFresh`
are not raised: `open_or_recover` returns them in `OpenResult.notice` so the UI can tell the learner what
happened. `DatabaseMissing` and `NotEtrainerDatabase` are questions: raised when nobody can answer them
(the command line). The rest are raised; none of them moves or changes anything.
"""

from __future__ import annotations

from etrainer.core.errors import EtrainerError
from etrainer.i18n import QT_TRANSLATE_NOOP


class DatabaseRecovered(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The database {path} was damaged, so eTrainer restored your data from the "
                             "backup of {backup_date} ({backup}) and added the {salvaged} records it could still "
                             "read from the damaged file that the backup lacked. Work done between {backup_date} "
                             "and {damaged_at} may be missing. The damaged file was kept as {kept}.")


class DatabaseStartedFresh(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The database {path} was damaged and no usable backup was found, so eTrainer "
                             "started with an empty database. The damaged file was kept as {kept}.")


class DatabaseNewer(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The database {path} was saved by a newer version of eTrainer "
                             "(schema {revision}). Install the newer eTrainer to open it; nothing was changed.")


class DatabaseUpgradeFailed(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "eTrainer could not update the database {path}: {reason}. "
                             "The database was left as it was; a copy is also kept at {backup}.")


class BackupFailed(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "eTrainer could not save a backup copy of the database in {folder}: "
                             "{reason}")


class BackupDamaged(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The backup {path} is damaged, so it was not restored. "
                             "Your current data is unchanged; choose another backup.")


class DatabaseSalvaged(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The database {path} was damaged and no usable backup was found, so eTrainer "
                             "started a new database with the {salvaged} records it could still read from the "
                             "damaged file. Records that could not be read are missing. The damaged file was "
                             "kept as {kept}.")


class DatabaseCommitsLost(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "Changes saved recently in the database {path} are missing (its -wal file "
                             "was lost), so eTrainer treated it as damaged: it restored the backup of {backup_date} "
                             "({backup}) and added the {salvaged} records the file still had that the backup "
                             "lacked. Work done between {backup_date} and {damaged_at} may be missing. The file "
                             "was kept as {kept}.")


class DatabaseRestored(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "eTrainer restored your data from the backup of {backup_date} ({backup}). "
                             "Work done after that backup is missing.")


class DatabaseMissing(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The database {path} is missing, but {count} backup(s) of it exist (the "
                             "newest from {backup_date}: {backup}). Nothing was created. Start eTrainer to restore "
                             "the backup or to start fresh, or copy the backup to {path}.")


class NotEtrainerDatabase(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The file {path} is not an eTrainer database ({reason}); it was left "
                             "untouched. Start eTrainer with another data folder (--data-dir), or move that file "
                             "away.")


class OpeningDeclined(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "eTrainer did not open the data in {folder}; nothing was changed.")

    @property
    def choice(self) -> object:
        """The StartChoice that declined (OTHER_FOLDER: the user wants to choose another data folder)."""
        return self.params.get("choice")


class DatabaseLocked(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "Another Е-тренер is using this data ({folder}). Close it, or wait until "
                             "it has finished, and start again; nothing was changed.")


class DatabaseReadOnly(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "eTrainer cannot write in the data folder {folder} ({reason}). Ask the "
                             "computer's administrator to allow writing there, or start eTrainer with another data "
                             "folder (--data-dir); nothing was moved or changed.")


class DatabaseDiskFull(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The disk holding {folder} is full. Free some space (delete or move files "
                             "you do not need) and start eTrainer again; nothing was moved or changed.")


class DatabaseIOError(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "eTrainer could not read or write {path}: {reason}. Check the disk (a "
                             "removed USB drive, a network folder that went away) and start again; nothing was "
                             "moved or changed.")
