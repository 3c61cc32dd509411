"""The progress file reader: a signed sample round-trips; each rejection reason is raised for its case."""

from __future__ import annotations

import base64
import copy
import json
import math
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from etrainer.core.progress import document as progress_document
from etrainer.core.progress import file as progress_file
from etrainer.core.progress.file import (
    ProgressFileRejected,
    RejectReason,
    canonical_bytes,
    file_name_for,
    read_progress_file,
    validate_document,
)
from etrainer.core.quiz.model import QuestionKind
from etrainer.core.walkthrough.state import LogKind, Mode

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
"""The key tests/data/progress/golden-v1.etprogress is signed with."""
DATA = Path(__file__).parents[2] / "data" / "progress"


def sample() -> dict[str, Any]:
    """A small version-1 document without a signature (tests/data/progress/sample-v1.json)."""
    return json.loads((DATA / "sample-v1.json").read_text(encoding="utf-8"))


def sign(doc: dict[str, Any], key: Ed25519PrivateKey = KEY) -> dict[str, Any]:
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    signed = dict(doc)
    signed["signature"] = {"algorithm": "Ed25519", "public_key": base64.b64encode(public).decode(),
                           "value": base64.b64encode(key.sign(canonical_bytes(doc))).decode()}
    return signed


def write(tmp_path: Path, doc: object, name: str = "x.etprogress") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def rejected(path: Path, **kwargs: Any) -> ProgressFileRejected:
    with pytest.raises(ProgressFileRejected) as caught:
        read_progress_file(path, **kwargs)
    return caught.value


def test_signed_sample_reads_back_as_typed_values(tmp_path: Path) -> None:
    doc = read_progress_file(write(tmp_path, sign(sample())))
    assert doc.learner.name == "Олена Петренко" and doc.learner.branch == "Бібліотека-філія № 3"
    assert doc.course.version == "2026.11" and doc.installation == "inst-1"
    assert doc.exported_at == datetime(2026, 11, 27, 16, tzinfo=UTC)
    attempt = doc.quiz_attempts[0]
    assert attempt.score == 0.5 and attempt.passed is False and attempt.module_id is None
    assert [r.question_kind for r in attempt.responses] == [QuestionKind.SINGLE_CHOICE, QuestionKind.SHORT_ANSWER]
    assert attempt.responses[1].response == {"kind": "text", "text": "ЦНАП"}
    walk = doc.walkthrough_attempts[0]
    assert walk.mode is Mode.PRACTICE and [e.kind for e in walk.events] == [LogKind.ACTION, LogKind.HINT]
    assert walk.events[1].action is None and walk.events[0].action is not None
    assert doc.lesson_visits[0].reached_end is True and doc.lesson_progress[0].completed_at is None
    assert doc.record_count == 8
    public = KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert doc.signature is not None and doc.signature.public_key == public


def test_canonical_bytes_ignore_the_signature_and_key_order() -> None:
    doc = sample()
    reordered = dict(reversed(list(doc.items())))
    assert canonical_bytes(sign(doc)) == canonical_bytes(reordered)
    assert "Олена".encode() in canonical_bytes(doc)
    assert b" " not in canonical_bytes({"a": [1, 2], "b": {"c": 1}})


def test_a_trusted_key_is_accepted_and_another_is_key_changed(tmp_path: Path) -> None:
    path = write(tmp_path, sign(sample()))
    own = KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert read_progress_file(path, trusted_key=own).learner.uid == "l-1"
    other = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert rejected(path, trusted_key=other).reason is RejectReason.KEY_CHANGED


def test_changing_one_score_is_a_bad_signature(tmp_path: Path) -> None:
    doc = sign(sample())
    doc["records"]["quiz_attempts"][0]["score"] = 1.0
    error = rejected(write(tmp_path, doc))
    assert error.reason is RejectReason.BAD_SIGNATURE
    assert error.reason.sentence in str(error)


