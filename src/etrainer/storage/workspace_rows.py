"""A progress document as the plain rows the workspace stores (no SQLAlchemy here: an import's worker
processes build these, and pay neither SQLAlchemy's import time nor pickling typed records back).

`record_rows` gives one list per record table, in the order of `workspace.RECORD_MODELS`; each row is a
tuple of the table's `workspace.COLUMNS` without the learner's row id (the writer adds it), and a quiz
response or walkthrough event names its attempt by uid where the table has the attempt's row id.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from etrainer.core.progress.document import ProgressDocument
from etrainer.core.quiz.essay import count_words
from etrainer.core.quiz.model import QuestionKind

Stamp = Callable[[datetime | None], Any]
"""A moment as the database driver takes it for a `UtcDateTime` column."""
Row = tuple[Any, ...]
RecordRows = tuple[list[Row], list[Row], list[Row], list[Row], list[Row], list[Row], list[Row]]
"""Lesson progress, lesson visits, quiz attempts, quiz responses, walkthrough attempts, walkthrough events,
consultations."""


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
# JSONEncoder.encode builds a new C encoder for every call, which costs more than encoding a small response;
# this is the very encoder it builds (same arguments, so the same text), made once. Parsed JSON cannot be
# circular, so it goes without the circular-reference markers.
_C_ENCODER = (json.encoder.c_make_encoder(None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",",
                                          True, False, True)
              if json.encoder.c_make_encoder is not None else None)


def as_json(data: Mapping[str, Any] | None) -> str | None:
    """How the workspace stores a response or an action: compact JSON, keys sorted."""
    if data is None:
        return None
    return "".join(_C_ENCODER(data, 0)) if _C_ENCODER is not None else _ENCODER.encode(data)


def _naive_utc(value: datetime) -> datetime:
    """As `storage.models.UtcDateTime` stores a moment: naive UTC (a naive one is taken as UTC already)."""
    return value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)


def _sqlite_stamp(value: datetime | None) -> str | None:
    """SQLAlchemy's SQLite DATETIME storage format, "YYYY-MM-DD HH:MM:SS.ffffff"."""
    if value is None:
        return None
    if value.tzinfo is UTC:  # a progress file's moments are (core.progress.format.parse_time): no conversion;
        return value.isoformat(" ", "microseconds")[:26]  # the text before "+00:00", without replace()'s cost
    return _naive_utc(value).isoformat(" ", "microseconds")


def _naive_stamp(value: datetime | None) -> datetime | None:
    return None if value is None else _naive_utc(value)


def stamp_for(dialect: str) -> Stamp:
    """The bind processing of a `UtcDateTime` column on `dialect` (SQLAlchemy's dialect name), done ahead:
    the rows come out ready for the driver, so the writing process skips SQLAlchemy's per-value processing
    (a third of its time in a large import)."""
    return _sqlite_stamp if dialect == "sqlite" else _naive_stamp


def record_rows(document: ProgressDocument, stamp: Stamp = _naive_stamp) -> RecordRows:
    """The document's rows with their moments as `stamp` makes them (`stamp_for` the database's dialect)."""
    t = stamp
    course, version = document.course.id, document.course.version
    quizzes, walks = document.quiz_attempts, document.walkthrough_attempts
    return (
        [(r.uid, course, version, r.lesson_id, r.module_id, t(r.first_opened_at), t(r.last_opened_at),
          t(r.completed_at), r.total_seconds, r.visits) for r in document.lesson_progress],
        [(r.uid, course, version, r.lesson_id, t(r.opened_at), t(r.closed_at), r.seconds, r.reached_end)
         for r in document.lesson_visits],
        [(a.uid, course, a.course_version or version, a.quiz_id, a.module_id, a.kind, t(a.started_at),
          t(a.finished_at), a.question_count, a.score, a.passed, a.pass_mark) for a in quizzes],
        [(r.uid, a.uid, r.position, r.question_id, r.question_kind.value, as_json(r.response), r.score, r.correct,
          t(r.answered_at), r.seconds) for a in quizzes for r in a.responses],
        [(a.uid, course, a.course_version or version, a.scenario_id, a.module_id, a.mode.value, t(a.started_at),
          t(a.finished_at), a.abandoned, a.seconds, a.errors, a.hints, a.steps_done, a.steps_total, a.decisions_right,
          a.decisions_wrong, a.score, a.passed) for a in walks],
        [(e.uid, a.uid, e.seq, e.at, e.kind.value, e.step_id, e.correct, as_json(e.action))
         for a in walks for e in a.events],
        [(c.uid, course, version, t(c.at), c.service_id, c.outcome.value, c.minutes, c.channel_id, c.age_band_id,
          c.alone_next_time.value, c.reason_id, c.note) for c in document.consultations],
    )


def essay_rows(document: ProgressDocument) -> list[tuple[str, float, int]]:
    """The document's essay responses as (response uid, maximum points, words)."""
    return [(r.uid, r.max_points or 0.0, count_words(r.essay_text or "")) for a in document.quiz_attempts
            for r in a.responses if r.question_kind is QuestionKind.ESSAY]
