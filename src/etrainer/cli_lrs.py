"""`etrainer lrs push`: send a learner's progress to a Learning Record Store (wired into cli.py by `register`
and `run`).

    etrainer lrs push [--data-dir D] --profile NAME --endpoint URL --user U
        the password comes from ETRAINER_LRS_PASSWORD (never from the command line, where others can see it)

It queues the learner's settled xAPI statements in her database and sends what waits (services.lrs). It prints
one line, `sent N, already there N, failed N`, and exits 0 when nothing failed; otherwise 1 with one sentence on
stderr (an unknown profile, no password, an address that is not http(s), an LRS that does not answer or that
refuses the user). No Qt is imported.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, TextIO

from etrainer.cli_options import data_dir_option

LRS_COMMAND = "lrs"
PASSWORD_VARIABLE = "ETRAINER_LRS_PASSWORD"


def register(commands: Any) -> None:
    """Add `lrs push` to the `etrainer` sub-command parsers."""
    lrs = commands.add_parser(LRS_COMMAND, help="send progress to an xAPI learning record store (LRS)")
    actions = lrs.add_subparsers(dest="lrs_command", metavar="ACTION", required=True)
    push = actions.add_parser("push", help="queue a learner's xAPI statements and send them to an LRS "
                              f"(the password from ${PASSWORD_VARIABLE})")
    data_dir_option(push)
    push.add_argument("--profile", required=True, metavar="NAME", help="the learner's profile name (any case)")
    push.add_argument("--endpoint", required=True, metavar="URL", help="the LRS's xAPI address (…/xAPI/)")
    push.add_argument("--user", required=True, metavar="U", help="the LRS user (HTTP Basic authentication)")


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run `etrainer lrs push`; returns the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    from etrainer.cli_lock import FolderBusyExit, data_folder_for_writing
    from etrainer.core.errors import EtrainerError

    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        print(f"Set the LRS password in the environment variable {PASSWORD_VARIABLE} first.", file=err)
        return 1
    try:
        with data_folder_for_writing(getattr(args, "data_dir", None), "lrs push", err):
            return _push(args, password, out, err)
    except FolderBusyExit as busy:
        return busy.code
    except EtrainerError as error:
        print(str(error), file=err)
        return 1


def _push(args: argparse.Namespace, password: str, out: TextIO, err: TextIO) -> int:
    from etrainer.core.learner.profiles import name_key
    from etrainer.exchange.lrs import normalize_endpoint
    from etrainer.services.facade import open_services
    from etrainer.services.lrs import LrsService

    endpoint = normalize_endpoint(args.endpoint)  # a bad address is refused before the data folder is opened
    services = open_services(getattr(args, "data_dir", None), with_course=True)
    try:
        if services.course is None:
            print("No course was found: add a course pack first (etrainer add-pack PATH).", file=err)
            return 1
        wanted = name_key(args.profile)
        profile = next((p for p in services.profiles.list() if name_key(p.name) == wanted), None)
        if profile is None:
            print(f"No profile is named “{args.profile}”. See the names with: etrainer profiles", file=err)
            return 1
        result = LrsService(services.database.sessions, services.settings).push(
            profile.id, services.course, endpoint, args.user, password)
    finally:
        services.close()
    print(f"sent {result.sent}, already there {result.already}, failed {result.failed}", file=out)
    if result.error is not None:
        print(f"{result.error} {result.failed} statement(s) stay queued.", file=err)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """This command alone (for tests)."""
    parser = argparse.ArgumentParser(prog="etrainer")
    register(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(argv))
