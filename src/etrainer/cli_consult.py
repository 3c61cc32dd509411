"""`etrainer consult …`: the anonymous consultation log from the command line (wired into cli.py).

    etrainer consult add [--data-dir D] --profile NAME --service ID --outcome ID --minutes N [--channel ID]
                         [--age-band ID] [--alone-next-time yes|no] [--note TEXT] [--reason ID]
    etrainer consult services [--course PATH] [--json]
    etrainer consult list [--data-dir D] --profile NAME [--json]
    etrainer consult import FILE.csv [--data-dir D] --profile NAME

No Qt is imported. Exit status 1 with one clear sentence on stderr when a consultation is refused (nothing
is stored), the profile or the course is missing, or the spreadsheet cannot be read. Documented in docs/cli.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from etrainer.cli_options import data_dir_option

OUTCOMES = ("done", "partly", "referred", "failed")


def register(commands: Any) -> None:
    """Add `consult` and its subcommands to `commands` (what `ArgumentParser.add_subparsers()` returned)."""
    consult = commands.add_parser("consult", help="the anonymous consultation log (services helped with at the "
                                  "desk)")
    actions = consult.add_subparsers(dest="consult_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="record one consultation")
    data_dir_option(add)
    add.add_argument("--profile", required=True, metavar="NAME", help="the librarian's profile name (any case)")
    add.add_argument("--service", required=True, metavar="ID", help="a service id (see: etrainer consult services)")
    add.add_argument("--outcome", required=True, choices=OUTCOMES)
    add.add_argument("--minutes", required=True, type=int, metavar="N")
    add.add_argument("--channel", metavar="ID")
    add.add_argument("--age-band", metavar="ID")
    add.add_argument("--alone-next-time", choices=("yes", "no"))
    add.add_argument("--reason", metavar="ID", help="why it was partly done, referred or failed")
    add.add_argument("--note", default="", metavar="TEXT", help="a short note without personal data")

    services = actions.add_parser("services", help="the course's list of services")
    services.add_argument("--course", type=Path, metavar="PATH", help="a course pack folder (default: the "
                          "course the app opens)")
    data_dir_option(services)
    services.add_argument("--json", action="store_true")

    listing = actions.add_parser("list", help="a profile's consultations, oldest first")
    data_dir_option(listing)
    listing.add_argument("--profile", required=True, metavar="NAME")
    listing.add_argument("--json", action="store_true")

    imports = actions.add_parser("import", help="consultations typed into a spreadsheet, saved as CSV")
    imports.add_argument("file", type=Path, metavar="FILE.csv")
    data_dir_option(imports)
    imports.add_argument("--profile", required=True, metavar="NAME")



def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    from etrainer.core.errors import EtrainerError

    try:
        if args.consult_command == "services":
            return _services(args, out, err)
        return _with_profile(args, out, err)
    except EtrainerError as error:
        print(str(error), file=err)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="etrainer")
    register(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(argv))


def _services(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from etrainer.services.consultations import catalog_for

    if args.course is not None:
        root = args.course
    else:
        from etrainer.services.facade import open_services

        services = open_services(getattr(args, "data_dir", None), with_course=True)
        services.close()
        if services.course is None:
            print("No course was found: add a course pack first (etrainer add-pack PATH).", file=err)
            return 1
        root = services.course.root
    catalog = catalog_for(Path(root))
    rows = [{"id": s.id, "title": s.title, "module": s.module} for s in catalog.services]
    if args.json:
        print(json.dumps({"services": rows}, ensure_ascii=False, indent=2), file=out)
    else:
        for row in rows:
            print(f"{row['id']}\t{row['title']}\t{row['module'] or '-'}", file=out)
    return 0


def _with_profile(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from etrainer.core.learner.profiles import name_key
    from etrainer.services.consultations import ConsultationService, catalog_for
    from etrainer.services.facade import open_services

    services = open_services(getattr(args, "data_dir", None), with_course=args.consult_command != "list")
    try:
        wanted = name_key(args.profile)
        profile = next((p for p in services.profiles.list() if name_key(p.name) == wanted), None)
        if profile is None:
            print(f"No profile is named “{args.profile}”. See the names with: etrainer profiles", file=err)
            return 1
        log = ConsultationService(services.database.sessions)
        if args.consult_command == "list":
            return _list(log.list(profile.id), args.json, out)
        if services.course is None:
            print("No course was found: add a course pack first (etrainer add-pack PATH).", file=err)
            return 1
        catalog = catalog_for(services.course.root)
        if args.consult_command == "add":
            stored = log.record(profile.id, catalog, service_id=args.service, outcome=args.outcome,
                                minutes=args.minutes, channel_id=args.channel, age_band_id=args.age_band,
                                alone_next_time=args.alone_next_time or "unknown", reason_id=args.reason,
                                note=args.note)
            print(f"{profile.name}: consultation {stored.uid} recorded ({stored.service_id}, "
                  f"{stored.outcome.value}, {stored.minutes} min)", file=out)
            return 0
        report = log.import_csv(profile.id, catalog, args.file)
        for refused in report.refused:
            print(f"{args.file}: row {refused.row}: {refused.reason}", file=out)
        print(f"{profile.name}: {report.stored} consultation(s) imported, {len(report.refused)} row(s) refused",
              file=out)
        return 0
    finally:
        services.close()


def _list(consultations: list[Any], as_json: bool, out: TextIO) -> int:
    from etrainer.core.progress.format import format_time

    rows = [{"id": c.uid, "at": format_time(c.at), "service": c.service_id, "outcome": c.outcome.value,
             "minutes": c.minutes, "note": c.note} for c in consultations]
    if as_json:
        print(json.dumps({"consultations": rows}, ensure_ascii=False, indent=2), file=out)
    elif not rows:
        print("no consultations", file=out)
    else:
        for row in rows:
            print(f"{row['at']}\t{row['service']}\t{row['outcome']}\t{row['minutes']}\t{row['note']}", file=out)
    return 0