@pytest.mark.parametrize("change", ["strip", "algorithm", "base64", "short", "other-key"])
def test_missing_or_broken_signatures_are_bad_signatures(tmp_path: Path, change: str) -> None:
    doc = sign(sample())
    block = doc["signature"]
    if change == "strip":
        del doc["signature"]
    elif change == "algorithm":
        block["algorithm"] = "RSA"
    elif change == "base64":
        block["value"] = "not base64!"
    elif change == "short":
        block["value"] = base64.b64encode(b"x" * 10).decode()
    else:
        block["public_key"] = sign(sample(), Ed25519PrivateKey.generate())["signature"]["public_key"]
    assert rejected(write(tmp_path, doc)).reason is RejectReason.BAD_SIGNATURE


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00", b"[1, 2, 3]", b"name;score\n",
                                     json.dumps({"format": "something-else", "version": 1}).encode(),
                                     json.dumps({"version": 1}).encode()])
def test_other_files_are_not_progress_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.etprogress"
    path.write_bytes(content)
    assert rejected(path).reason is RejectReason.NOT_A_PROGRESS_FILE


def test_a_folder_or_a_missing_file_is_not_a_progress_file(tmp_path: Path) -> None:
    assert rejected(tmp_path).reason is RejectReason.NOT_A_PROGRESS_FILE
    assert rejected(tmp_path / "missing.etprogress").reason is RejectReason.NOT_A_PROGRESS_FILE


@pytest.mark.parametrize("version", [3, 99, 0])
def test_other_versions_are_wrong_version(tmp_path: Path, version: int) -> None:
    doc = sample()
    doc["version"] = version
    error = rejected(write(tmp_path, sign(doc)))
    assert error.reason is RejectReason.WRONG_VERSION and str(version) in error.detail


@pytest.mark.parametrize("keep", [0.5, 0.97, 0.0])
def test_cut_files_are_truncated(tmp_path: Path, keep: float) -> None:
    raw = json.dumps(sign(sample()), ensure_ascii=False).encode()
    path = tmp_path / "x.etprogress"
    path.write_bytes(raw[: int(len(raw) * keep)])
    assert rejected(path).reason is RejectReason.TRUNCATED


def test_a_file_over_the_size_limit_is_too_large_before_reading(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, sign(sample()))
    monkeypatch.setattr(progress_file, "MAX_FILE_BYTES", path.stat().st_size - 1)
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the file was opened"))
    assert rejected(path).reason is RejectReason.TOO_LARGE


def test_too_many_records_is_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, sign(sample()))
    monkeypatch.setattr(progress_document, "MAX_RECORDS", 7)
    assert rejected(path).reason is RejectReason.TOO_LARGE
    monkeypatch.setattr(progress_document, "MAX_RECORDS", 8)
    assert read_progress_file(path).record_count == 8


def _set(doc: dict[str, Any], where: str, value: object) -> None:
    *parents, last = where.split(".")
    target: Any = doc
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value


@pytest.mark.parametrize(("where", "value"), [
    ("learner.name", KeyError), ("learner.name", ""), ("learner.created_at", "yesterday"),
    ("learner.created_at", "2026-10-01T08:00:00+02:00"), ("course", []), ("records.lesson_visits", {}),
    ("records.lesson_visits.0.seconds", -1), ("records.lesson_visits.0.seconds", 1.5),
    ("records.lesson_visits.0.reached_end", 1), ("records.quiz_attempts.0.score", "0.5"),
    ("records.quiz_attempts.0.score", 1.5), ("records.quiz_attempts.0.kind", "exam"),
    ("records.quiz_attempts.0.responses.0.question_kind", "poll"),
    ("records.quiz_attempts.0.responses.0.response", {"kind": "choice"}),
    ("records.quiz_attempts.0.responses.1.uid", "qr-1"),
    ("records.walkthrough_attempts.0.mode", "exam"), ("records.walkthrough_attempts.0.score", 101),
    ("records.walkthrough_attempts.0.events.0.action", {"screen": 1}),
    ("records.walkthrough_attempts.0.events.0.action", None),
    ("records.lesson_progress.0.lesson_id", "x" * 81), ("installation", None), ("version", "1"),
])
def test_ill_shaped_fields_are_damaged_and_named(tmp_path: Path, where: str, value: object) -> None:
    doc = sample()
    _set(doc, where, value)
    error = rejected(write(tmp_path, sign(doc)))
    assert error.reason is RejectReason.DAMAGED
    assert where.split(".")[-1] in error.detail or where == "records.quiz_attempts.0.responses.1.uid"


