"""A classroom quiz summary as a file: JSON (versioned, write-then-rename) and a Markdown report.

The summary is the trainer's own record of a session in the room; nothing here touches any
learner's progress. Labels in the Markdown are English, marked for the "ClassroomSummary" context;
the UI passes a `translate` function that looks them up.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from etrainer.core.classroom.quiz import (
    ClassroomOption,
    ClassroomQuestion,
    ClassroomSummary,
    PhoneQuestion,
    PhoneResults,
    QuestionResult,
    TallyMode,
)
from etrainer.core.errors import EtrainerError
from etrainer.core.ids import QuestionId
from etrainer.core.quiz.model import QuestionKind
from etrainer.i18n import QT_TRANSLATE_NOOP

FORMAT = "etrainer-classroom-quiz"
VERSION = 1
MAX_FILE_BYTES = 5 * 1024 * 1024

Translate = Callable[[str], str]

TITLE = QT_TRANSLATE_NOOP("ClassroomSummary", "Classroom quiz: {title}")
STARTED = QT_TRANSLATE_NOOP("ClassroomSummary", "Date: {date}")
QUESTIONS = QT_TRANSLATE_NOOP("ClassroomSummary", "Questions: {count}")
SECONDS = QT_TRANSLATE_NOOP("ClassroomSummary", "Seconds to vote: {seconds}")
TEAMS = QT_TRANSLATE_NOOP("ClassroomSummary", "Teams")
TEAM = QT_TRANSLATE_NOOP("ClassroomSummary", "Team")
POINTS = QT_TRANSLATE_NOOP("ClassroomSummary", "Points")
OPTION = QT_TRANSLATE_NOOP("ClassroomSummary", "Option")
HANDS = QT_TRANSLATE_NOOP("ClassroomSummary", "Hands")
SHARE_HANDS = QT_TRANSLATE_NOOP("ClassroomSummary", "Hands for the right answer: {share}")
SHARE_TEAMS = QT_TRANSLATE_NOOP("ClassroomSummary", "Teams that scored: {share}")
NOT_COUNTED = QT_TRANSLATE_NOOP("ClassroomSummary", "not counted")
NOT_REVEALED = QT_TRANSLATE_NOOP("ClassroomSummary", "The answer was not revealed.")
EXPLANATION = QT_TRANSLATE_NOOP("ClassroomSummary", "Explanation:")
SOURCE = QT_TRANSLATE_NOOP("ClassroomSummary", "Source:")
PHONES = QT_TRANSLATE_NOOP("ClassroomSummary", "Voting from phones (participants: {count})")
PHONE_ANSWERS = QT_TRANSLATE_NOOP("ClassroomSummary", "Answered from phones: {answered}; right: {right}")
NOT_OPENED = QT_TRANSLATE_NOOP("ClassroomSummary", "Not opened for the phones.")
PLACE = QT_TRANSLATE_NOOP("ClassroomSummary", "Place")
NICKNAME = QT_TRANSLATE_NOOP("ClassroomSummary", "Nickname or team")
RIGHT_ORDER = QT_TRANSLATE_NOOP("ClassroomSummary", "The right order: {order}")
PLACE_IN_ORDER = QT_TRANSLATE_NOOP("ClassroomSummary", "Place")
HANDS_FIRST = QT_TRANSLATE_NOOP("ClassroomSummary", "Hands for it first")
SHARE_FIRST = QT_TRANSLATE_NOOP("ClassroomSummary", "Hands for the right first item: {share}")
PHONE_ORDERS = QT_TRANSLATE_NOOP("ClassroomSummary", "Orders given from phones: {orders}")


class ClassroomFileUnreadable(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The classroom quiz summary {path} cannot be opened: {reason}")


class NewerClassroomFile(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The classroom quiz summary {path} comes from a newer eTrainer "
                             "(format {found}). Update eTrainer, then open it again.")


def parse_json(text: str) -> Any:
    """JSON as eTrainer writes it: numbers must be finite (NaN, Infinity and 1e999 raise ValueError, as
    does a number too long to read; JSON nested past Python's recursion limit raises RecursionError)."""
    return json.loads(text, parse_constant=_not_finite, parse_float=_finite_float)


def _not_finite(name: str) -> Any:
    raise ValueError(f"{name} is not a number eTrainer writes")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:20]} is out of range")
    return value


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write `data` beside `path`, flush it to disk, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def summary_to_json(summary: ClassroomSummary) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "title": summary.title, "started": summary.started,
        "seconds": summary.seconds, "mode": summary.mode.value, "teams": list(summary.teams),
        "questions": [_result_to_json(result) for result in summary.results],
    }
    if summary.phones is not None:
        data["phones"] = _phones_to_json(summary.phones, summary.results)
    return data


