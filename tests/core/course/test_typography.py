"""The typography check: each rule fires on a minimal sample, stays quiet on the correct form, and
never looks inside code, URLs, link targets, tags, ids or YAML keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from etrainer.core.course.typography import (
    NBSP,
    Rule,
    check_file,
    check_markdown,
    check_pack,
    check_yaml,
    count_by_rule,
)
from etrainer.core.errors import Severity
from etrainer.paths import bundled_course_dir


def rules(findings) -> list[Rule]:  # type: ignore[no-untyped-def]
    return [finding.rule for finding in findings]


@pytest.mark.parametrize(("wrong", "right", "rule"), [
    ('Закон "Про адміністративні послуги"', "Закон «Про адміністративні послуги»", Rule.QUOTES),
    ("обов'язки", "обовʼязки", Rule.APOSTROPHE),
    ("субʼєкт і об’єкт", "субʼєкт і обʼєкт", Rule.APOSTROPHE),
    ("ЦНАП - це центр", "ЦНАП — це центр", Rule.DASH),
    ("ЦНАП – це центр", "ЦНАП — це центр", Rule.DASH),
    ("Закон № 5203-VI", f"Закон №{NBSP}5203-VI", Rule.NUMERO),
    ("Закон №5203-VI", f"Закон №{NBSP}5203-VI", Rule.NUMERO),
    ("збір 45,42 грн", f"збір 45,42{NBSP}грн", Rule.UNIT),
    ("раунд 20 хв", f"раунд 20{NBSP}хв", Rule.UNIT),
    ("у 2013 р. було", f"у 2013{NBSP}р. було", Rule.UNIT),
    ("прохідний бал 80 %", f"прохідний бал 80{NBSP}%", Rule.UNIT),
    ("понад 4,5 тис. точок", f"понад 4,5{NBSP}тис. точок", Rule.UNIT),
    ("зателефонуйте по телефону", "зателефонуйте за телефоном", Rule.CALQUE),
    ("пояснити на пальцях", "пояснити простими словами", Rule.CALQUE),
    ("незалежно від прописки", "незалежно від зареєстрованого місця проживання", Rule.CALQUE),
])
def test_each_rule_fires_on_the_wrong_form_and_not_on_the_right_one(wrong: str, right: str, rule: Rule) -> None:
    found = check_markdown(f"Перший рядок.\n\n{wrong}\n")
    assert rules(found) == [rule]
    assert found[0].line == 3
    assert check_markdown(f"Перший рядок.\n\n{right}\n") == []


def test_the_message_says_what_to_write_instead() -> None:
    [quote] = check_markdown('Натисніть "Вхід".')
    [apostrophe] = check_markdown("обов'язки")
    [unit] = check_markdown("30 хв")
    [calque] = check_markdown("по телефону")
    assert "«…»" in quote.message
    assert "«обовʼязки»" in apostrophe.message and "U+02BC" in apostrophe.message
    assert "«30 хв»" in unit.message and "U+00A0" in unit.message
    assert "за телефоном" in calque.message


def test_ranges_list_markers_and_hyphenated_words_are_not_dashes() -> None:
    text = ("- пункт списку\n  - вкладений пункт\n\n"
            f"Раунд 20–30 хвилин, 2009–2014{NBSP}рр., Дія.Підпис, е-послуги, інтернет-центр.\n")
    assert rules(check_markdown(text)) == []


def test_numero_without_a_number_after_it_is_a_column_heading() -> None:
    assert check_markdown("| № | Дата |\n|---|---|\n| 1 | |\n\nАркуш № ______") == []


def test_a_word_made_of_a_number_and_letters_is_not_a_unit() -> None:
    assert check_markdown("5 сторінок, 3 години, 2 грані, 10 хвилин") == []


def test_calques_inside_guillemets_are_quotations() -> None:
    assert check_markdown("У джерелі сказано: «незалежно від прописки».") == []
    assert rules(check_markdown("Лікаря обирають незалежно від прописки.")) == [Rule.CALQUE]


@pytest.mark.parametrize("text", [
    'Код: `echo "Привіт" - ось`',
    "```\nЗакон \"Про послуги\" - № 5\n```",
    "~~~yaml\nid: обов'язки\n~~~",
    "Див. [сторінку](https://example.org/a'б?q=\"x\" \"Назва\").",
    "Адреса https://пошта.укр/об'єкт - тут",
    '<span title="Лапки " тут">текст</span>',
    "## Заголовок {#об'єкт}",
    "[[law-admin-services|Закон]]",
    '!!! tip "Порада"',
    "[посилання]: https://example.org/об'єкт \"Назва\"",
])
def test_code_urls_link_targets_tags_and_syntax_are_skipped(text: str) -> None:
    assert check_markdown(text) == []


def test_front_matter_values_are_checked_and_keys_and_ids_are_not() -> None:
    text = "---\nid: obov'yazky - x\ntitle: Права та обов'язки\n---\nТекст.\n"
    found = check_markdown(text)
    assert [(f.line, f.rule) for f in found] == [(3, Rule.APOSTROPHE)]


def test_yaml_values_are_checked_keys_ids_and_yaml_quotes_are_not() -> None:
    text = (
        "# Коментар з обов'язками - не перевіряють\n"
        "id: some-quiz\n"
        "questions:\n"
        "  - id: q-1\n"
        "    type: single_choice\n"
        "    text: \"Що таке адміністративна послуга?\"\n"
        "    feedback: >-\n"
        "      Права та обов'язки - ось\n"
        "      «Дія» відповідає по телефону.\n"
        "    accept: [\"11 111 грн\", '5 хв']\n"
        "    pattern: '^\\d+ грн$'\n"
        "    Код із SMS: \"0000\"\n"
    )
    found = check_yaml(text)
    assert [(f.line, f.rule) for f in found] == [(8, Rule.APOSTROPHE), (8, Rule.DASH), (9, Rule.CALQUE)]


def test_check_pack_reports_warnings_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "01-a.md").write_text("# Урок\n\nОплата 10 грн.\n", encoding="utf-8")
    (tmp_path / "m" / "module.quiz.yaml").write_text("id: q\ntitle: Обов'язки\n", encoding="utf-8")
    (tmp_path / "m" / "module.yaml").write_text("title: Обов'язки (не перевіряється)\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.md").write_text("обов'язки", encoding="utf-8")
    problems = check_pack(tmp_path)
    assert [(p.path, p.line, p.severity) for p in problems] == [
        ("m/01-a.md", 3, Severity.WARNING), ("m/module.quiz.yaml", 2, Severity.WARNING)]
    assert problems[0].format().startswith("m/01-a.md:3: warning: typography (unit): «10 грн»")
    assert count_by_rule(problems) == {"quotes": 0, "apostrophe": 1, "dash": 0, "numero": 0, "unit": 1, "calque": 0}


def test_bundled_course_passes_typography() -> None:
    assert [p.format() for p in check_pack(bundled_course_dir())] == []


def test_the_printable_kit_passes_the_check() -> None:
    kit = bundled_course_dir() / "kit"
    assert (kit / "kit.yaml").is_file()
    assert [p.format() for p in check_pack(kit)] == []


def test_a_calque_inside_a_quotation_that_spans_lines_is_not_flagged() -> None:
    quoted = "Вона питає: «Мені до лікаря за місцем\nпрописки? А куди ще?» Поясніть спокійно.\n"
    assert [f.rule for f in check_markdown(quoted)] == []
    # the quotation ends with its paragraph: the next paragraph is checked again
    unclosed = "Вона питає: «Мені до лікаря\n\nза місцем прописки.\n"
    assert [(f.line, f.rule.value) for f in check_markdown(unclosed)] == [(3, "calque")]
    in_yaml = "says: >-\n  «Мені ж до амбулаторії\n  за пропискою?»\ntext: за пропискою\n"
    assert [(f.line, f.rule.value) for f in check_yaml(in_yaml)] == [(4, "calque")]


def test_a_file_over_its_loaders_limit_is_not_read_for_typography(tmp_path: Path) -> None:
    from etrainer.core.course.lessons import MAX_LESSON_BYTES
    from etrainer.core.yamlfile import MAX_YAML_BYTES

    line = "Зайняло 30 хв.\n"  # a unit warning on every line
    small, big = tmp_path / "small.md", tmp_path / "big.md"
    small.write_text(line, encoding="utf-8")
    big.write_text(line * (MAX_LESSON_BYTES // len(line.encode()) + 1), encoding="utf-8")
    assert [f.rule for f in check_file(small)] == [Rule.UNIT]
    assert check_file(big) == []  # the lesson loader refuses it as too large; nothing in it is read
    quiz = tmp_path / "big.quiz.yaml"
    quiz.write_text("title: Зайняло 30 хв\n", encoding="utf-8")
    assert [f.rule for f in check_file(quiz)] == [Rule.UNIT]
    quiz.write_text("title: Зайняло 30 хв\n" + "#\n" * (MAX_YAML_BYTES // 2), encoding="utf-8")
    assert check_file(quiz) == []
