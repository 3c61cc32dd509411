"""`tags:` in course.yaml gives lesson tags their titles; the loader checks the map."""

from __future__ import annotations

import shutil
from pathlib import Path

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir

GOOD = Path(__file__).parents[2] / "data" / "packs" / "good"


def _pack(tmp_path: Path, extra: str) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(GOOD, root)
    with (root / "course.yaml").open("a", encoding="utf-8") as out:
        out.write(extra)
    return root


def test_every_tag_of_the_bundled_course_has_a_ukrainian_title():
    result = load_pack(bundled_course_dir())
    course = result.course
    used = {tag for lesson in course.lessons() for tag in lesson.tags}
    assert used and used <= set(course.tags)
    assert course.tag_title("world-cafe") == "«Світове кафе»" and course.tag_title("qtsp") != "qtsp"
    assert not [p for p in result.problems if "tag" in p.message]


def test_a_missing_title_and_an_unused_one_are_warned_about(tmp_path):
    result = load_pack(_pack(tmp_path, "tags:\n  nobody-uses-it: Ніхто\n"))
    messages = [p.message for p in result.problems]
    assert "the tag “law” has no title under `tags:`" in messages  # the good pack's only lesson tag
    assert "no lesson has the tag “nobody-uses-it”" in messages
    assert result.course.tag_title("law") == "law"  # shown as written


def test_a_title_is_used(tmp_path):
    result = load_pack(_pack(tmp_path, "tags:\n  law: Законодавство\n"))
    assert result.course.tag_title("law") == "Законодавство"
    assert not [p for p in result.problems if "tag" in p.message]


def test_tags_that_are_not_a_map_are_a_problem_naming_the_line(tmp_path):
    result = load_pack(_pack(tmp_path, "tags: [a, b]\n"))
    problem = next(p for p in result.problems if "`tags:`" in p.message)
    assert problem.path.endswith("course.yaml") and problem.line > 1 and result.course.tags == {}
