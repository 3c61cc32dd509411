"""The database schema as SQLAlchemy 2 typed rows. Rows never leave `etrainer.storage`.

Portable across SQLite and PostgreSQL; the only SQLite-specific objects (the FTS5 table
`search_index` and its triggers) are created by the migration, not declared here.
Times are stored as naive UTC and come back as aware UTC datetimes (`UtcDateTime`).
Rows that exported progress files will carry have a stable `uid` (uuid4 text).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
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
        # NULLs are distinct in a unique constraint, so global keys get their own partial index. The learner's
        # database is always an SQLite file; naming a PostgreSQL option here made SQLAlchemy load its whole
        # PostgreSQL dialect at start-up (about 50 ms) to check it. Migration 0001 keeps both engines' form.
        Index("uq_setting_global_key", "key", unique=True, sqlite_where=text("learner_id IS NULL")),
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
    signing_key: Mapped[bytes | None] = mapped_column(LargeBinary(64))
    """The installation's Ed25519 private key (raw 32 bytes) for signing progress files; made on first export."""


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


class QuizAttemptRow(Base):
    """One attempt at a quiz (or one review-deck session, `kind` "review")."""

    __tablename__ = "quiz_attempt"
    __table_args__ = (Index("ix_quiz_attempt_learner_quiz", "learner_id", "quiz_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid_column()
    learner_id: Mapped[int] = mapped_column(_learner_fk())
    quiz_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    kind: Mapped[str] = mapped_column(String(20), default="quiz")
    course_id: Mapped[str] = mapped_column(String(ID_LENGTH), default="")
    course_version: Mapped[str] = mapped_column(String(80), default="")
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    question_count: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[float | None] = mapped_column(Float)
    """0..1 once finished."""
    passed: Mapped[bool | None] = mapped_column()
    pass_mark: Mapped[float] = mapped_column(Float, default=0.8)
    position: Mapped[int] = mapped_column(Integer, default=0)
    drawn: Mapped[str] = mapped_column(Text, default="[]")
    """JSON: the drawn questions and their display order, so a resumed attempt looks the same."""


class QuizResponseRow(Base):
    """The learner's answer to one question of an attempt (the latest, when it could be changed)."""

    __tablename__ = "quiz_response"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid_column()
    attempt_id: Mapped[int] = mapped_column(ForeignKey("quiz_attempt.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    question_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    question_kind: Mapped[str] = mapped_column(String(20))
    response: Mapped[str] = mapped_column(Text)
    """JSON written by core.quiz.response.response_to_json."""
    score: Mapped[float] = mapped_column(Float)
    correct: Mapped[bool] = mapped_column()
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime())
    seconds: Mapped[float] = mapped_column(Float, default=0.0)


class ReviewCardRow(Base):
    """A question in a learner's review deck (core.quiz.review.ReviewCard)."""

    __tablename__ = "review_card"
    __table_args__ = (UniqueConstraint("learner_id", "question_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(_learner_fk())
    question_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    quiz_id: Mapped[str] = mapped_column(String(ID_LENGTH), default="")
    box: Mapped[int] = mapped_column(Integer)
    due: Mapped[date] = mapped_column(Date)
    last_result: Mapped[bool] = mapped_column()
    last_answered: Mapped[date] = mapped_column(Date)


class WalkthroughAttemptRow(Base):
    """One attempt at a walkthrough in one mode, with its running counts and, once finished, its score."""

    __tablename__ = "walkthrough_attempt"
    __table_args__ = (Index("ix_walkthrough_attempt_learner_scenario", "learner_id", "scenario_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid_column()
    learner_id: Mapped[int] = mapped_column(_learner_fk())
    scenario_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    mode: Mapped[str] = mapped_column(String(20))
    course_id: Mapped[str] = mapped_column(String(ID_LENGTH), default="")
    course_version: Mapped[str] = mapped_column(String(80), default="")
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    abandoned: Mapped[bool] = mapped_column(default=False)
    """Restarted or left without finishing: kept for the statistics, never resumed."""
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    hints: Mapped[int] = mapped_column(Integer, default=0)
    steps_done: Mapped[int] = mapped_column(Integer, default=0)
    steps_total: Mapped[int] = mapped_column(Integer, default=0)
    decisions_right: Mapped[int] = mapped_column(Integer, default=0)
    decisions_wrong: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[int | None] = mapped_column(Integer)
    passed: Mapped[bool | None] = mapped_column()


class WalkthroughEventRow(Base):
    """One logged event of a walkthrough attempt (core.walkthrough.engine.LogEntry): an action or a hint."""

    __tablename__ = "walkthrough_event"
    __table_args__ = (UniqueConstraint("attempt_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid_column()
    attempt_id: Mapped[int] = mapped_column(ForeignKey("walkthrough_attempt.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[float] = mapped_column(Float)
    """Seconds since the attempt started."""
    kind: Mapped[str] = mapped_column(String(20))
    step_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    correct: Mapped[bool] = mapped_column()
    action: Mapped[str | None] = mapped_column(Text)
    """JSON of core.walkthrough.engine.Action, or NULL for a hint."""


class EssayDraftRow(Base):
    """What the learner has typed of an essay so far (saved as she types); kept after she sends it."""

    __tablename__ = "essay_draft"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("quiz_attempt.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    question_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    text: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime())


class EssayFeedbackRow(Base):
    """A methodist's mark of one sent essay, from a feedback file (`.etfeedback`, docs/feedback-format.md)."""

    __tablename__ = "essay_feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    """The mark's uid in the workspace; a newer mark of the same essay has the same uid and replaces it."""
    learner_id: Mapped[int] = mapped_column(_learner_fk(), index=True)
    response_uid: Mapped[str] = mapped_column(String(64), index=True)
    """The essay's quiz_response.uid."""
    question_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    points: Mapped[float] = mapped_column(Float)
    max_points: Mapped[float] = mapped_column(Float)
    levels: Mapped[str] = mapped_column(Text, default="[]")
    """JSON: [{"criterion", "level", "points"}]."""
    comment: Mapped[str] = mapped_column(Text, default="")
    graded_at: Mapped[datetime] = mapped_column(UtcDateTime())
    grader: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(UtcDateTime())
    seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    """When the learner saw it beside her answer; NULL counts it as a new reply on the home page."""


class FeedbackKeyRow(Base):
    """The methodist workspace's public key a learner trusts, from her first feedback file."""

    __tablename__ = "feedback_key"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(_learner_fk(), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    workspace: Mapped[str] = mapped_column(Text, default="")
    trusted_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ConsultationRow(Base):
    """One anonymous consultation at the library desk (core.consultation.record.Consultation)."""

    __tablename__ = "consultation"
    __table_args__ = (Index("ix_consultation_learner_at", "learner_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid_column()
    learner_id: Mapped[int] = mapped_column(_learner_fk())
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    service_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    outcome: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[int] = mapped_column(Integer)
    channel_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    age_band_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    alone_next_time: Mapped[str] = mapped_column(String(20), default="unknown")
    reason_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    note: Mapped[str] = mapped_column(Text, default="")


class LrsOutboxRow(Base):
    """An xAPI statement of the learner's progress waiting for (or already taken by) a Learning Record Store.

    One row per (endpoint, statement id): re-enqueueing the same statement changes nothing; a statement
    whose content changed is updated while unsent and never sent a second time once sent."""

    __tablename__ = "lrs_outbox"
    __table_args__ = (UniqueConstraint("endpoint", "statement_id"),
                      Index("ix_lrs_outbox_learner_pending", "learner_id", "endpoint", "sent_at"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(_learner_fk())
    endpoint: Mapped[str] = mapped_column(String(500))
    statement_id: Mapped[str] = mapped_column(String(UID_LENGTH))
    body: Mapped[str] = mapped_column(Text)
    """The statement as JSON text."""
    digest: Mapped[str] = mapped_column(String(64))
    """SHA-256 of the body (to notice a changed statement)."""
    enqueued_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    outcome: Mapped[str | None] = mapped_column(String(20))
    """`sent` (the LRS stored it) or `already` (it had it: 409); NULL while unsent."""
    tries: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str] = mapped_column(Text, default="")


def is_managed_table(name: str | None) -> bool:
    """False for tables the models do not declare on purpose: the FTS5 table and its shadow tables."""
    return not (name or "").startswith(FTS_TABLE)
