"""Why progress could not be saved, as one sentence each: the errors services.saving raises.

Kept apart from services.saving (which needs SQLAlchemy to classify database errors) so that the window
can know these types before the first paint without importing SQLAlchemy (see ui/theme.FIRST_PAINT_NOTE).
"""

from __future__ import annotations

from enum import StrEnum

from etrainer.core.errors import EtrainerError
from etrainer.i18n import QT_TRANSLATE_NOOP


class SaveFailure(StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    LOCKED = "locked"
    IO_ERROR = "io_error"
    DAMAGED = "damaged"
    OTHER = "other"


class SaveFailed(EtrainerError):
    """Progress could not be written. `reason` says why; `params["detail"]` holds SQLite's own words."""

    reason = SaveFailure.OTHER
    text = QT_TRANSLATE_NOOP("Errors", "Progress is not being saved right now: the database refused to save "
                             "({detail}). Press Retry; if it keeps happening, call the PC administrator. "
                             "You can go on reading the lessons.")


class SaveFailedDiskFull(SaveFailed):
    reason = SaveFailure.DISK_FULL
    text = QT_TRANSLATE_NOOP("Errors", "Progress is not being saved right now: the disk is full. Free some "
                             "space or call the PC administrator. You can go on reading the lessons.")


class SaveFailedReadOnly(SaveFailed):
    reason = SaveFailure.READ_ONLY
    text = QT_TRANSLATE_NOOP("Errors", "Progress is not being saved right now: the data folder {folder} is "
                             "read-only. Ask the PC administrator to allow writing there. You can go on reading "
                             "the lessons.")


class SaveFailedLocked(SaveFailed):
    reason = SaveFailure.LOCKED
    text = QT_TRANSLATE_NOOP("Errors", "Progress is not being saved right now: another Е-тренер or another "
                             "program is holding the data. Close it, then press Retry. You can go on reading "
                             "the lessons.")


class SaveFailedIOError(SaveFailed):
    reason = SaveFailure.IO_ERROR
    text = QT_TRANSLATE_NOOP("Errors", "Progress is not being saved right now: the disk reported a read or "
                             "write error. Call the PC administrator: the disk may be failing. You can go on "
                             "reading the lessons.")


class SaveFailedDamaged(SaveFailed):
    reason = SaveFailure.DAMAGED
    text = QT_TRANSLATE_NOOP("Errors", "Progress is not being saved right now: the progress database is "
                             "damaged. Close Е-тренер and start it again: it repairs the database from a backup. "
                             "You can go on reading the lessons.")
