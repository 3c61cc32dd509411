"""`etrainer memo` (wired into cli.py by `register` and `run`): memos (памʼятки) as print-ready A4 PDFs.

    etrainer memo MODULE_ID -o memo.pdf [--course PATH] [--data-dir DIR]   one module's memo
    etrainer memo --course-wide -o memo.pdf                                the course-wide memo
    etrainer memo --all -o booklet.pdf                                     every memo, each from a new page
    etrainer memo --kit -o kit.pdf                                         the printable kit, every document
    etrainer memo --kit-doc DOCUMENT_ID -o form.pdf                        one document of the kit
    etrainer memo --kit --list                                             the kit's document ids and titles

Without --course the memos come from the course the app would open (the remembered one, else the
bundled course). No Qt is imported until the PDF is drawn. Exit status 1 with one clear sentence on
stderr for an unknown module, a module without a memo, a course without a kit, an unknown kit document,
a kit with problems (the first one is named), or an output that cannot be written.
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
    memo = commands.add_parser("memo", help="save a module's memo (пам'ятка), all memos as one booklet, or the "
                               "trainer's printable kit, as an A4 PDF ready to print")
    which = memo.add_mutually_exclusive_group(required=True)
    which.add_argument("module", nargs="?", metavar="MODULE_ID", help="the module whose memo to save")
    which.add_argument("--course-wide", action="store_true", help="the course-wide memo (memo.md beside course.yaml)")
    which.add_argument("--all", action="store_true", dest="all_memos",
                       help="the course-wide memo and every module's memo, each from a new page")
    which.add_argument("--kit", action="store_true",
                       help="the trainer's printable kit (forms, handouts, lecture slides from kit/kit.yaml), "
                            "every document from a new page")
    which.add_argument("--kit-doc", metavar="DOCUMENT_ID", help="one document of the printable kit (ids: --kit --list)")
    memo.add_argument("--list", action="store_true", dest="list_kit",
                      help="with --kit: print the kit's document ids and titles instead of writing a PDF")
    memo.add_argument("-o", "--output", type=Path, metavar="OUT.pdf", help="the PDF file to write (required)")
    memo.add_argument("--course", metavar="PATH", default=argparse.SUPPRESS,
                      help="the course pack folder (default: the course the app opens)")
    memo.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                      help="the data folder (default: $ETRAINER_DATA_DIR or the per-user data folder)")


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run `etrainer memo`; returns the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    from etrainer.core.errors import EtrainerError

    kit, kit_doc = getattr(args, "kit", False), getattr(args, "kit_doc", None)
    listing = getattr(args, "list_kit", False)
    if listing and not kit:
        print("--list goes with --kit: etrainer memo --kit --list", file=err)
        return 2
    if args.output is None and not listing:
        print("Give the PDF file to write with -o OUT.pdf.", file=err)
        return 2
    if listing:
        return _list_kit(args, out, err)
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

        if kit or kit_doc:
            from etrainer.exchange.kit_pdf import write_kit_pdf

            pages = write_kit_pdf(course, output, kit_doc)
            what = f"The kit document {kit_doc}" if kit_doc else "The printable kit"
        elif args.all_memos:
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


def _list_kit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from etrainer.core.errors import EtrainerError
    from etrainer.exchange.kit_html import course_kit

    try:
        course = _course(args)
        if course is None:
            print("No course was found: add a course pack first (etrainer add-pack PATH), or give --course PATH.",
                  file=err)
            return 1
        kit = course_kit(course)
    except EtrainerError as error:
        print(str(error), file=err)
        return 1
    for document in kit.documents:
        print(f"{document.id}\t{document.title}", file=out)
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
