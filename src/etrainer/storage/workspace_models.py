"""The methodist workspace's own schema (a database separate from any learner's), as typed rows.

It holds the learners whose progress files were imported (with the public key trusted on the first
import), one row per imported file, and the imported records, each keyed by its learner and the `uid`
it carries in the progress file (unique per table and learner), so importing a file again adds nothing
and a newer file from the same learner adds only what is new. (A file can only ever add records to its
own, signed learner, so a uid another learner also used cannot touch her records.) Every record row
carries the course id and version it was made with.

Portable across SQLite and PostgreSQL (generic types only). The schema is made and upgraded by the
workspace's own Alembic revisions (storage/workspace_migrations, version table `workspace_alembic_version`),
the same on both engines; the first revision adopts a workspace made before them by `create_all`. The
single `workspace_schema` row keeps the version an eTrainer from before Alembic checks (it refuses above 2).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from etrainer.storage.models import CONSTRAINT_NAMES, UtcDateTime, utc_now

WORKSPACE_SCHEMA_VERSION = 2
"""2 added essays, their marks and the workspace's signing key. Raised by a revision that an older eTrainer
could not work with; the Alembic revision itself is in `WORKSPACE_VERSION_TABLE`."""
WORKSPACE_VERSION_TABLE = "workspace_alembic_version"
ID_LENGTH = 80
UID_LENGTH = 64
SHA256_LENGTH = 64


class WorkspaceBase(DeclarativeBase):
    metadata = MetaData(naming_convention=CONSTRAINT_NAMES)


def _uid() -> Mapped[str]:
    return mapped_column(String(UID_LENGTH))


def _learner(index: bool = False) -> Mapped[int]:
    return mapped_column(ForeignKey("ws_learner.id", ondelete="CASCADE"), index=index)


def _keyed() -> tuple[UniqueConstraint]:
    """A record is identified by its learner and its uid; the constraint's index, led by the learner, also
    keeps one learner's records together, so importing a file touches few index pages."""
    return (UniqueConstraint("learner_id", "uid"),)


def _ident(nullable: bool = False) -> Any:
    return mapped_column(String(ID_LENGTH), nullable=nullable)


class WorkspaceSchemaRow(WorkspaceBase):
    __tablename__ = "workspace_schema"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class WsLearnerRow(WorkspaceBase):
    """A learner known from her progress files; `public_key` is trusted from her first imported file."""

    __tablename__ = "ws_learner"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), unique=True)
    name: Mapped[str] = mapped_column(Text)
    branch: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    """When the learner's profile was made in her app."""
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    installation: Mapped[str] = mapped_column(String(UID_LENGTH), default="")
    first_import_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_import_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_exported_at: Mapped[datetime] = mapped_column(UtcDateTime())
    """The export time of the newest file imported; records are only updated from files at least as new."""


class WsImportRow(WorkspaceBase):
    """One accepted progress file. Rejected files are reported, never stored (they leave no trace)."""

    __tablename__ = "ws_import"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(SHA256_LENGTH), index=True)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime())
    exported_at: Mapped[datetime] = mapped_column(UtcDateTime())
    learner_id: Mapped[int] = _learner(index=True)
    course_id: Mapped[str] = _ident()
    course_version: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))
    """"imported" (new records), "updated" (only changed records) or "unchanged"."""
    records_new: Mapped[int] = mapped_column(Integer, default=0)
    records_updated: Mapped[int] = mapped_column(Integer, default=0)
    records_skipped: Mapped[int] = mapped_column(Integer, default=0)


class WsLessonProgressRow(WorkspaceBase):
    __tablename__ = "ws_lesson_progress"
    __table_args__ = _keyed()
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    learner_id: Mapped[int] = _learner()
    course_id: Mapped[str] = _ident()
    course_version: Mapped[str] = mapped_column(Text, default="")
    lesson_id: Mapped[str] = _ident()
    module_id: Mapped[str | None] = _ident(nullable=True)
    first_opened_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_opened_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    total_seconds: Mapped[int] = mapped_column(Integer, default=0)
    visits: Mapped[int] = mapped_column(Integer, default=0)


class WsLessonVisitRow(WorkspaceBase):
    __tablename__ = "ws_lesson_visit"
    __table_args__ = _keyed()
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    learner_id: Mapped[int] = _learner()
    course_id: Mapped[str] = _ident()
    course_version: Mapped[str] = mapped_column(Text, default="")
    lesson_id: Mapped[str] = _ident()
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    seconds: Mapped[int] = mapped_column(Integer, default=0)
    reached_end: Mapped[bool] = mapped_column(default=False)


class WsQuizAttemptRow(WorkspaceBase):
    __tablename__ = "ws_quiz_attempt"
    __table_args__ = _keyed()
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    learner_id: Mapped[int] = _learner()
    course_id: Mapped[str] = _ident()
    course_version: Mapped[str] = mapped_column(Text, default="")
    quiz_id: Mapped[str] = _ident()
    module_id: Mapped[str | None] = _ident(nullable=True)
    kind: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    question_count: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[float | None] = mapped_column(Float)
    passed: Mapped[bool | None] = mapped_column()
    pass_mark: Mapped[float] = mapped_column(Float)


