"""Fuzzing progress files (core/progress/file.py): random bytes, mutated real files, and well-formed,
correctly signed JSON whose fields have wrong types and values (so the shape checks are reached).

Property: the file is read, or refused with ProgressFileRejected (an EtrainerError with a sentence)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.mutations import DATA, FUZZ, json_bytes, mutated_json, mutated_text, texts

from etrainer.core.progress.file import ProgressFileRejected, parse_progress_bytes, read_progress_file
from etrainer.exchange.signing import InstallationKey

SEEDS = texts("tests/data/progress/*")
SAMPLE = json.loads((DATA / "progress" / "sample-v1.json").read_text(encoding="utf-8"))
KEY = InstallationKey.generate()


def read(raw: bytes) -> None:
    try:
        parse_progress_bytes(raw)
    except ProgressFileRejected as error:
        assert str(error).strip() and error.detail is not None


@FUZZ
@given(raw=st.binary(max_size=500))
def test_random_bytes_are_refused(raw):
    read(raw)


@FUZZ
@given(text=mutated_text(SEEDS))
def test_a_mutated_progress_file_is_read_or_refused(text):
    read(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(doc=mutated_json(SAMPLE, non_finite=False))
def test_signed_documents_with_wrong_types_are_read_or_refused(doc):
    signed = KEY.sign(doc) if isinstance(doc, dict) else doc
    read(json_bytes(signed))


@FUZZ
@given(doc=mutated_json(KEY.sign(SAMPLE)))
def test_a_file_on_disk_with_a_damaged_signature_block_is_refused(doc):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "learner.etprogress"
        path.write_bytes(json_bytes(doc))
        try:
            read_progress_file(path)
        except ProgressFileRejected as error:
            assert str(error).strip()
