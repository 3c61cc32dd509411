"""The installation key: made once, stored raw, and its signatures verify; tampering is caught."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from etrainer.core.progress.file import ProgressFileRejected, RejectReason, canonical_bytes, verify_signature
from etrainer.exchange.signing import InstallationKey, load_or_create

SAMPLE = Path(__file__).parents[1] / "data" / "progress" / "sample-v1.json"


def sample() -> dict[str, Any]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def test_a_stored_key_is_loaded_not_replaced() -> None:
    key, created = load_or_create(None)
    assert created and len(key.raw) == 32 and len(key.public_raw) == 32
    again, created_again = load_or_create(key.raw)
    assert not created_again and again.public_raw == key.public_raw


@pytest.mark.parametrize("stored", [b"", b"short", bytes(64)])
def test_an_unusable_stored_key_is_replaced(stored: bytes) -> None:
    key, created = load_or_create(stored)
    assert created and key.raw != stored


def test_a_signed_document_verifies_with_the_key_it_carries() -> None:
    key = InstallationKey.generate()
    signed = key.sign(sample())
    signature = verify_signature(signed)
    assert signature.public_key == key.public_raw
    assert canonical_bytes(signed) == canonical_bytes(sample())


def test_signing_again_replaces_the_old_signature() -> None:
    first, second = InstallationKey.generate(), InstallationKey.generate()
    resigned = second.sign(first.sign(sample()))
    assert verify_signature(resigned).public_key == second.public_raw


@pytest.mark.parametrize("path", [("learner", "name"), ("records", "quiz_attempts", 0, "score"),
                                  ("records", "walkthrough_attempts", 0, "errors")])
def test_changing_any_value_breaks_the_signature(path: tuple[Any, ...]) -> None:
    signed = InstallationKey.from_raw(bytes(range(32))).sign(sample())
    target: Any = signed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = 0 if not isinstance(target[path[-1]], str) else target[path[-1]] + "!"
    with pytest.raises(ProgressFileRejected) as caught:
        verify_signature(signed)
    assert caught.value.reason is RejectReason.BAD_SIGNATURE


def test_from_raw_refuses_a_key_of_the_wrong_length() -> None:
    with pytest.raises(ValueError):
        InstallationKey.from_raw(b"x" * 31)
