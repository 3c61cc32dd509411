"""`etrainer check`: typography warnings and printable-kit problems are printed as `file:line: message`;
`check` and `add-pack`, run as the real command, refuse a YAML bomb at once with `file:line` (the timeout only
stops a hanging run; it is not a speed assertion)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etrainer import cli

GOOD_PACK = Path(__file__).parent / "data" / "packs" / "good"


def check(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    status = cli.main(["check", str(path), *extra])
    return status, capsys.readouterr().out


def test_typography_warnings_name_the_file_the_line_and_the_fix(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(GOOD_PACK, pack)
    lesson = pack / "01-basics" / "02-second.md"
    lines = lesson.read_text(encoding="utf-8").splitlines()
    lesson.write_text("\n".join([*lines, "", "Консультація триває 15 хв - не більше."]) + "\n", encoding="utf-8")
    status, out = check(pack, capsys)
    last = len(lines) + 2
    assert status == 1
    assert f"{pack.as_posix()}/01-basics/02-second.md:{last}: warning: typography (unit): «15 хв»" in out
    assert f"{pack.as_posix()}/01-basics/02-second.md:{last}: warning: typography (dash)" in out
    assert f"{pack.as_posix()}/01-basics/02-second.md:8: warning: typography (apostrophe)" in out
    status, out = check(pack, capsys, "--json")
    problems = json.loads(out)["problems"]
    assert {(p["line"], p["severity"]) for p in problems if p["file"].endswith("02-second.md")} == \
        {(8, "warning"), (last, "warning")}


def test_a_pack_with_correct_typography_has_no_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(GOOD_PACK, pack)
    for path in pack.rglob("*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("'", "ʼ"), encoding="utf-8")
    status, out = check(pack, capsys)
    assert "typography" not in out
    assert (status, out.strip().splitlines()[-1]) == (0, "no problems")


BOMB = Path(__file__).parent / "data" / "bombs" / "billion-laughs"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "etrainer", *args], capture_output=True, text=True, env=env,
                          timeout=60)


def test_check_refuses_the_billion_laughs_course_file_with_its_line():
    done = run_cli("check", str(BOMB))
    assert done.returncode == 1
    first = done.stdout.splitlines()[0]
    assert first == (f"{(BOMB / 'course.yaml').as_posix()}:8: YAML anchors and aliases (&name, *name) are not "
                     "allowed in course files: write the value out in full")
    assert "Traceback" not in done.stderr


def test_add_pack_refuses_the_billion_laughs_course_file_and_adds_nothing(tmp_path):
    done = run_cli("add-pack", str(BOMB), "--data-dir", str(tmp_path))
    assert done.returncode == 1
    assert f"{BOMB / 'course.yaml'}:8: YAML anchors and aliases" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert list((tmp_path / "packs").iterdir()) == []
