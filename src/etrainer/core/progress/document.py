"""A progress file's content as typed values: `parse_document` checks the shape of every field.

Every value is checked (type, range, length); the first field that does not fit raises
ProgressFileRejected(DAMAGED, "<json path>: <what is wrong>"). Unknown keys are ignored so that a
newer minor writer stays readable. Times become aware UTC datetimes; a quiz response and a walkthrough
action stay the JSON objects the app stores (read them with core.quiz.response.response_from_json and
core.walkthrough.state.Action.from_dict; both have already been checked to parse).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from etrainer.core.consultation.privacy import check_note
from etrainer.core.consultation.record import MAX_MINUTES, AloneNextTime, Outcome
from etrainer.core.progress.format import (
    MAX_ID,
    MAX_RECORDS,
    MAX_UID,
    ProgressFileRejected,
    RejectReason,
    parse_time,
)
from etrainer.core.progress.shape import Fields, damaged
from etrainer.core.quiz.essay import MAX_ESSAY_CHARS
from etrainer.core.quiz.model import QuestionKind
from etrainer.core.quiz.response import response_from_json
from etrainer.core.walkthrough.model import ActionKind
from etrainer.core.walkthrough.state import Action, LogKind, Mode

QUIZ_KINDS = ("quiz", "review")


@dataclass(frozen=True, slots=True)
class CourseRef:
    id: str
    version: str
    title: str


@dataclass(frozen=True, slots=True)
class LearnerInfo:
    uid: str
    name: str
    branch: str
    position: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class LessonProgressRecord:
    uid: str
    lesson_id: str
    module_id: str | None
    first_opened_at: datetime | None
    last_opened_at: datetime | None
    completed_at: datetime | None
    total_seconds: int
    visits: int


@dataclass(frozen=True, slots=True)
class LessonVisitRecord:
    uid: str
    lesson_id: str
    opened_at: datetime
    closed_at: datetime | None
    seconds: int
    reached_end: bool


@dataclass(frozen=True, slots=True)
class QuizResponseRecord:
    uid: str
    position: int
    question_id: str
    question_kind: QuestionKind
    response: Mapping[str, Any]
    """core.quiz.response JSON; option indices refer to the question's options in file order."""
    score: float
    correct: bool
    answered_at: datetime
    seconds: float
    max_points: float | None = None
    """What an essay is marked out of (essays only, format version 2)."""

    @property
    def essay_text(self) -> str | None:
        """The essay's text, None for another kind."""
        return str(self.response.get("text", "")) if self.question_kind is QuestionKind.ESSAY else None


@dataclass(frozen=True, slots=True)
class QuizAttemptRecord:
    uid: str
    quiz_id: str
    module_id: str | None
    kind: str
    """"quiz" or "review" (a review-deck session)."""
    course_version: str
    started_at: datetime
    finished_at: datetime | None
    question_count: int
    score: float | None
    """0..1 once finished."""
    passed: bool | None
    pass_mark: float
    responses: tuple[QuizResponseRecord, ...]


@dataclass(frozen=True, slots=True)
class WalkthroughEventRecord:
    uid: str
    seq: int
    at: float
    """Seconds since the attempt started."""
    kind: LogKind
    step_id: str | None
    correct: bool
    action: Mapping[str, Any] | None
    """core.walkthrough.state.Action.to_dict JSON, None for a hint."""


@dataclass(frozen=True, slots=True)
class WalkthroughAttemptRecord:
    uid: str
    scenario_id: str
    module_id: str | None
    mode: Mode
    course_version: str
    started_at: datetime
    finished_at: datetime | None
    abandoned: bool
    seconds: float
    errors: int
    hints: int
    steps_done: int
    steps_total: int
    decisions_right: int
    decisions_wrong: int
    score: int | None
    """0..100 once finished."""
    passed: bool | None
    events: tuple[WalkthroughEventRecord, ...]


@dataclass(frozen=True, slots=True)
class ConsultationRecord:
    """One anonymous consultation at the library desk (the optional `records.consultations` section)."""

    uid: str
    at: datetime
    service_id: str
    outcome: Outcome
    minutes: int
    channel_id: str | None
    age_band_id: str | None
    alone_next_time: AloneNextTime
    reason_id: str | None
    note: str
    """Blank when the note in the file looked like personal data (core.consultation.privacy)."""


@dataclass(frozen=True, slots=True)
class Signature:
    algorithm: str
    public_key: bytes
    """Raw 32-byte Ed25519 public key."""
    value: bytes
    """Raw 64-byte signature."""


