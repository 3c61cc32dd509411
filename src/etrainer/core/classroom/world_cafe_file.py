"""World Café sessions as files: versioned JSON written then renamed, the list of saved sessions to
reopen, and the harvest as Markdown.

A session saved while a round runs reopens with that round's timer paused where it stood.
Markdown labels are English, marked for the "WorldCafe" context; the UI passes `translate`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etrainer.core.classroom.quiz import Clock, Countdown
from etrainer.core.classroom.summary import parse_json, write_json_atomic
from etrainer.core.classroom.world_cafe import CafeQuestion, CafeSession, CafeSetup, CafeTable, QuestionPlan, Stage
from etrainer.core.errors import EtrainerError, Problem
from etrainer.i18n import QT_TRANSLATE_NOOP

FORMAT = "etrainer-world-cafe"
VERSION = 1
MAX_FILE_BYTES = 5 * 1024 * 1024
FILE_PREFIX = "world-cafe-"

Translate = Callable[[str], str]

DATE = QT_TRANSLATE_NOOP("WorldCafe", "Date: {date}")
FORMAT_LINE = QT_TRANSLATE_NOOP("WorldCafe", "Tables: {tables}; rounds: {rounds} × {minutes} min")
QUESTIONS = QT_TRANSLATE_NOOP("WorldCafe", "Questions")
HOST = QT_TRANSLATE_NOOP("WorldCafe", "host: {host}")
ROUND = QT_TRANSLATE_NOOP("WorldCafe", "Round {n}")
NO_NOTES = QT_TRANSLATE_NOOP("WorldCafe", "(no notes)")
HARVEST_NOTES = QT_TRANSLATE_NOOP("WorldCafe", "Harvest: the common findings")


class WorldCafeFileUnreadable(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The World Café session {path} cannot be opened: {reason}")


class NewerWorldCafeFile(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The World Café session {path} comes from a newer eTrainer "
                             "(format {found}). Update eTrainer, then open it again.")


@dataclass(frozen=True, slots=True)
class SavedSession:
    path: Path
    title: str
    created: str
    stage: Stage
    rounds_played: int
    rounds: int


def session_to_json(session: CafeSession) -> dict[str, Any]:
    s = session.setup
    return {
        "format": FORMAT, "version": VERSION, "created": session.created,
        "setup": {"title": s.title, "rounds": s.rounds, "round_minutes": s.round_minutes, "plan": s.plan.value,
                  "tables": [{"name": t.name, "host": t.host} for t in s.tables],
                  "questions": [{"id": q.id, "text": q.text, "hint": q.hint} for q in s.questions]},
        "stage": session.stage.value, "round_index": session.round_index,
        "round_seconds": session.timer.seconds, "elapsed_seconds": round(session.timer.elapsed(), 3),
        "notes": [{"table": t, "round": r, "text": text} for (t, r), text in sorted(session.notes.items())],
        "harvest_notes": session.harvest_notes,
    }


def session_from_json(data: Any, clock: Clock, path: str = "") -> CafeSession:
    """The session in `data` (a running round comes back paused); raises WorldCafeFileUnreadable or
    NewerWorldCafeFile."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WorldCafeFileUnreadable(path=path, reason="this is not a World Café session.")
    version = data.get("version")
    if isinstance(version, int) and version > VERSION:
        raise NewerWorldCafeFile(path=path, found=version)
    try:
        raw = data["setup"]
        setup = CafeSetup(str(raw["title"]), tuple(CafeTable(str(t["name"]), str(t.get("host", "")))
                                                   for t in raw["tables"]),
                          tuple(CafeQuestion(str(q["text"]), str(q.get("hint", "")), str(q.get("id", "")))
                                for q in raw["questions"]),
                          int(raw["rounds"]), int(raw["round_minutes"]), QuestionPlan(raw["plan"]))
        session = CafeSession(setup, clock, str(data.get("created", "")), Stage(data["stage"]),
                              min(max(0, int(data["round_index"])), setup.rounds - 1))
        session.timer = Countdown(float(data["round_seconds"]), clock, float(data["elapsed_seconds"]))
        for note in data.get("notes", []):
            session.set_note(int(note["table"]), int(note["round"]), str(note["text"]))
        session.harvest_notes = str(data.get("harvest_notes", ""))
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as error:
        raise WorldCafeFileUnreadable(path=path, reason=f"a part is missing or damaged ({error}).") from error
    return session


