"""Real SQLite refusals for tests: a full disk (SQLITE_FULL through `PRAGMA max_page_count`) and a
read-only database (SQLITE_READONLY through `PRAGMA query_only`), on every pooled connection until lifted."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event


def _refuse(engine: Engine, pragma: str) -> Callable[[], None]:
    def apply(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA {pragma}")

    event.listen(engine, "connect", apply)
    engine.dispose()  # the next transaction opens a fresh connection with the pragma

    def lift() -> None:
        event.remove(engine, "connect", apply)
        engine.dispose()

    return lift


def disk_full(engine: Engine, path: Path) -> Callable[[], None]:
    """From now on the database cannot grow by one page (no free pages left: VACUUM first). Returns `lift`."""
    engine.dispose()
    raw = sqlite3.connect(path, isolation_level=None)
    try:
        raw.execute("VACUUM")
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
    finally:
        raw.close()
    return _refuse(engine, f"max_page_count={pages}")


def read_only(engine: Engine) -> Callable[[], None]:
    """From now on every write is refused as to a read-only database. Returns `lift`."""
    return _refuse(engine, "query_only=1")
