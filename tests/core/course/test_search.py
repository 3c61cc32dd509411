"""Search text rules: normalisation, query building, folding and fallback snippets (pure core)."""

from __future__ import annotations

import pytest

from etrainer.core.course.search import (
    MAX_TERMS,
    SearchHit,
    fold,
    fts_query,
    make_snippet,
    matches_all,
    normalize_text,
    parse_marked,
    query_terms,
)
from etrainer.core.ids import LessonId


@pytest.mark.parametrize("text", ["пам'ятка", "пам’ятка", "пам‘ятка", "пам`ятка", "памʼятка"])
def test_in_word_apostrophes_become_one(text: str) -> None:
    assert normalize_text(text) == "памʼятка"


def test_quotes_around_words_are_left_alone() -> None:
    assert normalize_text("'слово' та ’інше’") == "'слово' та ’інше’"


def test_query_terms_drop_syntax_and_keep_words() -> None:
    assert query_terms('"Дія" AND (пам\'ятка OR ключ*) -x') == ["Дія", "AND", "памʼятка", "OR", "ключ", "x"]
    assert query_terms('" ( ) * ^ : -') == []
    assert len(query_terms(" ".join(["слово"] * 50))) == MAX_TERMS


def test_fts_query_quotes_every_term_and_prefixes_long_ones() -> None:
    assert fts_query(["Дія", "не", "OR", "ab1"]) == '"Дія"* "не" "OR" "ab1"'
    assert fts_query(['ab"c']) == '"ab""c"*'


def test_fold_ignores_case_and_latin_diacritics_only() -> None:
    assert fold("ÉCOLE Café") == "ecole cafe"
    assert fold("ЇЖАК Йорж Ґанок Європа") == "їжак йорж ґанок європа"


def test_matches_all_needs_every_term() -> None:
    assert matches_all("Портал Дія та витяг", ["дія", "ВИТ"])
    assert not matches_all("Портал Дія та витяг", ["дія", "ключ"])


def test_make_snippet_marks_every_match_near_the_first() -> None:
    text = "Вступ. " * 40 + "Подайте Декларацію через портал; декларація готова." + " Кінець." * 40
    parts = make_snippet(text, ["декларац"], width=120)
    assert parts[0] == ("…", False) and parts[-1] == ("…", False)
    assert [p for p, match in parts if match] == ["Декларац", "декларац"]
    assert len("".join(p for p, _ in parts)) <= 122


def test_make_snippet_without_a_match_shows_the_start() -> None:
    assert make_snippet("Короткий текст.", ["нема"]) == (("Короткий текст.", False),)


def test_parse_marked_and_the_snippet_text() -> None:
    parts = parse_marked("…на \x02порталі\x03 \x02Дія\x03 можна", "\x02", "\x03")
    assert parts == (("…на ", False), ("порталі", True), (" ", False), ("Дія", True), (" можна", False))
    hit = SearchHit("c", LessonId("l"), "T", parts)
    assert hit.snippet == "…на [порталі] [Дія] можна"


def test_the_indexed_text_has_no_glossary_brackets_even_when_a_term_wraps():
    from dataclasses import replace

    from tests.conftest import build_course

    from etrainer.core.course.reader import plain_text

    course = build_course()
    lesson = replace(course.modules[0].lessons[0], body="Потрібен [[extract|витяг з\nреєстру громади]] — безоплатно."
                     "\n<!-- notes: спитати групу -->")
    text = plain_text(course, lesson)
    assert "[[" not in text and "витяг з\nреєстру громади" in text
    assert "спитати" not in text  # speaker notes are not searchable lesson text
