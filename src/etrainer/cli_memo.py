"""`etrainer memo` (wired into cli.py by `register` and `run`): memos (памʼятки) as print-ready A4 PDFs.

    etrainer memo MODULE_ID -o memo.pdf [--course PATH] [--data-dir DIR]   one module's memo
    etrainer memo --course-wide -o memo.pdf                                the course-wide memo
    etrainer memo --all -o booklet.pdf                                     every memo, each from a new page

Without --course the memos come from the course the app would open (the remembered one, else the
bundled course). No Qt is imported until the PDF is drawn. Exit status 1 with one clear sentence on
stderr for an unknown module, a module without a memo, or an output that cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

COMMANDS = ("memo",)


def register(commands: Any) -> None:
    """Add the subcommand to `commands` (what `ArgumentParser.add_subparsers()` returned)."""
    memo = commands.add_parser("memo", help="save a module's memo (пам'ятка), or all memos as one booklet, "
                               "as an A4 PDF ready to print")
    which = memo.add_mutually_exclusive_group(required=True)
    which.add_argument("module", nargs="?", metavar="MODULE_ID", help="the module whose memo to save")
    which.add_argument("--course-wide", action="store_true", help="the course-wide memo (memo.md beside course.yaml)")
    which.add_argument("--all", action="store_true", dest="all_memos",
                       help="the course-wide memo and every module's memo, each from a new page")
    memo.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf", help="the PDF file to write")
    memo.add_argument("--course", metavar="PATH", default=argparse.SUPPRESS,
                      help="the course pack folder (default: the course the app opens)")
    memo.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                      help="the data folder (default: $ETRAINER_DATA_DIR or the per-user data folder)")


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run `etrainer memo`; returns the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    from etrainer.core.errors import EtrainerError

    output = Path(args.output)
    if output.is_dir():
        print(f"{output} is a folder: give a file name for the PDF, for example {output / 'memo.pdf'}.", file=err)
        return 1
    try:
        course = _course(args)
        if course is None:
            print("No course was found: add a course pack first (etrainer add-pack PATH), or give --course PATH.",
                  file=err)
            return 1
        from etrainer.exchange.memo_pdf import write_memo_booklet, write_memo_pdf

        if args.all_memos:
            pages, what = write_memo_booklet(course, output), "All memos"
        else:
            module = None if args.course_wide else args.module
            pages = write_memo_pdf(course, module, output)
            what = f"The memo of {module}" if module else "The course-wide memo"
    except EtrainerError as error:
        print(str(error), file=err)
        return 1
    print(f"{what}: {pages} page(s) written to {output}", file=out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """This command alone (for tests, and until cli.py dispatches it)."""
    parser = argparse.ArgumentParser(prog="etrainer")
    register(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(argv))


def _course(args: argparse.Namespace) -> Any:
    from etrainer.core.course.pack import load_pack

    if getattr(args, "course", None):
        return load_pack(Path(args.course)).course
    from etrainer.services.facade import open_services

    services = open_services(getattr(args, "data_dir", None), with_course=True)
    try:
        return services.course
    finally:
        services.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
