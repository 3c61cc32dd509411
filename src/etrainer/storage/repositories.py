"""Rows ↔ core dataclasses. Each repository works inside a Session its caller (a service) owns."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from etrainer.core.ids import LearnerId, LessonId
from etrainer.core.learner.names import ukrainian_key
from etrainer.core.learner.notes import Bookmark, Note
from etrainer.core.learner.profiles import Profile
from etrainer.core.progress.completion import LessonProgress
from etrainer.storage.models import (
    BookmarkRow,
    InstallationRow,
    LearnerRow,
    LessonProgressRow,
    LessonVisitRow,
    NoteRow,
    SettingRow,
)

MISSING: Any = object()
"""Returned by `SettingRepository.get` for a key that has no (readable) value."""


def _profile(row: LearnerRow) -> Profile:
    return Profile(LearnerId(row.id), row.name, row.branch, row.position, row.pin_hash is not None,
                   row.created_at, row.last_active_at, row.uid)


def _progress(row: LessonProgressRow) -> LessonProgress:
    return LessonProgress(LessonId(row.lesson_id), row.first_opened_at, row.last_opened_at, row.completed_at,
                          row.total_seconds, row.visits, row.anchor, row.scroll, row.uid)


def _bookmark(row: BookmarkRow) -> Bookmark:
    return Bookmark(row.uid, LearnerId(row.learner_id), LessonId(row.lesson_id), row.anchor, row.label,
                    row.created_at)


def _note(row: NoteRow) -> Note:
    return Note(row.uid, LearnerId(row.learner_id), LessonId(row.lesson_id), row.text, row.updated_at)


class LearnerRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, *, name: str, name_key: str, branch: str, position: str, created_at: datetime) -> Profile:
        row = LearnerRow(name=name, name_key=name_key, branch=branch, position=position, created_at=created_at)
        self._session.add(row)
        self._session.flush()
        return _profile(row)

    def get(self, learner: LearnerId) -> Profile | None:
        row = self._session.get(LearnerRow, learner)
        return _profile(row) if row else None

    def all(self) -> list[Profile]:
        """Every profile, in the Ukrainian alphabet's order of the names (SQLite's order puts І, Ї, Є, Ґ after Я)."""
        rows = self._session.scalars(select(LearnerRow))
        return sorted((_profile(row) for row in rows), key=lambda profile: ukrainian_key(profile.name))

    def id_for_key(self, name_key: str) -> LearnerId | None:
        found = self._session.scalar(select(LearnerRow.id).where(LearnerRow.name_key == name_key))
        return LearnerId(found) if found is not None else None

    def update(self, learner: LearnerId, **fields: Any) -> Profile | None:
        """Set the given columns (name, name_key, branch, position, pin_hash, pin_salt, last_active_at)."""
        row = self._session.get(LearnerRow, learner)
        if row is None:
            return None
        for name, value in fields.items():
            setattr(row, name, value)
        self._session.flush()
        return _profile(row)

    def pin(self, learner: LearnerId) -> tuple[bytes, bytes] | None:
        """(salt, hash) of the learner's PIN, or None."""
        row = self._session.get(LearnerRow, learner)
        if row is None or row.pin_hash is None or row.pin_salt is None:
            return None
        return row.pin_salt, row.pin_hash

    def delete(self, learner: LearnerId) -> bool:
        """Delete the learner; the database cascades to all her rows."""
        return bool(self._session.execute(delete(LearnerRow).where(LearnerRow.id == learner)).rowcount)


class ProgressRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def start_visit(self, learner: LearnerId, lesson_id: str, now: datetime) -> str:
        """Record an opening of the lesson; returns the visit's uid."""
        visit = LessonVisitRow(learner_id=learner, lesson_id=lesson_id, opened_at=now, seconds=0)
        self._session.add(visit)
        row = self._row(learner, lesson_id)
        row.first_opened_at = row.first_opened_at or now
        row.last_opened_at = now
        row.visits += 1
        self._session.flush()
        return visit.uid

    def finish_visit(self, visit_uid: str, seconds: int, reached_end: bool, now: datetime) -> int | None:
        """Set the visit's time to `seconds` (never lowering it); returns the seconds added, None if unknown."""
        visit = self._session.scalar(select(LessonVisitRow).where(LessonVisitRow.uid == visit_uid))
        if visit is None:
            return None
        added = max(0, seconds - visit.seconds)
        visit.seconds += added
        visit.reached_end = visit.reached_end or reached_end
        visit.closed_at = now
        return added

    def add_time(self, learner: LearnerId, lesson_id: str, seconds: int, *, anchor: str | None = None,
                 scroll: float | None = None) -> LessonProgress:
        """Add time spent and, when given, the reading position (anchor, scroll fraction)."""
        row = self._row(learner, lesson_id)
        row.total_seconds += seconds
        if anchor is not None:
            row.anchor = anchor
        if scroll is not None:
            row.scroll = scroll
        self._session.flush()
        return _progress(row)

    def mark_completed(self, learner: LearnerId, lesson_id: str, now: datetime) -> LessonProgress:
        row = self._row(learner, lesson_id)
        if row.completed_at is None:
            row.completed_at = now
        self._session.flush()
        return _progress(row)

    def lesson(self, learner: LearnerId, lesson_id: str) -> LessonProgress | None:
        row = self._find(learner, lesson_id)
        return _progress(row) if row else None

    def all(self, learner: LearnerId) -> list[LessonProgress]:
        query = select(LessonProgressRow).where(LessonProgressRow.learner_id == learner)
        return [_progress(row) for row in self._session.scalars(query)]

    def last_visited(self, learner: LearnerId) -> LessonId | None:
        query = (select(LessonVisitRow.lesson_id).where(LessonVisitRow.learner_id == learner)
                 .order_by(LessonVisitRow.opened_at.desc(), LessonVisitRow.id.desc()).limit(1))
        found = self._session.scalar(query)
        return LessonId(found) if found else None

    def _find(self, learner: LearnerId, lesson_id: str) -> LessonProgressRow | None:
        return self._session.scalar(select(LessonProgressRow).where(
            LessonProgressRow.learner_id == learner, LessonProgressRow.lesson_id == lesson_id))

    def _row(self, learner: LearnerId, lesson_id: str) -> LessonProgressRow:
        row = self._find(learner, lesson_id)
        if row is None:
            row = LessonProgressRow(learner_id=learner, lesson_id=lesson_id, total_seconds=0, visits=0)
            self._session.add(row)
        return row


class BookmarkRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def put(self, learner: LearnerId, lesson_id: str, anchor: str, label: str, now: datetime) -> Bookmark:
        """Add a bookmark, or relabel the existing one at the same place."""
        row = self._session.scalar(select(BookmarkRow).where(
            BookmarkRow.learner_id == learner, BookmarkRow.lesson_id == lesson_id, BookmarkRow.anchor == anchor))
        if row is None:
            row = BookmarkRow(learner_id=learner, lesson_id=lesson_id, anchor=anchor, created_at=now)
            self._session.add(row)
        row.label = label
        self._session.flush()
        return _bookmark(row)

    def remove(self, learner: LearnerId, uid: str) -> bool:
        statement = delete(BookmarkRow).where(BookmarkRow.learner_id == learner, BookmarkRow.uid == uid)
        return bool(self._session.execute(statement).rowcount)

    def for_learner(self, learner: LearnerId, lesson_id: str | None = None) -> list[Bookmark]:
        query = select(BookmarkRow).where(BookmarkRow.learner_id == learner)
        if lesson_id is not None:
            query = query.where(BookmarkRow.lesson_id == lesson_id)
        query = query.order_by(BookmarkRow.created_at.desc(), BookmarkRow.id.desc())
        return [_bookmark(row) for row in self._session.scalars(query)]


class NoteRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, learner: LearnerId, lesson_id: str) -> Note | None:
        row = self._find(learner, lesson_id)
        return _note(row) if row else None

    def put(self, learner: LearnerId, lesson_id: str, text: str, now: datetime) -> Note:
        row = self._find(learner, lesson_id)
        if row is None:
            row = NoteRow(learner_id=learner, lesson_id=lesson_id)
            self._session.add(row)
        row.text = text
        row.updated_at = now
        self._session.flush()
        return _note(row)

    def remove(self, learner: LearnerId, lesson_id: str) -> bool:
        statement = delete(NoteRow).where(NoteRow.learner_id == learner, NoteRow.lesson_id == lesson_id)
        return bool(self._session.execute(statement).rowcount)

    def all(self, learner: LearnerId) -> list[Note]:
        query = select(NoteRow).where(NoteRow.learner_id == learner).order_by(NoteRow.updated_at.desc())
        return [_note(row) for row in self._session.scalars(query)]

    def _find(self, learner: LearnerId, lesson_id: str) -> NoteRow | None:
        return self._session.scalar(select(NoteRow).where(NoteRow.learner_id == learner,
                                                          NoteRow.lesson_id == lesson_id))


class SettingRepository:
    """JSON values under keys; `learner=None` for the installation-wide settings."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str, learner: LearnerId | None = None) -> Any:
        row = self._find(key, learner)
        if row is None:
            return MISSING
        try:
            return json.loads(row.value)
        except ValueError:
            return MISSING

    def put(self, key: str, value: Any, learner: LearnerId | None = None) -> None:
        text = json.dumps(value, ensure_ascii=False)
        row = self._find(key, learner)
        if row is None:
            self._session.add(SettingRow(learner_id=learner, key=key, value=text))
        else:
            row.value = text
        self._session.flush()

    def remove(self, key: str, learner: LearnerId | None = None) -> None:
        row = self._find(key, learner)
        if row is not None:
            self._session.delete(row)
            self._session.flush()

    def _find(self, key: str, learner: LearnerId | None) -> SettingRow | None:
        owner = SettingRow.learner_id.is_(None) if learner is None else SettingRow.learner_id == learner
        return self._session.scalar(select(SettingRow).where(SettingRow.key == key, owner))


class InstallationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def uid(self) -> str:
        """This installation's uuid (made by the first migration; recreated if the row is missing)."""
        row = self._session.get(InstallationRow, 1)
        if row is None:
            row = InstallationRow(id=1)
            self._session.add(row)
            self._session.flush()
        return row.uid
