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

from etrainer.core.progress.document import QUIZ_KINDS, ProgressDocument, Signature, count_records, parse_document
from etrainer.core.progress.format import (
    FORMAT_VERSION,
    MAX_ID,
    MAX_RECORDS,
    MAX_TEXT,
    MAX_UID,
    ProgressFileRejected,
    parse_time,
)
from etrainer.core.quiz.essay import count_words
from etrainer.core.quiz.model import QuestionKind
from etrainer.core.quiz.response import response_from_json
from etrainer.core.walkthrough.model import ActionKind
from etrainer.core.walkthrough.state import Action, LogKind, Mode

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


# Rows straight from a signed file's checked JSON, without the typed document in between (an import's workers
# spent more time building the typed records and reading them back than on any other part of checking a file).
# `plain_rows` accepts only a file whose every record passes inline checks at least as strict as
# core.progress.document's, the records as eTrainer writes them; for anything else (an essay, consultations, a
# value of another type or out of range, a duplicate uid, a damaged field) it returns None, and the caller
# builds the typed document, which refuses the file with its usual message or accepts it. Either way the rows
# are the same (tests/storage/test_workspace_rows.py compares them on every kind of odd file).

_MISSING = object()
_INF = float("inf")
_QUESTION_KINDS = frozenset(kind.value for kind in QuestionKind if kind is not QuestionKind.ESSAY)
_LOG_KINDS = frozenset(kind.value for kind in LogKind)
_MODES = frozenset(mode.value for mode in Mode)
_ACTION_KINDS = frozenset(kind.value for kind in ActionKind)
_RECORD_LISTS = ("lesson_progress", "lesson_visits", "quiz_attempts", "walkthrough_attempts")
_NO_RECORDS: dict[str, list[Any]] = {key: [] for key in _RECORD_LISTS}
_fromisoformat = datetime.fromisoformat


class _NotPlain(Exception):
    """A record `plain_rows` leaves to the typed document."""


def _sqlite_time(text: object) -> str:
    """`_sqlite_stamp(parse_time(text))`, without the datetime for a time as eTrainer writes it
    (`2026-11-27T16:00:00Z`: it is still parsed, to refuse a 13th month). ValueError as parse_time."""
    if type(text) is str and len(text) == 20 and text[4::3] == "--T::Z":
        _fromisoformat(text[:19])
        return f"{text[:10]} {text[11:19]}.000000"
    return _sqlite_stamp(parse_time(text))  # type: ignore[arg-type,return-value]


def _server_time(text: object) -> datetime:
    """`_naive_stamp(parse_time(text))`: the naive UTC moment. ValueError as parse_time."""
    if type(text) is str and len(text) == 20 and text[4::3] == "--T::Z":
        return _fromisoformat(text[:19])
    return _naive_utc(parse_time(text))  # type: ignore[arg-type]


def _text(value: object, limit: int) -> bool:
    """As core.progress.shape.Fields.text with `empty=False` (uid, ident)."""
    return type(value) is str and 0 < len(value) <= limit and not value.isspace()


def _plain_response(response: object) -> bool:
    if type(response) is not dict:
        return False
    kind = response.get("kind")
    if kind == "choice":
        picked = response.get("picked")
        if type(picked) is list and all(type(i) is int for i in picked):
            return True
    response_from_json(response)  # ValueError for a response the typed document refuses as well
    return True


def _plain_action(action: dict[str, Any]) -> None:
    kind = action.get("kind")
    if not (type(kind) is str and kind in _ACTION_KINDS and type(action.get("screen")) is str
            and type(action.get("control")) is str and type(action.get("value", "")) is str
            and "parts" not in action):
        Action.from_dict(action)  # ValueError for an action the typed document refuses as well


def plain_rows(data: Mapping[str, Any], source_version: int, signature: Signature | None,
               dialect: str) -> tuple[ProgressDocument, RecordRows] | None:
    """The document's header (a ProgressDocument without records) and its rows for `dialect` (as
    `record_rows(parse_document(...), stamp_for(dialect))` gives them), from `data` upgraded to FORMAT_VERSION;
    None when a record is not plainly as eTrainer writes it, or the file is refused (see above)."""
    records = data.get("records")
    if type(records) is not dict or count_records(records) > MAX_RECORDS:
        return None
    consultations = records.get("consultations")
    if consultations is not None and consultations != []:
        return None
    lists = [records.get(key) for key in _RECORD_LISTS]
    if not all(type(items) is list for items in lists):
        return None
    try:
        header = parse_document({**data, "records": _NO_RECORDS}, FORMAT_VERSION, source_version, signature)
    except ProgressFileRejected:  # the typed document names the field
        return None
    try:
        rows = _rows(header.course.id, header.course.version, *lists,
                     _sqlite_time if dialect == "sqlite" else _server_time)
    except (_NotPlain, ValueError, TypeError):
        return None
    return (header, rows) if rows is not None else None


