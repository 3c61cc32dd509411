"""A progress document as xAPI 1.0.3 statements (for an LMS or a Learning Record Store).

Mapping (docs/progress-format.md, "xAPI"): a lesson visit → `experienced`; a lesson read → `completed`;
a quiz response → `answered`; a quiz or walkthrough attempt → `attempted` when it starts, then `passed` /
`failed` when it is finished and graded (`completed` for a review session or a demo-mode walkthrough).
An essay is a `long-fill-in` interaction answered with its text and no score (it waits for the methodist);
the methodist's mark, once the learner has it, is a `scored` statement on the same question with the score
and the methodist in `context.instructor` (`grading_statements`).
The actor is an account {homePage: LEARNER_HOME, name: learner uid}; activity ids live under
`https://etrainer.invalid/xapi/<course id>/` (lesson/…, quiz/…, question/…, walkthrough/…, module/…);
context: parent = the module, grouping = the course (an answer's quiz is in `other`), registration = the
attempt; context extension `record` = the record's uid. Statement ids are uuid5 of the record uid, so exporting
again gives the same ids.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import quote

from etrainer.core.course.model import Course
from etrainer.core.progress.document import (
    LessonProgressRecord,
    LessonVisitRecord,
    ProgressDocument,
    QuizAttemptRecord,
    QuizResponseRecord,
    WalkthroughAttemptRecord,
)
from etrainer.core.progress.format import format_time
from etrainer.core.progress.learner_report import question_label
from etrainer.core.quiz.essay import EssayMark
from etrainer.core.quiz.model import Gap, GapKind, NumericAnswer, Question, QuestionKind
from etrainer.core.quiz.response import parse_number
from etrainer.core.walkthrough.state import Mode

XAPI_VERSION = "1.0.3"
IRI_BASE = "https://etrainer.invalid/xapi"
LEARNER_HOME = "https://etrainer.invalid/learners"
EXTENSION_BASE = f"{IRI_BASE}/extensions"
RECORD_EXTENSION = f"{EXTENSION_BASE}/record"
"""Context extension: the uid of the record a statement was made from (the progress file's `uid`)."""
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, IRI_BASE)
ADL_VERB = "http://adlnet.gov/expapi/verbs/"
ADL_ACTIVITY = "http://adlnet.gov/expapi/activities/"
METHODIST_HOME = "https://etrainer.invalid/methodists"
VERBS = ("experienced", "completed", "answered", "attempted", "passed", "failed", "scored")
INTERACTION_TYPES = {
    QuestionKind.SINGLE_CHOICE: "choice", QuestionKind.MULTIPLE_CHOICE: "choice",
    QuestionKind.TRUE_FALSE: "true-false", QuestionKind.MATCHING: "matching", QuestionKind.ORDERING: "sequencing",
    QuestionKind.SHORT_ANSWER: "fill-in", QuestionKind.NUMERICAL: "numeric", QuestionKind.CLOZE: "fill-in",
    QuestionKind.HOTSPOT: "other", QuestionKind.ESSAY: "long-fill-in",
}


def statement_id(record_uid: str, suffix: str = "") -> str:
    """The statement's UUID, derived from the record's uid (and a suffix for a record's second statement)."""
    return str(uuid.uuid5(NAMESPACE, f"{record_uid}/{suffix}" if suffix else record_uid))


def duration(seconds: float) -> str:
    """ISO 8601 duration to 0.01 s: `PT1H2M3.5S`, `PT0S`."""
    hundredths = round(max(0.0, seconds) * 100)
    hours, rest = divmod(hundredths, 360_000)
    minutes, rest = divmod(rest, 6_000)
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if rest or not (hours or minutes):
        whole, fraction = divmod(rest, 100)
        text += f"{whole}.{fraction:02d}".rstrip("0").rstrip(".") + "S"
    return text


