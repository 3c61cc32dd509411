"""What can go wrong with the database file, in sentences the UI translates ("Errors" context).

`DatabaseRecovered` and `DatabaseStartedFresh` are not raised: `open_or_recover` returns them in
`OpenResult.notice` so the UI can tell the learner what happened.
"""

from __future__ import annotations

from etrainer.core.errors import EtrainerError
from etrainer.i18n import QT_TRANSLATE_NOOP


class DatabaseRecovered(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The database {path} was damaged, so eTrainer restored your data from the "
                             "backup {backup}. Work done after that backup may be missing. The damaged file "
                             "was kept as {kept}.")


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
