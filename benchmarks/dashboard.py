"""Methodist's dashboard benchmark (not a test): open the workspace window's views over a large workspace.

    .venv/bin/python benchmarks/dashboard.py [--learners 3000 30000] [--records 300] [--runs 3]
        [--no-postgres] [--modes before after] [--keep DIR]

Writes a workspace of `--learners` learners straight through the repository's bulk insert (each about
`--records` records of the bundled course, as benchmarks/workspace_import.py makes them: lesson progress and
visits, quiz attempts with their responses, walkthrough attempts with their events; one imported file per
learner), on SQLite and on a throw-away PostgreSQL cluster (Debian's binaries). Then, each in a fresh
process (so that its peak resident size is its own):
- baseline — a bare SELECT, through the driver, of every row the dashboard reads (learners, lesson progress,
  quiz attempts and responses, walkthrough attempts and their wrong actions and hints), every row fetched;
- the window's service calls: on opening (the dashboard for no filter, the imported files, the essay counts),
  on a filter change (one library), and choosing a learner (her detail);
- `before`: the same views computed the old way — the whole workspace loaded as core records
  (`WorkspaceRepository.dashboard_data`), filtered and computed in Python.
Each prints the median wall time, the processor time, and the peak resident size above what the process held
after opening the workspace; the ratio is against the baseline of the same engine and size.
`--keep DIR` keeps (and reuses) the generated SQLite workspaces there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BATCH = 250
"""Learners written per transaction."""


class _Unsigned:
    """Stands in for an installation key: the rows are written straight, no file is signed."""

    def sign(self, document: dict[str, Any]) -> dict[str, Any]:
        return document


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text.replace("Z", "+00:00"))


def generate(url: str, learners: int, records: int) -> int:
    """A workspace at `url` with `learners` learners' records written straight in; returns the records."""
    from workspace_import import make_document

    from etrainer.core.course.pack import load_pack
    from etrainer.paths import bundled_course_dir
    from etrainer.storage import workspace_models as m
    from etrainer.storage.workspace import COLUMNS, bulk_insert, open_workspace
    from etrainer.storage.workspace_rows import as_json, stamp_for

    course = load_pack(bundled_course_dir()).course
    workspace = open_workspace(url)
    dialect = workspace.database.dialect
    t = stamp_for(dialect)
    rng = random.Random(20261207)
    ids = {"quiz": 0, "walk": 0}
    total = 0
    learner_columns = ("id", "uid", "name", "branch", "position", "created_at", "public_key", "installation",
                       "first_import_at", "last_import_at", "last_exported_at")
    import_columns = ("learner_id", "file_name", "sha256", "imported_at", "exported_at", "course_id",
                      "course_version", "status", "records_new", "records_updated", "records_skipped")
    tables = (m.WsLessonProgressRow, m.WsLessonVisitRow, m.WsQuizAttemptRow, m.WsQuizResponseRow,
              m.WsWalkthroughAttemptRow, m.WsWalkthroughEventRow)
    with_id = {model: ("id", *COLUMNS[model]) for model in (m.WsQuizAttemptRow, m.WsWalkthroughAttemptRow)}
    for first in range(0, learners, BATCH):
        batch: dict[Any, list[tuple[Any, ...]]] = {model: [] for model in (m.WsLearnerRow, m.WsImportRow, *tables)}
        for index in range(first, min(learners, first + BATCH)):
            doc = make_document(rng, course, index, _Unsigned(), records)  # type: ignore[arg-type]
            me = index + 1
            person, r = doc["learner"], doc["records"]
            exported = _moment(doc["exported_at"])
            version = doc["course"]["version"]
            batch[m.WsLearnerRow].append((me, person["uid"], person["name"], person["branch"], person["position"],
                                          t(_moment(person["created_at"])), bytes(32), doc["installation"],
                                          t(exported), t(exported), t(exported)))
            count = (len(r["lesson_progress"]) + len(r["lesson_visits"]) + len(r["quiz_attempts"])
                     + len(r["walkthrough_attempts"]) + sum(len(a["responses"]) for a in r["quiz_attempts"])
                     + sum(len(a["events"]) for a in r["walkthrough_attempts"]))
            batch[m.WsImportRow].append((me, f"{person['uid']}.etprogress",
                                         hashlib.sha256(person["uid"].encode()).hexdigest(), t(exported),
                                         t(exported), course.id, version, "imported", count, 0, 0))
            total += count
            for p in r["lesson_progress"]:
                batch[m.WsLessonProgressRow].append((
                    p["uid"], me, course.id, version, p["lesson_id"], p["module_id"], t(_moment(p["first_opened_at"])),
                    t(_moment(p["last_opened_at"])), t(_moment(p["completed_at"])), p["total_seconds"], p["visits"]))
            for v in r["lesson_visits"]:
                batch[m.WsLessonVisitRow].append((v["uid"], me, course.id, version, v["lesson_id"],
                                                  t(_moment(v["opened_at"])), t(_moment(v["closed_at"])),
                                                  v["seconds"], v["reached_end"]))
            for a in r["quiz_attempts"]:
                ids["quiz"] += 1
                batch[m.WsQuizAttemptRow].append((
                    ids["quiz"], a["uid"], me, course.id, version, a["quiz_id"], a["module_id"], a["kind"],
                    t(_moment(a["started_at"])), t(_moment(a["finished_at"])), a["question_count"], a["score"],
                    a["passed"], a["pass_mark"]))
                for q in a["responses"]:
                    batch[m.WsQuizResponseRow].append((
                        q["uid"], me, ids["quiz"], q["position"], q["question_id"], q["question_kind"],
                        as_json(q["response"]), q["score"], q["correct"], t(_moment(q["answered_at"])), q["seconds"]))
            for w in r["walkthrough_attempts"]:
                ids["walk"] += 1
                batch[m.WsWalkthroughAttemptRow].append((
                    ids["walk"], w["uid"], me, course.id, version, w["scenario_id"], w["module_id"], w["mode"],
                    t(_moment(w["started_at"])), t(_moment(w["finished_at"])), w["abandoned"], w["seconds"],
                    w["errors"], w["hints"], w["steps_done"], w["steps_total"], w["decisions_right"],
                    w["decisions_wrong"], w["score"], w["passed"]))
                for e in w["events"]:
                    batch[m.WsWalkthroughEventRow].append((e["uid"], me, ids["walk"], e["seq"], e["at"], e["kind"],
                                                           e["step_id"], e["correct"], as_json(e["action"])))
        with workspace.database.engine.begin() as connection:
            bulk_insert(connection, m.WsLearnerRow.__table__, learner_columns, batch[m.WsLearnerRow], encoded=True)
            bulk_insert(connection, m.WsImportRow.__table__, import_columns, batch[m.WsImportRow], encoded=True)
            for model in tables:
                bulk_insert(connection, model.__table__, with_id.get(model, COLUMNS[model]), batch[model],
                            encoded=True)
    with workspace.database.engine.begin() as connection:
        if dialect == "postgresql":  # rows were given their ids: move the sequences past them
            for model in (m.WsLearnerRow, m.WsQuizAttemptRow, m.WsWalkthroughAttemptRow):
                name = model.__tablename__
                connection.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                                           f"(SELECT max(id) FROM {name}))")
            connection.exec_driver_sql("ANALYZE")
        else:
            connection.exec_driver_sql("ANALYZE")
    workspace.dispose()
    return total


