"""The course search documents and their SQLite FTS5 index (`search_index`, kept in step by triggers).

On a database without FTS5 (PostgreSQL), `SearchRepository.fts_available` is False and callers
filter `documents()` themselves (see `etrainer.core.course.search.matches_all`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from etrainer.core.course.search import SearchHit, parse_marked
from etrainer.core.ids import LessonId
from etrainer.storage.models import FTS_TABLE, SearchCourseRow, SearchDocumentRow

MARK_START = "\x02"
MARK_END = "\x03"
SNIPPET_TOKENS = 14
TITLE_WEIGHT = 5.0

_FTS_SEARCH = text(f"""
    SELECT d.course_id, d.lesson_id, d.title,
           snippet({FTS_TABLE}, 1, char(2), char(3), '…', {SNIPPET_TOKENS}) AS snippet
    FROM {FTS_TABLE} JOIN search_document AS d ON d.id = {FTS_TABLE}.rowid
    WHERE {FTS_TABLE} MATCH :match AND (:course_id IS NULL OR d.course_id = :course_id)
    ORDER BY bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0), d.id
    LIMIT :limit
""")


@dataclass(frozen=True, slots=True)
class SearchDocument:
    course_id: str
    lesson_id: LessonId
    title: str
    body: str


class SearchRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def fts_available(self) -> bool:
        return self._session.get_bind().dialect.name == "sqlite"

    def indexed(self, course_id: str) -> tuple[str, str] | None:
        """(version, fingerprint) of the indexed copy of a course, or None."""
        row = self._session.get(SearchCourseRow, course_id)
        return (row.version, row.fingerprint) if row else None

    def replace(self, course_id: str, version: str, fingerprint: str, documents: Iterable[SearchDocument],
                now: datetime) -> int:
        """Drop the course's documents and store these instead; returns how many were stored."""
        self._session.execute(delete(SearchDocumentRow).where(SearchDocumentRow.course_id == course_id))
        rows = [SearchDocumentRow(course_id=course_id, lesson_id=d.lesson_id, title=d.title, body=d.body)
                for d in documents]
        self._session.add_all(rows)
        state = self._session.get(SearchCourseRow, course_id)
        if state is None:
            state = SearchCourseRow(course_id=course_id)
            self._session.add(state)
        state.version, state.fingerprint, state.indexed_at = version, fingerprint, now
        self._session.flush()
        return len(rows)

    def remove_course(self, course_id: str) -> None:
        self._session.execute(delete(SearchDocumentRow).where(SearchDocumentRow.course_id == course_id))
        self._session.execute(delete(SearchCourseRow).where(SearchCourseRow.course_id == course_id))

    def documents(self, course_id: str | None = None) -> list[SearchDocument]:
        query = select(SearchDocumentRow).order_by(SearchDocumentRow.id)
        if course_id is not None:
            query = query.where(SearchDocumentRow.course_id == course_id)
        return [SearchDocument(row.course_id, LessonId(row.lesson_id), row.title, row.body)
                for row in self._session.scalars(query)]

    def search_fts(self, match: str, limit: int, course_id: str | None = None) -> list[SearchHit]:
        """Run an FTS5 MATCH expression (build it with `core.course.search.fts_query`)."""
        result = self._session.execute(_FTS_SEARCH, {"match": match, "limit": limit, "course_id": course_id})
        return [SearchHit(row.course_id, LessonId(row.lesson_id), row.title,
                          parse_marked(row.snippet or "", MARK_START, MARK_END)) for row in result]
