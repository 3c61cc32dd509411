"""Learner profiles: the `Profile` value, the rules for names and PINs, and PIN hashing.

A PIN is optional, 4–8 ASCII digits, and is kept only as a salted scrypt hash
(n=2**14, r=8, p=1). It separates colleagues sharing one PC; it is not strong security.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime

from etrainer.core.errors import EtrainerError
from etrainer.core.ids import LearnerId
from etrainer.i18n import QT_TRANSLATE_NOOP

NAME_MAX = 80
"""The longest profile name, in characters (after trimming)."""
FIELD_MAX = 120
"""The longest branch (library) or position, in characters."""
PIN_PATTERN = re.compile(r"[0-9]{4,8}")
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
PIN_HASH_BYTES = 32
SALT_BYTES = 16


@dataclass(frozen=True, slots=True)
class Profile:
    id: LearnerId
    name: str
    branch: str
    position: str
    has_pin: bool
    created_at: datetime
    last_active_at: datetime | None
    """None until the learner first chooses the profile or opens a lesson."""
    uid: str = ""
    """A stable uuid4 text, the learner's identity in exported progress files."""


class ProfileNameEmpty(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "Enter a name for the profile.")


class ProfileNameTooLong(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The name is too long: use at most {limit} characters.")


class ProfileNameTaken(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "A profile named “{name}” already exists. Choose another name.")


class ProfileFieldTooLong(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The library or position is too long: use at most {limit} characters.")


class ProfileNotFound(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "This profile no longer exists. Choose another profile.")


class PinFormat(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The PIN must be 4 to 8 digits.")


class BadPin(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The PIN is not correct. Try again.")


def clean_name(name: str) -> str:
    """The name trimmed, with inner runs of whitespace made one space; raises if empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ProfileNameEmpty()
    if len(cleaned) > NAME_MAX:
        raise ProfileNameTooLong(limit=NAME_MAX)
    return cleaned


def name_key(name: str) -> str:
    """The key that makes names unique regardless of case: «Олена» and «ОЛЕНА» are the same profile."""
    return clean_name(name).casefold()


def clean_field(value: str | None) -> str:
    """A branch or position, trimmed like a name; may be empty."""
    cleaned = " ".join((value or "").split())
    if len(cleaned) > FIELD_MAX:
        raise ProfileFieldTooLong(limit=FIELD_MAX)
    return cleaned


def check_pin(pin: str) -> str:
    """The PIN without surrounding spaces; raises PinFormat unless it is 4–8 ASCII digits."""
    stripped = pin.strip()
    if not PIN_PATTERN.fullmatch(stripped):
        raise PinFormat()
    return stripped


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def hash_pin(pin: str, salt: bytes) -> bytes:
    """The scrypt hash of a valid PIN (raises PinFormat for an invalid one)."""
    import hashlib  # here: OpenSSL is not needed to list profiles at the start

    return hashlib.scrypt(check_pin(pin).encode("ascii"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                          dklen=PIN_HASH_BYTES)


def pin_matches(pin: str, salt: bytes, expected: bytes) -> bool:
    """True when `pin` hashes to `expected`; compares in constant time; a malformed PIN never matches."""
    try:
        candidate = hash_pin(pin, salt)
    except PinFormat:
        return False
    import hmac

    return hmac.compare_digest(candidate, expected)
