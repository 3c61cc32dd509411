"""Reading what can still be read from a damaged database, and adding it to a restored one.

`salvage` works on a temporary copy (the kept file is never opened): SQLite's own `.recover` through the
`sqlite3` command-line tool when it is installed, else a table-by-table read that keeps every row it
reaches before an error. `merge` adds the salvaged records that the target lacks, matched by their stable
ids (`uid`) or unique keys, parents before children (ids are remapped), and updates a record the target
has when the salvaged one is further along (a later answer, a longer visit). Derived data (the search
index) is not salvaged: it is rebuilt from the course.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import struct
import subprocess
import tempfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

RECOVER_TIMEOUT_S = 300
Row = dict[str, Any]


def _later(*columns: str) -> Callable[[Row, Row], bool]:
    """The salvaged row is further along when its values of `columns` (None lowest) are greater."""
    def newer(old: Row, new: Row) -> bool:
        def key(row: Row) -> tuple[tuple[bool, Any], ...]:
            return tuple((row.get(c) is not None, row.get(c) if row.get(c) is not None else 0) for c in columns)
        try:
            return key(new) > key(old)
        except TypeError:  # a damaged value of another type
            return False
    return newer


def _finished_then(*columns: str) -> Callable[[Row, Row], bool]:
    later = _later(*columns)

    def newer(old: Row, new: Row) -> bool:
        if (old.get("finished_at") is None) != (new.get("finished_at") is None):
            return new.get("finished_at") is not None
        return later(old, new)
    return newer


def _key_was_missing(old: Row, new: Row) -> bool:
    return old.get("signing_key") is None and new.get("signing_key") is not None


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    keys: tuple[tuple[str, ...], ...]
    """Alternative unique keys a salvaged row is matched by, in order."""
    parents: dict[str, str] = field(default_factory=dict)
    """Foreign-key column → parent table (its ids are remapped)."""
    newer: Callable[[Row, Row], bool] | None = None
    """(target row, salvaged row) → whether the salvaged one replaces it."""
    keep_id: bool = False


LEARNER = {"learner_id": "learner"}
TABLES = (
    TableSpec("learner", (("uid",), ("name_key",)), newer=_later("last_active_at")),
    TableSpec("installation", (("id",),), newer=_key_was_missing, keep_id=True),
    TableSpec("setting", (("learner_id", "key"),), LEARNER),
    TableSpec("lesson_visit", (("uid",),), LEARNER, newer=_later("seconds")),
    TableSpec("lesson_progress", (("uid",), ("learner_id", "lesson_id")), LEARNER,
              newer=_later("visits", "total_seconds")),
    TableSpec("bookmark", (("uid",), ("learner_id", "lesson_id", "anchor")), LEARNER),
    TableSpec("note", (("uid",), ("learner_id", "lesson_id")), LEARNER, newer=_later("updated_at")),
    TableSpec("quiz_attempt", (("uid",),), LEARNER, newer=_finished_then("position")),
    TableSpec("quiz_response", (("uid",), ("attempt_id", "position")), {"attempt_id": "quiz_attempt"},
              newer=_later("answered_at")),
    TableSpec("review_card", (("learner_id", "question_id"),), LEARNER, newer=_later("last_answered")),
    TableSpec("walkthrough_attempt", (("uid",),), LEARNER, newer=_finished_then("steps_done", "seconds")),
    TableSpec("walkthrough_event", (("uid",), ("attempt_id", "seq")), {"attempt_id": "walkthrough_attempt"}),
)
"""The tables holding the learners' data, parents first."""


