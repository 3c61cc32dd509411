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


def test_the_printable_kit_and_one_document_of_it(tmp_path: Path) -> None:
    listed = memo("--kit", "--list", "--course", bundled_course_dir())
    assert listed.returncode == 0, listed.stderr
    ids = [line.split("\t")[0] for line in listed.stdout.splitlines()]
    assert len(ids) == 7 and "consultation-log" in ids and "lecture-slides" in ids
    out = tmp_path / "kit.pdf"
    done = memo("--kit", "-o", out, "--course", bundled_course_dir())
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"The printable kit: {pages(out)} page(s) written to {out}"
    one = tmp_path / "log.pdf"
    done = memo("--kit-doc", "consultation-log", "-o", one, "--course", bundled_course_dir())
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"The kit document consultation-log: 1 page(s) written to {one}"
    assert pages(one) == 1 < pages(out)


@pytest.mark.parametrize(("args", "status", "sentence"), [
    (["--kit", "-o", "kit.pdf"], 1, "The course has no printable kit (kit/kit.yaml in the course folder)."),
    (["--kit", "--list"], 1, "The course has no printable kit (kit/kit.yaml in the course folder)."),
    (["--kit"], 2, "Give the PDF file to write with -o OUT.pdf."),
    (["--all", "--list"], 2, "--list goes with --kit: etrainer memo --kit --list"),
])
def test_kit_refusals_are_one_clear_sentence(tmp_path: Path, args: list[str], status: int, sentence: str) -> None:
    done = memo(*[str(tmp_path / arg) if arg.endswith(".pdf") else arg for arg in args], "--course", GOOD_PACK)
    assert (done.returncode, done.stderr.strip(), done.stdout) == (status, sentence, "")
    assert not list(tmp_path.iterdir())


def test_an_unknown_kit_document_names_the_known_ones(tmp_path: Path) -> None:
    done = memo("--kit-doc", "nope", "-o", tmp_path / "x.pdf", "--course", bundled_course_dir())
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("The printable kit has no document “nope”. Document ids: consultation-log, ")
    assert not list(tmp_path.iterdir())
