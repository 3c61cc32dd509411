"""The database schema as SQLAlchemy 2 typed rows. Rows never leave `etrainer.storage`.

Portable across SQLite and PostgreSQL; the only SQLite-specific objects (the FTS5 table
`search_index` and its triggers) are created by the migration, not declared here.
Times are stored as naive UTC and come back as aware UTC datetimes (`UtcDateTime`).
Rows that exported progress files will carry have a stable `uid` (uuid4 text).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

CONSTRAINT_NAMES = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
ID_LENGTH = 80
UID_LENGTH = 36
FTS_TABLE = "search_index"
"""The SQLite FTS5 table over `search_document` (created by the migration, SQLite only)."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_uid() -> str:
    return str(uuid.uuid4())


class UtcDateTime(TypeDecorator[datetime]):
    """Stores naive UTC; returns aware UTC. Naive datetimes passed in are taken as UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if isinstance(value, datetime) else value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=CONSTRAINT_NAMES)


def _learner_fk() -> Any:
    return ForeignKey("learner.id", ondelete="CASCADE")


def _uid_column() -> Mapped[str]:
    return mapped_column(String(UID_LENGTH), unique=True, default=new_uid)


class LearnerRow(Base):
    __tablename__ = "learner"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid_column()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    """The case-folded name; keeps names unique regardless of case (SQLite's lower() is ASCII only)."""
    branch: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    pin_hash: Mapped[bytes | None] = mapped_column(LargeBinary(64))
    pin_salt: Mapped[bytes | None] = mapped_column(LargeBinary(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    last_active_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class LessonVisitRow(Base):
    """One opening of a lesson and the time spent on it."""

    __tablename__ = "lesson_visit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid_column()
    learner_id: Mapped[int] = mapped_column(_learner_fk(), index=True)
    lesson_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime())
    seconds: Mapped[int] = mapped_column(Integer, default=0)
    reached_end: Mapped[bool] = mapped_column(default=False)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class LessonProgressRow(Base):
    """One learner's running totals for one lesson."""

    __tablename__ = "lesson_progress"
    __table_args__ = (UniqueConstraint("learner_id", "lesson_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid_column()
    learner_id: Mapped[int] = mapped_column(_learner_fk())
    lesson_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    first_opened_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_opened_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    total_seconds: Mapped[int] = mapped_column(Integer, default=0)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    anchor: Mapped[str | None] = mapped_column(String(200))
    scroll: Mapped[float | None] = mapped_column(Float)


class BookmarkRow(Base):
    __tablename__ = "bookmark"
    __table_args__ = (UniqueConstraint("learner_id", "lesson_id", "anchor"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid_column()
    learner_id: Mapped[int] = mapped_column(_learner_fk())
    lesson_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    anchor: Mapped[str] = mapped_column(String(200), default="")
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class NoteRow(Base):
    __tablename__ = "note"
    __table_args__ = (UniqueConstraint("learner_id", "lesson_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid_column()
    learner_id: Mapped[int] = mapped_column(_learner_fk())
    lesson_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class SettingRow(Base):
    """A JSON value under a key; `learner_id` NULL for the installation-wide settings."""

    __tablename__ = "setting"
    __table_args__ = (
        UniqueConstraint("learner_id", "key"),
        # NULLs are distinct in a unique constraint, so global keys get their own partial index.
        Index("uq_setting_global_key", "key", unique=True,
              sqlite_where=text("learner_id IS NULL"), postgresql_where=text("learner_id IS NULL")),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int | None] = mapped_column(_learner_fk())
    key: Mapped[str] = mapped_column(String(ID_LENGTH))
    value: Mapped[str] = mapped_column(Text)


class InstallationRow(Base):
    """A single row identifying this installation (for signing exported files later)."""

    __tablename__ = "installation"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), default=new_uid)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class SearchCourseRow(Base):
    """Which version of a course the search documents were built from."""

    __tablename__ = "search_course"
    course_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    version: Mapped[str] = mapped_column(String(80))
    fingerprint: Mapped[str] = mapped_column(String(64))
    indexed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class SearchDocumentRow(Base):
    """A lesson's searchable text (apostrophes normalised); SQLite mirrors it into `search_index`."""

    __tablename__ = "search_document"
    __table_args__ = (UniqueConstraint("course_id", "lesson_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    lesson_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)


def is_managed_table(name: str | None) -> bool:
    """False for tables the models do not declare on purpose: the FTS5 table and its shadow tables."""
    return not (name or "").startswith(FTS_TABLE)