class _Builder:
    def __init__(self, doc: ProgressDocument, course: Course | None) -> None:
        self.doc = doc
        self.course = course
        self.base = f"{IRI_BASE}/{quote(doc.course.id, safe='')}"
        self.actor = {"objectType": "Agent", "name": doc.learner.name,
                      "account": {"homePage": LEARNER_HOME, "name": doc.learner.uid}}

    def activity(self, kind: str, item_id: str | None, kind_type: str, title: str | None,
                 **definition: Any) -> dict[str, Any]:
        iri = self.base if item_id is None else f"{self.base}/{kind}/{quote(item_id, safe='')}"
        body: dict[str, Any] = {"type": ADL_ACTIVITY + kind_type, **definition}
        if title:
            body["name"] = {"uk": title}
        return {"objectType": "Activity", "id": iri, "definition": body}

    def context(self, module_id: str | None, registration: str | None = None,
                other: dict[str, Any] | None = None) -> dict[str, Any]:
        course_title = self.course.title if self.course is not None else self.doc.course.title
        activities: dict[str, Any] = {"grouping": [self.activity("", None, "course", course_title)]}
        if module_id is not None:
            module = self.course.module(module_id) if self.course is not None else None
            activities["parent"] = [self.activity("module", module_id, "module", module.title if module else None)]
        if other is not None:
            activities["other"] = [other]
        context: dict[str, Any] = {"contextActivities": activities, "platform": "Е-тренер", "language": "uk"}
        if registration is not None:
            context["registration"] = registration
        return context

    def statement(self, sid: str, verb: str, obj: dict[str, Any], timestamp: str, context: dict[str, Any],
                  result: dict[str, Any] | None = None) -> dict[str, Any]:
        statement = {"id": sid, "version": XAPI_VERSION, "actor": self.actor,
                     "verb": {"id": ADL_VERB + verb, "display": {"en-US": verb}}, "object": obj,
                     "context": context, "timestamp": timestamp}
        if result:
            statement["result"] = result
        return statement

    def lesson(self, lesson_id: str) -> dict[str, Any]:
        lesson = self.course.lesson(lesson_id) if self.course is not None else None
        return self.activity("lesson", lesson_id, "lesson", lesson.title if lesson else None)

    def quiz(self, quiz_id: str) -> dict[str, Any]:
        quiz = self.course.quiz(quiz_id) if self.course is not None else None
        return self.activity("quiz", quiz_id, "assessment", quiz.title if quiz else None)

    def walkthrough(self, scenario_id: str) -> dict[str, Any]:
        scenario = self.course.scenario(scenario_id) if self.course is not None else None
        return self.activity("walkthrough", scenario_id, "simulation", scenario.title if scenario else None)

    def find_question(self, response: QuizResponseRecord) -> Question | None:
        """The course's question the response answers (None without a course, or when it is gone or changed kind)."""
        for quiz in self.course.quizzes if self.course is not None else ():
            found = quiz.question(response.question_id)
            if found is not None:
                return found if found.kind is response.question_kind else None
        return None

    def question(self, response: QuizResponseRecord) -> dict[str, Any]:
        found = self.find_question(response)
        if found is None:
            return self.activity("question", response.question_id, "cmi.interaction", None,
                                 interactionType=INTERACTION_TYPES[response.question_kind])
        return self.activity("question", response.question_id, "cmi.interaction", question_label(found),
                             **interaction_definition(found))


def statements(doc: ProgressDocument, course: Course | None = None) -> list[dict[str, Any]]:
    """Every statement for the document's records, oldest first."""
    builder = _Builder(doc, course)
    modules = {p.lesson_id: p.module_id for p in doc.lesson_progress}
    out: list[dict[str, Any]] = []
    for visit in doc.lesson_visits:
        out.append(_visit(builder, visit, modules.get(visit.lesson_id)))
    for progress in doc.lesson_progress:
        if progress.completed_at is not None:
            out.append(_lesson_read(builder, progress))
    for attempt in doc.quiz_attempts:
        out.extend(_quiz(builder, attempt))
    for walk in doc.walkthrough_attempts:
        out.extend(_walkthrough(builder, walk))
    out.sort(key=lambda s: s["timestamp"])
    return _with_record_uids(out, doc)


