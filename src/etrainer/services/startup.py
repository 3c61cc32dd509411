"""The librarian's start before the database layer is imported: the profile chooser from a read-only peek.

`peek_start` imports sqlite3 and the profile model only. The full opening (`facade.open_app_services`) runs
after the chooser is on screen, and every write (a new profile, a PIN check, the choice itself) goes through it.
"""

from __future__ import annotations

from pathlib import Path

from etrainer.core.errors import EtrainerError
from etrainer.i18n import QT_TRANSLATE_NOOP
from etrainer.paths import database_path
from etrainer.storage.start_peek import Peek, peek

LAST_PROFILE_KEY = "last-profile"
"""`settings.GlobalSetting.LAST_PROFILE` (a test keeps them equal; that module imports SQLAlchemy)."""


def peek_start(data: Path) -> Peek | None:
    """The profiles and the last one chosen, when the data folder's database is sound and at the newest schema;
    None when the start must open it fully first (a first start, a repair, an upgrade, a question to ask)."""
    return peek(database_path(data), LAST_PROFILE_KEY)


class DatabaseNotOpened(EtrainerError):
    """The chooser was answered, but the full opening failed (its reason was shown; the app is closing)."""

    text = QT_TRANSLATE_NOOP("Errors", "The progress database could not be opened, so nothing was saved.")
