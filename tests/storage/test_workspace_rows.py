"""`plain_rows`, the rows an import's workers make straight from a file's checked JSON, accepts only what the typed
document accepts, with the same header and rows; for anything else it gives way (None) to the typed document."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.core.progress.test_fast_path import ODD_VALUES
from tests.services.test_methodist import KEY
from tests.storage.test_workspace import make_doc

from etrainer.core.progress.document import ProgressDocument, Signature, parse_document
from etrainer.core.progress.file import (
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    UPGRADES,
    ProgressFileRejected,
    RejectReason,
    file_bytes,
    read_progress_file,
)
from etrainer.services.import_reading import CheckedFile, RejectedFile, check_file
from etrainer.storage.workspace_rows import plain_rows, record_rows, stamp_for

SIGNATURE = Signature("Ed25519", bytes(32), bytes(64))
TIMES: list[Any] = ["2026-13-01T08:00:00Z", "2026-02-30T08:00:00Z", "2026-09-01T24:00:00Z", "2026-09-01 08:00:00Z",
                    "2026-09-01T08:00:00.250Z", "2026-09-01T08:00:00+05:00Z", "2026-W01-1T08:00:00Z",
                    "20260901T080000Z", "2026-09-01T08:00Z", "2026-09-01Z", "2026-09-01T08:00:00z",
                    "２０２６-09-01T08:00:00Z", "0000-09-01T08:00:00Z", "9999-12-31T23:59:59Z", "2026-09-01T08:00:00"]
VALUES = [*ODD_VALUES, *TIMES, 1.0, 2, 100, 101, "practice", "demo", "review", "quiz", "essay",
          {"kind": "essay", "text": "Текст"}, {"kind": "hotspot", "x": 1.5, "y": 2},
          {"kind": "choice", "picked": [1.0]}, {"kind": "choice", "picked": [True]}, {"kind": "text", "text": 5}]


def doc() -> dict[str, Any]:
    """make_doc upgraded to the current version, with a review attempt and a demo walkthrough besides."""
    data = make_doc()
    records = data["records"]
    attempt = copy.deepcopy(records["quiz_attempts"][0])
    attempt["uid"], attempt["kind"], attempt["score"], attempt["passed"] = "r-qa", "review", None, None
    attempt["responses"][0]["uid"] = "r-qr"
    attempt["responses"][0]["response"] = {"kind": "matching", "answers": ["a", None]}
    walk = copy.deepcopy(records["walkthrough_attempts"][0])
    walk.update(uid="d-wa", mode="demo", score=90, passed=True, finished_at="2026-10-05T08:06:00Z")
    for n, event in enumerate(walk["events"]):
        event["uid"] = f"d-we{n}"
    records["quiz_attempts"].append(attempt)
    records["walkthrough_attempts"].append(walk)
    while data["version"] < FORMAT_VERSION:
        data = UPGRADES[data["version"]](data)
    return data


def typed(data: dict[str, Any], dialect: str) -> object:
    try:
        document = parse_document(data, FORMAT_VERSION, 1, SIGNATURE)
    except ProgressFileRejected as rejected:
        return ("refused", rejected.reason, rejected.detail)
    return header(document), record_rows(document, stamp_for(dialect)), document.consultations


def header(document: ProgressDocument) -> ProgressDocument:
    return replace(document, lesson_progress=(), lesson_visits=(), quiz_attempts=(), walkthrough_attempts=(),
                   consultations=())


def places(value: object, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value inside `value` (keys and list indices), the deepest last."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield (*path, key)
        yield from places(child, (*path, key))


def changed(data: dict[str, Any], path: tuple[Any, ...], value: object) -> dict[str, Any]:
    """A copy of `data` with the value at `path` replaced by `value` (removed when `value` is `places`)."""
    result = copy.deepcopy(data)
    parent = result
    for key in path[:-1]:
        parent = parent[key]
    if value is places:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return result


def outcomes(data: dict[str, Any], dialect: str) -> tuple[bool, bool]:
    """(whether plain_rows took the file, whether the typed document did); fails when plain_rows took a file the
    typed document refuses, or gave a header or rows other than the typed document's."""
    plain = plain_rows(data, 1, SIGNATURE, dialect)
    expected = typed(data, dialect)
    accepted = not isinstance(expected, tuple) or expected[0] != "refused"
    if plain is not None:
        assert accepted, expected
        assert (*plain, ()) == expected
    return plain is not None, accepted


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_plain_rows_are_the_typed_documents_rows_or_none(dialect: str) -> None:
    base = doc()
    assert outcomes(base, dialect) == (True, True)
    seen: set[tuple[bool, bool]] = set()
    for path in places(base):
        seen.add(outcomes(changed(base, path, places), dialect))
        for value in VALUES:
            seen.add(outcomes(changed(base, path, value), dialect))
    # each way taken: plain, left to the typed document which accepts (an int score, an essay) or refuses
    assert seen == {(True, True), (False, True), (False, False)}