@dataclass(frozen=True, slots=True)
class ProgressDocument:
    """A whole progress file, upgraded to the current version; `signature` None for an unsigned document."""

    version: int
    source_version: int
    """The version the file was written in (before any upgrade)."""
    exported_at: datetime
    app_version: str
    installation: str
    course: CourseRef
    learner: LearnerInfo
    lesson_progress: tuple[LessonProgressRecord, ...]
    lesson_visits: tuple[LessonVisitRecord, ...]
    quiz_attempts: tuple[QuizAttemptRecord, ...]
    walkthrough_attempts: tuple[WalkthroughAttemptRecord, ...]
    signature: Signature | None
    consultations: tuple[ConsultationRecord, ...] = ()
    """The optional `records.consultations` section (empty when the file has none)."""

    @property
    def record_count(self) -> int:
        """Records of every kind, responses and events included."""
        return (len(self.lesson_progress) + len(self.lesson_visits) + len(self.quiz_attempts)
                + sum(len(a.responses) for a in self.quiz_attempts) + len(self.walkthrough_attempts)
                + sum(len(a.events) for a in self.walkthrough_attempts) + len(self.consultations))


def count_records(records: object) -> int:
    """Records in a `records` object without parsing them (for the limit); 0 if it has another shape."""
    if not isinstance(records, dict):
        return 0
    total = 0
    for key, nested in (("lesson_progress", ""), ("lesson_visits", ""), ("quiz_attempts", "responses"),
                        ("walkthrough_attempts", "events"), ("consultations", "")):
        items = records.get(key)
        if isinstance(items, list):
            total += len(items)
            if nested:
                total += sum(len(i[nested]) for i in items if isinstance(i, dict) and isinstance(i.get(nested), list))
    return total


def parse_document(data: Mapping[str, Any], version: int, source_version: int,
                   signature: Signature | None) -> ProgressDocument:
    """The typed document from a version-`version` dict; raises ProgressFileRejected (DAMAGED, TOO_LARGE)."""
    top = Fields(data, "")
    records = top.obj("records")
    count = count_records(records.data)
    if count > MAX_RECORDS:
        raise ProgressFileRejected(RejectReason.TOO_LARGE, f"{count} records; the limit is {MAX_RECORDS}")
    document = ProgressDocument(
        version=version, source_version=source_version, exported_at=top.time("exported_at"),
        app_version=top.text("app_version"), installation=top.uid("installation"),
        course=_course(top.obj("course")), learner=_learner(top.obj("learner")),
        lesson_progress=tuple(_lesson_progress(f) for f in records.objects("lesson_progress")),
        lesson_visits=tuple(_lesson_visit(f) for f in records.objects("lesson_visits")),
        quiz_attempts=tuple(_quiz_attempt(f) for f in records.objects("quiz_attempts")),
        walkthrough_attempts=tuple(_walkthrough_attempt(f) for f in records.objects("walkthrough_attempts")),
        signature=signature,
        consultations=tuple(_consultation(f) for f in _optional_objects(records, "consultations")))
    _check_unique_uids(document)
    return document


def _course(f: Fields) -> CourseRef:
    return CourseRef(f.ident("id"), f.text("version"), f.text("title"))


def _learner(f: Fields) -> LearnerInfo:
    return LearnerInfo(f.uid("uid"), f.text("name", empty=False), f.text("branch"), f.text("position"),
                       f.time("created_at"))


# The records a file has hundreds of (lesson progress and visits, quiz responses, walkthrough events) are read
# by a fast path first: plain checks inline, for a record as eTrainer writes it. Anything it does not accept
# outright (another type, a value out of range, an essay, an int where a float is usual) goes through the
# field-by-field reading below it, which applies the same rules and names what is wrong. The fast path only
# ever accepts what that reading accepts, with the same result; it saves the method calls per field, most
# of the time checking a file took.

_MISSING = object()
_INF = math.inf
_QUESTION_KINDS = {kind.value: kind for kind in QuestionKind}
_LOG_KINDS = {kind.value: kind for kind in LogKind}
_ACTION_KINDS = frozenset(kind.value for kind in ActionKind)


def _is_uid(value: object) -> bool:
    return type(value) is str and 0 < len(value) <= MAX_UID and not value.isspace()


def _is_ident(value: object) -> bool:
    return type(value) is str and 0 < len(value) <= MAX_ID and not value.isspace()