@pytest.mark.parametrize("depth", [65, 5000])
def test_deep_nesting_is_refused_without_recursion(tmp_path: Path, depth: int) -> None:
    doc = sample()
    doc["records"]["quiz_attempts"][0]["responses"][0]["response"]["extra"] = "x"
    raw = json.dumps(doc).replace('"extra": "x"', '"extra": ' + "[" * depth + "]" * depth)
    path = tmp_path / "deep.etprogress"
    path.write_text(raw, encoding="utf-8")
    error = rejected(path)
    assert error.reason is RejectReason.DAMAGED and "nested" in error.detail


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path: Path) -> None:
    doc = sample()
    doc["learner"]["position"] = "[" * 100 + '"\\' + "{" * 100
    assert read_progress_file(write(tmp_path, sign(doc))).learner.position.startswith("[[[")


def test_validate_document_accepts_an_unsigned_document_and_checks_shape() -> None:
    assert validate_document(sample()).signature is None
    broken = copy.deepcopy(sample())
    broken["records"]["lesson_visits"][0]["opened_at"] = None
    with pytest.raises(ProgressFileRejected) as caught:
        validate_document(broken)
    assert caught.value.reason is RejectReason.DAMAGED and "opened_at" in caught.value.detail


def test_older_versions_are_upgraded_step_by_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def to_v2(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "version": 2, "app_version": data["app_version"] + "+upgraded"}

    monkeypatch.setattr(progress_file, "FORMAT_VERSION", 2)
    monkeypatch.setitem(progress_file.UPGRADES, 1, to_v2)
    doc = read_progress_file(write(tmp_path, sign(sample())))
    assert (doc.version, doc.source_version, doc.app_version) == (2, 1, "0.1.0+upgraded")


def test_a_version_1_file_reads_as_version_2_and_may_not_carry_essays(tmp_path: Path) -> None:
    doc = read_progress_file(write(tmp_path, sign(sample())))
    assert (doc.version, doc.source_version) == (2, 1)
    with_essay = sample()
    response = with_essay["records"]["quiz_attempts"][0]["responses"][0]
    response.update(question_kind="essay", response={"kind": "essay", "text": "Моя відповідь."}, max_points=3)
    error = rejected(write(tmp_path, sign(with_essay)))
    assert error.reason is RejectReason.DAMAGED and "version 2" in error.detail
    with_essay["version"] = 2
    essay = read_progress_file(write(tmp_path, sign(with_essay))).quiz_attempts[0].responses[0]
    assert (essay.essay_text, essay.max_points) == ("Моя відповідь.", 3)
    del response["max_points"]
    assert rejected(write(tmp_path, sign(with_essay))).reason is RejectReason.DAMAGED


def test_every_reason_has_its_own_sentence() -> None:
    sentences = [reason.sentence for reason in RejectReason]
    assert len(set(sentences)) == len(RejectReason) == 7
    assert all(s.endswith(".") and len(s) > 20 for s in sentences)


@pytest.mark.parametrize(("name", "expected"), [
    ("Олена Петренко-Щербак", "Olena-Petrenko-Shcherbak"), ("  Мар'яна   Ґудзь ", "Mariana-Gudz"),
    ("Євген Їжак", "Yevhen-Yizhak"), ("John O'Brien", "John-Obrien"), ("../../etc", "Etc"), ("???", "Learner"),
])
def test_file_names_are_transliterated(name: str, expected: str) -> None:
    assert file_name_for(name, date(2026, 11, 27)) == f"{expected}_2026-11-27.etprogress"


def test_the_golden_version_1_file_still_reads() -> None:
    """A file written by the first format version (signed with KEY) must stay readable as it is."""
    doc = read_progress_file(DATA / "golden-v1.etprogress")
    assert (doc.learner.name, doc.record_count, doc.source_version) == ("Олена Петренко", 8, 1)
    assert doc.signature is not None
    assert doc.signature.public_key == KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "1e400", "9" * 5000])
def test_numbers_json_cannot_hold_are_damaged(tmp_path: Path, number: str) -> None:
    raw = json.dumps(sign(sample()), ensure_ascii=False).replace('"score": 0.5', f'"score": {number}')
    path = tmp_path / "x.etprogress"
    path.write_text(raw, encoding="utf-8")
    assert rejected(path).reason is RejectReason.DAMAGED


