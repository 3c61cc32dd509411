"""The privacy check of a consultation note: refuse text that looks like personal data (FACTS.md §6.4).

`check_note(text)` returns the first `NoteIssue` found, or None for an acceptable note. Short numbers
(«30 хв», «2 послуги», a year) pass; what is refused:

- a taxpayer number (РНОКПП): 10 digits;
- a passport-booklet number: two capital Cyrillic letters and 6 digits («КА 123456»);
- an ID-card number: 9 digits; a demographic-register record number (УНЗР): 8 digits, a dash, 5 digits;
- a phone number: +380 and 9 digits, or 0XX and 7 digits, with any spaces, dashes or brackets;
- an e-mail address;
- a payment-card number: 13–19 digits that pass the Luhn check;
- any other unbroken run of 9 or more digits (an account or document number);
- a note longer than `MAX_NOTE_LENGTH` characters.
"""

from __future__ import annotations

import re
from enum import Enum

from etrainer.i18n import QT_TRANSLATE_NOOP

MAX_NOTE_LENGTH = 200


class NoteIssue(Enum):
    TAX_NUMBER = "tax-number"
    PASSPORT = "passport"
    ID_CARD = "id-card"
    REGISTER_NUMBER = "register-number"
    PHONE = "phone"
    EMAIL = "email"
    CARD = "card"
    LONG_NUMBER = "long-number"
    TOO_LONG = "too-long"

    @property
    def sentence(self) -> str:
        """The English reason; translate it with QCoreApplication.translate("Consultation", …)."""
        return _SENTENCES[self]


_SENTENCES = {
    NoteIssue.TAX_NUMBER: QT_TRANSLATE_NOOP(
        "Consultation", "The note looks like it holds a taxpayer number (10 digits). Leave it out: the log is "
        "anonymous."),
    NoteIssue.PASSPORT: QT_TRANSLATE_NOOP(
        "Consultation", "The note looks like it holds a passport number. Leave it out: the log is anonymous."),
    NoteIssue.ID_CARD: QT_TRANSLATE_NOOP(
        "Consultation", "The note looks like it holds an ID-card number (9 digits). Leave it out: the log is "
        "anonymous."),
    NoteIssue.REGISTER_NUMBER: QT_TRANSLATE_NOOP(
        "Consultation", "The note looks like it holds a demographic register number. Leave it out: the log is "
        "anonymous."),
    NoteIssue.PHONE: QT_TRANSLATE_NOOP(
        "Consultation", "The note looks like it holds a phone number. Leave it out: the log is anonymous."),
    NoteIssue.EMAIL: QT_TRANSLATE_NOOP(
        "Consultation", "The note looks like it holds an e-mail address. Leave it out: the log is anonymous."),
    NoteIssue.CARD: QT_TRANSLATE_NOOP(
        "Consultation", "The note looks like it holds a payment card number. Leave it out: the log is "
        "anonymous."),
    NoteIssue.LONG_NUMBER: QT_TRANSLATE_NOOP(
        "Consultation", "The note holds a long number that may identify a person or a document. Leave it out: "
        "the log is anonymous."),
    NoteIssue.TOO_LONG: QT_TRANSLATE_NOOP(
        "Consultation", "The note is too long: keep it under 200 characters."),
}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_REGISTER = re.compile(r"(?<!\d)\d{8}\s?-\s?\d{5}(?!\d)")
_PASSPORT = re.compile(r"(?<![\w])[А-ЯҐЄІЇ]{2}\s?№?\s?\d{6}(?!\d)")
# Digits with the separators people type inside phone and card numbers (spaces, dashes, brackets, dots
# are not included: 01.12.2026 is a date).
_NUMBER = re.compile(r"\+?\(?\d(?:[\d\u00a0 ()-]*\d)?")
_RUN = re.compile(r"\d{9,}")


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def check_note(text: str) -> NoteIssue | None:
    """The first reason to refuse `text` as a consultation note, or None when it may be stored."""
    if len(text) > MAX_NOTE_LENGTH:
        return NoteIssue.TOO_LONG
    if _EMAIL.search(text):
        return NoteIssue.EMAIL
    if _REGISTER.search(text):
        return NoteIssue.REGISTER_NUMBER
    if _PASSPORT.search(text):
        return NoteIssue.PASSPORT
    for match in _NUMBER.finditer(text):
        issue = _number_issue(match.group())
        if issue is not None:
            return issue
    return None


def _number_issue(written: str) -> NoteIssue | None:
    digits = re.sub(r"\D", "", written)
    count = len(digits)
    if (count == 12 and digits.startswith("380")) or (count == 11 and digits.startswith("80")):
        return NoteIssue.PHONE
    if count == 10:
        return NoteIssue.PHONE if digits.startswith("0") or written.startswith("+") else NoteIssue.TAX_NUMBER
    if count == 9:
        return NoteIssue.PHONE if written.startswith(("+", "(")) else NoteIssue.ID_CARD
    if 13 <= count <= 19 and luhn_valid(digits):
        return NoteIssue.CARD
    if _RUN.search(written):
        return NoteIssue.LONG_NUMBER
    return None
