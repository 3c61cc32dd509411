"""The note check refuses what looks like personal data and lets ordinary short numbers through."""

from __future__ import annotations

import pytest

from etrainer.core.consultation.privacy import MAX_NOTE_LENGTH, NoteIssue, check_note, luhn_valid


@pytest.mark.parametrize(("note", "issue"), [
    ("РНОКПП 3012345678", NoteIssue.TAX_NUMBER),
    ("ІПН: 2345678901, подала заяву", NoteIssue.TAX_NUMBER),
    ("паспорт КА 123456", NoteIssue.PASSPORT),
    ("серія ВМ№654321", NoteIssue.PASSPORT),
    ("ID-картка 001234567", NoteIssue.ID_CARD),
    ("УНЗР 19800101-01234", NoteIssue.REGISTER_NUMBER),
    ("тел. +380 67 123 45 67", NoteIssue.PHONE),
    ("+380671234567", NoteIssue.PHONE),
    ("+38 (067) 123-45-67", NoteIssue.PHONE),
    ("дзвонити 067-123-45-67", NoteIssue.PHONE),
    ("(067) 123 45 67 після обіду", NoteIssue.PHONE),
    ("0501234567", NoteIssue.PHONE),
    ("пише на olena.petrenko@ukr.net", NoteIssue.EMAIL),
    ("картка 4111 1111 1111 1111", NoteIssue.CARD),
    ("4111-1111-1111-1111", NoteIssue.CARD),
    ("рахунок 12345678901234", NoteIssue.LONG_NUMBER),
    ("x" * (MAX_NOTE_LENGTH + 1), NoteIssue.TOO_LONG),
])
def test_personal_data_is_refused(note: str, issue: NoteIssue) -> None:
    assert check_note(note) is issue


@pytest.mark.parametrize("note", [
    "",
    "30 хв",
    "2 послуги за один візит",
    "декларація у 2026 році",
    "записали на 10:30, 01.12.2026",
    "оплата 1 500 грн",
    "потрібен КЕП, направили до ЦНАП",
    "номер заяви не записували",
    "черга 15-20 хв, 3 спроби",
    "на 100000 грн",
    "x" * MAX_NOTE_LENGTH,
])
def test_ordinary_notes_pass(note: str) -> None:
    assert check_note(note) is None


def test_sixteen_digits_that_fail_luhn_are_still_a_long_number_not_a_card() -> None:
    assert not luhn_valid("4111111111111112")
    assert check_note("4111111111111112") is NoteIssue.LONG_NUMBER


def test_every_issue_has_its_own_sentence() -> None:
    sentences = {issue.sentence for issue in NoteIssue}
    assert len(sentences) == len(NoteIssue)
    assert all(sentence.endswith(".") for sentence in sentences)