# ---------------------------------------------------------------- measured in a child process


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _bare_select(service: Any) -> None:
    """Every row the dashboard reads, fetched through the driver: the floor for any way of computing it."""
    from etrainer.storage import workspace_models as m

    queries = [f"SELECT id, uid, name, branch, position FROM {m.WsLearnerRow.__tablename__}",
               "SELECT learner_id, lesson_id, module_id, completed_at, last_opened_at, total_seconds, visits "
               "FROM ws_lesson_progress",
               "SELECT id, uid, learner_id, quiz_id, started_at, finished_at, score, passed, module_id, kind "
               "FROM ws_quiz_attempt",
               "SELECT attempt_id, question_id, question_kind, score, correct, response FROM ws_quiz_response",
               "SELECT id, uid, learner_id, scenario_id, started_at, mode, finished_at, score, passed, errors, hints, "
               "module_id, abandoned FROM ws_walkthrough_attempt",
               "SELECT attempt_id, kind, step_id, correct FROM ws_walkthrough_event "
               "WHERE kind = 'hint' OR correct = false"]
    engine = service.workspace.database.engine
    with engine.connect() as connection:
        for sql in queries:
            result = connection.execution_options(stream_results=True, yield_per=5000).exec_driver_sql(sql)
            for _ in result:
                pass


def _before(service: Any, filters: Any) -> tuple[Any, Any]:
    """The dashboard as the window computed it before: the whole workspace loaded, filtered in Python."""
    from etrainer.core.progress.dashboard import apply_filter, choices, competency_results, module_matrix
    from etrainer.core.progress.item_analysis import item_analysis, walkthrough_hotspots
    from etrainer.core.progress.overview import Dashboard
    from etrainer.storage.workspace import WorkspaceRepository

    with service.workspace.sessions.begin() as session:
        everything = WorkspaceRepository(session).dashboard_data()
    data = apply_filter(everything, filters)
    course = service.course
    branches, positions = choices(everything)
    return Dashboard(filters, module_matrix(course, data), competency_results(course, data),
                     item_analysis(course, data), walkthrough_hotspots(course, data), branches, positions), everything


def _before_learner(service: Any, uid: str, filters: Any) -> Any:
    from etrainer.core.progress.dashboard import apply_filter, learner_detail
    from etrainer.storage.workspace import WorkspaceRepository

    with service.workspace.sessions.begin() as session:
        data = apply_filter(WorkspaceRepository(session).dashboard_data(details=False), filters)
    return learner_detail(service.course, data, uid)


