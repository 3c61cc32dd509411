"""Reliability benchmark (not a test): crashes, two writers, a full disk and damaged files, in one go.

    .venv/bin/python benchmarks/reliability.py [--kills 200] [--writers-seconds 60] [--skip-damage]

1. Kills: a child process runs a scripted learning session through the services (opens lessons,
   records time, adds bookmarks, answers nothing it cannot prove) and appends to a journal file the
   stable id of every record the service reported saved. The parent SIGKILLs it at a random moment,
   N times, restarting it each time on the same data folder, and checks that every journaled record
   is in the database and that each restart opened the database without a recovery notice.
2. Two writers: two processes write through the services to the same database for S seconds;
   every call that raises counts as failed.
3. Full disk: a small tmpfs mount when this process may mount one, otherwise an injected SQLITE_FULL
   (`PRAGMA max_page_count` at the current size). Counts writes reported saved before the disk filled,
   whether the failure arrived as the typed `SaveFailed` sentence, whether saving works again once
   space is back, and that nothing reported saved was lost.
4. Damage matrix: runs what `etrainer.storage.recovery` offers on this branch (see `damage_matrix`).
Prints a table; the figures are recorded in docs/reliability.md ("## Measured").
tests/storage/test_reliability.py runs a small variant (a few kills, a few seconds of writers).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CHILD_TIMEOUT_S = 60.0
"""No child may outlive this, whatever happens (tests must not hang)."""


# -- the children -------------------------------------------------------------------------------------
def _lessons() -> list:
    from etrainer.core.course.model import Lesson
    from etrainer.core.ids import LessonId, ModuleId

    return [Lesson(LessonId(f"lesson-{n}"), f"Урок {n}", ModuleId("m"), Path(f"m/lesson-{n}.md"), "Текст.",
                   minutes=1) for n in range(8)]


def _learner(services, name: str):  # type: ignore[no-untyped-def]
    from etrainer.core.errors import EtrainerError

    for profile in services.profiles.list():
        if profile.name == name:
            return profile
    try:
        return services.profiles.create(name)
    except EtrainerError:  # another writer created it meanwhile
        return next(p for p in services.profiles.list() if p.name == name)


def child_session(data: Path, journal: Path, seed: int) -> None:
    """A scripted session that journals what the services reported saved (one line per record)."""
    from etrainer.services.facade import open_app_services

    services = open_app_services(data)
    rng = random.Random(seed)
    with journal.open("a", encoding="utf-8") as log:
        def note(line: str) -> None:
            log.write(line + "\n")
            log.flush()  # in the OS's hands now: a SIGKILL cannot lose it

        note(f"open {services.opened.message_key or 'clean'}")
        learner = _learner(services, "Тест збоїв")
        lessons = _lessons()
        counter = 0
        while True:
            lesson = rng.choice(lessons)
            token = services.learning.open_lesson(learner.id, lesson)
            note(f"lesson_visit {token.visit_uid}")
            services.learning.close_lesson(token, rng.randint(1, 90), rng.random() < 0.3)
            counter += 1
            mark = services.learning.add_bookmark(learner.id, lesson.id, f"a{seed}-{counter}")
            note(f"bookmark {mark.uid}")


def child_writer(data: Path, seconds: float, name: str) -> None:
    """Writes through the services for `seconds`; prints {"ok": n, "failed": m, "errors": {...}}."""
    from etrainer.services.facade import open_app_services

    services = open_app_services(data)
    learner = _learner(services, name)
    ok = failed = 0
    errors: dict[str, int] = {}
    deadline = time.monotonic() + seconds
    counter = 0
    while time.monotonic() < deadline and counter < 1_000_000:
        counter += 1
        try:
            services.learning.add_bookmark(learner.id, "lesson-1", f"{name}-{counter}")
            services.learning.set_note(learner.id, "lesson-1", f"{name} {counter}")
            ok += 1
        except Exception as error:  # every failure counts, whatever its kind
            failed += 1
            key = f"{type(error).__name__}: {error}"[:120]
            errors[key] = errors.get(key, 0) + 1
    services.close()
    print(json.dumps({"ok": ok, "failed": failed, "errors": errors}))


# -- the parent -------------------------------------------------------------------------------------
def _child(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", *args]


def _prepare(data: Path) -> None:
    """Create and migrate the database once, so that children never race to create it."""
    from etrainer.services.facade import open_app_services

    open_app_services(data).close()


@dataclass
class KillResult:
    kills: int
    journaled: int = 0
    lost: int = 0
    restarts_with_notice: int = 0
    lost_examples: list[str] = field(default_factory=list)


def _journaled(journal: Path) -> tuple[list[tuple[str, str]], int]:
    records, notices = [], 0
    if not journal.exists():
        return [], 0
    for line in journal.read_text("utf-8").splitlines():
        kind, _, value = line.partition(" ")
        if kind == "open":
            notices += value != "clean"
        elif kind and value and line.endswith(value) and len(value) == 36:
            records.append((kind, value))
    return records, notices


def _missing(db: Path, records: list[tuple[str, str]]) -> list[str]:
    connection = sqlite3.connect(db)
    try:
        present = {table: {row[0] for row in connection.execute(f"SELECT uid FROM {table}")}
                   for table in {kind for kind, _ in records}}
    finally:
        connection.close()
    return [f"{kind} {uid}" for kind, uid in records if uid not in present[kind]]


def _opens(journal: Path) -> int:
    if not journal.exists():
        return 0
    return sum(1 for line in journal.read_text("utf-8").splitlines() if line.startswith("open "))


def run_kills(count: int, *, min_delay: float = 0.0, max_delay: float = 1.5, during_start: float = 0.1,
              seed: int = 1) -> KillResult:
    """`count` SIGKILLs: most at a random moment `min_delay`..`max_delay` s after the session has opened the
    database (timed from then, so a slow machine still gets killed mid-session), a share `during_start` at a
    random moment of the start-up itself (opening, checking, upgrading the database)."""
    rng = random.Random(seed)
    result = KillResult(count)
    with tempfile.TemporaryDirectory(prefix="etrainer-kills-") as folder:
        data, journal = Path(folder) / "data", Path(folder) / "journal.txt"
        data.mkdir()
        _prepare(data)
        for number in range(count):
            opened = _opens(journal)
            child = subprocess.Popen(_child("session", str(data), str(journal), str(seed * 100_000 + number)),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if rng.random() < during_start:
                time.sleep(rng.uniform(0.0, 1.0))
            else:
                deadline = time.monotonic() + CHILD_TIMEOUT_S
                while _opens(journal) == opened and child.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.02)
                time.sleep(rng.uniform(min_delay, max_delay))
            child.send_signal(signal.SIGKILL)
            _, stderr = child.communicate(timeout=CHILD_TIMEOUT_S)
            if child.returncode != -signal.SIGKILL:
                raise RuntimeError(f"the session ended by itself ({child.returncode}): {stderr.decode()[-2000:]}")
        # One more clean start opens (and checks) the database as the app would.
        final = subprocess.run(_child("open", str(data)), capture_output=True, timeout=CHILD_TIMEOUT_S, check=True)
        records, notices = _journaled(journal)
        missing = _missing(data / "etrainer.sqlite", records)
        result.journaled, result.lost, result.lost_examples = len(records), len(missing), missing[:5]
        result.restarts_with_notice = notices + (final.stdout.decode().strip() != "clean")
    return result


@dataclass
class WritersResult:
    seconds: float
    calls: int
    failed: int
    errors: dict[str, int]


def run_writers(seconds: float, processes: int = 2) -> WritersResult:
    with tempfile.TemporaryDirectory(prefix="etrainer-writers-") as folder:
        data = Path(folder) / "data"
        data.mkdir()
        _prepare(data)
        children = [subprocess.Popen(_child("writer", str(data), str(seconds), f"writer{n}"),
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE) for n in range(processes)]
        calls = failed = 0
        errors: dict[str, int] = {}
        for child in children:
            try:
                stdout, stderr = child.communicate(timeout=seconds + CHILD_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                child.kill()
                raise
            if child.returncode != 0:
                raise RuntimeError(f"a writer failed ({child.returncode}): {stderr.decode()[-2000:]}")
            report = json.loads(stdout.decode().strip().splitlines()[-1])
            calls += report["ok"] + report["failed"]
            failed += report["failed"]
            for key, value in report["errors"].items():
                errors[key] = errors.get(key, 0) + value
    return WritersResult(seconds, calls, failed, errors)


@dataclass
class FullDiskResult:
    method: str
    saved_before_full: int
    failure: str
    typed: bool
    saves_again: bool
    lost: int


def _try_tmpfs(folder: Path, size: str = "2m") -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, timeout=20)
    return done.returncode == 0


def run_full_disk(*, allow_mount: bool = True) -> FullDiskResult:
    from sqlalchemy import event

    from etrainer.services.facade import open_app_services
    from etrainer.services.saving import SaveFailed, SaveFailedDiskFull

    with tempfile.TemporaryDirectory(prefix="etrainer-full-") as folder:
        data = Path(folder) / "data"
        mounted = allow_mount and _try_tmpfs(data)
        data.mkdir(exist_ok=True)
        try:
            services = open_app_services(data)
            engine = services.database.engine
            limit: list[int] = []
            if not mounted:
                @event.listens_for(engine, "connect")
                def _cap(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
                    if limit:
                        dbapi_connection.execute(f"PRAGMA max_page_count={limit[0]}")

                with engine.connect() as connection:
                    pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
                limit.append(int(pages) + 8)
                engine.dispose()
            learner = _learner(services, "Повний диск")
            saved: list[str] = []
            failure: Exception | None = None
            filler = data / "filler.bin"
            if mounted:  # room to free again once the disk is full
                filler.write_bytes(b"\0" * 256 * 1024)
            for number in range(200_000):
                try:
                    saved.append(services.learning.add_bookmark(learner.id, "lesson-1", f"n{number}",
                                                                "Закладка " * 20).uid)
                except Exception as error:
                    failure = error
                    break
            # Free the space again: remove the cap / the filler, then save once more.
            if mounted:
                filler.unlink(missing_ok=True)
            else:
                limit.clear()
                engine.dispose()
            try:
                saved.append(services.learning.add_bookmark(learner.id, "lesson-2", "after").uid)
                saves_again = True
            except Exception:
                saves_again = False
            services.close()
            missing = _missing(data / "etrainer.sqlite", [("bookmark", uid) for uid in saved])
        finally:
            if mounted:
                subprocess.run(["umount", str(data)], capture_output=True, timeout=20)
    typed = isinstance(failure, SaveFailedDiskFull)
    name = "none" if failure is None else (type(failure).__name__ if isinstance(failure, SaveFailed)
                                           else f"untyped {type(failure).__name__}")
    return FullDiskResult("tmpfs 2 MiB" if mounted else "injected SQLITE_FULL (max_page_count)",
                          len(saved) - saves_again, name, typed, saves_again, len(missing))


def damage_matrix() -> list[tuple[str, str]]:
    """HOOK for the recovery rewrite (issue 14, items 1-4, on another branch).

    When `etrainer.storage.recovery` offers `damage_matrix()` (returning rows of (kind, outcome)), it is
    run as is. Until then, the damage kinds this branch can produce are run through `open_or_recover`:
    a truncated file and a garbage header, each with a backup older than the last records.
    """
    from etrainer.storage import recovery

    offered = getattr(recovery, "damage_matrix", None)
    if callable(offered):
        return [(str(kind), str(outcome)) for kind, outcome in offered()]
    rows = []
    for kind in ("truncated file", "garbage header", "damaged index page", "lost -wal"):
        rows.append((kind, _damage_once(kind)))
    return rows


def _damage_index_page(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                                  "'bookmark' ORDER BY rootpage DESC LIMIT 1").fetchone()[0]
    with db.open("r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xff" * 64)


def _damage_once(kind: str) -> str:
    from etrainer.services.facade import open_app_services
    from etrainer.storage.recovery import open_or_recover

    with tempfile.TemporaryDirectory(prefix="etrainer-damage-") as folder:
        data = Path(folder) / "data"
        data.mkdir()
        services = open_app_services(data)
        learner = _learner(services, "Пошкодження")
        before = [services.learning.add_bookmark(learner.id, "lesson-1", f"b{n}").uid for n in range(5)]
        services.backup_now("manual")
        db = data / "etrainer.sqlite"
        if kind == "lost -wal":  # the main file as it was before the checkpoint, its -wal deleted
            with sqlite3.connect(db) as connection:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            before_wal = db.read_bytes()
        after = [services.learning.add_bookmark(learner.id, "lesson-1", f"c{n}").uid for n in range(5)]
        services.close()
        if kind == "lost -wal":
            db.write_bytes(before_wal)
            for extra in (data / "etrainer.sqlite-wal", data / "etrainer.sqlite-shm"):
                extra.unlink(missing_ok=True)
        else:
            with sqlite3.connect(db) as connection:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if kind == "damaged index page":
            _damage_index_page(db)
        elif kind != "lost -wal":
            raw = db.read_bytes()
            db.write_bytes(raw[: len(raw) // 3] if kind == "truncated file" else b"garbage!" * 12 + b"gar" + raw[99:])
        try:
            opened = open_or_recover(db, data / "backups")
        except Exception as error:
            return f"not opened: {type(error).__name__}"
        opened.database.dispose()
        missing = _missing(db, [("bookmark", uid) for uid in before + after])
        told = getattr(opened, "condition", None)
        told = told.value if told is not None and hasattr(told, "value") else (opened.message_key or "nothing")
        source = "the newest backup" if opened.recovered_from else "-"
        salvaged = sum(getattr(opened, "salvaged", {}).values())
        return (f"detected: {told}; restored from {source}; salvaged {salvaged} rows; "
                f"lost {len(missing)} of {len(before + after)} bookmarks")


# -- main -------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200, help="random SIGKILLs of a scripted session")
    parser.add_argument("--writers-seconds", type=float, default=60.0, help="how long two writers run")
    parser.add_argument("--skip-damage", action="store_true", help="leave out the damage matrix")
    parser.add_argument("--no-mount", action="store_true", help="never try a tmpfs mount for the full disk")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _run_child(args.child)

    print(f"{time.strftime('%Y-%m-%d')} · {platform.platform()} · {os.cpu_count()} CPUs · Python "
          f"{platform.python_version()} · SQLite {sqlite3.sqlite_version}")
    rows: list[tuple[str, str]] = []
    started = time.monotonic()
    kills = run_kills(args.kills)
    rows.append((f"{kills.kills} SIGKILLs of a scripted session",
                 f"{kills.journaled} records reported saved, {kills.lost} lost; "
                 f"restarts with a recovery notice: {kills.restarts_with_notice}"))
    writers = run_writers(args.writers_seconds)
    rows.append((f"two writers for {writers.seconds:g} s",
                 f"{writers.calls} calls, {writers.failed} failed"
                 + (f" ({', '.join(writers.errors)})" if writers.errors else "")))
    full = run_full_disk(allow_mount=not args.no_mount)
    rows.append((f"full disk: {full.method}",
                 f"{full.saved_before_full} saved before full; failure: {full.failure}; "
                 f"saves again after freeing space: {'yes' if full.saves_again else 'no'}; lost {full.lost}"))
    if not args.skip_damage:
        rows.extend((f"damage: {kind}", outcome) for kind, outcome in damage_matrix())
    width = max(len(what) for what, _ in rows)
    print(f"| {'what':<{width}} | result |")
    print(f"|{'-' * (width + 2)}|--------|")
    for what, outcome in rows:
        print(f"| {what:<{width}} | {outcome} |")
    print(f"total {time.monotonic() - started:.0f} s")
    return 0 if kills.lost == 0 and writers.failed == 0 and full.lost == 0 else 1


def _run_child(args: list[str]) -> int:
    kind, rest = args[0], args[1:]
    if kind == "session":
        child_session(Path(rest[0]), Path(rest[1]), int(rest[2]))
    elif kind == "writer":
        child_writer(Path(rest[0]), float(rest[1]), rest[2])
    elif kind == "open":
        from etrainer.services.facade import open_app_services

        services = open_app_services(Path(rest[0]))
        print(services.opened.message_key or "clean")
        services.close()
    else:
        return 2
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
