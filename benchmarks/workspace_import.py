"""Methodist workspace benchmark (not a test): import 1,000 signed progress files, then open the dashboard.

    .venv/bin/python benchmarks/workspace_import.py [--files 1000] [--records 300] [--runs 3] [--no-memory]
        [--workers N] [--in-process] [--db URL]... [--postgres-cluster]

Generates synthetic learners' progress files for the bundled course (each about `--records` records:
lesson progress and visits, quiz attempts with their responses, walkthrough attempts with their events),
signed with a few installation keys, in a temporary folder. Then, in the same run:
1. baseline — reading and `json.loads`-ing every file;
   reference — reading and checking every file with core.progress.file alone (no database);
2. the import into a fresh SQLite workspace (every check: limits, signature, shape, key, uids),
   `--runs` times into fresh workspaces, the median shown, with records per second; the files are checked
   by `--workers` processes (default: one per core); `--in-process` adds one run checked in this process;
3. re-importing the same folder (every file already imported);
4. opening the dashboard: loading the workspace and the learners × modules matrix, then every view;
5. traced memory (tracemalloc, this process) of importing 10 % of the files and of all of them, into fresh
   workspaces: the peak, the most any one step needed on top of what was in use before it (a step: a batch
   of files written in one transaction; flat: the same for 100 and 1,000 files), what the finished report
   (one small entry per file) still holds, and the largest resident size a worker process reached;
6. for each `--db URL` (a server database; its workspace tables are DROPPED before each run) and for
   `--postgres-cluster` (a throw-away PostgreSQL cluster started here from Debian's binaries, fsync on,
   removed at the end): steps 2 and 3 on that engine, and the workspace's size there.
Results are recorded in docs/benchmarks.md; docs/scaling.md projects from them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from etrainer.core.course.model import Course
from etrainer.core.progress.file import file_bytes, file_name_for, format_time, parse_progress_bytes
from etrainer.exchange.signing import InstallationKey

if __name__ == "__main__":  # not in the import's worker processes, which "spawn" imports this file into
    from ratios import ratio
    from sqlalchemy import func, select

    from etrainer.core.course.pack import load_pack
    from etrainer.paths import bundled_course_dir
    from etrainer.services.methodist import WorkspaceService
    from etrainer.storage import workspace_models as m
    from etrainer.storage.workspace import Workspace, open_workspace

BRANCHES = ("Центральна бібліотека", "Філія № 1", "Філія № 2", "Сільська філія Степове", "Дитяча бібліотека")
POSITIONS = ("бібліотекар", "провідний бібліотекар", "завідувачка філії")
FIRST = ("Оксана", "Марія", "Ірина", "Наталія", "Галина", "Тетяна", "Олена", "Юлія", "Андрій", "Петро")
LAST = ("Петренко", "Коваль", "Шевчук", "Бондаренко", "Ткаченко", "Мельник", "Кравченко", "Олійник")
START = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def _response(rng: random.Random, question: Any) -> tuple[dict[str, Any], float]:
    kind = question.kind.value
    score = 1.0 if rng.random() < 0.7 else 0.0
    if kind in ("single_choice", "multiple_choice"):
        count = max(1, len(question.answers))
        right = [i for i, a in enumerate(question.answers) if a.fraction > 0] or [0]
        picked = right if score else [rng.randrange(count)]
        return {"kind": "choice", "picked": sorted(set(picked))}, score
    if kind == "true_false":
        value = question.true_false.correct if score and question.true_false else rng.random() < 0.5
        return {"kind": "true_false", "value": bool(value)}, score
    if kind == "matching":
        pairs = question.matching.pairs if question.matching else ()
        return {"kind": "matching", "answers": [p.answer for p in pairs]}, score
    if kind == "ordering":
        return {"kind": "ordering", "order": list(range(len(question.ordering)))}, score
    if kind == "cloze":
        gaps = question.cloze.gaps if question.cloze else ()
        return {"kind": "cloze", "values": ["так" for _ in gaps]}, score
    if kind == "hotspot":
        return {"kind": "hotspot", "x": 10.0, "y": 20.0}, score
    return {"kind": "text", "text": "відповідь"}, score


def make_document(rng: random.Random, course: Course, index: int, key: InstallationKey,
                  records: int = 300) -> dict[str, Any]:
    """A signed progress document of about `records` records for learner number `index`."""
    def uid(kind: str, n: int) -> str:
        """A random version-4 UUID, as the app makes them (seeded, so every run gets the same files)."""
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    begin = START + timedelta(days=rng.randrange(60), minutes=rng.randrange(600))
    lessons = list(course.lessons())
    progress, visits = [], []
    for n, lesson in enumerate(lessons):
        opened = begin + timedelta(hours=n)
        done = rng.random() < 0.75
        progress.append({"uid": uid("lp", n), "lesson_id": lesson.id, "module_id": lesson.module_id,
                         "first_opened_at": format_time(opened), "last_opened_at": format_time(opened),
                         "completed_at": format_time(opened + timedelta(minutes=9)) if done else None,
                         "total_seconds": 540 if done else 120, "visits": 1})
    quizzes, walks = [], []
    budget = records - 2 * len(lessons)
    for n in range(budget // 2 // len(lessons) + len(lessons) // 2):
        lesson = lessons[n % len(lessons)]
        opened = begin + timedelta(hours=n, minutes=5)
        visits.append({"uid": uid("lv", n), "lesson_id": lesson.id, "opened_at": format_time(opened),
                       "closed_at": format_time(opened + timedelta(minutes=8)), "seconds": 480, "reached_end": True})
    left = records - len(progress) - len(visits)
    n_quiz = 0
    with_questions = [quiz for quiz in course.quizzes if quiz.questions]
    while left > 140 and with_questions:
        quiz = with_questions[n_quiz % len(with_questions)]
        started = begin + timedelta(days=1 + n_quiz)
        questions = quiz.questions[:20]
        responses = []
        for position, question in enumerate(questions):
            response, score = _response(rng, question)
            responses.append({"uid": uid("qr", n_quiz * 100 + position), "position": position,
                              "question_id": question.id, "question_kind": question.kind.value, "response": response,
                              "score": score, "correct": score == 1.0, "seconds": 20.0,
                              "answered_at": format_time(started + timedelta(seconds=20 * (position + 1)))})
        total = sum(r["score"] for r in responses) / len(responses)
        quizzes.append({"uid": uid("qa", n_quiz), "quiz_id": quiz.id, "module_id": quiz.module_id, "kind": "quiz",
                        "course_version": course.version, "started_at": format_time(started),
                        "finished_at": format_time(started + timedelta(minutes=10)),
                        "question_count": len(questions), "score": total, "passed": total >= quiz.pass_mark,
                        "pass_mark": quiz.pass_mark, "responses": responses})
        left -= 1 + len(responses)
        n_quiz += 1
    n_walk = 0
    while left > 1 and course.scenarios:
        scenario = course.scenarios[n_walk % len(course.scenarios)]
        started = begin + timedelta(days=10 + n_walk)
        events, errors, hints = [], 0, 0
        for seq, step in enumerate(scenario.steps[: min(len(scenario.steps), left - 1)]):
            wrong = rng.random() < 0.15
            hint = not wrong and rng.random() < 0.1
            errors, hints = errors + wrong, hints + hint
            action = {"screen": step.screen, "control": step.target, "kind": step.action.value,
                      "value": "" if wrong else (step.value or "")}
            events.append({"uid": uid("we", n_walk * 100 + seq), "seq": seq, "at": 5.0 * (seq + 1),
                           "kind": "hint" if hint else "action", "step_id": step.id, "correct": not wrong,
                           "action": None if hint else action})
        score = max(0, 100 - 5 * errors - 3 * hints)
        walks.append({"uid": uid("wa", n_walk), "scenario_id": scenario.id, "module_id": scenario.module_id,
                      "mode": "practice", "course_version": course.version, "started_at": format_time(started),
                      "finished_at": format_time(started + timedelta(minutes=6)), "abandoned": False,
                      "seconds": 360.0, "errors": errors, "hints": hints, "steps_done": len(events),
                      "steps_total": len(scenario.steps), "decisions_right": 0, "decisions_wrong": 0,
                      "score": score, "passed": score >= 70, "events": events})
        left -= 1 + len(events)
        n_walk += 1
    name = f"{FIRST[index % len(FIRST)]} {LAST[index // len(FIRST) % len(LAST)]} {index}"
    doc = {"format": "etrainer-progress", "version": 1, "exported_at": format_time(begin + timedelta(days=70)),
           "app_version": "0.1.0", "installation": f"installation-{index % 50:03d}",
           "course": {"id": course.id, "version": course.version, "title": course.title},
           "learner": {"uid": f"learner-{index:06d}", "name": name, "branch": BRANCHES[index % len(BRANCHES)],
                       "position": POSITIONS[index % len(POSITIONS)], "created_at": format_time(START)},
           "records": {"lesson_progress": progress, "lesson_visits": visits, "quiz_attempts": quizzes,
                       "walkthrough_attempts": walks}}
    return key.sign(doc)


def generate(folder: Path, course: Course, files: int, records: int) -> int:
    rng = random.Random(20261127)
    keys = [InstallationKey.generate() for _ in range(50)]
    total = 0
    for index in range(files):
        doc = make_document(rng, course, index, keys[index % len(keys)], records)
        name = file_name_for(doc["learner"]["name"], (START + timedelta(days=index % 30)).date())
        (folder / f"{index:04d}-{name}").write_bytes(file_bytes(doc))  # laid out as the app writes its files
        r = doc["records"]
        total += (len(r["lesson_progress"]) + len(r["lesson_visits"]) + len(r["quiz_attempts"])
                  + sum(len(a["responses"]) for a in r["quiz_attempts"]) + len(r["walkthrough_attempts"])
                  + sum(len(a["events"]) for a in r["walkthrough_attempts"]))
    return total


CPU: dict[str, float] = {}
"""Processor seconds of the last baseline and the last import (this process, and its worker processes)."""


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker processes that ended (a pool's, once shut down)
    return used.ru_utime + used.ru_stime


def baseline(folder: Path) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    for path in sorted(folder.iterdir()):
        json.loads(path.read_bytes())
    CPU["baseline"] = time.process_time() - cpu
    return time.perf_counter() - start


def checked(folder: Path) -> float:
    """Reading and checking every file with core.progress.file alone (signature, shape), no database."""
    start = time.perf_counter()
    for path in sorted(folder.iterdir()):
        parse_progress_bytes(path.read_bytes())
    return time.perf_counter() - start


def import_into(db: Path | str, folder: Path | list[Path], course: Course, workers: int | None = None
                ) -> tuple[float, WorkspaceService, Any]:
    workspace = open_workspace(db)
    service = WorkspaceService(workspace, course)
    start, cpu, workers_cpu = time.perf_counter(), time.process_time(), children_cpu()
    report = service.import_paths(folder if isinstance(folder, list) else [folder], workers=workers)
    CPU["main"], CPU["workers"] = time.process_time() - cpu, children_cpu() - workers_cpu
    return time.perf_counter() - start, service, report


def cpu_line(label: str) -> str:
    """The last import's processor time against the baseline's, and the least time it could take on an idle
    machine with this many cores (the writing process alone, or all the work spread over the cores)."""
    main, workers, base = CPU["main"], CPU["workers"], CPU["baseline"]
    cores = os.cpu_count() or 1
    floor = max(main, (main + workers) / cores)
    return (f"{label:<50} CPU {main:.2f} s here + {workers:.2f} s in workers = {(main + workers) / base:.1f}x the "
            f"baseline's {base:.2f} s; idle {cores} cores: ≥ {floor:.2f} s ({floor / base:.1f}x)")


def fresh(url: str) -> str:
    """The server database `url` with no workspace tables (open_workspace makes them again)."""
    workspace = open_workspace(url)
    with workspace.database.engine.begin() as connection:
        m.WorkspaceBase.metadata.drop_all(connection)
        # and Alembic's revision table: left behind, it says the schema is there and nothing is made again
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {m.WORKSPACE_VERSION_TABLE}")
    workspace.dispose()
    return url


def size_mb(workspace: Workspace) -> float:
    """The workspace's size on disk: the SQLite file, or a server's tables with their indexes and TOAST."""
    if workspace.database.path is not None:
        return workspace.database.path.stat().st_size / 2**20
    with workspace.database.engine.connect() as connection:
        total = sum(connection.scalar(select(func.pg_total_relation_size(table.name))) or 0
                    for table in m.WorkspaceBase.metadata.sorted_tables)
    return total / 2**20


def memory(root: Path, folder: Path, course: Course, share: float) -> tuple[float, float, float]:
    """Importing a share of the files under tracemalloc: the peak over the whole import, the largest peak of
    any one step (a batch of files written in one transaction) above the memory in use when it started, and
    what is still in use after the import (the report with one entry per file, statement caches)."""
    files = sorted(folder.iterdir())
    subset = files[: max(1, int(len(files) * share))]
    service = WorkspaceService(open_workspace(root / f"memory-{len(subset)}.sqlite3"), course)
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    state = {"before": start, "per_step": 0, "peak": 0}

    def on_progress(done: int, total: int) -> None:
        current, peak = tracemalloc.get_traced_memory()
        state["peak"] = max(state["peak"], peak)
        if done:
            state["per_step"] = max(state["per_step"], peak - state["before"])
        tracemalloc.reset_peak()
        state["before"] = current

    report = service.import_paths(subset, progress=on_progress)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    service.workspace.dispose()
    assert len(report.accepted) == len(subset)
    return (state["peak"] - start) / 2**20, state["per_step"] / 2**20, (held - start) / 2**20


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """A throw-away PostgreSQL cluster on 127.0.0.1 (Debian's binaries; as the postgres user when run as
    root), with the server's default durability (fsync on, unlike the test suite's cluster)."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not versions:
        raise SystemExit("no PostgreSQL server binaries in /usr/lib/postgresql (Debian package postgresql-15)")
    binaries = versions[-1].parent
    folder = Path(tempfile.mkdtemp(prefix="etrainer-bench-pg-"))
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(folder, "postgres", "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = folder / "data"
    try:
        subprocess.run([*prefix, str(binaries / "initdb"), "-D", str(data), "-U", "etrainer", "--auth=trust",
                        "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
        subprocess.run([*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o",
                        f"-c listen_addresses=127.0.0.1 -p {port} -k {folder}", "-w", "start"],
                       check=True, capture_output=True)
        try:
            yield f"postgresql+psycopg://etrainer@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run([*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                           capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def engine_runs(name: str, url: str, folder: Path, course: Course, runs: int, workers: int | None,
                base: float, files: int) -> None:
    """Steps 2 and 3 against a server database (emptied before each run), and the workspace's size there."""
    times, cpu_lines = [], []
    for run in range(runs):
        seconds, service, report = import_into(fresh(url), folder, course, workers)
        times.append(seconds)
        cpu_lines.append(cpu_line(f"  processor time, run {run + 1} (not the server's)"))
        service.workspace.dispose()
    seconds = statistics.median(times)
    print(f"{name}: import (median of {runs})".ljust(50) + f" {seconds:7.2f} s   ratio {seconds / base:5.1f}x   "
          f"{report.counts.new / seconds:,.0f} records/s   ({len(report.accepted)} accepted; "
          f"runs: {', '.join(f'{t:.2f}' for t in times)} s)")
    print("\n".join(cpu_lines))
    again, service, _ = import_into(url, folder, course, workers)
    print(f"{name}: re-import of the same folder".ljust(50) + f" {again:7.2f} s   ratio {again / base:5.1f}x")
    size = size_mb(service.workspace)
    print(f"{name}: workspace size".ljust(50) + f" {size:7.1f} MB   ({size / files * 1000:.1f} MB per 1,000 learners)")
    service.workspace.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3, help="imports into fresh workspaces; the median is shown")
    parser.add_argument("--no-memory", action="store_true", help="skip the (slower) tracemalloc runs")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--in-process", action="store_true", help="add one import checked in this process")
    parser.add_argument("--db", action="append", default=[], metavar="URL",
                        help="also import into this server database (its workspace tables are dropped first)")
    parser.add_argument("--postgres-cluster", action="store_true",
                        help="also import into a throw-away local PostgreSQL cluster")
    args = parser.parse_args(argv)
    course = load_pack(bundled_course_dir()).course
    root = Path(tempfile.mkdtemp(prefix="etrainer-workspace-bench-"))
    try:
        folder = root / "files"
        folder.mkdir()
        start = time.perf_counter()
        records = generate(folder, course, args.files, args.records)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        print(f"generated {args.files} files, {records} records ({records / args.files:.0f} per file), "
              f"{size:.1f} MB in {time.perf_counter() - start:.1f} s; {os.cpu_count()} cores")
        base = statistics.median(baseline(folder) for _ in range(args.runs))
        check = statistics.median(checked(folder) for _ in range(args.runs))
        print(f"baseline: read + json.loads every file             {base:7.2f} s")
        print(f"reference: read + check every file (no database)   {check:7.2f} s   ratio {check / base:5.1f}x")
        if args.in_process:
            seconds, service, report = import_into(root / "in-process.sqlite3", folder, course, workers=1)
            service.workspace.dispose()
            print(f"import checked in this process (1 run)             {seconds:7.2f} s   ratio {seconds / base:5.1f}x"
                  f"   {report.counts.new / seconds:,.0f} records/s")
            print(cpu_line("  processor time"))
        times, cpu_lines = [], []
        for run in range(args.runs):
            db = root / f"workspace-{run}.sqlite3"
            seconds, service, report = import_into(db, folder, course, args.workers)
            times.append(seconds)
            cpu_lines.append(cpu_line(f"  processor time, run {run + 1}"))
            if run < args.runs - 1:
                service.workspace.dispose()
        seconds = statistics.median(times)
        label = f"import into a fresh workspace (median of {args.runs})"
        print(f"{label:<50} {seconds:7.2f} s   ratio {seconds / base:5.1f}x   "
              f"{report.counts.new / seconds:,.0f} records/s   ({len(report.accepted)} accepted, "
              f"{len(report.rejected)} rejected; runs: {', '.join(f'{t:.2f}' for t in times)} s)")
        print("\n".join(cpu_lines))
        # the aim is for 1,000 files: fewer are checked in this process (below the pool's threshold) or pay its
        # start-up for little work, so `--files 100` (run-all --quick) prints the ratio without the aim
        ratio(f"workspace import, SQLite ({args.files:,} files)", seconds, base, "s",
              6 if args.files >= 1000 else None, baseline_name="read + json.loads")
        again, _, second = import_into(db, folder, course, args.workers)
        print(f"re-import of the same folder                       {again:7.2f} s   ratio {again / base:5.1f}x"
              f"   ({second.counts.new} new records)")
        start = time.perf_counter()
        service.matrix()
        opened = time.perf_counter() - start
        start = time.perf_counter()
        dashboard = service.dashboard()
        every = time.perf_counter() - start
        print(f"open the dashboard (load + learners × modules)     {opened:7.2f} s   ratio {opened / base:5.1f}x")
        print(f"every dashboard view (matrix, tags, items, steps)  {every:7.2f} s   ratio {every / base:5.1f}x   "
              f"({len(dashboard.matrix.rows)} learners, {len(dashboard.items)} questions)")
        size = size_mb(service.workspace)
        print(f"workspace file                                     {size:7.1f} MB   "
              f"({size / args.files * 1000:.1f} MB per 1,000 learners)")
        service.workspace.dispose()
        if not args.no_memory:
            for share in (0.1, 1.0):
                peak, per_step, held = memory(root, folder, course, share)
                print(f"traced memory, {max(1, int(args.files * share))} files: peak {peak:.1f} MB, largest "
                      f"step needs {per_step:.2f} MB, still in use afterwards {held:.1f} MB (the report)")
            worker_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            print(f"largest resident size of a worker process: {worker_kb / 1024:.0f} MB")
        for url in args.db:
            engine_runs(url.split(":")[0], url, folder, course, args.runs, args.workers, base, args.files)
        if args.postgres_cluster:
            with postgres_cluster() as url:
                engine_runs("postgresql (throw-away cluster)", url, folder, course, args.runs, args.workers, base,
                            args.files)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
