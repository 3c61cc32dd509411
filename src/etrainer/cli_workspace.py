"""`etrainer workspace …`: the methodist workspace from the command line (no Qt).

    etrainer workspace import PATH… [--db URL] [--data-dir DIR]
        import progress files and folders; prints the counts and each rejected file with its reason;
        exit status 1 when any file was rejected, 2 when the workspace cannot be opened
    etrainer workspace report --xlsx OUT [--pdf OUT] [--db URL] [--data-dir DIR] [--course PATH]
        [--branch B] [--position P] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
        write the dashboard to an XLSX workbook (and/or a PDF report: --pdf, without --xlsx too)
    etrainer workspace essays [--db URL] [--pending] [--json]
        list the essays imported with the progress files (and their marks)
    etrainer workspace grade [--db URL] --essay ID --points N [--comment TEXT] [--levels I,J,…] [--grader NAME]
        mark one essay; exit status 1 with a sentence for an unknown id or points out of range
    etrainer workspace feedback [--db URL] -o DIR
        write one signed .etfeedback per learner with new marks into DIR and print their paths
    etrainer workspace pull-lrs --endpoint URL --user U [--since ISO] [--db URL]
        read eTrainer's statements from an xAPI LRS into the workspace (password from $ETRAINER_LRS_PASSWORD);
        prints the counts and what was skipped; exit status 1 with a sentence when the LRS cannot be read

`--db` takes an SQLAlchemy URL (`sqlite:///path`, `postgresql+psycopg://user@host/db`) or a file path;
by default the workspace is `workspace.sqlite3` in the data folder. cli.py calls `register` and `run`.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, TextIO

WORKSPACE_COMMAND = "workspace"


def register(commands: Any) -> argparse.ArgumentParser:
    """Add `workspace import` and `workspace report` to the `etrainer` sub-command parsers."""
    workspace = commands.add_parser(WORKSPACE_COMMAND, help="the methodist workspace: import progress files, "
                                    "write reports")
    actions = workspace.add_subparsers(dest="workspace_command", metavar="ACTION", required=True)
    importing = actions.add_parser("import", help="import progress files (*.etprogress) from files and folders")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a progress file or a folder")
    report = actions.add_parser("report", help="write the dashboard to an XLSX workbook or a PDF report")
    report.add_argument("--xlsx", type=Path, metavar="OUT", help="the workbook to write")
    report.add_argument("--pdf", type=Path, metavar="OUT", help="the PDF report to write")
    report.add_argument("--course", type=Path, metavar="PATH", help="the course pack folder (default: the "
                        "installed pack of the imported files' course)")
    report.add_argument("--branch", help="only learners of this branch")
    report.add_argument("--position", help="only learners with this position")
    report.add_argument("--from", dest="start", type=date.fromisoformat, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="end", type=date.fromisoformat, metavar="YYYY-MM-DD")
    essays = actions.add_parser("essays", help="list the essays imported with the progress files")
    essays.add_argument("--pending", action="store_true", help="only the essays not marked yet")
    essays.add_argument("--json", action="store_true", help="print them as JSON")
    grade = actions.add_parser("grade", help="mark one essay (points and an optional comment)")
    grade.add_argument("--essay", required=True, type=int, metavar="ID", help="the essay's id (see: essays)")
    grade.add_argument("--points", type=float, metavar="N", help="the points, from 0 to the essay's maximum")
    grade.add_argument("--comment", default="", metavar="TEXT", help="the comment for the learner")
    grade.add_argument("--levels", metavar="I,J,…", help="the level picked per rubric criterion, counted from 0 "
                       "(the points are their sum unless --points is given)")
    grade.add_argument("--grader", default="", metavar="NAME", help="who marked it (shown to the learner)")
    grade.add_argument("--course", type=Path, metavar="PATH", help="the course pack, for --levels (default: the "
                       "installed pack)")
    feedback = actions.add_parser("feedback", help="write signed .etfeedback files with the new marks")
    feedback.add_argument("-o", "--output", required=True, type=Path, metavar="DIR", help="the folder to write to")
    pull = actions.add_parser("pull-lrs", help="read learners' statements from an xAPI LRS into the workspace")
    pull.add_argument("--endpoint", required=True, metavar="URL", help="the LRS's xAPI base, e.g. "
                      "https://lrs.example.org/xAPI/")
    pull.add_argument("--user", required=True, metavar="U", help="the LRS user (Basic authentication); the "
                      "password is read from $ETRAINER_LRS_PASSWORD")
    pull.add_argument("--since", metavar="ISO", help="only statements stored since this time "
                      "(ISO 8601, e.g. 2026-12-01T00:00:00Z; UTC when no offset is given)")
    for parser in (importing, report, essays, grade, feedback, pull):
        parser.add_argument("--db", metavar="URL", help="the workspace database: an SQLAlchemy URL or a file "
                            "(default: workspace.sqlite3 in the data folder)")
        parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                            help="the data folder (default: $ETRAINER_DATA_DIR or the per-user data folder)")
    return workspace


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from etrainer.core.errors import EtrainerError
    from etrainer.storage.workspace import open_workspace

    out, err = out or sys.stdout, err or sys.stderr
    target = args.db or _default_path(getattr(args, "data_dir", None))
    try:
        workspace = open_workspace(target)
    except EtrainerError as error:
        print(f"error: {error}", file=err)
        return 2
    try:
        if args.workspace_command == "import":
            return _import(workspace, args, out, err)
        if args.workspace_command == "pull-lrs":
            return _pull_lrs(workspace, args, out, err)
        if args.workspace_command in ("essays", "grade", "feedback"):
            return _essays(workspace, args, out, err)
        return _report(workspace, args, out, err)
    finally:
        workspace.dispose()


def _default_path(data: str | None) -> Path:
    from etrainer.paths import data_dir
    from etrainer.storage.workspace import default_workspace_path

    return default_workspace_path(data_dir(data))


def _import(workspace: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from etrainer.services.methodist import FileStatus, WorkspaceDiskFull, WorkspaceService

    missing = [path for path in args.paths if not path.exists()]
    try:
        report = WorkspaceService(workspace).import_paths([p for p in args.paths if p.exists()])
    except WorkspaceDiskFull as error:
        print(f"error: {error}", file=err)
        return 1
    imported = sum(1 for f in report.files if f.status is FileStatus.IMPORTED)
    unchanged = sum(1 for f in report.files if f.status is FileStatus.UNCHANGED)
    counts = report.counts
    print(f"{len(report.files)} file(s): {imported} imported, {unchanged} already up to date, "
          f"{len(report.rejected)} rejected", file=out)
    print(f"records: {counts.new} new, {counts.updated} updated, {counts.skipped} already imported", file=out)
    for path in missing:
        print(f"{path}: no such file or folder", file=out)
    for rejected in report.rejected:
        assert rejected.reason is not None
        detail = f" ({rejected.detail})" if rejected.detail else ""
        print(f"rejected {rejected.path}: {rejected.reason.value}: {rejected.reason.sentence}{detail}", file=out)
    return 1 if report.rejected or missing else 0


def _pull_lrs(workspace: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import os
    from datetime import UTC, datetime

    from etrainer.core.errors import EtrainerError
    from etrainer.exchange.lrs_http import LrsEndpoint
    from etrainer.exchange.lrs_reader import FOREIGN
    from etrainer.services.lrs_workspace import LrsWorkspaceService

    since = None
    if args.since is not None:
        try:
            since = datetime.fromisoformat(args.since.strip().replace("Z", "+00:00"))
        except ValueError:
            print(f"error: --since takes an ISO 8601 time such as 2026-12-01T00:00:00Z, not “{args.since}”", file=err)
            return 1
        since = since.replace(tzinfo=UTC) if since.tzinfo is None else since.astimezone(UTC)
    password = os.environ.get("ETRAINER_LRS_PASSWORD")
    if password is None:
        print("error: put the LRS password in the environment variable ETRAINER_LRS_PASSWORD "
              "(it is never taken on the command line)", file=err)
        return 1
    courses: dict[str, Any] = {}

    def course(course_id: str) -> Any:
        if course_id not in courses:
            try:
                found = _course(None, getattr(args, "data_dir", None), [course_id])
            except EtrainerError:
                found = None
            courses[course_id] = found if found is not None and found.id == course_id else None
        return courses[course_id]

    try:
        endpoint = LrsEndpoint.of(args.endpoint, args.user, password)
        report = LrsWorkspaceService(workspace, course).pull(endpoint, since)
    except EtrainerError as error:
        print(f"error: {error}", file=err)
        return 1
    counts = report.counts
    print(f"{report.read} statement(s) read, {report.learners} learner(s)", file=out)
    print(f"records: {counts.new} new, {counts.updated} updated, {counts.skipped} already in the workspace", file=out)
    foreign = {reason: report.skipped[reason] for reason in FOREIGN if report.skipped[reason]}
    if foreign:
        detail = ", ".join(f"{n} {reason.value}" for reason, n in foreign.items())
        print(f"skipped {sum(foreign.values())}: not from eTrainer ({detail})", file=out)
    for reason, n in report.skipped.items():
        if reason not in FOREIGN:
            print(f"skipped {n}: {reason.value} (kept in the methodist's own workspace)", file=out)
    return 0


def _report(workspace: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from etrainer.core.errors import EtrainerError
    from etrainer.core.progress.dashboard import DashboardFilter
    from etrainer.services.methodist import WorkspaceService

    if args.xlsx is None and args.pdf is None:
        print("error: say where to write the report: --xlsx OUT and/or --pdf OUT", file=err)
        return 2
    service = WorkspaceService(workspace)
    try:
        service.course = _course(args.course, getattr(args, "data_dir", None),
                                 [f.course_id for f in service.imported_files()])
    except EtrainerError as error:
        print(f"error: {error}", file=err)
        return 2
    if service.course is None:
        print("error: no course pack was found; give one with --course", file=err)
        return 2
    filters = DashboardFilter(args.branch, args.position, args.start, args.end)
    matrix = service.matrix(filters)
    for target, export in ((args.xlsx, service.export_xlsx), (args.pdf, service.export_pdf)):
        if target is None:
            continue
        try:
            path = export(target, filters)
        except OSError as error:
            print(f"error: {target}: {error.strerror or error}", file=err)
            return 1
        print(f"{path}: {len(matrix.rows)} learner(s), {len(matrix.modules)} module(s)", file=out)
    return 0


def _essays(workspace: Any, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json

    from etrainer.core.errors import EtrainerError
    from etrainer.services.essay_grading import EssayGradingService

    service = EssayGradingService(workspace)
    if args.workspace_command == "essays":
        listed = service.essays(pending=args.pending)
        if args.json:
            rows = [{"id": e.id, "learner": e.learner_name, "module": e.module_id, "question": e.question_id,
                     "text": e.text, "words": e.words, "status": e.status,
                     "points": e.mark.points if e.mark is not None else None, "max_points": e.max_points}
                    for e in listed]
            print(json.dumps({"essays": rows}, ensure_ascii=False, indent=1), file=out)
            return 0
        for e in listed:
            mark = f"{e.mark.points:g}/{e.max_points:g}" if e.mark is not None else f"—/{e.max_points:g}"
            print(f"{e.id}	{e.learner_name}	{e.module_id or '—'}	{e.question_id}	{e.words} words	"
                  f"{e.status}	{mark}", file=out)
        print(f"{len(listed)} essay(s)", file=out)
        return 0
    if args.workspace_command == "feedback":
        try:
            written = service.export_feedback(args.output)
        except EtrainerError as error:
            print(f"error: {error}", file=err)
            return 1
        except OSError as error:
            print(f"error: {args.output}: {error.strerror or error}", file=err)
            return 1
        for path in written:
            print(path, file=out)
        if not written:
            print("no new marks to send", file=err)
        return 0
    levels = None
    if args.levels is not None:
        try:
            levels = [int(part) for part in args.levels.split(",")]
            service.course = _course(args.course, getattr(args, "data_dir", None),
                                     [f.course_id for f in _imported(workspace)])
        except ValueError:
            print(f"error: --levels takes level numbers separated by commas, not “{args.levels}”", file=err)
            return 1
        except EtrainerError as error:
            print(f"error: {error}", file=err)
            return 1
    elif args.points is None:
        print("error: give the points: --points N (or --levels I,J,… with a rubric)", file=err)
        return 1
    try:
        marked = service.grade(args.essay, args.points, args.comment, levels=levels, grader=args.grader)
    except EtrainerError as error:
        print(f"error: {error}", file=err)
        return 1
    assert marked.mark is not None
    print(f"essay {marked.id} ({marked.learner_name}, {marked.question_id}): {marked.mark.points:g} of "
          f"{marked.max_points:g} points", file=out)
    return 0


def _imported(workspace: Any) -> list[Any]:
    from etrainer.services.methodist import WorkspaceService

    return WorkspaceService(workspace).imported_files()


def _course(given: Path | None, data: str | None, course_ids: list[str]) -> Any:
    """The course pack given, else the installed pack of the course most imported files are for."""
    from etrainer.core.course.catalog import available_packs
    from etrainer.core.course.pack import load_pack
    from etrainer.paths import bundled_course_dir, data_dir, packs_dir

    if given is not None:
        return load_pack(given).course
    packs = available_packs(bundled_course_dir(), packs_dir(data_dir(data)))
    if not packs:
        return None
    common = [course_id for course_id, _ in Counter(course_ids).most_common()]
    chosen = next((p for course_id in common for p in packs if p.course_id == course_id), packs[0])
    return load_pack(chosen.root).course