@pytest.mark.parametrize("number", [
    "1e308", "1e309", "1E+308", "1.0e0309", "-1e400", "1e-400", "9" * 250 + "e99", "9" * 250 + "e58",
    "9" * 309 + ".0", "9" * 299 + ".5", "0." + "0" * 400 + "1", "1e9", "12.5e07", "1" + "0" * 308 + ".0",
])
def test_a_number_is_refused_exactly_when_it_reads_as_infinite(number: str) -> None:
    """Infinite numbers are refused, finite ones near the limit kept."""
    from etrainer.core.progress.file import _load_json

    raw = ('{"format": "x", "values": [' + number + ', "e99 in a string"]}').encode()
    if math.isinf(float(number)):
        with pytest.raises(ProgressFileRejected) as refused:
            _load_json(raw)
        assert refused.value.reason is RejectReason.DAMAGED
    else:
        assert _load_json(raw)["values"][0] == float(number)


def _no_canonical_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    from etrainer.core.progress import file as module

    def refuse(doc: Any) -> bytes:
        raise AssertionError("the document was encoded again")

    monkeypatch.setattr(module, "canonical_bytes", refuse)


def test_a_file_laid_out_as_the_app_writes_it_is_checked_against_its_own_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from etrainer.core.progress.file import file_bytes

    signed = sign(sample())
    raw = file_bytes(signed)
    assert raw.startswith(canonical_bytes(signed)[:-1]) and raw.endswith(b"}")
    assert json.loads(raw) == signed
    path = tmp_path / "x.etprogress"
    path.write_bytes(b"\xef\xbb\xbf  " + raw + b"\n")  # a BOM and whitespace around it change nothing
    _no_canonical_encoding(monkeypatch)
    doc = read_progress_file(path)
    assert doc.learner.name == "Олена Петренко" and doc.signature is not None


def test_a_changed_value_in_such_a_file_is_refused(tmp_path: Path) -> None:
    from etrainer.core.progress.file import file_bytes

    raw = file_bytes(sign(sample()))
    assert b'"Olena Petrenko"' in raw or "Олена Петренко".encode() in raw
    path = tmp_path / "x.etprogress"
    path.write_bytes(raw.replace("Олена Петренко".encode(), "Олена Петрович".encode()))
    assert rejected(path).reason is RejectReason.BAD_SIGNATURE


def test_a_file_laid_out_another_way_is_checked_the_canonical_way(tmp_path: Path) -> None:
    signed = sign(sample())
    indented = write(tmp_path, signed)  # an older eTrainer's layout: indented, keys in their order
    assert read_progress_file(indented).signature is not None
    moved = tmp_path / "first.etprogress"  # the signature first: no signature member at the end
    moved.write_text(json.dumps({"signature": signed["signature"], **{k: v for k, v in signed.items()
                                                                       if k != "signature"}}), encoding="utf-8")
    assert read_progress_file(moved).signature is not None


def test_a_nested_signature_member_at_the_end_is_not_taken_for_the_files(tmp_path: Path) -> None:
    """The last `,"signature":` of the bytes belongs to an object inside: the canonical way decides."""
    doc = sample()
    doc["extra"] = {"note": 1, "signature": {"algorithm": "x"}}  # readers ignore keys they do not know
    signed = sign(doc)
    raw = json.dumps({"signature": signed["signature"], **{k: v for k, v in signed.items() if k != "signature"}},
                     ensure_ascii=False, separators=(",", ":")).encode()
    assert raw.rfind(b',"signature":') > raw.find(b'"extra"')
    path = tmp_path / "x.etprogress"
    path.write_bytes(raw)
    assert read_progress_file(path).signature is not None
    path.write_bytes(raw.replace(b'"note":1', b'"note":2'))
    assert rejected(path).reason is RejectReason.BAD_SIGNATURE


def test_signed_bytes_with_a_forged_document_after_them_are_refused(tmp_path: Path) -> None:
    """A genuine file's bytes before its signature, with another document's members swapped in: refused."""
    from etrainer.core.progress.file import file_bytes

    genuine = file_bytes(sign(sample()))
    other = sample()
    other["learner"] = {**other["learner"], "name": "Хтось Інший"}
    forged_unsigned = canonical_bytes(other)
    block = genuine[genuine.rfind(b',"signature":'):]
    path = tmp_path / "x.etprogress"
    path.write_bytes(forged_unsigned[:-1] + block)
    assert rejected(path).reason is RejectReason.BAD_SIGNATURE
