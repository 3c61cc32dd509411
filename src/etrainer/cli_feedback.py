"""`etrainer open-feedback FILE [--data-dir D] [--json] [--trust-new-key]`: the methodist's reply into the
learner's data (no Qt). Exit status 1 with the reason when the file is refused (tampered, signed by another
workspace, for a learner not on this computer, damaged …)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

COMMAND = "open-feedback"


def register(commands: Any) -> None:
    opened = commands.add_parser(COMMAND, help="open a methodist's reply (.etfeedback) with the marks of essays")
    opened.add_argument("file", type=Path, metavar="FILE")
    opened.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="the data folder (default: $ETRAINER_DATA_DIR or the per-user data folder)")
    opened.add_argument("--json", action="store_true", help="print the learner and her marks as JSON")
    opened.add_argument("--trust-new-key", action="store_true",
                        help="accept a reply signed by another workspace than before (after checking with "
                             "the methodist) and trust that workspace from now on")


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from etrainer.core.errors import EtrainerError
    from etrainer.core.progress.feedback import FeedbackRejected
    from etrainer.services.facade import open_services

    out, err = out or sys.stdout, err or sys.stderr
    try:
        services = open_services(getattr(args, "data_dir", None))
    except EtrainerError as error:
        print(f"error: {error}", file=err)
        return 2
    try:
        opened = services.essays.open_feedback(args.file, trust_new_key=args.trust_new_key)
    except FeedbackRejected as rejected:
        detail = f" ({rejected.detail})" if rejected.detail else ""
        print(f"{args.file}: {rejected.reason.value}: {rejected.reason.sentence}{detail}", file=err)
        return 1
    finally:
        services.close()
    if args.json:
        grades = [{"question": g.question_id, "points": g.mark.points, "max_points": g.mark.max_points,
                   "comment": g.mark.comment} for g in opened.grades]
        print(json.dumps({"learner": opened.learner_name, "grades": grades}, ensure_ascii=False, indent=1),
              file=out)
        return 0
    print(f"{opened.learner_name}: {len(opened.grades)} mark(s): {opened.new} new, {opened.updated} updated, "
          f"{opened.unchanged} already here", file=out)
    for grade in opened.grades:
        print(f"{grade.question_id}\t{grade.mark.points:g}/{grade.mark.max_points:g}\t{grade.mark.comment}", file=out)
    if opened.skipped:
        print(f"{opened.skipped} mark(s) are for essays written on another computer (not stored)", file=out)
    return 0