def _with_record_uids(out: list[dict[str, Any]], doc: ProgressDocument) -> list[dict[str, Any]]:
    """Each statement's context carries its record's uid (extension `record`): a statement id cannot be turned
    back into the uid, and a reader rebuilding the records from an LRS (workspace pull-lrs) keys them by it, as
    a file import does."""
    uids: dict[str, str] = {}
    for uid in [r.uid for r in doc.lesson_visits] + [r.uid for r in doc.lesson_progress] + [
            r.uid for a in doc.quiz_attempts for r in a.responses]:
        uids[statement_id(uid)] = uid
    for uid in [a.uid for a in doc.quiz_attempts] + [w.uid for w in doc.walkthrough_attempts]:
        uids[statement_id(uid, "attempted")] = uids[statement_id(uid, "finished")] = uid
    for statement in out:
        if statement["id"] in uids:
            extensions = {**statement["context"].get("extensions", {}), RECORD_EXTENSION: uids[statement["id"]]}
            statement["context"] = {**statement["context"], "extensions": extensions}
    return out


def settled(doc: ProgressDocument) -> ProgressDocument:
    """The document without the records that may still change: a lesson visit still open, a quiz attempt not
    finished, a walkthrough neither finished nor abandoned. What goes to an LRS is sent once and never again
    (an LRS keeps statements unchanged), so an attempt goes when it is over, with its final result."""
    return replace(doc, lesson_visits=tuple(v for v in doc.lesson_visits if v.closed_at is not None),
                   quiz_attempts=tuple(a for a in doc.quiz_attempts if a.finished_at is not None),
                   walkthrough_attempts=tuple(w for w in doc.walkthrough_attempts
                                              if w.finished_at is not None or w.abandoned))


def _visit(b: _Builder, visit: LessonVisitRecord, module_id: str | None) -> dict[str, Any]:
    return b.statement(statement_id(visit.uid), "experienced", b.lesson(visit.lesson_id),
                       format_time(visit.opened_at), b.context(module_id),
                       {"completion": visit.reached_end, "duration": duration(visit.seconds)})


def _lesson_read(b: _Builder, progress: LessonProgressRecord) -> dict[str, Any]:
    assert progress.completed_at is not None
    return b.statement(statement_id(progress.uid), "completed", b.lesson(progress.lesson_id),
                       format_time(progress.completed_at), b.context(progress.module_id),
                       {"completion": True, "duration": duration(progress.total_seconds)})


def _quiz(b: _Builder, attempt: QuizAttemptRecord) -> list[dict[str, Any]]:
    registration = statement_id(attempt.uid, "registration")
    context = b.context(attempt.module_id, registration)
    quiz = b.quiz(attempt.quiz_id)
    finished = attempt.finished_at is not None
    out = [b.statement(statement_id(attempt.uid, "attempted"), "attempted", quiz, format_time(attempt.started_at),
                       context, None if finished else {"completion": False})]
    for response in attempt.responses:
        text = response_text(response.question_kind, response.response, b.find_question(response))
        result = {"completion": True, "response": text, "duration": duration(response.seconds)}
        if response.question_kind is not QuestionKind.ESSAY:  # an essay has no score until it is marked
            result = {"score": {"scaled": _unit(response.score), "raw": _unit(response.score), "min": 0, "max": 1},
                      "success": response.correct, **result}
        out.append(b.statement(
            statement_id(response.uid), "answered", b.question(response), format_time(response.answered_at),
            b.context(attempt.module_id, registration, quiz), result))
    if attempt.finished_at is not None:
        score = _unit(attempt.score or 0.0)
        count = attempt.question_count
        result: dict[str, Any] = {
            "score": {"scaled": score, "raw": round(score * count, 2) if count else score, "min": 0,
                      "max": count if count else 1},
            "completion": True, "duration": duration((attempt.finished_at - attempt.started_at).total_seconds())}
        verb = "completed"
        if attempt.kind == "quiz":
            result["success"] = bool(attempt.passed)
            verb = "passed" if attempt.passed else "failed"
        out.append(b.statement(statement_id(attempt.uid, "finished"), verb, quiz, format_time(attempt.finished_at),
                               context, result))
    return out