@pytest.mark.parametrize("times", [("2026-10-04T08:00:00Z", "2026-10-04 08:00:00.000000"),
                                   ("2026-10-04T08:00:00.5Z", "2026-10-04 08:00:00.500000"),
                                   ("2026-10-04T08:00:00+05:00Z", "2026-10-04 08:00:00.000000")])
def test_a_moment_is_stamped_as_the_typed_document_stamps_it(times: tuple[str, str]) -> None:
    data = changed(doc(), ("records", "quiz_attempts", 0, "started_at"), times[0])
    plain = plain_rows(data, 1, SIGNATURE, "sqlite")
    assert plain is not None
    assert plain[1][2][0][6] == times[1]


def test_the_same_uid_twice_is_left_to_the_typed_document_which_refuses_it() -> None:
    data = changed(doc(), ("records", "walkthrough_attempts", 0, "events", 1, "uid"), "learner-1-lp")
    assert outcomes(data, "sqlite") == (False, False)


@pytest.mark.parametrize("consultations", [None, []])
def test_no_consultations_take_the_plain_way(consultations: object) -> None:
    assert outcomes(changed(doc(), ("records", "consultations"), consultations), "sqlite") == (True, True)


def test_consultations_and_essays_are_left_to_the_typed_document() -> None:
    consultation = {"uid": "c-1", "at": "2026-10-06T09:00:00Z", "service_id": "diia", "outcome": "done",
                    "minutes": 15, "channel_id": None, "age_band_id": None, "alone_next_time": "yes",
                    "reason_id": None, "note": ""}
    assert outcomes(changed(doc(), ("records", "consultations"), [consultation]), "sqlite") == (False, True)
    essay = changed(doc(), ("records", "quiz_attempts", 0, "responses", 0, "question_kind"), "essay")
    essay = changed(essay, ("records", "quiz_attempts", 0, "responses", 0, "response"), {"kind": "essay", "text": "Т"})
    essay = changed(essay, ("records", "quiz_attempts", 0, "responses", 0, "max_points"), 5)
    assert outcomes(essay, "sqlite") == (False, True)


def signed_file(path: Path, data: dict[str, Any]) -> Path:
    path.write_bytes(file_bytes(KEY.sign(data)))  # laid out as the app writes its files
    return path


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_an_import_worker_checks_a_file_into_the_typed_documents_rows(tmp_path: Path, dialect: str) -> None:
    path = signed_file(tmp_path / "a.etprogress", doc())
    checked = check_file(path, MAX_FILE_BYTES, dialect)
    document = read_progress_file(path)
    assert isinstance(checked, CheckedFile)
    assert (checked.header, checked.rows, checked.essays) == (header(document),
                                                              record_rows(document, stamp_for(dialect)), [])


def test_an_infinite_number_deep_in_a_record_is_refused_as_it_is_parsed(tmp_path: Path) -> None:
    data = changed(doc(), ("records", "quiz_attempts", 1, "responses", 0, "response"),
                   {"kind": "hotspot", "x": 12.5, "y": 1.0})
    path = signed_file(tmp_path / "a.etprogress", data)
    assert isinstance(check_file(path, MAX_FILE_BYTES, "sqlite"), CheckedFile)
    path.write_bytes(path.read_bytes().replace(b'"x":12.5', b'"x":1e999'))
    refused = check_file(path, MAX_FILE_BYTES, "sqlite")
    assert isinstance(refused, RejectedFile)
    assert (refused.reason, refused.detail) == (RejectReason.DAMAGED, "unreadable value: number out of range: 1e999")
