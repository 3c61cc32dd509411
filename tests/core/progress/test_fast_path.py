"""The fast path that reads the numerous records of a progress file (core.progress.document) accepts only what
the field-by-field reading accepts, with the same record; anything else is refused with that reading's message."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from etrainer.core.progress import document as d
from etrainer.core.progress.format import ProgressFileRejected
from etrainer.core.progress.shape import Fields

LESSON = {"uid": "l-1", "lesson_id": "intro", "module_id": "m1", "first_opened_at": "2026-09-03T12:27:00Z",
          "last_opened_at": "2026-09-03T12:30:00Z", "completed_at": None, "total_seconds": 120, "visits": 1}
VISIT = {"uid": "v-1", "lesson_id": "intro", "opened_at": "2026-09-03T12:32:00Z", "closed_at": None,
         "seconds": 480, "reached_end": True}
RESPONSE = {"uid": "r-1", "position": 0, "question_id": "q1", "question_kind": "single_choice",
            "response": {"kind": "choice", "picked": [1]}, "score": 0.5, "correct": False, "seconds": 20.0,
            "answered_at": "2026-09-04T12:27:20Z"}
EVENT = {"uid": "e-1", "seq": 0, "at": 5.0, "kind": "action", "step_id": "fee-link", "correct": True,
         "action": {"screen": "home", "control": "fee-link", "kind": "click", "value": ""}}
CASES = [(d._lesson_progress, d._lesson_progress_checked, LESSON), (d._lesson_visit, d._lesson_visit_checked, VISIT),
         (d._quiz_response, d._quiz_response_checked, RESPONSE),
         (d._walkthrough_event, d._walkthrough_event_checked, EVENT)]
ODD_VALUES: list[Any] = [None, "", " ", "x" * 81, "x" * 65, "ok", 0, -1, 1, 7, 0.0, -0.5, 1.5, float("nan"),
                         float("inf"), True, False, [], {}, "2026-09-04T12:27:20Z", "2026-09-04T12:27:20",
                         "hint", "action", "essay", {"kind": "choice", "picked": "x"}, {"screen": "s"},
                         {"screen": "s", "control": "c", "kind": "click"},
                         {"screen": "s", "control": "c", "kind": "teleport", "value": ""},
                         {"screen": "s", "control": 3, "kind": "click", "value": ""},
                         {"screen": "s", "control": "c", "kind": "fill", "value": None},
                         {"screen": "s", "control": "c", "kind": "pay", "value": "", "parts": {"cvv": "1"}},
                         {"screen": "s", "control": "c", "kind": "pay", "value": "", "parts": {"cvv": 1}},
                         {"screen": "s", "control": "c", "kind": "pay", "value": "", "parts": None}]


def outcome(read: Any, data: dict[str, Any]) -> object:
    try:
        return read(Fields(data, "records.x", 3))
    except ProgressFileRejected as rejected:
        return ("refused", rejected.reason, rejected.detail)


@pytest.mark.parametrize(("fast", "checked", "record"), CASES)
def test_the_fast_path_reads_a_record_as_the_checked_reading_does(fast: Any, checked: Any, record: dict) -> None:
    assert not isinstance(outcome(fast, record), tuple)
    assert outcome(fast, record) == outcome(checked, record)
    seen = set()
    for key in record:
        for value in ODD_VALUES:
            changed = copy.deepcopy(record)
            changed[key] = value
            fast_outcome = outcome(fast, changed)
            assert fast_outcome == outcome(checked, changed), (key, value)
            seen.add(isinstance(fast_outcome, tuple))
        missing = {k: v for k, v in record.items() if k != key}
        assert outcome(fast, missing) == outcome(checked, missing), key
    assert seen == {True, False}  # some changes are refused, some accepted


def test_a_refusal_names_the_item_of_the_list() -> None:
    assert outcome(d._walkthrough_event, {**EVENT, "seq": -1}) == (
        "refused", d.RejectReason.DAMAGED, "records.x[3].seq: -1 is out of range")