def grading_statements(doc: ProgressDocument, marks: Iterable[tuple[str, EssayMark]],
                       course: Course | None = None) -> list[dict[str, Any]]:
    """A `scored` statement per (essay response uid, the methodist's mark): the score out of the essay's
    maximum, the methodist in `context.instructor`, the attempt as registration. Marks of essays the document
    does not carry are left out. A later mark of the same essay is a new statement (its id includes the date)."""
    builder = _Builder(doc, course)
    found = {r.uid: (a, r) for a in doc.quiz_attempts for r in a.responses}
    out: list[dict[str, Any]] = []
    for response_uid, mark in marks:
        if response_uid not in found or mark.graded_at is None:
            continue
        attempt, response = found[response_uid]
        graded_at = format_time(mark.graded_at)
        context = builder.context(attempt.module_id, statement_id(attempt.uid, "registration"),
                                  builder.quiz(attempt.quiz_id))
        context["instructor"] = {"objectType": "Agent", "name": mark.grader or "Методист",
                                 "account": {"homePage": METHODIST_HOME, "name": mark.grader or "methodist"}}
        top = mark.max_points or 1.0
        result = {"score": {"scaled": _unit(mark.points / top), "raw": mark.points, "min": 0, "max": top},
                  "completion": True}
        if mark.comment:
            result["response"] = mark.comment
        out.append(builder.statement(statement_id(response_uid, f"scored/{graded_at}"), "scored",
                                     builder.question(response), graded_at, context, result))
    return out


def _walkthrough(b: _Builder, walk: WalkthroughAttemptRecord) -> list[dict[str, Any]]:
    context = b.context(walk.module_id, statement_id(walk.uid, "registration"))
    activity = b.walkthrough(walk.scenario_id)
    extensions = {f"{EXTENSION_BASE}/mode": walk.mode.value, f"{EXTENSION_BASE}/errors": walk.errors,
                  f"{EXTENSION_BASE}/hints": walk.hints}
    finished = walk.finished_at is not None and not walk.abandoned
    out = [b.statement(statement_id(walk.uid, "attempted"), "attempted", activity, format_time(walk.started_at),
                       context, None if finished else {"completion": False, "duration": duration(walk.seconds),
                                                       "extensions": extensions})]
    if finished and walk.finished_at is not None:
        result: dict[str, Any] = {"completion": True, "duration": duration(walk.seconds), "extensions": extensions}
        verb = "completed"
        if walk.mode is not Mode.DEMO and walk.score is not None:
            result["score"] = {"scaled": walk.score / 100, "raw": walk.score, "min": 0, "max": 100}
            result["success"] = bool(walk.passed)
            verb = "passed" if walk.passed else "failed"
        out.append(b.statement(statement_id(walk.uid, "finished"), verb, activity, format_time(walk.finished_at),
                               context, result))
    return out


def _unit(value: float) -> float:
    return round(min(1.0, max(0.0, value)), 4)


def interaction_definition(question: Question) -> dict[str, Any]:
    """The question as an xAPI 1.0.3 interaction (Data, Appendix C): its type, a Ukrainian description,
    the components a response refers to (`choices`; `source`/`target` for matching) and the right answers
    (`correctResponsesPattern`), for every kind that has them. Component ids are the indices the learner's
    responses use (options, pairs and items in file order; matching targets in `Matching.choices()` order)."""
    definition: dict[str, Any] = {"interactionType": INTERACTION_TYPES[question.kind],
                                  "description": {DESCRIPTION_LANGUAGE: _plain(question.text) or question.id}}
    pattern: list[str] = []
    match question.kind:
        case QuestionKind.SINGLE_CHOICE | QuestionKind.MULTIPLE_CHOICE:
            definition["choices"] = _components(a.text for a in question.answers)
            pattern = _choice_pattern(question)
        case QuestionKind.TRUE_FALSE if question.true_false is not None:
            pattern = ["true" if question.true_false.correct else "false"]
        case QuestionKind.ORDERING:
            definition["choices"] = _components(question.ordering)
            pattern = ["[,]".join(str(i) for i in range(len(question.ordering)))] if question.ordering else []
        case QuestionKind.MATCHING if question.matching is not None:
            targets = question.matching.choices()
            definition["source"] = _components(p.prompt for p in question.matching.pairs)
            definition["target"] = _components(targets)
            pattern = ["[,]".join(f"{i}[.]{targets.index(p.answer)}" for i, p in enumerate(question.matching.pairs))]
        case QuestionKind.SHORT_ANSWER:
            pattern = [a.text for a in question.answers if a.fraction >= FULL_MARK]
        case QuestionKind.NUMERICAL if question.numerical is not None:
            pattern = [_numeric_pattern(n) for n in question.numerical.answers if n.fraction >= FULL_MARK]
        case QuestionKind.CLOZE if question.cloze is not None:
            gaps = [_gap_answer(gap) for gap in question.cloze.gaps]
            pattern = ["[,]".join(gaps)] if gaps and all(g is not None for g in gaps) else []  # type: ignore[misc]
    pattern = [p for p in dict.fromkeys(pattern) if p]
    if pattern:
        definition["correctResponsesPattern"] = pattern
    return definition