def _phones_to_json(phones: PhoneResults, results: tuple[QuestionResult, ...]) -> dict[str, Any]:
    """Optional in version 1 (older readers ignore it): per question the phones' answer distribution."""
    return {"participants": phones.participants,
            "questions": [None if q is None else
                          _phone_question_json(q, r)
                          for q, r in zip(phones.questions, results, strict=False)],
            "scoreboard": [{"place": place, "name": name, "points": points}
                           for place, name, points in phones.scoreboard]}


def _phone_question_json(question: PhoneQuestion, result: QuestionResult) -> dict[str, Any]:
    data: dict[str, Any] = {"answered": question.answered, "right": question.right,
                            "distribution": {o.letter: n for o, n in zip(result.question.options, question.per_option,
                                                                         strict=False)}}
    if result.question.kind is QuestionKind.ORDERING:
        data["orders"] = [{"order": order, "count": count} for order, count in question.orders]
    return data


def _phones_from_json(data: Any, results: tuple[QuestionResult, ...]) -> PhoneResults | None:
    if data is None:
        return None
    questions: list[PhoneQuestion | None] = []
    for item, result in zip(data["questions"], results, strict=False):
        if item is None:
            questions.append(None)
            continue
        counts = item["distribution"]
        orders = tuple((str(row["order"]), max(0, int(row["count"]))) for row in item.get("orders", ()))
        questions.append(PhoneQuestion(max(0, int(item["answered"])), max(0, int(item["right"])),
                                       tuple(max(0, int(counts.get(o.letter, 0))) for o in result.question.options),
                                       orders))
    board = tuple((int(row["place"]), str(row["name"]), int(row["points"])) for row in data["scoreboard"])
    return PhoneResults(max(0, int(data["participants"])), tuple(questions), board)


def _result_to_json(result: QuestionResult) -> dict[str, Any]:
    q = result.question
    return {"id": q.question_id, "kind": q.kind.value, "text": q.text, "explanation": q.explanation,
            "source": q.source, "revealed": result.revealed, "hands": list(result.hands),
            "points": list(result.points),
            "options": [_option_json(o) for o in q.options]}


def _option_json(option: ClassroomOption) -> dict[str, Any]:
    data: dict[str, Any] = {"letter": option.letter, "text": option.text, "correct": option.correct,
                            "translatable": option.translatable}
    if option.rank:
        data["rank"] = option.rank  # ordering: the item's place in the right order
    return data


