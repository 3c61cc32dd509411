"""`etrainer render FILE.md`: the HTML on stdout, or one `file:line: message` line and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.special_files import finishes, needs_posix, special_files

from etrainer.cli import main

LESSON = "---\nid: first\ntitle: Перший урок\nminutes: 5\n---\n# Привіт\n\nЦе «урок».\n"


def test_a_lesson_is_rendered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lesson.md"
    path.write_text(LESSON, encoding="utf-8")
    assert main(["render", str(path)]) == 0
    assert "Це «урок»." in capsys.readouterr().out


@pytest.mark.parametrize(("encoding", "line"), [("cp1251", 3), ("utf-16", 1)])
def test_a_file_not_in_utf8_is_what_check_says_of_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      encoding: str, line: int) -> None:
    from etrainer.core.course.context import PackContext
    from etrainer.core.course.lessons import read_text

    path = tmp_path / "lesson.md"
    path.write_bytes(LESSON.encode(encoding))  # utf-16 carries its BOM
    assert main(["render", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    ctx = PackContext(tmp_path)
    assert read_text(path, ctx) is None  # the loader's (and so `etrainer check`'s) words for the file
    assert captured.err == f"{path}:{line}: {ctx.problems[0].message}\n"
    assert ctx.problems[0].message == "the file is not UTF-8 text (save it as UTF-8)"


@needs_posix
def test_a_fifo_or_a_link_to_dev_zero_is_not_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for path in special_files(tmp_path, ".md"):
        assert finishes(lambda path=path: main(["render", str(path)]), path) == 1
        assert capsys.readouterr().err == f"{path}:0: the file cannot be read: it is not a file\n"


@needs_posix
def test_the_loader_refuses_a_special_file_as_a_problem(tmp_path: Path) -> None:
    from etrainer.core.course.context import PackContext
    from etrainer.core.course.lessons import read_text

    for path in special_files(tmp_path, ".md"):
        ctx = PackContext(tmp_path)
        assert finishes(lambda path=path, ctx=ctx: read_text(path, ctx), path) is None
        assert [(p.line, p.message) for p in ctx.problems] == [(0, "the file cannot be read: it is not a file")]