def response_text(kind: QuestionKind, data: Mapping[str, Any], question: Question | None = None) -> str:
    """The answer in xAPI's interaction response form (`[,]` between items, `[.]` inside a matched pair),
    referring to the ids `interaction_definition(question)` defines. Without the question, a matched pair's
    target is the answer's text (its index cannot be known)."""
    match data.get("kind"):
        case "choice":
            return "[,]".join(str(i) for i in data.get("picked", []))
        case "true_false":
            return "true" if data.get("value") else "false"
        case "ordering":
            return "[,]".join(str(i) for i in data.get("order", []))
        case "matching":
            targets = question.matching.choices() if question is not None and question.matching else None
            pairs = []
            for index, answer in enumerate(data.get("answers", [])):
                if answer is None:
                    continue
                if targets is None:
                    pairs.append(f"{index}[.]{answer}")
                elif answer in targets:
                    pairs.append(f"{index}[.]{targets.index(answer)}")
            return "[,]".join(pairs)
        case "cloze":
            return "[,]".join("" if v is None else str(v) for v in data.get("values", []))
        case "hotspot":
            return f"{data.get('x')},{data.get('y')}"
    text = str(data.get("text", ""))
    if kind is QuestionKind.NUMERICAL:
        number = parse_number(text)
        return _number(number) if number is not None else text
    return text


FULL_MARK = 1 - 1e-9
DESCRIPTION_LANGUAGE = "uk-UA"
_MARKS = re.compile(r"[*_`#>]|\{\{\d+\}\}")


def _plain(text: str) -> str:
    """Markdown text as one plain line (marks and gap markers removed; a link keeps its words)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\s+", " ", _MARKS.sub("", text)).strip()


def _components(texts: Iterable[str]) -> list[dict[str, Any]]:
    return [{"id": str(i), "description": {DESCRIPTION_LANGUAGE: _plain(t) or str(i)}} for i, t in enumerate(texts)]


def _choice_pattern(question: Question) -> list[str]:
    fractions = [a.fraction for a in question.answers]
    if question.kind is QuestionKind.MULTIPLE_CHOICE:
        right = [str(i) for i, f in enumerate(fractions) if f > 0]
        return ["[,]".join(right)] if right else []
    best = max(fractions, default=0.0)
    return [str(i) for i, f in enumerate(fractions) if f >= min(best, FULL_MARK) and f > 0]


def _number(value: float) -> str:
    return f"{value:.12g}"  # 45.41 for 45.42 - 0.01, not 45.410000000000004


def _numeric_pattern(answer: NumericAnswer) -> str:
    if answer.tolerance <= 0:
        return _number(answer.value)
    return f"{_number(answer.value - answer.tolerance)}[:]{_number(answer.value + answer.tolerance)}"


def _gap_answer(gap: Gap) -> str | None:
    """A right value of one cloze gap as the learner's response gives it (the option's index for a list)."""
    if gap.kind is GapKind.CHOICE:
        fractions = [a.fraction for a in gap.answers]
        return str(fractions.index(max(fractions))) if fractions else None
    if gap.kind is GapKind.NUMERICAL:
        best = max(gap.numbers, key=lambda n: n.fraction, default=None)
        return _number(best.value) if best is not None else None
    best_text = max(gap.answers, key=lambda a: a.fraction, default=None)
    return best_text.text if best_text is not None else None
