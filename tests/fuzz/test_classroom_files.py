"""Fuzzing the classroom files eTrainer reads back: World Café sessions (core/classroom/world_cafe_file.py)
and classroom quiz summaries (core/classroom/summary.py), then the harvest and summary Markdown made from
whatever loaded.

Property: a file loads (and its Markdown can be made) or is refused with an EtrainerError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.mutations import FUZZ, json_bytes, mutated_json

from etrainer.core.classroom.summary import load_summary, summary_markdown
from etrainer.core.classroom.world_cafe import CafeQuestion, CafeSession, CafeSetup, CafeTable, QuestionPlan
from etrainer.core.classroom.world_cafe_file import harvest_markdown, load_session, session_to_json, table_markdown
from etrainer.core.errors import EtrainerError


def _cafe() -> dict:
    setup = CafeSetup("Світове кафе", (CafeTable("Стіл 1", "Олена"), CafeTable("Стіл 2")),
                      (CafeQuestion("Які послуги є?", id="one"), CafeQuestion("Що змінити?", id="two")), 2, 20,
                      QuestionPlan.PER_ROUND)
    session = CafeSession(setup, lambda: 100.0, created="2025-03-12T10:15:00")
    session.start_round()
    session.set_note(0, 0, "ЦНАП поруч")
    session.harvest_notes = "Спільне"
    return session_to_json(session)


CAFE = _cafe()
SUMMARY = {
    "format": "etrainer-classroom-quiz", "version": 1, "title": "Вікторина", "started": "2025-03-12T10:00:00",
    "seconds": 600, "mode": "teams", "teams": ["Команда 1", "Команда 2"],
    "questions": [{"id": "q1", "kind": "single_choice", "text": "Що таке ЦНАП?", "explanation": "Центр.",
                   "source": "закон", "revealed": True, "hands": [3, 1], "points": [1, 0],
                   "options": [{"letter": "А", "text": "Центр", "correct": True, "translatable": False},
                               {"letter": "Б", "text": "Банк", "correct": False, "translatable": False}]}],
}


def opened(write: bytes, load):  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.json"
        path.write_bytes(write)
        try:
            return load(path)
        except EtrainerError as error:
            assert str(error).strip()
            return None


@FUZZ
@given(doc=mutated_json(CAFE))
def test_a_mutated_world_cafe_session_opens_or_is_refused(doc):
    session = opened(json_bytes(doc), lambda path: load_session(path, lambda: 200.0))
    if session is not None:
        harvest_markdown(session)
        for table in range(len(session.setup.tables)):
            table_markdown(session, table)


@FUZZ
@given(doc=mutated_json(SUMMARY))
def test_a_mutated_classroom_summary_opens_or_is_refused(doc):
    summary = opened(json_bytes(doc), load_summary)
    if summary is not None:
        summary_markdown(summary)


@FUZZ
@given(raw=st.binary(max_size=300))
def test_random_bytes_are_refused(raw):
    opened(raw, lambda path: load_session(path, lambda: 0.0))
    opened(raw, load_summary)