class WsQuizResponseRow(WorkspaceBase):
    __tablename__ = "ws_quiz_response"
    __table_args__ = _keyed()
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    learner_id: Mapped[int] = _learner()
    attempt_id: Mapped[int] = mapped_column(ForeignKey("ws_quiz_attempt.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    question_id: Mapped[str] = _ident()
    question_kind: Mapped[str] = mapped_column(String(20))
    response: Mapped[str] = mapped_column(Text)
    """core.quiz.response JSON (sorted keys)."""
    score: Mapped[float] = mapped_column(Float)
    correct: Mapped[bool] = mapped_column()
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime())
    seconds: Mapped[float] = mapped_column(Float, default=0.0)


class WsWalkthroughAttemptRow(WorkspaceBase):
    __tablename__ = "ws_walkthrough_attempt"
    __table_args__ = _keyed()
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    learner_id: Mapped[int] = _learner()
    course_id: Mapped[str] = _ident()
    course_version: Mapped[str] = mapped_column(Text, default="")
    scenario_id: Mapped[str] = _ident()
    module_id: Mapped[str | None] = _ident(nullable=True)
    mode: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    abandoned: Mapped[bool] = mapped_column(default=False)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    hints: Mapped[int] = mapped_column(Integer, default=0)
    steps_done: Mapped[int] = mapped_column(Integer, default=0)
    steps_total: Mapped[int] = mapped_column(Integer, default=0)
    decisions_right: Mapped[int] = mapped_column(Integer, default=0)
    decisions_wrong: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[int | None] = mapped_column(Integer)
    passed: Mapped[bool | None] = mapped_column()


class WsWalkthroughEventRow(WorkspaceBase):
    __tablename__ = "ws_walkthrough_event"
    __table_args__ = _keyed()
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    learner_id: Mapped[int] = _learner()
    attempt_id: Mapped[int] = mapped_column(ForeignKey("ws_walkthrough_attempt.id", ondelete="CASCADE"),
                                            index=True)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[float] = mapped_column(Float)
    """Seconds since the attempt started."""
    kind: Mapped[str] = mapped_column(String(20))
    step_id: Mapped[str | None] = _ident(nullable=True)
    correct: Mapped[bool] = mapped_column()
    action: Mapped[str | None] = mapped_column(Text)
    """core.walkthrough.state.Action JSON (sorted keys), NULL for a hint."""


class WsEssayRow(WorkspaceBase):
    """An essay sent by a learner (a quiz response of kind `essay`), with what it is marked out of."""

    __tablename__ = "ws_essay"
    __table_args__ = _keyed()
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    """The response's uid."""
    learner_id: Mapped[int] = _learner()
    response_id: Mapped[int] = mapped_column(ForeignKey("ws_quiz_response.id", ondelete="CASCADE"), unique=True)
    max_points: Mapped[float] = mapped_column(Float)
    words: Mapped[int] = mapped_column(Integer, default=0)


class WsEssayGradeRow(WorkspaceBase):
    """The methodist's mark of one essay (the latest; grading again replaces it and makes it unsent)."""

    __tablename__ = "ws_essay_grade"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), unique=True)
    essay_id: Mapped[int] = mapped_column(ForeignKey("ws_essay.id", ondelete="CASCADE"), unique=True)
    points: Mapped[float] = mapped_column(Float)
    levels: Mapped[str] = mapped_column(Text, default="[]")
    """JSON: [{"criterion", "level", "points"}]."""
    comment: Mapped[str] = mapped_column(Text, default="")
    grader: Mapped[str] = mapped_column(Text, default="")
    graded_at: Mapped[datetime] = mapped_column(UtcDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    """When a feedback file last carried this mark; NULL: a new mark to send."""


class WsKeyRow(WorkspaceBase):
    """The workspace's own Ed25519 private key (raw 32 bytes), made when it first signs a feedback file."""

    __tablename__ = "ws_key"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class WsConsultationRow(WorkspaceBase):
    """One anonymous consultation at a librarian's desk (the progress file's optional `consultations`)."""

    __tablename__ = "ws_consultation"
    __table_args__ = _keyed()
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = _uid()
    learner_id: Mapped[int] = _learner()
    course_id: Mapped[str] = _ident()
    course_version: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    service_id: Mapped[str] = _ident()
    outcome: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[int] = mapped_column(Integer)
    channel_id: Mapped[str | None] = _ident(nullable=True)
    age_band_id: Mapped[str | None] = _ident(nullable=True)
    alone_next_time: Mapped[str] = mapped_column(String(20))
    reason_id: Mapped[str | None] = _ident(nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class WsLrsSentRow(WorkspaceBase):
    """A statement the methodist sent from the workspace to an LRS (it answered 200, 204 or 409): sending again
    to the same endpoint skips it. Only ids are kept; the statements are made again from the records."""

    __tablename__ = "ws_lrs_sent"
    __table_args__ = (UniqueConstraint("endpoint", "statement_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    endpoint: Mapped[str] = mapped_column(String(500))
    """The LRS's xAPI base URL, ending with "/"."""
    statement_id: Mapped[str] = mapped_column(String(36))
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime())


#: The record tables in the order they are written (parents before children).
RECORD_TABLES = (WsLessonProgressRow, WsLessonVisitRow, WsQuizAttemptRow, WsQuizResponseRow,
                 WsWalkthroughAttemptRow, WsWalkthroughEventRow)