@dataclass(frozen=True, slots=True)
class Salvage:
    tables: dict[str, list[Row]]
    method: str
    """"sqlite3 .recover", "table by table" or "nothing readable"."""

    @property
    def rows(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


def salvage(damaged: Path, *, sqlite_tool: str | None = "sqlite3") -> Salvage:
    """Every learner-data row that can still be read from the database file `damaged` (and its -wal).

    `sqlite_tool` names the command-line tool (None: do not use it, read table by table).
    """
    tool = shutil.which(sqlite_tool) if sqlite_tool else None
    with tempfile.TemporaryDirectory(prefix="etrainer-salvage-") as folder:
        copy = Path(folder) / "damaged.sqlite"
        shutil.copyfile(damaged, copy)
        wal = damaged.with_name(damaged.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        _mend_header(copy)
        read = _read_tables(copy)
        if tool:
            recovered = Path(folder) / "recovered.sqlite"
            found = _read_tables(recovered) if _recover_with_tool(tool, copy, recovered) else None
            if found is not None and sum(map(len, found.values())):
                for table, rows in (read or {}).items():  # whichever read more of a table
                    if len(rows) > len(found.get(table, [])):
                        found[table] = rows
                return Salvage(found, "sqlite3 .recover")
        if read is None:
            return Salvage({}, "nothing readable")
        return Salvage(read, "table by table")


SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_PAGE_SIZE = 4096


def _mend_header(copy: Path) -> None:
    """Make the copy's 100-byte file header readable when it is what keeps SQLite from reading the pages:
    a header overwritten with garbage is replaced by a plain one (eTrainer's page size, UTF-8, rollback
    journal), and a database size beyond the end of a truncated file is marked invalid, so that SQLite
    counts the pages that are there."""
    size = copy.stat().st_size
    if size < 512:
        return
    with copy.open("r+b") as file:
        header = bytearray(file.read(100))
        garbage = header[:16] != SQLITE_HEADER
        if garbage:
            header = bytearray(struct.pack(">16sH6B12I20sII", SQLITE_HEADER, DEFAULT_PAGE_SIZE, 1, 1, 0, 64, 32, 32,
                                           1, 0, 0, 0, 1, 4, 0, 0, 1, 0, 0, 0, bytes(20), 0, 3040001))
        page_size = int.from_bytes(header[16:18], "big") or DEFAULT_PAGE_SIZE
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        if not garbage and pages * page_size <= size:
            return
        counter = int.from_bytes(header[24:28], "big")
        header[92:96] = ((counter + 1) & 0xFFFFFFFF).to_bytes(4, "big")  # "size not valid": count from the file
        file.seek(0)
        file.write(header)
        file.truncate(size - size % page_size)


def _recover_with_tool(tool: str, damaged: Path, target: Path) -> bool:
    try:
        dump = subprocess.run([tool, str(damaged), ".recover"], capture_output=True, timeout=RECOVER_TIMEOUT_S,
                              check=False)
        if dump.returncode != 0 or not dump.stdout:
            # e.g. Debian's sqlite3 3.40 is built without the sqlite_dbpage table .recover needs
            log.warning("sqlite3 .recover failed (%s)", dump.stderr.decode(errors="replace").strip()[:200])
            return False
        load = subprocess.run([tool, str(target)], input=dump.stdout, capture_output=True,
                              timeout=RECOVER_TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("sqlite3 .recover failed: %s", error)
        return False
    if load.stderr:
        log.info("loading the recovered rows: %s", load.stderr.decode(errors="replace").strip()[:500])
    return target.exists()


def _read_tables(path: Path) -> dict[str, list[Row]] | None:
    """Each known table's rows, as far as they can be read; None when the file cannot be read at all."""
    try:
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    tables: dict[str, list[Row]] = {}
    with closing(connection):
        try:
            present = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.Error:
            return None
        for spec in TABLES:
            if spec.name in present:
                tables[spec.name] = _read_rows(connection, spec.name)
    return tables


def _read_rows(connection: sqlite3.Connection, table: str) -> list[Row]:
    """The rows of `table` in rowid order up to the first unreadable page, then from the end backwards
    down to it: a damaged page costs only the rows on it."""
    rows: dict[int, Row] = {}
    for order in ("ASC", "DESC"):
        try:
            cursor = connection.execute(f'SELECT rowid AS "_salvage_rowid", * FROM "{table}" ORDER BY rowid {order}')
            columns = [c[0] for c in cursor.description]
            while (row := cursor.fetchone()) is not None:
                values = dict(zip(columns, row, strict=True))
                rowid = values.pop("_salvage_rowid")
                if rowid in rows:
                    break
                rows[rowid] = values
            else:
                return list(rows.values()) if order == "ASC" else _in_order(rows)
        except sqlite3.Error as error:
            log.info("salvage of %s stopped reading %s after %d rows: %s", table, order, len(rows), error)
    return _in_order(rows)


def _in_order(rows: dict[int, Row]) -> list[Row]:
    return [rows[rowid] for rowid in sorted(rows)]


def merge(salvaged: Salvage, target: Path) -> dict[str, int]:
    """Add to the database `target` the salvaged rows it lacks (or has in an older state), in one
    transaction; returns how many rows of each table were added or updated (tables with none left out)."""
    counts: dict[str, int] = {}
    with closing(sqlite3.connect(target, isolation_level=None)) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN IMMEDIATE")
        try:
            ids: dict[str, dict[Any, Any]] = {}
            for spec in TABLES:
                rows = salvaged.tables.get(spec.name, [])
                columns = [c[1] for c in connection.execute(f'PRAGMA table_info("{spec.name}")')]
                if not rows or not columns:
                    continue
                ids[spec.name], changed = _merge_table(connection, spec, rows, columns, ids)
                if changed:
                    counts[spec.name] = changed
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return counts


def _merge_table(connection: sqlite3.Connection, spec: TableSpec, rows: list[Row], columns: list[str],
                 ids: dict[str, dict[Any, Any]]) -> tuple[dict[Any, Any], int]:
    mapping: dict[Any, Any] = {}
    changed = 0
    for row in rows:
        values = _mapped(spec, row, columns, ids)
        if values is None:
            continue  # its parent could not be salvaged
        existing = _find(connection, spec, values)
        try:
            if existing is not None:
                mapping[row.get("id")] = existing["id"]
                if spec.newer is not None and spec.newer(existing, values):
                    assignments = ", ".join(f'"{c}" = ?' for c in values if c != "id")
                    connection.execute(f'UPDATE "{spec.name}" SET {assignments} WHERE id = ?',
                                       [v for c, v in values.items() if c != "id"] + [existing["id"]])
                    changed += 1
                continue
            insert = values if spec.keep_id else {c: v for c, v in values.items() if c != "id"}
            names = ", ".join(f'"{c}"' for c in insert)
            cursor = connection.execute(f'INSERT INTO "{spec.name}" ({names}) VALUES '
                                        f'({", ".join("?" * len(insert))})', list(insert.values()))
            mapping[row.get("id")] = cursor.lastrowid
            changed += 1
        except sqlite3.Error as error:  # a damaged value breaking a constraint: that row stays lost
            log.info("salvaged row of %s not merged: %s", spec.name, error)
    return mapping, changed


def _mapped(spec: TableSpec, row: Row, columns: list[str], ids: dict[str, dict[Any, Any]]) -> Row | None:
    values = {c: row[c] for c in columns if c in row}
    for column, parent in spec.parents.items():
        old = values.get(column)
        if old is None:
            continue
        new = ids.get(parent, {}).get(old)
        if new is None:
            return None
        values[column] = new
    return values


def _find(connection: sqlite3.Connection, spec: TableSpec, values: Row) -> Row | None:
    for key in spec.keys:
        if any(c not in values for c in key) or all(values[c] is None for c in key):
            continue
        condition = " AND ".join(f'"{c}" IS ?' for c in key)
        cursor = connection.execute(f'SELECT * FROM "{spec.name}" WHERE {condition}', [values[c] for c in key])
        found = cursor.fetchone()
        if found is not None:
            return dict(zip([c[0] for c in cursor.description], found, strict=True))
    return None