def session_file(folder: Path, session: CafeSession) -> Path:
    """Where `session` is saved in `folder`: world-cafe-<created date and time>.json."""
    stamp = "".join(ch for ch in session.created if ch.isdigit())[:14] or "session"
    return folder / f"{FILE_PREFIX}{stamp}.json"


def save_session(session: CafeSession, path: Path) -> None:
    write_json_atomic(path, session_to_json(session))


def load_session(path: Path, clock: Clock) -> CafeSession:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise WorldCafeFileUnreadable(path=str(path), reason="the file is too large.")
        data = parse_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:  # JSONDecodeError is a ValueError
        raise WorldCafeFileUnreadable(path=str(path), reason=str(error)) from error
    except RecursionError as error:
        raise WorldCafeFileUnreadable(path=str(path), reason="the file is nested too deeply.") from error
    return session_from_json(data, clock, str(path))


def list_sessions(folder: Path, clock: Clock) -> tuple[list[SavedSession], list[Problem]]:
    """Saved sessions in `folder`, newest first, and a problem for each file that cannot be read."""
    found: list[SavedSession] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob(f"{FILE_PREFIX}*.json")) if folder.is_dir() else ():
        try:
            session = load_session(path, clock)
        except EtrainerError as error:
            problems.append(Problem(path.name, 0, str(error)))
            continue
        found.append(SavedSession(path, session.setup.title, session.created, session.stage,
                                  session.rounds_played(), session.setup.rounds))
    found.sort(key=lambda saved: (saved.created, saved.path.name), reverse=True)
    return found, problems


def _text(text: str) -> list[str]:
    """Typed notes as Markdown: lines kept (hard breaks), a leading # not turned into a heading."""
    lines = [("\\" + line if line.lstrip().startswith("#") else line) for line in text.strip().splitlines()]
    return [line + ("  " if line.strip() else "") for line in lines] + [""]


def harvest_markdown(session: CafeSession, translate: Translate = str) -> str:
    """The harvest: the questions, then each table with its host and its notes round by round."""
    t = translate
    s = session.setup
    lines = [f"# {s.title}", "", f"{t(DATE).format(date=session.created.replace('T', ' '))}  ",
             t(FORMAT_LINE).format(tables=len(s.tables), rounds=s.rounds, minutes=s.round_minutes), "",
             f"## {t(QUESTIONS)}", ""]
    if s.plan is QuestionPlan.PER_ROUND:
        lines += [f"- **{t(ROUND).format(n=r + 1)}:** {s.question_for(0, r).text}" for r in range(s.rounds)]
    else:
        lines += [f"- **{table.name}:** {s.question_for(i, 0).text}" for i, table in enumerate(s.tables)]
    lines.append("")
    for index in range(len(s.tables)):
        lines += _table_lines(session, index, t, "##")
    if session.harvest_notes.strip():
        lines += [f"## {t(HARVEST_NOTES)}", "", *_text(session.harvest_notes)]
    return "\n".join(lines).rstrip() + "\n"


def table_markdown(session: CafeSession, table: int, translate: Translate = str) -> str:
    """One table's harvest (host, question, notes round by round), for its mini-presentation."""
    lines = _table_lines(session, table, translate, "#")
    if session.setup.plan is QuestionPlan.PER_ROUND:
        return "\n".join(lines).rstrip() + "\n"
    question = session.setup.question_for(table, 0).text
    return "\n".join([*lines[:2], f"*{question}*", "", *lines[2:]]).rstrip() + "\n"


def _table_lines(session: CafeSession, index: int, t: Translate, level: str) -> list[str]:
    table = session.setup.tables[index]
    host = f" — {t(HOST).format(host=table.host)}" if table.host else ""
    lines = [f"{level} {table.name}{host}", ""]
    for round_index in range(max(session.rounds_played(), 1)):
        note = session.note(index, round_index)
        lines += [f"{level}# {t(ROUND).format(n=round_index + 1)}", ""]
        if session.setup.plan is QuestionPlan.PER_ROUND and level == "#":
            lines += [f"*{session.setup.question_for(index, round_index).text}*", ""]
        lines += _text(note) if note else [f"*{t(NO_NOTES)}*", ""]
    return lines
