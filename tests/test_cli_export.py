"""`etrainer export-progress` and `etrainer demo-data`, run with argv like the command line does."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from etrainer.cli_export import main, register, run
from etrainer.core.progress.file import read_progress_file


def call(*argv: str) -> tuple[int, str, str]:
    import argparse

    parser = argparse.ArgumentParser(prog="etrainer")
    register(parser.add_subparsers(dest="command", required=True))
    out, err = io.StringIO(), io.StringIO()
    status = run(parser.parse_args(list(argv)), out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A data folder with two demo learners; their names."""
    folder = tmp_path_factory.mktemp("data")
    status, out, err = call("demo-data", "--data-dir", str(folder), "--learners", "2", "--seed", "4")
    assert status == 0, err
    lines = out.strip().splitlines()
    assert lines[-1] == "2 demo learner(s) created"
    return folder, [line.split("\t")[0] for line in lines[:-1]]


def test_demo_data_prints_what_it_made(data: tuple[Path, list[str]]) -> None:
    assert len(data[1]) == 2 and all(" " in name for name in data[1])


def test_export_progress_finds_the_profile_in_any_case(data: tuple[Path, list[str]], tmp_path: Path) -> None:
    folder, names = data
    target = tmp_path / "p.etprogress"
    status, out, _ = call("export-progress", "--data-dir", str(folder), "--profile", names[0].upper(),
                          "--format", "progress", "-o", str(target))
    assert status == 0 and str(target) in out
    assert read_progress_file(target).learner.name == names[0]


@pytest.mark.parametrize("fmt", ["xapi", "csv", "xlsx"])
def test_other_formats(data: tuple[Path, list[str]], tmp_path: Path, fmt: str) -> None:
    folder, names = data
    target = tmp_path / f"out.{fmt}"
    status, _, err = call("export-progress", "--data-dir", str(folder), "--profile", names[1], "--format", fmt,
                          "-o", str(target))
    assert status == 0, err
    if fmt == "xapi":
        assert all(s["actor"]["name"] == names[1] for s in json.loads(target.read_text(encoding="utf-8")))
    elif fmt == "csv":
        assert names[1] in target.read_text(encoding="utf-8-sig")
    else:
        assert load_workbook(target)["Підсумок"]["B2"].value == names[1]


def test_an_unknown_profile_is_a_clear_error(data: tuple[Path, list[str]], tmp_path: Path) -> None:
    status, out, err = call("export-progress", "--data-dir", str(data[0]), "--profile", "Ніхто Ніхтович",
                            "--format", "progress", "-o", str(tmp_path / "x.etprogress"))
    assert status == 1 and out == "" and "No profile is named “Ніхто Ніхтович”" in err
    assert not (tmp_path / "x.etprogress").exists()


def test_an_unfinished_course_has_no_certificate(data: tuple[Path, list[str]], tmp_path: Path) -> None:
    status, _, err = call("export-progress", "--data-dir", str(data[0]), "--profile", data[1][0],
                          "--format", "certificate", "-o", str(tmp_path / "c.pdf"))
    assert status == 1 and "has not completed the course yet" in err


def test_bad_learner_counts_are_refused(tmp_path: Path) -> None:
    status, _, err = call("demo-data", "--data-dir", str(tmp_path), "--learners", "0")
    assert status == 1 and "--learners" in err


def test_pdf_report_in_a_child_process(data: tuple[Path, list[str]], tmp_path: Path) -> None:
    """The PDF export loads Qt, so it runs in its own process (this one stays Qt-free)."""
    target = tmp_path / "report.pdf"
    code = "import sys; from etrainer.cli_export import main; sys.exit(main(sys.argv[1:]))"
    result = subprocess.run([sys.executable, "-c", code, "export-progress", "--data-dir", str(data[0]),
                             "--profile", data[1][0], "--format", "pdf", "-o", str(target)],
                            capture_output=True, text=True, timeout=120,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")


def test_main_parses_its_own_arguments() -> None:
    with pytest.raises(SystemExit):
        main(["export-progress", "--format", "progress"])  # --profile and -o are required
