"""SearchService: FTS5 search with snippets, Ukrainian letters and apostrophes, safe queries, reindexing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.orm import Session, sessionmaker

from etrainer.core.course.model import Course, Lesson, Module
from etrainer.core.ids import CourseId
from etrainer.services.search import SearchService
from etrainer.storage.search_index import SearchRepository


def _plain(lesson: Lesson) -> str:
    return lesson.body


@pytest.fixture
def search(sessions: sessionmaker[Session], course: Course) -> SearchService:
    service = SearchService(sessions)
    assert service.index_course(course, _plain)
    return service


def _ids(service: SearchService, query: str) -> list[str]:
    return [hit.lesson_id for hit in service.search(query)]


def _with_body(course: Course, lesson_id: str, body: str) -> Course:
    modules = tuple(replace(m, lessons=tuple(replace(lesson, body=body) if lesson.id == lesson_id else lesson
                                             for lesson in m.lessons)) for m in course.modules)
    return replace(course, modules=modules, _lessons={})


def test_a_hit_has_the_lesson_title_and_a_marked_snippet(search: SearchService) -> None:
    [hit] = search.search("цифрові")
    assert (hit.course_id, hit.lesson_id, hit.title) == ("test-course", "diia-portal", "Портал Дія")
    assert hit.snippet == "На порталі Дія можна замовити витяг і переглянути [цифрові] документи."
    assert ("цифрові", True) in hit.parts and all(not match for text, match in hit.parts if text != "цифрові")


def test_words_of_three_letters_or_more_match_as_prefixes(search: SearchService) -> None:
    assert _ids(search, "декл") == ["what-are-e-services"]
    assert "[декларацію]" in search.search("декл")[0].snippet
    assert sorted(_ids(search, "не")) == ["kep", "passwords"]
    assert _ids(search, "ке") == []  # two letters: whole words only ("КЕП" is not matched by "ке")


def test_every_word_must_occur(search: SearchService) -> None:
    assert _ids(search, "портал дія") == ["diia-portal"]
    assert _ids(search, "портал ключ") == []


def test_case_does_not_matter(search: SearchService) -> None:
    assert _ids(search, "ДІЯ") == ["diia-portal"]
    assert _ids(search, "кеп") == ["kep"]


@pytest.mark.parametrize("query", ["пам'ятка", "пам’ятка", "памʼятка", "ПАМ`ЯТКА", "пам'ят"])
def test_every_apostrophe_finds_the_word(search: SearchService, query: str) -> None:
    assert _ids(search, query) == ["what-are-e-services"]


@pytest.mark.parametrize("query", ["памятка", "ПАМЯТКА", "памят"])
def test_a_word_typed_without_its_apostrophe_is_found_too(search: SearchService, query: str) -> None:
    hits = search.search(query)
    assert [h.lesson_id for h in hits] == ["what-are-e-services"]
    assert any(match and "пам" in text.casefold() for text, match in hits[0].parts)


def test_apostrophes_in_the_text_are_unified_too(sessions: sessionmaker[Session], course: Course) -> None:
    service = SearchService(sessions)
    service.index_course(_with_body(course, "kep", "Прочитайте пам’ятку та об’єднання."), _plain)
    assert _ids(service, "пам'ятку") == ["kep"]
    assert _ids(service, "об'єднання") == ["kep"]


@pytest.mark.parametrize(("query", "expected"), [
    ("ґанок", ["passwords"]), ("ГАНОК", []), ("європа", ["passwords"]), ("ЇЖА", ["passwords"]), ("іжа", []),
    ("захищеному", ["kep"]),
])
def test_ukrainian_letters_stay_letters_of_their_own(search: SearchService, query: str, expected: list[str]) -> None:
    assert _ids(search, query) == expected


@pytest.mark.parametrize("query", ['"', "AND OR (", "NEAR(", "*", "-", "^", "title:дія", "a'", "''", ")(",
                                   '"портал', "портал AND", "NOT", "' OR 1=1 --", "", "   ", "😀", "x" * 5000])
def test_no_query_can_fail(search: SearchService, query: str) -> None:
    hits = search.search(query)
    assert isinstance(hits, list)


def test_operators_typed_by_the_user_are_plain_words(search: SearchService) -> None:
    assert _ids(search, "портал OR ключ") == []
    assert _ids(search, '"Дія"') == ["diia-portal"]


def test_a_title_match_ranks_first(sessions: sessionmaker[Session], course: Course) -> None:
    service = SearchService(sessions)
    service.index_course(_with_body(course, "kep", "Згадка про паролі в тексті."), _plain)
    assert _ids(service, "паролі")[0] == "passwords"


def test_limit_and_course_filter(sessions: sessionmaker[Session], course: Course) -> None:
    service = SearchService(sessions)
    other = replace(course, id=CourseId("other-course"), _lessons={})
    service.index_course(course, _plain)
    service.index_course(other, _plain)
    assert len(service.search("дія")) == 2
    assert len(service.search("дія", limit=1)) == 1
    assert [h.course_id for h in service.search("дія", course_id="other-course")] == ["other-course"]
    assert service.search("дія", limit=0) == []
    service.course_id = "test-course"
    assert [h.course_id for h in service.search("дія")] == ["test-course"]


def test_reindexing_happens_only_when_the_course_changed(search: SearchService, course: Course) -> None:
    assert not search.index_course(course, _plain)
    assert search.index_course(replace(course, version="1.1", _lessons={}), _plain)
    edited = _with_body(replace(course, version="1.1", _lessons={}), "kep", "Новий текст про токен.")
    assert search.index_course(edited, _plain)
    assert _ids(search, "токен") == ["kep"]
    assert _ids(search, "носії") == []  # the old text is gone
    assert search.index_course(edited, _plain, force=True)


def test_a_removed_lesson_is_no_longer_found(search: SearchService, course: Course) -> None:
    smaller = replace(course, version="2", modules=(course.modules[0],), _lessons={})
    search.index_course(smaller, _plain)
    assert _ids(search, "кеп") == []
    assert _ids(search, "цифрові") == ["diia-portal"]


def test_text_of_gives_the_indexed_text(sessions: sessionmaker[Session], course: Course) -> None:
    service = SearchService(sessions)
    service.index_course(course, lambda lesson: f"{lesson.body} позначка-{lesson.id}")
    assert _ids(service, "позначка-kep") == ["kep"]


def test_forget_course(search: SearchService, course: Course) -> None:
    search.forget_course(course.id)
    assert search.search("дія") == []
    assert search.index_course(course, _plain)


def test_without_fts5_the_scan_finds_the_same(
        search: SearchService, monkeypatch: pytest.MonkeyPatch, course: Course) -> None:
    with_fts = {q: _ids(search, q) for q in ("пам'ятка", "ДІЯ", "декл", "портал дія", "ґанок", "іжа")}
    monkeypatch.setattr(SearchRepository, "fts_available", property(lambda self: False))
    assert {q: _ids(search, q) for q in with_fts} == with_fts
    [hit] = search.search("цифрові")
    assert "[цифрові]" in hit.snippet and hit.title == "Портал Дія"


def test_a_course_without_lessons_finds_nothing(sessions: sessionmaker[Session], course: Course) -> None:
    lonely = replace(course, modules=(Module(course.modules[0].id, "", course.modules[0].path, ()),), _lessons={})
    service = SearchService(sessions)
    assert service.index_course(lonely, _plain)
    assert service.search("дія") == []
