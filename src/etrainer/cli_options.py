"""Options several `etrainer` subcommands share, defined once (argparse only: imported by the command line
before anything heavy)."""

from __future__ import annotations

import argparse


def data_dir_option(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    """`--data-dir DIR`; SUPPRESS by default, so a subcommand's option does not hide the app-level one."""
    parser.add_argument("--data-dir", metavar="DIR", default=default,
                        help="the data folder (default: $ETRAINER_DATA_DIR or the per-user data folder)")
