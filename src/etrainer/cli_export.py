"""`etrainer export-progress` and `etrainer demo-data` (wired into cli.py by `register` and `run`).

    etrainer export-progress [--data-dir D] --profile NAME --format progress|xapi|csv|xlsx|pdf|certificate -o OUT
    etrainer demo-data [--data-dir D] --learners N [--seed S]

No Qt is imported unless a PDF is asked for. Exit status 1 with one clear sentence on stderr when the
profile, the course or the output cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from etrainer.cli_options import data_dir_option

FORMATS = ("progress", "xapi", "csv", "xlsx", "pdf", "certificate")
COMMANDS = ("export-progress", "demo-data")
MAX_DEMO_LEARNERS = 2000


def register(commands: Any) -> None:
    """Add the subcommands to `commands` (what `ArgumentParser.add_subparsers()` returned)."""
    export = commands.add_parser("export-progress", help="export a learner's progress for the methodist "
                                 "(signed progress file, xAPI, CSV, XLSX, PDF report or certificate)")
    data_dir_option(export)
    export.add_argument("--profile", required=True, metavar="NAME", help="the learner's profile name (any case)")
    export.add_argument("--format", required=True, choices=FORMATS, dest="fmt",
                        help="progress: the signed .etprogress file; pdf: the progress report")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="OUT",
                        help="the file to write (for progress, a folder gets the suggested file name)")
    demo = commands.add_parser("demo-data", help="create synthetic learners with varied progress (for trying "
                               "the methodist's workspace and for demonstrations)")
    data_dir_option(demo)
    demo.add_argument("--learners", required=True, type=int, metavar="N", help="how many learners to create")
    demo.add_argument("--seed", type=int, default=0, help="the same seed makes the same learners (default 0)")
    demo.add_argument("--to-workspace", action="store_true",
                      help="also export the new learners' progress files and import them into the methodist's "
                           "workspace (for trying the dashboard at once)")
    demo.add_argument("--db", metavar="URL", help="with --to-workspace: the workspace (default: the data folder's)")



def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run `args.command` (one of COMMANDS); returns the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    from etrainer.cli_lock import FolderBusyExit
    from etrainer.core.errors import EtrainerError

    try:
        if args.command == "export-progress":
            return _export(args, out, err)
        return _demo(args, out, err)
    except FolderBusyExit as busy:
        return busy.code
    except EtrainerError as error:
        print(str(error), file=err)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """These commands alone (for tests, and until cli.py dispatches them)."""
    parser = argparse.ArgumentParser(prog="etrainer")
    register(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(argv))


def _open(args: argparse.Namespace, err: TextIO) -> Any:
    from etrainer.services.facade import open_services

    services = open_services(getattr(args, "data_dir", None), with_course=True)
    if services.course is None:
        print("No course was found: add a course pack first (etrainer add-pack PATH).", file=err)
        services.close()
        return None
    return services


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from etrainer.core.learner.profiles import name_key
    from etrainer.services.transfer import ExportService

    services = _open(args, err)
    if services is None:
        return 1
    try:
        wanted = name_key(args.profile)
        profile = next((p for p in services.profiles.list() if name_key(p.name) == wanted), None)
        if profile is None:
            print(f"No profile is named “{args.profile}”. See the names with: etrainer profiles", file=err)
            return 1
        exporter = ExportService(services.database.sessions)
        export = {"progress": exporter.export_progress, "xapi": exporter.export_xapi, "csv": exporter.export_csv,
                  "xlsx": exporter.export_xlsx, "pdf": exporter.export_pdf,
                  "certificate": exporter.export_certificate}[args.fmt]
        written = export(profile.id, services.course, args.output)
        print(f"{profile.name}: {args.fmt} written to {written}", file=out)
        return 0
    finally:
        services.close()


def _demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:

    if not 1 <= args.learners <= MAX_DEMO_LEARNERS:
        print(f"--learners must be between 1 and {MAX_DEMO_LEARNERS}.", file=err)
        return 1
    from etrainer.cli_lock import data_folder_for_writing

    with data_folder_for_writing(getattr(args, "data_dir", None), "demo-data", err):
        return _make_demo(args, out, err)


def _make_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from etrainer.services.demo_data import make_demo_learners

    services = _open(args, err)
    if services is None:
        return 1
    try:
        made = make_demo_learners(services, services.course, args.learners, args.seed)
        for learner in made:
            print(f"{learner.name}\t{learner.branch}\t{learner.position}\tlessons read {learner.lessons_read}, "
                  f"quiz attempts {learner.quiz_attempts}, walkthrough attempts {learner.walkthrough_attempts}",
                  file=out)
        print(f"{len(made)} demo learner(s) created", file=out)
        if getattr(args, "to_workspace", False):
            return _demo_to_workspace(args, services, made, out)
    finally:
        services.close()
    return 0


def _demo_to_workspace(args: argparse.Namespace, services: Any, made: Any, out: TextIO) -> int:
    """Export the demo learners' signed progress files and import them into the workspace."""
    import tempfile

    from etrainer.paths import data_dir
    from etrainer.services.methodist import WorkspaceService
    from etrainer.storage.workspace import default_workspace_path, open_workspace

    names = {learner.name for learner in made}
    with tempfile.TemporaryDirectory(prefix="etrainer-demo-") as folder:
        for profile in services.profiles.list():
            if profile.name in names:
                services.transfer.export_progress(profile.id, services.course, Path(folder))
        workspace = open_workspace(args.db or default_workspace_path(data_dir(getattr(args, "data_dir", None))))
        try:
            report = WorkspaceService(workspace, services.course).import_paths([Path(folder)])
        finally:
            workspace.dispose()
    print(f"imported into the workspace {workspace.display_url}: {len(report.accepted)} file(s), "
          f"{len(report.rejected)} rejected", file=out)
    return 1 if report.rejected else 0