def _rows(course: str, version: str, progress: list[Any], visits: list[Any], quizzes: list[Any],
          walks: list[Any], t: Callable[[object], Any]) -> RecordRows | None:
    uids: list[object] = []
    add = uids.append
    lp_rows, lv_rows, qa_rows, qr_rows, wa_rows, we_rows = [], [], [], [], [], []
    for d in progress:
        if type(d) is not dict:
            return None
        uid, lesson, module, total, count = (d.get("uid"), d.get("lesson_id"), d.get("module_id", _MISSING),
                                             d.get("total_seconds"), d.get("visits"))
        if not (_text(uid, MAX_UID) and _text(lesson, MAX_ID) and (module is None or _text(module, MAX_ID))
                and type(total) is int and total >= 0 and type(count) is int and count >= 0):
            return None
        first, last, done = (d.get("first_opened_at", _MISSING), d.get("last_opened_at", _MISSING),
                             d.get("completed_at", _MISSING))
        lp_rows.append((uid, course, version, lesson, module, None if first is None else t(first),
                        None if last is None else t(last), None if done is None else t(done), total, count))
        add(uid)
    for d in visits:
        if type(d) is not dict:
            return None
        uid, lesson, seconds, reached = d.get("uid"), d.get("lesson_id"), d.get("seconds"), d.get("reached_end")
        if not (_text(uid, MAX_UID) and _text(lesson, MAX_ID) and type(seconds) is int and seconds >= 0
                and type(reached) is bool):
            return None
        closed = d.get("closed_at", _MISSING)
        lv_rows.append((uid, course, version, lesson, t(d.get("opened_at")), None if closed is None else t(closed),
                        seconds, reached))
        add(uid)
    for a in quizzes:
        if type(a) is not dict:
            return None
        uid, kind, quiz, module, course_version, count, score, passed, pass_mark, responses = (
            a.get("uid"), a.get("kind"), a.get("quiz_id"), a.get("module_id", _MISSING), a.get("course_version"),
            a.get("question_count"), a.get("score", _MISSING), a.get("passed", _MISSING), a.get("pass_mark"),
            a.get("responses"))
        if not (type(kind) is str and kind in QUIZ_KINDS and _text(uid, MAX_UID) and _text(quiz, MAX_ID)
                and (module is None or _text(module, MAX_ID)) and type(course_version) is str
                and len(course_version) <= MAX_TEXT and type(count) is int and count >= 0
                and (score is None or (type(score) is float and 0.0 <= score <= 1.0))
                and (passed is None or type(passed) is bool)
                and type(pass_mark) is float and 0.0 <= pass_mark <= 1.0 and type(responses) is list):
            return None
        finished = a.get("finished_at", _MISSING)
        qa_rows.append((uid, course, course_version or version, quiz, module, kind, t(a.get("started_at")),
                        None if finished is None else t(finished), count, score, passed, pass_mark))
        add(uid)
        for r in responses:
            if type(r) is not dict:
                return None
            r_uid, position, question, r_kind, response, r_score, correct, seconds = (
                r.get("uid"), r.get("position"), r.get("question_id"), r.get("question_kind"), r.get("response"),
                r.get("score"), r.get("correct"), r.get("seconds"))
            if not (type(r_kind) is str and r_kind in _QUESTION_KINDS and _text(r_uid, MAX_UID)
                    and type(position) is int and position >= 0 and _text(question, MAX_ID)
                    and type(r_score) is float and 0.0 <= r_score <= 1.0 and type(correct) is bool
                    and type(seconds) is float and 0.0 <= seconds < _INF and _plain_response(response)):
                return None
            qr_rows.append((r_uid, uid, position, question, r_kind, as_json(response), r_score, correct,
                            t(r.get("answered_at")), seconds))
            add(r_uid)
    for a in walks:
        if type(a) is not dict:
            return None
        row = _walk_row(a, course, version, t)
        uid = row[0]
        wa_rows.append(row)
        add(uid)
        events = a["events"]
        for e in events:
            if type(e) is not dict:
                return None
            e_uid, seq, at, kind, step, correct, action = (
                e.get("uid"), e.get("seq"), e.get("at"), e.get("kind"), e.get("step_id", _MISSING), e.get("correct"),
                e.get("action", _MISSING))
            if not (type(kind) is str and kind in _LOG_KINDS and _text(e_uid, MAX_UID) and type(seq) is int
                    and seq >= 0 and type(at) is float and 0.0 <= at < _INF
                    and (step is None or _text(step, MAX_ID)) and type(correct) is bool):
                return None
            if type(action) is dict:
                _plain_action(action)
            elif action is not None or kind == LogKind.ACTION.value:
                return None
            we_rows.append((e_uid, uid, seq, at, kind, step, correct, as_json(action)))
            add(e_uid)
    if len(set(uids)) != len(uids):
        return None
    return lp_rows, lv_rows, qa_rows, qr_rows, wa_rows, we_rows, []


_WALK_COUNTS = ("errors", "hints", "steps_done", "steps_total", "decisions_right", "decisions_wrong")


def _walk_row(a: dict[str, Any], course: str, version: str, t: Callable[[object], Any]) -> Row:
    """A walkthrough attempt's row (raises _NotPlain; its events are read by the caller)."""
    uid, scenario, module, mode, course_version, abandoned, seconds, score, passed, events = (
        a.get("uid"), a.get("scenario_id"), a.get("module_id", _MISSING), a.get("mode"), a.get("course_version"),
        a.get("abandoned"), a.get("seconds"), a.get("score", _MISSING), a.get("passed", _MISSING), a.get("events"))
    counts = [a.get(key) for key in _WALK_COUNTS]
    if not (_text(uid, MAX_UID) and _text(scenario, MAX_ID) and (module is None or _text(module, MAX_ID))
            and type(mode) is str and mode in _MODES and type(course_version) is str
            and len(course_version) <= MAX_TEXT and type(abandoned) is bool
            and type(seconds) is float and 0.0 <= seconds < _INF
            and all(type(n) is int and n >= 0 for n in counts)
            and (score is None or (type(score) is int and 0 <= score <= 100))
            and (passed is None or type(passed) is bool) and type(events) is list):
        raise _NotPlain
    finished = a.get("finished_at", _MISSING)
    return (uid, course, course_version or version, scenario, module, mode, t(a.get("started_at")),
            None if finished is None else t(finished), abandoned, seconds, *counts, score, passed)
