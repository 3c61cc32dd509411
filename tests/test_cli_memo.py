"""`etrainer memo`: one memo, the booklet, the course-wide memo, and the clear refusals.

Run in a child process (`python -m etrainer.cli_memo`, the same `register`/`run` the lead wires into
cli.py) so that this test process never imports Qt.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etrainer import cli_memo
from etrainer.paths import bundled_course_dir

GOOD_PACK = Path(__file__).parent / "data" / "packs" / "good"
ENV = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}


def memo(*args: str | Path, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(ENV, ETRAINER_DATA_DIR=str(data)) if data else ENV
    return subprocess.run([sys.executable, "-m", "etrainer.cli_memo", "memo", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=300)


def pages(pdf: Path) -> int:
    if not shutil.which("pdfinfo"):
        pytest.skip("poppler-utils (pdfinfo) is not installed")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_register_adds_the_memo_command() -> None:
    parser = argparse.ArgumentParser(prog="etrainer")
    cli_memo.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["memo", "diia", "-o", "m.pdf"])
    assert (args.command, args.module, args.output, args.all_memos) == ("memo", "diia", Path("m.pdf"), False)
    assert parser.parse_args(["memo", "--all", "-o", "b.pdf"]).all_memos
    with pytest.raises(SystemExit):
        parser.parse_args(["memo", "diia", "--all", "-o", "b.pdf"])


def test_a_module_memo_from_a_given_course(tmp_path: Path) -> None:
    out = tmp_path / "memo.pdf"
    done = memo("admin-services", "-o", out, "--course", bundled_course_dir())
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"The memo of admin-services: {pages(out)} page(s) written to {out}"
    assert 1 <= pages(out) <= 2


def test_the_booklet_from_the_installed_course(tmp_path: Path) -> None:
    out = tmp_path / "booklet.pdf"
    done = memo("--all", "-o", out, data=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    assert pages(out) >= 9 and f"{pages(out)} page(s)" in done.stdout


def test_the_course_wide_memo(tmp_path: Path) -> None:
    out = tmp_path / "course.pdf"
    assert memo("--course-wide", "-o", out, "--course", bundled_course_dir()).returncode == 0
    assert pages(out) in (1, 2)


@pytest.mark.parametrize(("args", "sentence"), [
    (["nope"], "The course has no module “nope”. Module ids: basics, more."),
    (["more"], "The module “more” has no memo (a memo.md file in its folder)."),
    (["--course-wide"], "The course has no course-wide memo (memo.md beside course.yaml)."),
])
def test_refusals_are_one_clear_sentence(tmp_path: Path, args: list[str], sentence: str) -> None:
    out = tmp_path / "memo.pdf"
    done = memo(*args, "-o", out, "--course", GOOD_PACK)
    assert done.returncode == 1
    assert done.stderr.strip() == sentence and done.stdout == ""
    assert not out.exists() and not list(tmp_path.iterdir())


def test_a_folder_as_output_is_refused(tmp_path: Path) -> None:
    done = memo("basics", "-o", tmp_path, "--course", GOOD_PACK)
    assert done.returncode == 1 and "is a folder" in done.stderr


def test_a_course_folder_that_is_not_a_pack_is_refused(tmp_path: Path) -> None:
    done = memo("basics", "-o", tmp_path / "m.pdf", "--course", tmp_path)
    assert done.returncode == 1 and "course.yaml" in done.stderr and "Traceback" not in done.stderr