def summary_from_json(data: Any, path: str = "") -> ClassroomSummary:
    """The summary in `data`; raises ClassroomFileUnreadable or NewerClassroomFile."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ClassroomFileUnreadable(path=path, reason="this is not a classroom quiz summary.")
    version = data.get("version")
    if isinstance(version, int) and version > VERSION:
        raise NewerClassroomFile(path=path, found=version)
    try:
        teams = tuple(str(team) for team in data["teams"])
        results = tuple(_result_from_json(item, len(teams)) for item in data["questions"])
        return ClassroomSummary(str(data["title"]), str(data["started"]), int(data["seconds"]),
                                TallyMode(data["mode"]), teams, results, _phones_from_json(data.get("phones"), results))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ClassroomFileUnreadable(path=path, reason=f"a part is missing or damaged ({error}).") from error


def _result_from_json(item: dict[str, Any], team_count: int) -> QuestionResult:
    options = tuple(ClassroomOption(str(o["letter"]), str(o["text"]), bool(o["correct"]), bool(o["translatable"]),
                                    max(0, int(o.get("rank", 0)))) for o in item["options"])
    hands = tuple(max(0, int(h)) for h in item["hands"])
    points = tuple(max(0, int(p)) for p in item["points"])
    if len(hands) != len(options) or len(points) != team_count:
        raise ValueError("the counts do not match the options or the teams")
    question = ClassroomQuestion(QuestionId(str(item["id"])), QuestionKind(item["kind"]), str(item["text"]),
                                 options, str(item.get("explanation", "")), str(item.get("source", "")))
    return QuestionResult(question, hands, points, bool(item["revealed"]))


def save_summary(summary: ClassroomSummary, path: Path) -> None:
    write_json_atomic(path, summary_to_json(summary))


def load_summary(path: Path) -> ClassroomSummary:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ClassroomFileUnreadable(path=str(path), reason="the file is too large.")
        data = parse_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:  # JSONDecodeError is a ValueError
        raise ClassroomFileUnreadable(path=str(path), reason=str(error)) from error
    except RecursionError as error:
        raise ClassroomFileUnreadable(path=str(path), reason="the file is nested too deeply.") from error
    return summary_from_json(data, str(path))


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _percent(share: float | None, translate: Translate) -> str:
    return translate(NOT_COUNTED) if share is None else f"{round(share * 100)}%"


def summary_markdown(summary: ClassroomSummary, translate: Translate = str) -> str:
    """The summary as Markdown: the teams' totals, then each question with its tallies and the share right."""
    t = translate
    lines = [f"# {t(TITLE).format(title=summary.title)}", "",
             f"{t(STARTED).format(date=summary.started.replace('T', ' '))}  ",
             f"{t(QUESTIONS).format(count=len(summary.results))}  ",
             t(SECONDS).format(seconds=summary.seconds), ""]
    if summary.mode is TallyMode.TEAMS:
        lines += [f"## {t(TEAMS)}", "", f"| {t(TEAM)} | {t(POINTS)} |", "|---|---:|"]
        lines += [f"| {_cell(team)} | {points} |" for team, points in summary.team_totals()]
        lines.append("")
    phones = summary.phones
    if phones is not None:
        lines += [f"## {t(PHONES).format(count=phones.participants)}", ""]
        if phones.scoreboard:
            lines += [f"| {t(PLACE)} | {t(NICKNAME)} | {t(POINTS)} |", "|---:|---|---:|"]
            lines += [f"| {place} | {_cell(name)} | {points} |" for place, name, points in phones.scoreboard]
            lines.append("")
    for number, result in enumerate(summary.results, 1):
        lines += _question_markdown(number, result, summary, t)
        if phones is not None and number <= len(phones.questions):
            answers = phones.questions[number - 1]
            lines += [t(NOT_OPENED) if answers is None else
                      t(PHONE_ANSWERS).format(answered=answers.answered, right=answers.right), ""]
            if answers is not None and answers.orders:
                given = "; ".join(f"{' → '.join(order)} — {count}" for order, count in answers.orders)
                lines += [t(PHONE_ORDERS).format(orders=given), ""]
    return "\n".join(lines).rstrip() + "\n"


def _question_markdown(number: int, result: QuestionResult, summary: ClassroomSummary, t: Translate) -> list[str]:
    q = result.question
    lines = [f"## {number}. {_cell(q.text)}", ""]
    hands = summary.mode is TallyMode.HANDS
    ordering = q.kind is QuestionKind.ORDERING
    if ordering:
        lines += [t(RIGHT_ORDER).format(order=" → ".join(q.right_letters)), ""]
        lines += [f"| | {t(OPTION)} | {t(PLACE_IN_ORDER)} |" + (f" {t(HANDS_FIRST)} |" if hands else ""),
                  "|---|---|---:|" + ("---:|" if hands else "")]
    else:
        lines += [f"| | {t(OPTION)} |" + (f" {t(HANDS)} |" if hands else ""),
                  "|---|---|" + ("---:|" if hands else "")]
    for option, count in zip(q.options, result.hands, strict=False):
        text = t(option.text) if option.translatable else option.text
        mark = f"{option.letter} ✓" if option.correct and not ordering else option.letter
        place = f" {option.rank} |" if ordering else ""
        lines.append(f"| {mark} | {_cell(text)} |{place}" + (f" {count} |" if hands else ""))
    lines.append("")
    if not hands:
        lines += [f"| {t(TEAM)} | {t(POINTS)} |", "|---|---:|"]
        lines += [f"| {_cell(team)} | {points} |" for team, points in zip(summary.teams, result.points, strict=False)]
        lines.append("")
    share = _percent(result.share_right(summary.mode), t)
    label = (t(SHARE_FIRST) if ordering else t(SHARE_HANDS)) if hands else t(SHARE_TEAMS)
    lines += [label.format(share=share), ""]
    if not result.revealed:
        lines += [t(NOT_REVEALED), ""]
    if q.explanation:
        lines += [f"**{t(EXPLANATION)}** {q.explanation}", ""]
    if q.source:
        lines += [f"*{t(SOURCE)} {q.source}*", ""]
    return lines
