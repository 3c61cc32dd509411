"""The newest schema revision and whether a database file is at it, read with sqlite3 and the migration files only:
no SQLAlchemy engine, no Alembic (the start's peek, `storage.start_peek`, and `migrate.upgrade_to_head` use it)."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")


_REVISION_LINE = re.compile(r"""^(revision|down_revision)\b[^=\n]*=\s*(?:None|"([^"\n]*)"|'([^'\n]*)')\s*$""",
                            re.MULTILINE)


def head_from_files() -> str | None:
    """The newest revision, read from the migration files' `revision` and `down_revision` lines without
    importing Alembic (about 0.1 s with Mako and Pygments, on every start); None when the files are not one
    plain line of revisions that this reading is sure of — Alembic decides then. A test keeps it equal to
    `head_revision()`."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        files = sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
        for file in files:
            found = {match[1]: match[2] or match[3] or None
                     for match in _REVISION_LINE.finditer(file.read_text(encoding="utf-8"))}
            if not found.get("revision") or "down_revision" not in found:
                return None
            revisions.add(found["revision"])  # type: ignore[arg-type]
            if found["down_revision"]:
                parents.add(found["down_revision"])  # type: ignore[arg-type]
    except (OSError, UnicodeDecodeError):
        return None
    heads = revisions - parents
    if len(revisions) != len(files) or len(heads) != 1 or not parents <= revisions:
        return None
    return heads.pop()


def at_head(path: Path) -> bool:
    """Whether the SQLite file's schema is the newest one, read with sqlite3 (no SQLAlchemy engine, no Alembic):
    its `alembic_version` names the head revision of the migration files. Anything else (no such table, an
    older or unknown revision, an error) says False, and `upgrade_to_head` takes its full path."""
    head = head_from_files()
    if head is None:
        return False
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as connection:
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return False
    return rows == [(head,)]
