"""The start-up path: the documented timing flags, and nothing before the first paint that a bare window
does not pay for (see FIRST_PAINT_NOTE in src/etrainer/ui/theme.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from etrainer.prefs import Prefs

PROBE = """
import sys
import PySide6.QtCore as QtCore
from etrainer.cli import main
code = main(sys.argv[1:])
print(code, "Qt" in vars(QtCore), "sqlalchemy" in sys.modules, "etrainer.cli_workspace" in sys.modules,
      "etrainer.core.progress.completion" in sys.modules)
"""


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", PROBE, "--data-dir", str(tmp_path / "data"), *args],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


def test_the_first_paint_creates_no_qt_namespace_enums_and_opens_no_database(tmp_path: Path) -> None:
    result = _run(["--exit-after-first-paint"], tmp_path)
    assert result.returncode == 0, result.stderr
    # exit code 0; the Qt namespace (≈50 ms of enums) untouched; SQLAlchemy and the subcommands not imported; nor
    # a learner's completion (no learner is chosen before the first paint)
    assert result.stdout.split() == ["0", "False", "False", "False", "False"], result.stdout + result.stderr


def test_exit_when_usable_returns_once_the_profile_chooser_is_up_with_the_database_open(tmp_path: Path) -> None:
    result = _run(["--exit-when-usable"], tmp_path)
    assert result.returncode == 0, result.stderr
    code, _qt, database_open, *_ = result.stdout.split()
    assert (code, database_open) == ("0", "True"), result.stdout + result.stderr
    assert (tmp_path / "data").is_dir()


def test_a_subcommand_still_takes_the_full_parser(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "etrainer", "profiles", "--data-dir", str(tmp_path / "d"), "--json"],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("{")
    help_text = subprocess.run([sys.executable, "-m", "etrainer", "--help"], capture_output=True, text=True,
                               env=env, timeout=60, check=True).stdout
    assert "workspace" in help_text and "--exit-when-usable" in help_text


USABLE_PROBE = """
import sys
import PySide6.QtCore as QtCore
from etrainer.cli import main
code = main(sys.argv[1:])
print(code, *(name for name in ("alembic", "openpyxl", "markdown", "etrainer.exchange.signing",
                                "etrainer.core.progress.document", "sqlalchemy.dialects.postgresql")
               if name in sys.modules),
      *(["Qt-namespace-enums"] if "Qt" in vars(QtCore) else []))
"""


def test_the_profile_chooser_waits_for_no_exports_replies_markdown_or_alembic(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-c", USABLE_PROBE, "--data-dir", str(tmp_path / "data"), "--exit-when-usable"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert first.returncode == 0, first.stderr  # the first start creates the database (Alembic runs then)
    prefs = Prefs.load(tmp_path / "data")
    prefs.role, prefs.extra["welcome_seen"] = "librarian", True  # the next start opens the profile chooser
    prefs.save(tmp_path / "data")
    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    # a database at the newest schema: no Alembic; exports, replies and the lesson renderer come on first use;
    # the chooser creates no Qt-namespace enums either (FIRST_PAINT_NOTE); nothing names a PostgreSQL option in
    # the learner's models (SQLAlchemy would load that whole dialect to check it)
    assert again.stdout.split() == ["0"], again.stdout + again.stderr
