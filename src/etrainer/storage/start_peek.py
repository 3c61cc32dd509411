"""What the app's start can read of the learner's database with sqlite3 alone, before SQLAlchemy is imported.

The profile chooser needs only the profiles and the last one chosen. When the file is sound (the same
`health.diagnose` the full opening runs, integrity check included) and already at the newest schema, they are read
here, read-only, and the chooser can take input while the full opening (`recovery.open_or_recover`: SQLAlchemy,
backups, the commit counter) follows. Anything else — a missing, damaged, locked, older or newer file, a value this
reading does not understand — gives None, and the start takes the full path first, as it always did.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from os import PathLike
from pathlib import Path

from etrainer.core.ids import LearnerId
from etrainer.core.learner.names import ukrainian_key
from etrainer.core.learner.profiles import Profile
from etrainer.storage.health import Condition, diagnose, read_only_uri, writable_problem
from etrainer.storage.schema_head import at_head

_PROFILES = "SELECT id, name, branch, position, pin_hash IS NOT NULL, created_at, last_active_at, uid FROM learner"
"""The columns `LearnerRepository.all` reads; both sort by `ukrainian_key` (a test keeps them equal)."""


@dataclass(frozen=True)
class Peek:
    profiles: tuple[Profile, ...]
    last_profile: LearnerId | None
    """The profile chosen last, if it still exists (as `ProfileService.last_profile`)."""


def peek(db_path: str | PathLike[str], last_profile_key: str) -> Peek | None:
    """The profiles of a sound database at the newest schema, read-only; None when the full opening must decide."""
    path = Path(db_path)
    if not path.is_file() or writable_problem(path) is not None:
        return None
    if diagnose(path).condition is not Condition.SOUND or not at_head(path):
        return None
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True, timeout=0)) as connection:
            rows = connection.execute(_PROFILES).fetchall()
            setting = connection.execute("SELECT value FROM setting WHERE learner_id IS NULL AND key = ?",
                                         (last_profile_key,)).fetchone()
        profiles = tuple(sorted((_profile(row) for row in rows), key=lambda profile: ukrainian_key(profile.name)))
    except (sqlite3.Error, TypeError, ValueError):
        return None
    last = _last_profile(setting, {profile.id for profile in profiles})
    return Peek(profiles, last)


def _profile(row: tuple) -> Profile:  # type: ignore[type-arg]
    id_, name, branch, position, has_pin, created, last_active, uid = row
    if not (isinstance(id_, int) and isinstance(name, str) and isinstance(branch, str)
            and isinstance(position, str) and isinstance(uid, str)):
        raise TypeError("a learner row of unexpected types")
    return Profile(LearnerId(id_), name, branch, position, bool(has_pin), _utc(created),
                   _utc(last_active) if last_active is not None else None, uid)


def _utc(value: object) -> datetime:
    """A stored time as SQLAlchemy's SQLite DateTime returns it through `UtcDateTime`: naive UTC made aware."""
    if not isinstance(value, str):
        raise TypeError("a time that is not text")
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _last_profile(setting: tuple | None, existing: set[LearnerId]) -> LearnerId | None:  # type: ignore[type-arg]
    if setting is None:
        return None
    try:
        value = json.loads(setting[0])
    except (TypeError, ValueError):
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value not in existing:
        return None
    return LearnerId(value)
