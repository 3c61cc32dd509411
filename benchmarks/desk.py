"""The methodist's «Consultations» tab over a large workspace (not a test): prints medians and ratios measured
in one run.

    .venv/bin/python benchmarks/desk.py [--learners 3000] [--consultations 100] [--runs 3] [--postgres-cluster]

Writes a workspace of `--learners` learners in 200 libraries, each with `--consultations` consultations spread
over a year (services of the bundled course's list, every outcome), straight through the repository's bulk
insert. Then, for no filter and for one library:
- baseline — a bare SELECT, through the driver, of what the tab counts (each consultation's moment, its
  learner's library, the service, the outcome, the minutes), every row fetched;
- tab — `WorkspaceService.desk(filter, breakdown=False)`, as the tab calls it: the database counts by local
  month, service and outcome, and by library and outcome; the views are made from those counts;
- exports — `WorkspaceService.desk(filter)`, as the XLSX and PDF exports call it: the database counts by local
  month, library, service and outcome (the breakdown rows need all four);
- before — the report made from every consultation loaded as a record (`WorkspaceService.consultations`,
  then `core.consultation.stats.desk_report`), as the tab did until session 6.
`--postgres-cluster` does the same on a throw-away PostgreSQL cluster (Debian's binaries) as well.
Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
BRANCHES = 200


def generate(url: str, learners: int, each: int) -> None:
    from etrainer.core.consultation.catalog import load_catalog
    from etrainer.core.course.pack import load_pack
    from etrainer.paths import bundled_course_dir
    from etrainer.storage import workspace_models as m
    from etrainer.storage.workspace import COLUMNS, bulk_insert, open_workspace
    from etrainer.storage.workspace_rows import stamp_for

    course = load_pack(bundled_course_dir()).course
    services = [s.id for s in load_catalog(course.root)[0].services]
    workspace = open_workspace(url)
    t = stamp_for(workspace.database.dialect)
    rng = random.Random(20261207)
    end = datetime(2026, 12, 1, tzinfo=UTC)
    columns = ("id", "uid", "name", "branch", "position", "created_at", "public_key", "installation",
               "first_import_at", "last_import_at", "last_exported_at")
    for first in range(0, learners, 500):
        people, rows = [], []
        for me in range(first + 1, min(learners, first + 500) + 1):
            people.append((me, uuid.uuid4().hex, f"Бібліотекарка {me}", f"Філія № {rng.randrange(BRANCHES)}",
                           "бібліотекар", t(end), bytes(32), "bench", t(end), t(end), t(end)))
            for _ in range(each):
                at = end - timedelta(minutes=rng.randrange(365 * 24 * 60))
                rows.append((uuid.uuid4().hex, me, course.id, "1", t(at), rng.choice(services),
                             rng.choice(("done", "done", "done", "partly", "referred", "failed")),
                             rng.randrange(3, 45), None, None, "yes", None, ""))
        with workspace.database.engine.begin() as connection:
            bulk_insert(connection, m.WsLearnerRow.__table__, columns, people, encoded=True)
            bulk_insert(connection, m.WsConsultationRow.__table__, COLUMNS[m.WsConsultationRow], rows, encoded=True)
    with workspace.database.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    workspace.dispose()


def median_time(call: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(name: str, url: str, learners: int, each: int, runs: int) -> None:
    from ratios import ratio
    from sqlalchemy import select

    from etrainer.core.consultation.catalog import load_catalog
    from etrainer.core.consultation.stats import desk_report, training_by_module
    from etrainer.core.course.pack import load_pack
    from etrainer.core.progress.dashboard import DashboardFilter
    from etrainer.paths import bundled_course_dir
    from etrainer.services.methodist import WorkspaceService
    from etrainer.storage import workspace_models as m
    from etrainer.storage.workspace import open_workspace
    from etrainer.storage.workspace_summary import WorkspaceSummary

    started = time.perf_counter()
    generate(url, learners, each)
    print(f"{name}: {learners} learners × {each} consultations written in {time.perf_counter() - started:.1f} s")
    course = load_pack(bundled_course_dir()).course
    service = WorkspaceService(open_workspace(url), course)
    c, ln = m.WsConsultationRow, m.WsLearnerRow
    try:
        for label, chosen in (("no filter", DashboardFilter()), ("one library", DashboardFilter(branch="Філія № 7"))):
            def bare(chosen: DashboardFilter = chosen) -> None:
                query = (select(c.at, ln.branch, c.service_id, c.outcome, c.minutes)
                         .join(ln, ln.id == c.learner_id))
                if chosen.branch:
                    query = query.where(ln.branch == chosen.branch)
                with service.workspace.database.engine.connect() as connection:
                    connection.execute(query).fetchall()

            def before(chosen: DashboardFilter = chosen) -> None:
                with service._snapshot() as session:
                    training = training_by_module(*WorkspaceSummary(session).training(chosen))
                desk_report(service.consultations(chosen), load_catalog(course.root)[0], training)

            report = service.desk(chosen)
            base = median_time(bare, runs)
            tab = median_time(lambda chosen=chosen: service.desk(chosen, breakdown=False), runs)
            full = median_time(lambda chosen=chosen: service.desk(chosen), runs)
            old = median_time(before, runs)
            print(f"{name}, {label}: {report.total.count} consultations, {len(report.rows)} breakdown rows")
            for what, seconds in (("the tab", tab), ("the exports' report", full), ("before (every record)", old)):
                ratio(f"desk: {what}, {name}, {label}, {learners} learners", seconds * 1000, base * 1000, "ms",
                      baseline_name="bare SELECT of the rows")
    finally:
        service.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=3000)
    parser.add_argument("--consultations", type=int, default=100, help="per learner")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres-cluster", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="etrainer-desk-") as folder:
        measure("SQLite", f"sqlite:///{Path(folder) / 'workspace.sqlite3'}", args.learners, args.consultations,
                args.runs)
    if args.postgres_cluster:
        from workspace_import import postgres_cluster

        with postgres_cluster() as url:
            measure("PostgreSQL", url, args.learners, args.consultations, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
