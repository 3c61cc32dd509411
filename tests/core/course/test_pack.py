"""The course pack loader: what loads, and every problem with its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etrainer.core.course.model import summarize_pack
from etrainer.core.course.pack import load_pack
from etrainer.core.errors import CoursePackNotFound, Severity

PACKS = Path(__file__).parents[2] / "data" / "packs"


def test_good_pack_loads_in_order_without_problems():
    result = load_pack(PACKS / "good")
    course = result.course
    assert result.problems == ()
    assert course.id == "test-course" and course.version == "1.0"
    assert [m.id for m in course.modules] == ["basics", "more"]
    assert [lesson.id for lesson in course.lessons()] == ["first-lesson", "second-lesson", "third-lesson"]
    first = course.lesson("first-lesson")
    assert first.minutes == 5 and first.objectives == ("знайти ЦНАП",) and first.tags == ("law",)
    assert first.body_line == 9 and first.body.startswith("Відвідувачка")
    assert course.modules[0].memo is not None and course.modules[0].memo.title == "Пам'ятка: основи"
    assert course.term("ЦНАП").id == "asc" and course.term("кваліфікований електронний підпис").id == "kep"


def test_neighbours_follow_course_order():
    course = load_pack(PACKS / "good").course
    before, after = course.neighbours("second-lesson")
    assert before.id == "first-lesson" and after.id == "third-lesson"
    assert course.neighbours("first-lesson")[0] is None
    assert course.neighbours("third-lesson")[1] is None


def test_summary_counts_everything():
    summary = summarize_pack(load_pack(PACKS / "good").course)
    assert (summary.modules, summary.lessons, summary.memos, summary.glossary_terms) == (2, 3, 1, 2)


EXPECTED_BROKEN = [
    ("course.yaml", 9, "module folder “03-missing” does not exist"),
    ("course.yaml", 8, "has no module.yaml"),
    ("01-mod/01-bad-yaml.md", 3, "bad YAML"),
    ("01-mod/02-no-id.md", 2, "missing id"),
    ("01-mod/04-dup.md", 2, "duplicate lesson id “good-one”"),
    ("01-mod/05-no-front.md", 1, "missing front matter"),
    ("01-mod/06-latin1.md", 5, "not UTF-8"),
    ("glossary.yaml", 5, "duplicate term id “kep”"),
    ("01-mod/03-good.md", 5, "unknown glossary term “unknown-term”"),
    ("01-mod/03-good.md", 6, "broken link to a lesson: “lesson:nowhere”"),
    ("01-mod/03-good.md", 7, "missing image “images/missing.png”"),
    ("01-mod/03-good.md", 8, "is not inside the course pack"),
    ("01-mod/03-good.md", 9, "link “javascript:alert(1)” is not allowed"),
]


@pytest.mark.parametrize(("path", "line", "fragment"), EXPECTED_BROKEN)
def test_broken_pack_reports_each_problem_with_its_line(path, line, fragment):
    problems = load_pack(PACKS / "broken").problems
    assert any(p.path == path and p.line == line and fragment in p.message for p in problems), \
        "\n".join(p.format() for p in problems)


def test_broken_pack_still_loads_the_valid_rest():
    result = load_pack(PACKS / "broken")
    assert [lesson.id for lesson in result.course.lessons()] == ["good-one"]
    assert result.course.lesson("good-one").title == "Добрий урок"
    assert all(p.severity is Severity.ERROR for p in result.errors)
    assert len(result.problems) == len(EXPECTED_BROKEN)


def test_missing_manifest_is_the_only_fatal_problem(tmp_path):
    with pytest.raises(CoursePackNotFound):
        load_pack(tmp_path)


def test_reordering_and_renaming_files_keeps_ids(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(PACKS / "good", pack)
    (pack / "01-basics" / "01-first.md").rename(pack / "01-basics" / "03-first-renamed.md")
    course = load_pack(pack).course
    assert [lesson.id for lesson in course.modules[0].lessons] == ["second-lesson", "first-lesson"]
    assert course.lesson("first-lesson").title == "Перший урок"


def test_huge_lesson_is_refused_with_a_problem(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(PACKS / "good", pack)
    (pack / "02-more" / "02-huge.md").write_text("---\nid: huge\ntitle: x\n---\n" + "а" * 600_000, encoding="utf-8")
    result = load_pack(pack)
    assert result.course.lesson("huge") is None
    assert any(p.path == "02-more/02-huge.md" and "too large" in p.message for p in result.problems)


def test_yaml_bombs_and_python_tags_are_not_executed(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(PACKS / "good", pack)
    (pack / "02-more" / "02-evil.md").write_text(
        "---\nid: evil\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\nx\n", encoding="utf-8")
    result = load_pack(pack)
    assert result.course.lesson("evil") is None
    assert any(p.path == "02-more/02-evil.md" and p.line == 3 for p in result.problems)


def test_a_memo_beside_course_yaml_is_the_course_memo(tmp_path):
    root = tmp_path / "pack"
    shutil.copytree(PACKS / "good", root)
    assert load_pack(root).course.memo is None
    (root / "memo.md").write_text("# Пам'ятка курсу\n\nКроки й правила.\n", encoding="utf-8")
    result = load_pack(root)
    assert result.course.memo is not None and result.course.memo.module_id is None
    assert result.course.memo.title == "Пам'ятка курсу"
    assert summarize_pack(result.course).memos == 2


def test_aliases_in_lesson_front_matter_are_a_problem_on_their_line_and_the_rest_loads(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(PACKS / "good", pack)
    lesson = pack / "01-basics" / "02-second.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("minutes: 7", "minutes: &m 7\ntags: [*m]"),
                      encoding="utf-8")
    result = load_pack(pack)
    assert [p.format() for p in result.problems if p.path.endswith("02-second.md")] == [
        "01-basics/02-second.md:4: YAML anchors and aliases (&name, *name) are not allowed in course files: "
        "write the value out in full"]
    assert [lesson.id for lesson in result.course.lessons()] == ["first-lesson", "third-lesson"]


def test_the_billion_laughs_manifest_is_one_problem_on_its_line():
    bomb = PACKS.parent / "bombs" / "billion-laughs"
    result = load_pack(bomb)
    assert result.problems[0].format().startswith("course.yaml:8: YAML anchors and aliases")


def test_names_the_system_cannot_hold_are_problems_not_crashes(tmp_path):
    """Found by fuzzing: a module folder name over 255 bytes made is_dir() raise OSError (ENAMETOOLONG);
    the same held for the glossary name, lesson links and pictures, and quiz pictures (a NUL: ValueError)."""
    pack = tmp_path / "pack"
    shutil.copytree(PACKS / "good", pack)
    long = "x" * 300
    manifest = pack / "course.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("modules:\n", f"modules:\n  - {long}\n").replace(
        "glossary: glossary.yaml", f"glossary: {long}.yaml"), encoding="utf-8")
    lesson = pack / "02-more" / "01-third.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + f"\n![схема]({long}.png) [далі]({long}.md)\n",
                      encoding="utf-8")
    (pack / "02-more" / "pics.quiz.yaml").write_text(
        "id: pics\ntitle: Картинки\nquestions:\n"
        f"  - id: q1\n    type: hotspot\n    text: Де?\n    image: {long}.png\n"
        "    regions:\n      - rect: {x: 1, y: 1, w: 5, h: 5}\n"
        '  - id: q2\n    type: hotspot\n    text: Де?\n    image: "a\\0b.png"\n'
        "    regions:\n      - rect: {x: 1, y: 1, w: 5, h: 5}\n",
        encoding="utf-8")
    result = load_pack(pack)
    messages = [p.format() for p in result.problems]
    assert any(m.startswith("course.yaml:") and f"module folder “{long}” does not exist" in m for m in messages)
    assert any("glossary file is missing" in m for m in messages)
    assert any(m.startswith("02-more/01-third.md:") and "missing image" in m for m in messages)
    assert any(m.startswith("02-more/01-third.md:") and "broken link" in m for m in messages)
    assert sum(m.startswith("02-more/pics.quiz.yaml:") and "does not exist" in m for m in messages) == 2
