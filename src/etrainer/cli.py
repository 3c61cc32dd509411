"""The `etrainer` command: launches the app, and offers the command-line tools.

    etrainer [--data-dir DIR] [--course PATH] [--exit-after-first-paint]   the app
    etrainer check PATH [--json]                  validate a course pack
    etrainer render FILE.md                       the sanitised HTML the reader shows
    etrainer profiles [--data-dir DIR] [--json]   the learner profiles on this PC
    etrainer add-pack PATH [--data-dir DIR]       add or update a course pack from a folder or zip
    etrainer import-questions FILE [--format gift|moodlexml] [--dry-run] [--json] [-o OUT]
    etrainer export-questions PACK --quiz ID [-o OUT.gift]   a course quiz as Moodle GIFT
    etrainer export-progress [--data-dir D] --profile NAME --format progress|xapi|csv|xlsx|pdf -o OUT
    etrainer demo-data [--data-dir D] --learners N           synthetic learners for trying the workspace
    etrainer workspace import FOLDER [--db URL]              progress files into the methodist's workspace
    etrainer workspace report [--db URL] --xlsx OUT          the workspace tables as an Excel workbook
    etrainer memo MODULE_ID|--course-wide|--all -o OUT.pdf   memos (пам'ятки) as print-ready PDF
    etrainer memo --kit|--kit-doc ID -o OUT.pdf | --kit --list   the trainer's printable kit
    etrainer doctor [--data-dir D] [--json]                  check a data folder without changing anything
    etrainer backup [--data-dir D]                           make a backup now and print its path
    etrainer consult add|services|list|import …              the anonymous consultation log
    etrainer lrs push [--data-dir D] --profile NAME --endpoint URL --user U   progress to an xAPI LRS

An expected failure (EtrainerError) ends any command with one sentence on stderr and exit status 1.

No Qt is imported unless the app itself starts. Documented in docs/cli.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from etrainer import __version__
from etrainer.cli_options import data_dir_option


def _app_parser() -> argparse.ArgumentParser:
    """The options of the app itself (no subcommand): all that a start of the window needs to parse."""
    parser = argparse.ArgumentParser(prog="etrainer", description="Е-тренер: an offline e-services trainer.")
    parser.add_argument("--version", action="version", version=f"etrainer {__version__}")
    data_dir_option(parser, default=None)
    parser.add_argument("--course", metavar="PATH", help="open this course pack folder instead of the installed ones")
    parser.add_argument("--language", choices=("uk", "en"), help="interface language for this run")
    parser.add_argument("--theme", choices=("light", "contrast", "projector"), help="theme for this run")
    parser.add_argument("--exit-after-first-paint", action="store_true",
                        help="open the main window, wait for its first paint, and exit 0 (for timing start-up)")
    parser.add_argument("--exit-when-usable", action="store_true",
                        help="start as usual and exit 0 as soon as the profile chooser (or the workspace opened with "
                             "files) accepts input with the database open (for timing start-up)")
    parser.add_argument("--selftest", action="store_true",
                        help="check this installation offscreen in a temporary folder (course, window, database) "
                             "and exit 0 when it works")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _app_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="validate a course pack and print every problem as file:line: message")
    check.add_argument("path", type=Path, help="the course pack folder (with course.yaml)")
    check.add_argument("--json", action="store_true", help="print problems and summary as JSON")

    render = commands.add_parser("render", help="print the sanitised HTML the reader shows for a lesson")
    render.add_argument("file", type=Path)

    profiles = commands.add_parser("profiles", help="list the learner profiles in the data folder")
    data_dir_option(profiles)
    profiles.add_argument("--json", action="store_true")
    profiles.add_argument("--reset-pin", metavar="NAME",
                          help="remove the PIN of this profile (it was forgotten); a new one is set in the app")

    add_pack = commands.add_parser("add-pack", help="add or update a course pack from a folder or a zip file")
    add_pack.add_argument("source", type=Path)
    data_dir_option(add_pack)

    questions = commands.add_parser("import-questions", help="import a GIFT or Moodle XML question bank")
    questions.add_argument("file", type=Path)
    questions.add_argument("--format", choices=("gift", "moodlexml"), dest="fmt")
    questions.add_argument("--dry-run", action="store_true", help="only show what would be imported")
    questions.add_argument("--json", action="store_true", help="print the parsed questions and problems as JSON")
    questions.add_argument("-o", "--output", type=Path, help="write a course-pack quiz file (*.quiz.yaml)")

    export_questions = commands.add_parser("export-questions", help="export a course quiz to Moodle's GIFT format")
    export_questions.add_argument("pack", type=Path, help="the course pack folder (with course.yaml)")
    export_questions.add_argument("--quiz", required=True, help="the quiz id")
    export_questions.add_argument("-o", "--output", type=Path, help="the .gift file (default: <quiz id>.gift)")

    from etrainer import cli_consult, cli_doctor, cli_export, cli_feedback, cli_lrs, cli_memo, cli_workspace

    cli_export.register(commands)
    cli_feedback.register(commands)
    cli_workspace.register(commands)
    cli_memo.register(commands)
    cli_doctor.register(commands)
    cli_consult.register(commands)
    cli_lrs.register(commands)
    return parser



PROGRESS_SUFFIX = ".etprogress"
FEEDBACK_SUFFIX = ".etfeedback"


def _split_opened_files(argv: Sequence[str], commands: set[str]) -> tuple[list[str], list[str]]:
    """Progress files and methodist's replies given as plain arguments to the app itself (a double-click on a
    `.etprogress` or `.etfeedback` file runs `etrainer FILE`), apart from the rest; a command line with a
    subcommand is left whole."""
    if any(arg in commands for arg in argv):
        return [], list(argv)
    files = [arg for arg in argv
             if arg.lower().endswith((PROGRESS_SUFFIX, FEEDBACK_SUFFIX)) and not arg.startswith("-")]
    return files, [arg for arg in argv if arg not in files]


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not {"-h", "--help"} & set(arguments):
        # Starting the window is the common case: parse its options without building (and importing)
        # every subcommand's parser. Anything left over (a subcommand and its options) takes the full path.
        opened = [arg for arg in arguments if arg.lower().endswith(PROGRESS_SUFFIX) and not arg.startswith("-")]
        args, extras = _app_parser().parse_known_args([arg for arg in arguments if arg not in opened])
        if not extras:
            args.command = None
            args.open = [Path(f) for f in opened]
            return _run_app(args)
    parser = build_parser()
    commands = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    opened, rest = _split_opened_files(arguments, set(commands.choices))
    args = parser.parse_args(rest)
    args.open = [Path(f) for f in opened]
    handlers = {None: _run_app, "check": _check, "render": _render, "profiles": _profiles,
                "add-pack": _add_pack, "import-questions": _import_questions, "export-questions": _export_questions,
                "export-progress": _exchange, "demo-data": _exchange, "workspace": _workspace,
                "memo": _memo, "doctor": _doctor, "backup": _doctor, "open-feedback": _open_feedback,
                "consult": _consult, "lrs": _lrs}
    from etrainer.cli_lock import FolderBusyExit
    from etrainer.core.errors import EtrainerError

    try:
        return handlers[args.command](args)
    except FolderBusyExit as busy:
        return busy.code
    except EtrainerError as error:  # e.g. the database is locked, read-only, missing or not eTrainer's
        print(f"etrainer: {error}", file=sys.stderr)
        return 1


def _doctor(args: argparse.Namespace) -> int:
    from etrainer import cli_doctor

    return cli_doctor.run(args)


def _exchange(args: argparse.Namespace) -> int:
    from etrainer import cli_export

    return cli_export.run(args)


def _memo(args: argparse.Namespace) -> int:
    from etrainer import cli_memo

    return cli_memo.run(args)


def _open_feedback(args: argparse.Namespace) -> int:
    from etrainer import cli_feedback

    return cli_feedback.run(args)


def _consult(args: argparse.Namespace) -> int:
    from etrainer import cli_consult

    return cli_consult.run(args)


def _lrs(args: argparse.Namespace) -> int:
    from etrainer import cli_lrs

    return cli_lrs.run(args)


def _workspace(args: argparse.Namespace) -> int:
    from etrainer import cli_workspace

    return cli_workspace.run(args)


def _run_app(args: argparse.Namespace) -> int:
    if args.selftest:
        from etrainer.selftest import run_selftest

        return run_selftest()
    from etrainer.app import run

    return run(args)


def _check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from etrainer.core.course.model import summarize_pack
    from etrainer.core.course.pack import load_pack
    from etrainer.core.errors import EtrainerError

    out = out or sys.stdout
    try:
        result = load_pack(args.path)
    except EtrainerError as error:
        if args.json:
            print(json.dumps({"problems": [{"file": str(args.path), "line": 0, "message": str(error),
                                            "severity": "error"}], "summary": None}, ensure_ascii=False), file=out)
        else:
            print(f"{args.path}:0: {error}", file=out)
        return 1
    summary = summarize_pack(result.course)
    problems = [_with_prefix(p, args.path) for p in (*result.problems, *_kit_and_typography(result.course))]
    if args.json:
        doc = {"course": {"id": result.course.id, "title": result.course.title, "version": result.course.version},
               "problems": [p.as_json() for p in problems], "summary": summary.as_json()}
        print(json.dumps(doc, ensure_ascii=False, indent=2), file=out)
    else:
        for problem in problems:
            print(problem.format(), file=out)
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(summary.questions_by_type.items()))
        print(f"\n{result.course.title} ({result.course.id} {result.course.version})", file=out)
        print(f"{summary.modules} modules, {summary.lessons} lessons, {summary.quizzes} quizzes with "
              f"{summary.questions} questions" + (f" ({kinds})" if kinds else "") +
              f", {summary.scenarios} scenarios, {summary.memos} memos, {summary.glossary_terms} glossary terms",
              file=out)
        print(f"{len(problems)} problem(s)" if problems else "no problems", file=out)
    return 1 if problems else 0


def _kit_and_typography(course):  # type: ignore[no-untyped-def]
    """Problems of the printable kit (kit/kit.yaml), of the consultation list (consultations.yaml) and
    typography warnings (docs/authoring.md)."""
    from etrainer.core.consultation.catalog import check_catalog
    from etrainer.core.course.kit import load_kit
    from etrainer.core.course.typography import check_pack

    _, kit_problems = load_kit(course.root, (module.id for module in course.modules))
    return [*kit_problems, *check_catalog(course), *check_pack(course.root)]


def _with_prefix(problem, root: Path):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    path = Path(problem.path)
    return problem if path.is_absolute() else replace(problem, path=(root / path).as_posix())


def _render(args: argparse.Namespace) -> int:
    from etrainer.core.course.reader import LessonFileUnreadable, render_file
    from etrainer.core.errors import EtrainerError

    try:
        rendered = render_file(args.file)
    except LessonFileUnreadable as error:  # already `file:line: message`, as `etrainer check` prints it
        print(error, file=sys.stderr)
        return 1
    except EtrainerError as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    sys.stdout.write(rendered.html + "\n")
    for problem in rendered.problems:
        print(f"{args.file}: {problem}", file=sys.stderr)
    return 0


def _profiles(args: argparse.Namespace) -> int:
    if args.reset_pin:
        from etrainer.cli_lock import data_folder_for_writing

        with data_folder_for_writing(args.data_dir, "profiles --reset-pin") as folder:
            return _reset_pin(folder, args.reset_pin)
    from etrainer.services.facade import open_services

    services = open_services(args.data_dir, with_course=True)
    rows = services.profile_summaries()
    if args.json:
        print(json.dumps({"profiles": rows}, ensure_ascii=False, indent=2))
    elif not rows:
        print("no profiles")
    else:
        for row in rows:
            print(f"{row['name']}\t{row['branch']}\t{row['position']}\t{row['last_active'] or '-'}\t"
                  f"{row['completion']}%")
    return 0


def _reset_pin(folder: Path, name: str) -> int:
    from etrainer.services.facade import open_services

    services = open_services(folder)
    try:
        wanted = name.casefold()
        profile = next((p for p in services.profiles.list() if p.name.casefold() == wanted), None)
        if profile is None:
            print(f"etrainer profiles: no profile named “{name}”", file=sys.stderr)
            return 1
        services.profiles.set_pin(profile.id, None)
        print(f"The PIN of “{profile.name}” was removed; a new one can be set in the app: Profile → Edit my profile.")
        return 0
    finally:
        services.close()


def _add_pack(args: argparse.Namespace) -> int:
    from etrainer.cli_lock import data_folder_for_writing
    from etrainer.core.errors import EtrainerError
    from etrainer.exchange.course_pack import add_pack
    from etrainer.paths import packs_dir

    try:
        with data_folder_for_writing(getattr(args, "data_dir", None), "add-pack") as folder:
            added = add_pack(args.source, packs_dir(folder))
    except EtrainerError as error:
        print(f"{args.source}: {error}", file=sys.stderr)
        return 1
    verb = "updated" if added.replaced else "added"
    print(f"{verb}: {added.info.title} ({added.info.course_id} {added.info.version}), "
          f"{len(added.result.problems)} problem(s)")
    for problem in added.result.problems:
        print(problem.format())
    return 0


def _import_questions(args: argparse.Namespace) -> int:
    from etrainer.exchange.question_json import run_import_questions

    return run_import_questions(args.file, args.fmt, args.dry_run, args.json, args.output, sys.stdout)


def _export_questions(args: argparse.Namespace) -> int:
    from etrainer.core.course.pack import load_pack
    from etrainer.core.errors import EtrainerError
    from etrainer.exchange.gift import export_gift, unexportable
    from etrainer.exchange.question_json import write_text_atomically

    try:
        course = load_pack(args.pack).course
    except EtrainerError as error:
        print(f"{args.pack}: {error}", file=sys.stderr)
        return 2
    quiz = course.quiz(args.quiz)
    if quiz is None:
        known = ", ".join(q.id for q in course.quizzes) or "none"
        print(f"{args.pack}: no quiz “{args.quiz}” (quizzes: {known})", file=sys.stderr)
        return 2
    target = args.output or Path(f"{quiz.id}.gift")
    try:
        write_text_atomically(target, export_gift(quiz.questions))
    except OSError as error:
        print(f"{target}: {error.strerror or error}", file=sys.stderr)
        return 2
    skipped = [q for q in quiz.questions if unexportable(q)]
    print(f"Wrote {len(quiz.questions) - len(skipped)} question(s) to {target}")
    for question in skipped:
        print(f"not exported: {question.id}: {unexportable(question)}")
    return 0
