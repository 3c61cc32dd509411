"""The printable kit in the course pack: kit/kit.yaml and its markdown files, and the problems of a broken kit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etrainer import cli
from etrainer.core.course.kit import Orientation, load_kit
from etrainer.core.course.pack import load_pack
from etrainer.core.errors import Severity
from etrainer.paths import bundled_course_dir

GOOD_PACK = Path(__file__).parents[2] / "data" / "packs" / "good"
KIT = """title: Комплект
documents:
  - id: log
    title: Журнал
    file: log.md
  - id: deck
    title: Слайди
    slides: basics
    per_page: 2
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(GOOD_PACK, root)
    (root / "kit").mkdir()
    (root / "kit" / "kit.yaml").write_text(KIT, encoding="utf-8")
    (root / "kit" / "log.md").write_text("| Дата | Послуга |\n|---|---|\n| | |\n", encoding="utf-8")
    return root


def test_the_bundled_kit_has_seven_documents_and_no_problem() -> None:
    course = load_pack(bundled_course_dir()).course
    kit, problems = load_kit(course.root, [module.id for module in course.modules])
    assert problems == [] and kit is not None
    assert [d.id for d in kit.documents] == ["consultation-log", "public-pc-rules", "asc-referral",
                                            "training-evaluation", "staff-self-assessment", "world-cafe-harvest",
                                            "lecture-slides"]
    deck = kit.document("lecture-slides")
    assert deck is not None and deck.slides_module == course.modules[0].id and deck.is_slides
    assert all(d.path is not None and d.body.strip() for d in kit.documents if not d.is_slides)


def test_the_consultation_log_is_anonymous_and_says_so() -> None:
    kit, _ = load_kit(bundled_course_dir(), ["admin-services"])
    assert kit is not None
    log = kit.document("consultation-log")
    assert log is not None and log.orientation is Orientation.LANDSCAPE
    header = next(line for line in log.body.splitlines() if line.startswith("| №"))
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    assert columns[1:] == ["Дата", "Послуга (коротко)", "Канал", "Результат", "Хв", "Вік",
                           "Наступного разу сама (сам)?"]
    assert not any(word in header.lower() for word in ("імʼя", "прізвище", "телефон", "паспорт", "рнокпп"))
    assert "Не записуйте імен і прізвищ, телефонів" in log.body
    assert "«Про захист персональних даних»" in log.body  # the law named, not the authors' fact sheet


def test_printed_documents_do_not_cite_the_authors_fact_sheet() -> None:
    kit, _ = load_kit(bundled_course_dir(), ["admin-services"])
    assert kit is not None
    for document in kit.documents:
        assert "FACTS" not in document.body and "§" not in document.body, document.id


def test_a_pack_without_a_kit_has_none_and_no_problem() -> None:
    assert load_kit(GOOD_PACK, ["basics", "more"]) == (None, [])


def test_a_small_kit_loads(pack: Path) -> None:
    kit, problems = load_kit(pack, ["basics", "more"])
    assert problems == [] and kit is not None
    assert [(d.id, d.is_slides, d.per_page, d.orientation) for d in kit.documents] == [
        ("log", False, 1, Orientation.PORTRAIT), ("deck", True, 2, Orientation.PORTRAIT)]


@pytest.mark.parametrize(("change", "line", "message"), [
    (("file: log.md", "file: missing.md"), 5, "kit document “log”: the file “missing.md” does not exist in kit/"),
    (("slides: basics", "slides: nowhere"), 8, "kit document “deck”: the course has no module “nowhere”"),
    (("id: deck", "id: log"), 6, "duplicate kit document id “log” (first defined at kit/kit.yaml:3)"),
    (("file: log.md", "file: ../course.yaml"), 5, "“../course.yaml” is not a markdown file name beside kit.yaml"),
    (("per_page: 2", "per_page: 3"), 9, "kit document “deck”: per_page is 1 or 2, not “3”"),
    (("    file: log.md\n", "    file: log.md\n    slides: basics\n"), 3, "needs either `file:`"),
    (("    title: Журнал\n", ""), 3, "kit document “log” has no title"),
    (("documents:", "documents: [\n"), 2, ""),
])
def test_a_broken_kit_gives_a_problem_with_file_and_line(pack: Path, change: tuple[str, str], line: int,
                                                         message: str) -> None:
    path = pack / "kit" / "kit.yaml"
    path.write_text(KIT.replace(*change, 1), encoding="utf-8")
    _, problems = load_kit(pack, ["basics", "more"])
    assert problems, "no problem reported"
    first = problems[0]
    assert (first.path, first.severity) == ("kit/kit.yaml", Severity.ERROR)
    assert first.line >= line if not message else first.line == line
    assert message in first.message


def test_etrainer_check_reports_a_missing_kit_file(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (pack / "kit" / "log.md").unlink()
    assert cli.main(["check", str(pack)]) == 1
    out = capsys.readouterr().out
    assert f"{pack.as_posix()}/kit/kit.yaml:5: kit document “log”: the file “log.md” does not exist in kit/" in out


def test_a_kit_document_over_a_lessons_limit_is_a_problem_naming_it(pack: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from etrainer.core.course.lessons import MAX_LESSON_BYTES

    big = pack / "kit" / "log.md"
    big.write_text("| Дата | Послуга |\n|---|---|\n" + "| | |\n" * (MAX_LESSON_BYTES // 6), encoding="utf-8")
    kit, problems = load_kit(pack, ["basics", "more"])
    assert kit is not None and [d.id for d in kit.documents] == ["deck"]
    size = big.stat().st_size // 1024
    assert [p.format() for p in problems] == [f"kit/log.md:0: the file is too large ({size} KB; the limit is "
                                              f"{MAX_LESSON_BYTES // 1024} KB)"]
    assert cli.main(["check", str(pack)]) == 1
    assert f"{pack.as_posix()}/kit/log.md:0: the file is too large" in capsys.readouterr().out


def test_a_kit_yaml_over_the_yaml_limit_is_a_problem(pack: Path) -> None:
    from etrainer.core.yamlfile import MAX_YAML_BYTES

    path = pack / "kit" / "kit.yaml"
    path.write_text(KIT + "#" * MAX_YAML_BYTES + "\n", encoding="utf-8")
    kit, problems = load_kit(pack, ["basics", "more"])
    assert kit is None
    assert [(p.path, p.line) for p in problems] == [("kit/kit.yaml", 0)]
    assert problems[0].message.startswith("the file is too large")
