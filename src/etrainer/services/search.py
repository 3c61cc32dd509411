"""Full-text search over a course's lessons (rules and highlighting: see `etrainer.core.course.search`).

`index_course` rebuilds a course's documents only when the course changed: its id and version,
and a fingerprint of its lessons' ids, titles and text, are stored with the index.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.exc import OperationalError

from etrainer.core.course.model import Course, Lesson
from etrainer.core.course.search import (
    PREFIX_MIN_LETTERS,
    SearchHit,
    fts_query,
    make_snippet,
    matches_all,
    normalize_text,
    query_terms,
)
from etrainer.services.saving import Sessions, guarded
from etrainer.storage.models import utc_now
from etrainer.storage.search_index import SearchDocument, SearchRepository

log = logging.getLogger(__name__)


INDEX_TEXT_VERSION = 3
"""Bumped whenever the indexed text changes shape (core.course.reader.plain_text), so old indexes are rebuilt."""


def course_fingerprint(course: Course) -> str:
    digest = hashlib.sha256(f"{INDEX_TEXT_VERSION}\0{course.version}".encode())
    for lesson in course.lessons():
        for part in (lesson.id, lesson.title, lesson.body):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
    return digest.hexdigest()


class SearchService:
    def __init__(self, sessions: Sessions, *, clock: Callable[[], datetime] = utc_now,
                 course_id: str | None = None) -> None:
        self._sessions = guarded(sessions)  # database refusals become SaveFailed
        self._clock = clock
        self.course_id = course_id
        """The course `search` looks in when it is not given one (None: every indexed course)."""

    def index_course(self, course: Course, text_of: Callable[[Lesson], str], *, force: bool = False) -> bool:
        """Make the course searchable; `text_of` turns a lesson into plain text (markdown → text).

        Returns True if the documents were rebuilt, False if the stored ones were already current.
        """
        fingerprint = course_fingerprint(course)
        with self._sessions.begin() as session:
            repository = SearchRepository(session)
            if not force and repository.indexed(course.id) == (course.version, fingerprint):
                return False
            documents = [SearchDocument(course.id, lesson.id, normalize_text(lesson.title),
                                        normalize_text(text_of(lesson))) for lesson in course.lessons()]
            repository.replace(course.id, course.version, fingerprint, documents, self._clock())
        return True

    def search(self, query: str, limit: int = 30, course_id: str | None = None) -> list[SearchHit]:
        """Lessons matching every word of `query`, best first; never raises on odd input.

        Looks in `course_id`, else in `self.course_id`, else in every indexed course.
        """
        course_id = course_id or self.course_id
        terms = query_terms(query)
        if not terms or limit <= 0:
            return []
        with self._sessions.begin() as session:
            repository = SearchRepository(session)
            if not repository.fts_available:
                return _scan(repository.documents(course_id), terms, limit)
            try:
                hits = repository.search_fts(fts_query(terms), limit, course_id)
            except OperationalError as error:  # a damaged or missing index must not break the reader
                log.warning("full-text search failed, scanning instead: %s", error)
            else:
                if hits or any(len(term) < PREFIX_MIN_LETTERS for term in terms):
                    return hits
                # Nothing found: perhaps a word was typed without its apostrophe ("памятка").
                return _scan(repository.documents(course_id), terms, limit, loose=True)
        with self._sessions.begin() as session:
            return _scan(SearchRepository(session).documents(course_id), terms, limit)

    def forget_course(self, course_id: str) -> None:
        """Drop a course's documents (when its pack is removed)."""
        with self._sessions.begin() as session:
            SearchRepository(session).remove_course(course_id)


def _scan(documents: list[SearchDocument], terms: list[str], limit: int, *, loose: bool = False) -> list[SearchHit]:
    """The fallback without FTS5: every term as a case- and diacritic-insensitive substring (`loose`:
    apostrophes ignored too)."""
    hits = []
    for document in documents:
        if matches_all(f"{document.title}\n{document.body}", terms, loose=loose):
            hits.append(SearchHit(document.course_id, document.lesson_id, document.title,
                                  make_snippet(document.body, terms, loose=loose)))
            if len(hits) == limit:
                break
    return hits
