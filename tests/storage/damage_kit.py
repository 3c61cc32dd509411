"""Helpers for the damage tests: real data written through the services, real damage done to real
SQLite files, another process holding a lock, and running a step as an unprivileged user (root ignores
file permissions, so a read-only file cannot be tested as root in-process)."""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from etrainer.core.ids import LearnerId
from etrainer.services.learning import LearningService
from etrainer.services.profiles import ProfileService
from etrainer.storage.db import Database

NOBODY = 65534


def add_learner(database: Database, name: str, visits: int = 0) -> LearnerId:
    """A profile made through the service, with `visits` lesson visits."""
    from tests.conftest import build_course

    profile = ProfileService(database.sessions).create(name)
    learning = LearningService(database.sessions)
    lessons = list(build_course().lessons())
    for index in range(visits):
        token = learning.open_lesson(profile.id, lessons[index % len(lessons)])
        learning.close_lesson(token, 30 + index)
    return profile.id


def add_answers(database: Database, learner: int, count: int) -> None:
    """A quiz attempt with `count` answers (raw rows: the quiz service needs a whole course quiz)."""
    with database.engine.begin() as connection:
        raw = connection.connection.dbapi_connection
        attempt = raw.execute(
            "INSERT INTO quiz_attempt (uid, learner_id, quiz_id, kind, course_id, course_version, started_at, "
            "question_count, pass_mark, position, drawn) VALUES (lower(hex(randomblob(16))), ?, 'q1', 'quiz', "
            "'test-course', '1.0', '2025-03-12 09:00:00', ?, 0.8, 0, '[]')", (learner, count)).lastrowid
        for position in range(count):
            raw.execute("INSERT INTO quiz_response (uid, attempt_id, position, question_id, question_kind, response, "
                        "score, correct, answered_at, seconds) VALUES (lower(hex(randomblob(16))), ?, ?, ?, 'single', "
                        "'{}', 1, 1, '2025-03-12 09:01:00', 3)",
                        (attempt, position, f"question-{position}-" + "ї" * 40))


def count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM learner ORDER BY name")]


def damage_page_of(path: Path, name: str, *, offset: int = 8, data: bytes = b"\xff" * 64) -> int:
    """Write `data` into the b-tree page where the table or index `name` starts (its root page); returns it."""
    with closing(sqlite3.connect(path)) as connection:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size + offset)
        file.write(data)
    return int(root)


def folder_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative name → SHA-256 and mode): equal digests mean nothing changed."""
    digest = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest[path.relative_to(folder).as_posix()] = (hashlib.sha256(path.read_bytes()).hexdigest()
                                                          + f" {path.stat().st_mode:o}")
    return digest


@contextmanager
def lock_held_by_another_process(path: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process holds an exclusive lock on the database for up to `seconds` (or until the block ends)."""
    script = ("import sqlite3, sys, time\n"
              "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
              "c.execute('PRAGMA locking_mode=EXCLUSIVE')\n"
              "c.execute('BEGIN EXCLUSIVE')\n"
              "c.execute('SELECT count(*) FROM sqlite_master').fetchone()\n"
              "print('locked', flush=True)\n"
              "time.sleep(float(sys.argv[2]))\n"
              "c.execute('COMMIT')\n"
              "c.close()\n")
    process = subprocess.Popen([sys.executable, "-c", script, str(path), str(seconds)], stdout=subprocess.PIPE,
                               text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "locked"
        yield process
    finally:
        process.kill()
        process.wait()


def shared_temp_dir() -> Path:
    """A temporary folder an unprivileged user can reach (pytest's own are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="etrainer-test-"))
    folder.chmod(0o755)
    return folder


def run_unprivileged(step: Callable[[], Any]) -> Any:
    """Run `step` as a user that file permissions apply to (a forked child as `nobody` when this is root);
    returns its result, or raises Failed with what it raised. Modules it needs must already be imported."""
    if os.geteuid() != 0:
        try:
            return step()
        except Exception as error:
            raise Failed(type(error).__name__, str(error), traceback.format_exc()) from error
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root, run, report, and leave without running any cleanup
        os.close(reader)
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            outcome: tuple[str, Any] = ("ok", step())
        except BaseException as error:
            outcome = ("error", (type(error).__name__, str(error), traceback.format_exc()))
        try:
            payload = pickle.dumps(outcome)
        except Exception:
            payload = pickle.dumps(("error", ("RuntimeError", repr(outcome), "")))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    kind, value = pickle.loads(payload)
    if kind == "error":
        raise Failed(*value)
    return value


class Failed(Exception):
    """What `step` raised: the exception's class name, its sentence, and its traceback."""

    def __init__(self, name: str, message: str, details: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name, self.message, self.details = name, message, details


def give_to_nobody(*paths: Path) -> None:
    if os.geteuid() == 0:
        for path in paths:
            os.chown(path, NOBODY, NOBODY)
