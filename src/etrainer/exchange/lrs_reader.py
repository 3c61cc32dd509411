"""Е-тренер's own xAPI statements, read back from a Learning Record Store into progress records.

The inverse of `exchange.xapi` (docs/progress-format.md, "xAPI"), for `etrainer workspace pull-lrs`. A statement
is Е-тренер's when its actor is an account under `LEARNER_HOME`, its object an activity under `IRI_BASE`, and its
verb one Е-тренер writes for that kind of activity; any other statement is counted and skipped with a reason
(`SkipReason`). A statement that is Е-тренер's but has a field of the wrong type or shape raises `BadStatement`:
the caller stores nothing from a pull with such a statement.

What the statements cannot carry is left at a neutral value and documented (docs/methodist-lrs.md): the learner's
branch, position and profile date, a lesson visit's closing time, a quiz attempt's pass mark and course version,
a response's position (rebuilt from the answer order), walkthrough steps, decisions and events, consultations,
the methodist's marks. Records are keyed by the `record` context extension (their uid in the progress file),
or by the statement id for statements written before that extension existed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any
from urllib.parse import unquote

from etrainer.core.course.model import Course
from etrainer.core.progress.document import (
    LessonVisitRecord,
    QuizAttemptRecord,
    QuizResponseRecord,
    WalkthroughAttemptRecord,
)
from etrainer.core.quiz.model import GapKind, Question, QuestionKind
from etrainer.core.quiz.response import response_from_json
from etrainer.core.walkthrough.state import Mode
from etrainer.exchange.xapi import (
    ADL_VERB,
    DESCRIPTION_LANGUAGE,
    EXTENSION_BASE,
    IRI_BASE,
    LEARNER_HOME,
    RECORD_EXTENSION,
)

MAX_TEXT = 20_000
"""The longest text field read (an essay's limit)."""
CourseLookup = Callable[[str], Course | None]
_ID = re.compile(r"^[^\s]{1,80}$")
_DURATION = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$")
_BY_INTERACTION = {"true-false": QuestionKind.TRUE_FALSE, "matching": QuestionKind.MATCHING,
                   "sequencing": QuestionKind.ORDERING, "numeric": QuestionKind.NUMERICAL,
                   "other": QuestionKind.HOTSPOT, "long-fill-in": QuestionKind.ESSAY}


class SkipReason(Enum):
    """Why a statement was not read (the CLI prints the value)."""

    OTHER_ACTOR = "other actor"
    OTHER_ACTIVITY = "other activity"
    OTHER_VERB = "unknown verb"
    MARK = "a methodist's mark"


FOREIGN = (SkipReason.OTHER_ACTOR, SkipReason.OTHER_ACTIVITY, SkipReason.OTHER_VERB)
"""The reasons that mean "not from eTrainer"."""


class BadStatement(ValueError):
    """One of Е-тренер's statements has a field of the wrong type or shape (the message names it)."""


@dataclass(slots=True)
class LessonRead:
    uid: str
    module_id: str | None
    completed_at: datetime
    total_seconds: int


@dataclass(slots=True)
class PulledCourse:
    """What the statements say about one learner in one course."""

    learner_uid: str
    course_id: str
    learner_name: str = ""
    visits: dict[str, LessonVisitRecord] = field(default_factory=dict)
    modules: dict[str, str | None] = field(default_factory=dict)
    """Lesson id → module id, from the visits' and reads' context."""
    reads: dict[str, LessonRead] = field(default_factory=dict)
    """Lesson id → the `completed` statement."""
    attempts: dict[str, QuizAttemptRecord] = field(default_factory=dict)
    """Registration → the quiz attempt (responses are in `responses`)."""
    responses: dict[str, dict[str, QuizResponseRecord]] = field(default_factory=dict)
    """Registration → response uid → the response."""
    answered_in: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """Registration → (quiz id, module id) from the answers' context (for an attempt not among the statements)."""
    walks: dict[str, WalkthroughAttemptRecord] = field(default_factory=dict)
    """Registration → the walkthrough attempt."""
    last_at: datetime | None = None

    @property
    def record_count(self) -> int:
        return (len(self.visits) + len(self.reads) + len(self.attempts) + len(self.walks)
                + sum(len(r) for r in self.responses.values()))


@dataclass(slots=True)
class PulledStatements:
    courses: dict[tuple[str, str], PulledCourse] = field(default_factory=dict)
    skipped: Counter[SkipReason] = field(default_factory=Counter)
    read: int = 0

    @property
    def foreign(self) -> int:
        return sum(self.skipped[reason] for reason in FOREIGN)


def read_statements(statements: list[Any], courses: CourseLookup | dict[str, Course] | None = None,
                    into: PulledStatements | None = None) -> PulledStatements:
    """Sort every statement into records per (learner uid, course id), adding to `into` when given (a pull reads
    page by page); `courses` (a lookup by id, or a dict) give question kinds, matching sizes, cloze gap kinds,
    essay maxima and pass marks, which the statements do not carry exactly."""
    pulled = into if into is not None else PulledStatements()
    lookup: CourseLookup = courses.get if isinstance(courses, dict) else courses or (lambda course_id: None)
    for statement in statements:
        pulled.read += 1
        if not isinstance(statement, dict):
            raise BadStatement(f"statement {pulled.read} is not a JSON object")
        reason = _read_one(statement, pulled, lookup)
        if reason is not None:
            pulled.skipped[reason] += 1
    return pulled


def _read_one(s: dict[str, Any], pulled: PulledStatements, courses: CourseLookup) -> SkipReason | None:
    actor, obj, verb = s.get("actor"), s.get("object"), s.get("verb")
    account = actor.get("account") if isinstance(actor, dict) else None
    if not isinstance(account, dict) or account.get("homePage") != LEARNER_HOME:
        return SkipReason.OTHER_ACTOR
    object_id = obj.get("id") if isinstance(obj, dict) else None
    if not isinstance(object_id, str) or not object_id.startswith(IRI_BASE + "/"):
        return SkipReason.OTHER_ACTIVITY
    parts = [unquote(p) for p in object_id.removeprefix(IRI_BASE + "/").split("/")]
    if len(parts) != 3 or parts[1] not in _KINDS:  # the course itself, a module, or not an eTrainer path
        return SkipReason.OTHER_ACTIVITY
    course_id, kind, item_id = parts
    verb_id = verb.get("id") if isinstance(verb, dict) else None
    verb_name = verb_id.removeprefix(ADL_VERB) if isinstance(verb_id, str) and verb_id.startswith(ADL_VERB) else ""
    if (verb_name, kind) == ("scored", "question"):
        return SkipReason.MARK
    handler = _HANDLERS.get((verb_name, kind))
    if handler is None:
        return SkipReason.OTHER_VERB
    sid = _text(s, "id")
    where = f"statement {sid}"
    learner_uid = _ident(account.get("name"), f"{where}: actor.account.name")
    if not _ID.match(course_id) or not _ID.match(item_id):
        raise BadStatement(f"{where}: object.id {object_id!r} is not an eTrainer activity id")
    key = (learner_uid, course_id)
    target = pulled.courses.get(key)
    if target is None:
        target = pulled.courses[key] = PulledCourse(learner_uid, course_id)
    name = actor.get("name") if isinstance(actor, dict) else None
    if isinstance(name, str) and name.strip():
        target.learner_name = name.strip()[:200]
    statement = _Statement(s, sid, where, verb_name, item_id, courses(course_id))
    handler(statement, target)
    if target.last_at is None or statement.at > target.last_at:
        target.last_at = statement.at
    return None


class _Statement:
    """One of Е-тренер's statements with typed access to its fields (BadStatement naming the field)."""

    def __init__(self, s: dict[str, Any], sid: str, where: str, verb: str, item_id: str,
                 course: Course | None) -> None:
        self.s, self.sid, self.where, self.verb, self.item_id, self.course = s, sid, where, verb, item_id, course
        context = s.get("context", {})
        if not isinstance(context, dict):
            raise BadStatement(f"{where}: context is not an object")
        self.context = context
        result = s.get("result", {})
        if not isinstance(result, dict):
            raise BadStatement(f"{where}: result is not an object")
        self.result = result
        self.at = _time(s.get("timestamp"), f"{where}: timestamp")

    @property
    def uid(self) -> str:
        extensions = self.context.get("extensions", {})
        uid = extensions.get(RECORD_EXTENSION) if isinstance(extensions, dict) else None
        return self.sid if uid is None else _ident(uid, f"{self.where}: the record extension", 64)

    @property
    def registration(self) -> str:
        return _ident(self.context.get("registration"), f"{self.where}: context.registration", 64)

    def module(self) -> str | None:
        return self._activity("parent", "module")

    def quiz_of_answer(self) -> str:
        quiz = self._activity("other", "quiz")
        if quiz is None:
            raise BadStatement(f"{self.where}: the answer names no quiz in context.contextActivities.other")
        return quiz

    def _activity(self, role: str, kind: str) -> str | None:
        activities = self.context.get("contextActivities", {})
        if not isinstance(activities, dict):
            raise BadStatement(f"{self.where}: context.contextActivities is not an object")
        listed = activities.get(role, [])
        if isinstance(listed, dict):
            listed = [listed]
        if not isinstance(listed, list):
            raise BadStatement(f"{self.where}: context.contextActivities.{role} is not a list")
        for activity in listed:
            iri = activity.get("id") if isinstance(activity, dict) else None
            if isinstance(iri, str) and iri.startswith(IRI_BASE + "/"):
                parts = iri.removeprefix(IRI_BASE + "/").split("/")
                if len(parts) == 3 and parts[1] == kind:
                    return _ident(unquote(parts[2]), f"{self.where}: context {role} id")
        return None

    def seconds(self) -> float:
        value = self.result.get("duration", "PT0S")
        found = _DURATION.match(value) if isinstance(value, str) else None
        if found is None:
            raise BadStatement(f"{self.where}: result.duration {value!r} is not an ISO 8601 duration")
        hours, minutes, secs = found.groups()
        return int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(secs or 0)

    def flag(self, name: str, default: bool | None = None) -> bool | None:
        value = self.result.get(name, default)
        if value is not None and not isinstance(value, bool):
            raise BadStatement(f"{self.where}: result.{name} is not true or false")
        return value

    def score(self, name: str) -> float:
        score = self.result.get("score")
        value = score.get(name) if isinstance(score, dict) else None
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1_000_000:
            raise BadStatement(f"{self.where}: result.score.{name} is missing or not a number in range")
        return float(value)

    def extension(self, name: str) -> Any:
        extensions = self.result.get("extensions", {})
        return extensions.get(f"{EXTENSION_BASE}/{name}") if isinstance(extensions, dict) else None

    def count(self, name: str) -> int:
        value = self.extension(name)
        if value is None:
            return 0
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000:
            raise BadStatement(f"{self.where}: the {name} extension is not a whole number in range")
        return value


def _visit(st: _Statement, target: PulledCourse) -> None:
    seconds = round(st.seconds())
    target.modules.setdefault(st.item_id, st.module())
    target.visits[st.uid] = LessonVisitRecord(st.uid, st.item_id, st.at, None, seconds,
                                              bool(st.flag("completion", False)))


def _read(st: _Statement, target: PulledCourse) -> None:
    module = st.module()
    target.modules[st.item_id] = module
    target.reads[st.item_id] = LessonRead(st.uid, module, st.at, round(st.seconds()))


def _quiz_started(st: _Statement, target: PulledCourse) -> None:
    registration = st.registration
    known = target.attempts.get(registration)
    if known is not None:  # the finishing statement came first: only the start time is new
        target.attempts[registration] = replace(known, started_at=st.at)
        return
    kind = "review" if st.item_id == "review" else "quiz"
    target.attempts[registration] = QuizAttemptRecord(st.uid, st.item_id, st.module(), kind, "", st.at, None, 0,
                                                      None, None, _pass_mark(st), ())


def _quiz_finished(st: _Statement, target: PulledCourse) -> None:
    registration = st.registration
    scaled, top = st.score("scaled"), st.score("max")
    if scaled > 1:
        raise BadStatement(f"{st.where}: result.score.scaled is more than 1")
    known = target.attempts.get(registration)
    started = known.started_at if known is not None else st.at - timedelta(seconds=st.seconds())
    kind = "quiz" if st.verb != "completed" else "review"
    passed = st.flag("success") if kind == "quiz" else None
    target.attempts[registration] = QuizAttemptRecord(
        st.uid, st.item_id, st.module(), kind, "", started, st.at, int(top), scaled, passed, _pass_mark(st), ())


def _answered(st: _Statement, target: PulledCourse) -> None:
    registration = st.registration
    quiz_id = st.quiz_of_answer()
    target.answered_in[registration] = (quiz_id, st.module())
    question = _question(st.course, quiz_id, st.item_id)
    response = st.result.get("response", "")
    if not isinstance(response, str) or len(response) > MAX_TEXT:
        raise BadStatement(f"{st.where}: result.response is not a text of at most {MAX_TEXT} characters")
    definition = st.s["object"].get("definition", {})
    interaction = definition.get("interactionType") if isinstance(definition, dict) else None
    kind = question.kind if question is not None else _kind(interaction, response)
    data = _response(kind, response, question, st.where, _targets(question, definition))
    if kind is QuestionKind.ESSAY:
        score, correct = 0.0, False
        max_points = question.essay.max_points if question is not None and question.essay is not None else 1.0
    else:
        score, correct, max_points = st.score("scaled"), bool(st.flag("success", False)), None
        if score > 1:
            raise BadStatement(f"{st.where}: result.score.scaled is more than 1")
    record = QuizResponseRecord(st.uid, 0, st.item_id, kind, data, score, correct, st.at, st.seconds(), max_points)
    target.responses.setdefault(registration, {})[record.uid] = record


def _walk_started(st: _Statement, target: PulledCourse) -> None:
    registration = st.registration
    if registration in target.walks:  # the finishing statement came first and says everything
        return
    target.walks[registration] = _walk(st, None, None, None)


def _walk_finished(st: _Statement, target: PulledCourse) -> None:
    known = target.walks.get(st.registration)
    score = passed = None
    if st.verb != "completed":
        score, passed = round(st.score("raw")), st.flag("success")
        if score > 100:
            raise BadStatement(f"{st.where}: result.score.raw is more than 100")
    walk = _walk(st, st.at, score, passed)
    if known is not None:
        walk = replace(walk, started_at=known.started_at)
    target.walks[st.registration] = walk


def _walk(st: _Statement, finished_at: datetime | None, score: int | None,
          passed: bool | None) -> WalkthroughAttemptRecord:
    mode_value = st.extension("mode")
    try:
        mode = Mode(mode_value) if mode_value is not None else Mode.PRACTICE
    except ValueError:
        raise BadStatement(f"{st.where}: the mode extension {mode_value!r} is not a walkthrough mode") from None
    seconds = st.seconds()
    started = st.at if finished_at is None else st.at - timedelta(seconds=seconds)
    # An attempt that was never finished reaches the LRS as `attempted` with completion false only: it is
    # kept as abandoned (a file may call it in progress; the statements cannot tell the two apart).
    abandoned = finished_at is None and st.flag("completion", False) is False
    return WalkthroughAttemptRecord(st.uid, st.item_id, st.module(), mode, "", started, finished_at, abandoned,
                                    seconds, st.count("errors"), st.count("hints"), 0, 0, 0, 0, score, passed, ())


_HANDLERS = {("experienced", "lesson"): _visit, ("completed", "lesson"): _read,
             ("attempted", "quiz"): _quiz_started, ("passed", "quiz"): _quiz_finished,
             ("failed", "quiz"): _quiz_finished, ("completed", "quiz"): _quiz_finished,
             ("answered", "question"): _answered, ("attempted", "walkthrough"): _walk_started,
             ("passed", "walkthrough"): _walk_finished, ("failed", "walkthrough"): _walk_finished,
             ("completed", "walkthrough"): _walk_finished}
_KINDS = {kind for _, kind in _HANDLERS}


def _pass_mark(st: _Statement) -> float:
    quiz = st.course.quiz(st.item_id) if st.course is not None else None
    return float(quiz.pass_mark) if quiz is not None else 0.0


def _question(course: Course | None, quiz_id: str, question_id: str) -> Question | None:
    if course is None:
        return None
    quiz = course.quiz(quiz_id)
    found = quiz.question(question_id) if quiz is not None else None
    if found is not None:
        return found
    for other in course.quizzes:
        found = other.question(question_id)
        if found is not None:
            return found
    return None


def _target(answer: str, targets: list[str] | None) -> str:
    if targets is None:
        return answer
    index = int(answer)  # ValueError: not an id the definition gives — a bad statement
    if not 0 <= index < len(targets):
        raise ValueError(answer)
    return targets[index]


def _kind(interaction: Any, response: str) -> QuestionKind:
    """The question kind from the interaction type when the course does not know the question."""
    if interaction == "choice":
        return QuestionKind.MULTIPLE_CHOICE if "[,]" in response else QuestionKind.SINGLE_CHOICE
    if interaction == "fill-in":
        return QuestionKind.CLOZE if "[,]" in response else QuestionKind.SHORT_ANSWER
    return _BY_INTERACTION.get(interaction, QuestionKind.SHORT_ANSWER)


def _targets(question: Question | None, definition: Any) -> list[str] | None:
    """A matching question's answers in the order its `target` ids number them: from the course when it is
    installed, else the statement's own definition (plain-text descriptions); None when neither has them."""
    if question is not None and question.matching is not None:
        return list(question.matching.choices())
    targets = definition.get("target") if isinstance(definition, dict) else None
    if not isinstance(targets, list):
        return None
    texts = [t.get("description", {}).get(DESCRIPTION_LANGUAGE) if isinstance(t, dict) and
             isinstance(t.get("description"), dict) else None for t in targets]
    return texts if all(isinstance(t, str) for t in texts) else None


def _response(kind: QuestionKind, text: str, question: Question | None, where: str,
              targets: list[str] | None = None) -> dict[str, Any]:
    """The stored answer (core.quiz.response JSON) from xAPI's response text. A matched pair's target is an
    index into `targets` when the statement defines them (exchange.xapi.response_text), else the answer's text."""
    items = text.split("[,]") if text else []
    try:
        match kind:
            case QuestionKind.SINGLE_CHOICE | QuestionKind.MULTIPLE_CHOICE:
                data: dict[str, Any] = {"kind": "choice", "picked": sorted(int(i) for i in items)}
            case QuestionKind.TRUE_FALSE:
                data = {"kind": "true_false", "value": text == "true"}
            case QuestionKind.ORDERING:
                data = {"kind": "ordering", "order": [int(i) for i in items]}
            case QuestionKind.MATCHING:
                pairs = {int(i): _target(a, targets) for i, a in (item.split("[.]", 1) for item in items)}
                size = len(question.matching.pairs) if question is not None and question.matching else 0
                size = max([size, *(i + 1 for i in pairs)])
                data = {"kind": "matching", "answers": [pairs.get(i) for i in range(size)]}
            case QuestionKind.CLOZE:
                gaps = question.cloze.gaps if question is not None and question.cloze is not None else ()
                values: list[Any] = []
                for n, value in enumerate(items):
                    choice = n < len(gaps) and gaps[n].kind is GapKind.CHOICE
                    values.append(None if value == "" else int(value) if choice else value)
                data = {"kind": "cloze", "values": values}
            case QuestionKind.HOTSPOT:
                x, y = text.split(",")
                data = {"kind": "hotspot", "x": float(x), "y": float(y)}
            case QuestionKind.ESSAY:
                data = {"kind": "essay", "text": text}
            case _:
                data = {"kind": "text", "text": text}
        response_from_json(data)
    except (ValueError, TypeError):
        raise BadStatement(f"{where}: result.response {text[:80]!r} is not a {kind.value} answer") from None
    return data


def _text(s: dict[str, Any], name: str) -> str:
    value = s.get(name)
    if not isinstance(value, str) or not 1 <= len(value) <= 64:
        raise BadStatement(f"a statement's {name} is missing or not a short text")
    return value


def _ident(value: Any, where: str, limit: int = 80) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= limit:
        raise BadStatement(f"{where} is missing or not a text of 1–{limit} characters")
    return value


def _time(value: Any, where: str) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise BadStatement(f"{where} is missing or not a time")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadStatement(f"{where} {value!r} is not an ISO 8601 time") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
