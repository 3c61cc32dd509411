"""installer/launcher.py: the bundle's entry point survives a missing console (no Qt)."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("launcher", ROOT / "installer" / "launcher.py")
assert _spec is not None and _spec.loader is not None
launcher = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(launcher)


def test_missing_streams_become_writable(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    launcher._prepare_streams()
    try:
        print("Е-тренер", file=sys.stdout)
        print("Е-тренер", file=sys.stderr)
    finally:
        sys.stdout.close()
        sys.stderr.close()


def test_existing_streams_are_kept(monkeypatch):
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    launcher._prepare_streams()
    assert sys.stdout is out and sys.stderr is err


def test_main_runs_the_command_line(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["etrainer", "--version"])
    try:
        launcher.main()
    except SystemExit as done:
        assert done.code == 0
    assert capsys.readouterr().out.startswith("etrainer ")