def _is_plain_action(data: dict[str, Any]) -> bool:
    """True for an action without parts whose fields are all text: one Action.from_dict accepts."""
    kind = data.get("kind")
    return (type(kind) is str and kind in _ACTION_KINDS and type(data.get("screen")) is str
            and type(data.get("control")) is str and type(data.get("value", "")) is str and "parts" not in data)


def _opt_time(value: object) -> datetime | None:
    """None for null, else as parse_time (ValueError for a missing key, `_MISSING`, too)."""
    return None if value is None else parse_time(value)  # type: ignore[arg-type]


def _lesson_progress(f: Fields) -> LessonProgressRecord:
    d = f.data
    uid, lesson, module, total, visits = (d.get("uid"), d.get("lesson_id"), d.get("module_id", _MISSING),
                                          d.get("total_seconds"), d.get("visits"))
    if (_is_uid(uid) and _is_ident(lesson) and (module is None or _is_ident(module))
            and type(total) is int and total >= 0 and type(visits) is int and visits >= 0):
        try:
            return LessonProgressRecord(uid, lesson, module, _opt_time(d.get("first_opened_at", _MISSING)),
                                        _opt_time(d.get("last_opened_at", _MISSING)),
                                        _opt_time(d.get("completed_at", _MISSING)), total, visits)
        except ValueError:
            pass
    return _lesson_progress_checked(f)


def _lesson_progress_checked(f: Fields) -> LessonProgressRecord:
    return LessonProgressRecord(
        f.uid("uid"), f.ident("lesson_id"), f.opt_ident("module_id"), f.opt_time("first_opened_at"),
        f.opt_time("last_opened_at"), f.opt_time("completed_at"), f.integer("total_seconds"), f.integer("visits"))


def _lesson_visit(f: Fields) -> LessonVisitRecord:
    d = f.data
    uid, lesson, seconds, reached = d.get("uid"), d.get("lesson_id"), d.get("seconds"), d.get("reached_end")
    if _is_uid(uid) and _is_ident(lesson) and type(seconds) is int and seconds >= 0 and type(reached) is bool:
        try:
            return LessonVisitRecord(uid, lesson, parse_time(d.get("opened_at")),  # type: ignore[arg-type]
                                     _opt_time(d.get("closed_at", _MISSING)), seconds, reached)
        except ValueError:
            pass
    return _lesson_visit_checked(f)


def _lesson_visit_checked(f: Fields) -> LessonVisitRecord:
    return LessonVisitRecord(f.uid("uid"), f.ident("lesson_id"), f.time("opened_at"), f.opt_time("closed_at"),
                             f.integer("seconds"), f.flag("reached_end"))


def _quiz_attempt(f: Fields) -> QuizAttemptRecord:
    kind = f.text("kind")
    if kind not in QUIZ_KINDS:
        raise damaged(f.where("kind"), f"expected one of {', '.join(QUIZ_KINDS)}")
    return QuizAttemptRecord(
        f.uid("uid"), f.ident("quiz_id"), f.opt_ident("module_id"), kind, f.text("course_version"),
        f.time("started_at"), f.opt_time("finished_at"), f.integer("question_count"),
        f.opt_number("score", 0.0, 1.0), f.opt_flag("passed"), f.number("pass_mark", 0.0, 1.0),
        tuple(_quiz_response(r) for r in f.objects("responses")))


def _quiz_response(f: Fields) -> QuizResponseRecord:
    d = f.data
    uid, position, question, kind_value, response, score, correct, seconds = (
        d.get("uid"), d.get("position"), d.get("question_id"), d.get("question_kind"), d.get("response"),
        d.get("score"), d.get("correct"), d.get("seconds"))
    kind = _QUESTION_KINDS.get(kind_value) if type(kind_value) is str else None
    if (kind is not None and kind is not QuestionKind.ESSAY and type(response) is dict and _is_uid(uid)
            and type(position) is int and position >= 0 and _is_ident(question)
            and type(score) is float and 0.0 <= score <= 1.0 and type(correct) is bool
            and type(seconds) is float and 0.0 <= seconds < _INF):
        try:
            response_from_json(response)
            return QuizResponseRecord(uid, position, question, kind, response, score, correct,
                                      parse_time(d.get("answered_at")), seconds)  # type: ignore[arg-type]
        except ValueError:
            pass
    return _quiz_response_checked(f)


