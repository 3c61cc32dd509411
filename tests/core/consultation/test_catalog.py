"""The pack's consultation list: loaded from consultations.yaml, problems reported as file:line."""

from __future__ import annotations

from pathlib import Path

from etrainer.core.consultation.catalog import CATALOG_FILE, load_catalog

GOOD = """\
services:
  - id: criminal-record
    title: "Дія: витяг про несудимість"
    module: diia
    walkthrough: criminal-record
  - id: other
    title: Інше
channels:
  - {id: in-person, title: Особисто}
age_bands:
  - {id: age-60-plus, title: 60 і більше}
reasons:
  - {id: no-kep, title: Немає КЕП}
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / CATALOG_FILE).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_good_list_loads_without_problems(tmp_path: Path) -> None:
    catalog, problems = load_catalog(write(tmp_path, GOOD))
    assert problems == []
    assert catalog is not None
    assert [s.id for s in catalog.services] == ["criminal-record", "other"]
    assert catalog.service("criminal-record").module == "diia"
    assert catalog.service("criminal-record").walkthrough == "criminal-record"
    assert catalog.has("reasons", "no-kep") and not catalog.has("reasons", "no-time")


def test_a_pack_without_the_file_has_no_log(tmp_path: Path) -> None:
    assert load_catalog(tmp_path) == (None, [])


def test_duplicates_and_missing_titles_are_reported_with_their_lines(tmp_path: Path) -> None:
    text = GOOD.replace("  - id: other\n    title: Інше\n", "  - id: criminal-record\n    title: Ще раз\n"
                        "  - id: no-title\n")
    catalog, problems = load_catalog(write(tmp_path, text))
    assert catalog is not None and [s.id for s in catalog.services] == ["criminal-record"]
    messages = [(p.line, p.message) for p in problems]
    assert (6, "duplicate id “criminal-record” in `services:` (first at line 2)") in messages
    assert (8, "“no-title” has no title") in messages
    assert all(p.path == CATALOG_FILE for p in problems)


def test_broken_yaml_is_one_problem_with_its_line(tmp_path: Path) -> None:
    catalog, problems = load_catalog(write(tmp_path, "services:\n  - id: a\n   title: [\n"))
    assert catalog is None
    assert len(problems) == 1 and problems[0].line >= 2


def test_the_course_pack_list_matches_its_course() -> None:
    from etrainer.core.consultation.catalog import check_catalog
    from etrainer.core.course.pack import load_pack

    root = Path(__file__).resolve().parents[3] / "lessons"
    course = load_pack(root).course
    assert check_catalog(course) == []
    catalog, _ = load_catalog(root)
    assert catalog is not None and catalog.service("other") is not None
    assert {"done"} != {c.id for c in catalog.reasons}
    assert len(catalog.services) >= 10


def test_an_unknown_module_is_reported(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from etrainer.core.consultation.catalog import check_catalog

    course = SimpleNamespace(root=write(tmp_path, GOOD), modules=(), lessons=lambda: (), scenarios=())
    messages = [p.message for p in check_catalog(course)]
    assert "service “criminal-record”: no module “diia” in the course" in messages
    assert "service “criminal-record”: no walkthrough “criminal-record” in the course" in messages


def test_a_list_not_in_utf8_is_one_sentence_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / CATALOG_FILE
    path.write_bytes("services:\n  - id: subsidy\n    title: Субсидія\n".encode("cp1251"))
    catalog, problems = load_catalog(tmp_path)
    assert catalog is None
    assert [p.format() for p in problems] == [f"{CATALOG_FILE}:3: the file is not UTF-8 text (save it as UTF-8)"]