def child(url: str, mode: str, runs: int) -> dict[str, Any]:
    """Time one way of computing the window's views; the peak resident size above the opened workspace."""
    from workspace_import import BRANCHES

    from etrainer.core.course.pack import load_pack
    from etrainer.core.progress.dashboard import DashboardFilter
    from etrainer.paths import bundled_course_dir
    from etrainer.services.essay_grading import EssayGradingService
    from etrainer.services.methodist import WorkspaceService
    from etrainer.storage.workspace import open_workspace

    course = load_pack(bundled_course_dir()).course
    service = WorkspaceService(open_workspace(url), course)
    start_rss = _rss_kib()
    uid = "learner-000007"
    steps: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}

    def timed(name: str, call: Any) -> Any:
        t0, c0 = time.perf_counter(), time.process_time()
        result = call()
        steps.setdefault(name, []).append(time.perf_counter() - t0)
        cpu.setdefault(name, []).append(time.process_time() - c0)
        return result

    one_branch = DashboardFilter(branch=BRANCHES[1])
    essays = EssayGradingService(service.workspace, course)
    shown = 0
    for _ in range(runs):
        if mode == "baseline":
            timed("open", lambda: _bare_select(service))
            continue
        if mode == "before":
            dashboard, _ = timed("open", lambda: (_before(service, DashboardFilter()), service.imported_files(),
                                                  essays.counts())[0])
            timed("filter", lambda: _before(service, one_branch))
            timed("learner", lambda: _before_learner(service, uid, one_branch))
        else:
            dashboard = timed("open", lambda: (service.dashboard(DashboardFilter()), service.imported_files(),
                                               essays.counts())[0])
            timed("filter", lambda: service.dashboard(one_branch))
            timed("learner", lambda: service.learner(uid, one_branch))
        shown = len(dashboard.matrix.rows)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    service.workspace.dispose()
    return {"wall": {k: statistics.median(v) for k, v in steps.items()},
            "cpu": {k: statistics.median(v) for k, v in cpu.items()},
            "peak_mb": (peak - start_rss) / 1024, "learners": shown}


def measure(url: str, mode: str, runs: int) -> dict[str, Any]:
    python = sys.executable
    run = subprocess.run([python, str(Path(__file__)), "--child", url, mode, "--runs", str(runs)],
                         capture_output=True, text=True, check=False, cwd=HERE.parent)
    if run.returncode:
        raise SystemExit(f"{mode} on {url} failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def fresh_database(url: str, name: str) -> str:
    """A new, empty database `name` in the cluster at `url` (dropped first if there)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    engine.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def report(name: str, url: str, runs: int, modes: list[str]) -> None:
    from ratios import ratio

    base = measure(url, "baseline", runs)
    floor = base["wall"]["open"]
    print(f"{name}: baseline, bare SELECT of the rows read".ljust(62)
          + f" {floor:7.2f} s  CPU {base['cpu']['open']:6.2f} s  peak +{base['peak_mb']:6.0f} MB")
    for mode in modes:
        got = measure(url, mode, runs)
        for step, label in (("open", "open the window (dashboard, files, essays)"),
                            ("filter", "change the filter (one library)"), ("learner", "choose a learner")):
            print(f"{name}: {mode}: {label}".ljust(62) + f" {got['wall'][step]:7.2f} s  CPU "
                  f"{got['cpu'][step]:6.2f} s")
        print(f"{name}: {mode}: peak resident size above the opened workspace".ljust(62)
              + f" {got['peak_mb']:7.0f} MB  ({got['learners']} learners shown)")
        ratio(f"{name}, {mode}: open the dashboard", got["wall"]["open"], floor, "s",
              baseline_name="bare SELECT")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, nargs="+", default=[3000, 30000])
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--modes", nargs="+", choices=("before", "after"), default=["before", "after"],
                        help="the old, in-memory computation (before) and the window's service calls (after)")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the SQLite workspaces in this folder")
    parser.add_argument("--child", nargs=2, metavar=("URL", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], args.runs)))
        return 0
    from workspace_import import postgres_cluster

    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    root = args.keep or Path(tempfile.mkdtemp(prefix="etrainer-dashboard-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        for learners in args.learners:
            path = root / f"workspace-{learners}-{args.records}.sqlite3"
            if not path.exists():
                start = time.perf_counter()
                partial = path.with_suffix(".partial")
                partial.unlink(missing_ok=True)
                records = generate(str(partial), learners, args.records)
                partial.rename(path)
                print(f"SQLite: {learners} learners, {records} records written in {time.perf_counter() - start:.0f} s,"
                      f" {path.stat().st_size / 2**20:.0f} MB")
            report(f"SQLite, {learners:,} learners", str(path), args.runs, args.modes)
        if not args.no_postgres:
            with postgres_cluster() as url:
                for learners in args.learners:
                    database = fresh_database(url, f"dash{learners}")
                    start = time.perf_counter()
                    records = generate(database, learners, args.records)
                    print(f"PostgreSQL: {learners} learners, {records} records written in "
                          f"{time.perf_counter() - start:.0f} s")
                    report(f"PostgreSQL, {learners:,} learners", database, args.runs, args.modes)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