def _quiz_response_checked(f: Fields) -> QuizResponseRecord:
    response = f.obj("response")
    try:
        response_from_json(dict(response.data))
    except ValueError as error:
        raise damaged(f.where("response"), str(error)) from error
    kind = f.choice("question_kind", QuestionKind)
    max_points = None
    if kind is QuestionKind.ESSAY:
        if response.data.get("kind") != "essay":
            raise damaged(f.where("response"), "an essay's response is {\"kind\": \"essay\", \"text\": …}")
        if len(str(response.data.get("text", ""))) > MAX_ESSAY_CHARS:
            raise damaged(f.where("response"), f"an essay longer than {MAX_ESSAY_CHARS} characters")
        max_points = f.number("max_points", 0.0, 1000.0)
    return QuizResponseRecord(
        f.uid("uid"), f.integer("position"), f.ident("question_id"), kind,
        response.data, f.number("score", 0.0, 1.0), f.flag("correct"), f.time("answered_at"),
        f.number("seconds", 0.0), max_points)


def _walkthrough_attempt(f: Fields) -> WalkthroughAttemptRecord:
    return WalkthroughAttemptRecord(
        f.uid("uid"), f.ident("scenario_id"), f.opt_ident("module_id"), f.choice("mode", Mode),
        f.text("course_version"), f.time("started_at"), f.opt_time("finished_at"), f.flag("abandoned"),
        f.number("seconds", 0.0), f.integer("errors"), f.integer("hints"), f.integer("steps_done"),
        f.integer("steps_total"), f.integer("decisions_right"), f.integer("decisions_wrong"),
        f.opt_integer("score", 0, 100), f.opt_flag("passed"),
        tuple(_walkthrough_event(e) for e in f.objects("events")))


def _walkthrough_event(f: Fields) -> WalkthroughEventRecord:
    d = f.data
    uid, seq, at, kind_value, step, correct, action = (
        d.get("uid"), d.get("seq"), d.get("at"), d.get("kind"), d.get("step_id", _MISSING), d.get("correct"),
        d.get("action", _MISSING))
    kind = _LOG_KINDS.get(kind_value) if type(kind_value) is str else None
    if (kind is not None and _is_uid(uid) and type(seq) is int and seq >= 0 and type(at) is float
            and 0.0 <= at < _INF and (step is None or _is_ident(step)) and type(correct) is bool):
        if type(action) is dict:
            try:
                if not _is_plain_action(action):
                    Action.from_dict(action)
                return WalkthroughEventRecord(uid, seq, at, kind, step, correct, action)
            except ValueError:
                pass
        elif action is None and kind is not LogKind.ACTION:
            return WalkthroughEventRecord(uid, seq, at, kind, step, correct, None)
    return _walkthrough_event_checked(f)


def _walkthrough_event_checked(f: Fields) -> WalkthroughEventRecord:
    kind = f.choice("kind", LogKind)
    action = f.opt_obj("action")
    if action is not None:
        try:
            Action.from_dict(action.data)
        except ValueError as error:
            raise damaged(f.where("action"), str(error)) from error
    elif kind is LogKind.ACTION:
        raise damaged(f.where("action"), "an action event needs its action")
    return WalkthroughEventRecord(f.uid("uid"), f.integer("seq"), f.number("at", 0.0), kind,
                                  f.opt_ident("step_id"), f.flag("correct"), None if action is None else action.data)


def _optional_objects(fields: Fields, key: str) -> Iterator[Fields]:
    return iter(()) if fields.data.get(key) is None else fields.objects(key)


def _consultation(f: Fields) -> ConsultationRecord:
    note = f.text("note", 1000)
    return ConsultationRecord(
        f.uid("uid"), f.time("at"), f.ident("service_id"), f.choice("outcome", Outcome),
        f.integer("minutes", 1, MAX_MINUTES), f.opt_ident("channel_id"), f.opt_ident("age_band_id"),
        f.choice("alone_next_time", AloneNextTime), f.opt_ident("reason_id"), "" if check_note(note) else note)


def _check_unique_uids(document: ProgressDocument) -> None:
    seen: set[str] = set()
    groups: list[tuple[str, tuple[Any, ...]]] = [
        ("lesson_progress", document.lesson_progress), ("lesson_visits", document.lesson_visits),
        ("quiz_attempts", document.quiz_attempts), ("walkthrough_attempts", document.walkthrough_attempts),
        ("consultations", document.consultations)]
    groups += [("responses", a.responses) for a in document.quiz_attempts]
    groups += [("events", a.events) for a in document.walkthrough_attempts]
    for name, records in groups:
        for record in records:
            if record.uid in seen:
                raise damaged(f"records.{name}", f"the uid {record.uid} is used twice")
            seen.add(record.uid)
