"""Field checks for every control kind (core/walkthrough/fields.py)."""

from __future__ import annotations

import pytest

from etrainer.core.walkthrough.engine import (
    Certificate,
    Control,
    ControlKind,
    FileChoice,
    KeyFile,
    Option,
    TrainingCard,
    validate_field,
)
from etrainer.core.walkthrough.fields import (
    MSG_CARD_CVV,
    MSG_CARD_EXPIRY,
    MSG_CARD_NUMBER,
    MSG_CHECKBOX,
    MSG_CHOOSE,
    MSG_DATE_FORMAT,
    MSG_DATE_NOT_FREE,
    MSG_EMPTY,
    MSG_KEY_PASSWORD_EMPTY,
    MSG_NOT_ACCEPTED,
    MSG_PICK_FILE,
    MSG_PICK_KEY,
    MSG_READ_ONLY,
    normalize_text,
)


def text(**fields: object) -> Control:
    return Control("field", ControlKind.TEXT, "Поле", **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("typed", "ok"), [
    ("Камʼянське", True), ("кам'янське", True), ("КАМ’ЯНСЬКЕ", True), ("  Кам`янське ", True),
    ("Камянське", False), ("Кам'янка", False),
])
def test_text_ignores_case_and_apostrophe_kind(typed: str, ok: bool) -> None:
    assert validate_field(text(accept=("Кам'янське",)), typed).ok is ok


def test_text_can_be_strict_about_case_and_apostrophes() -> None:
    strict = text(accept=("Кам'янське",), ignore_case=False, ignore_apostrophes=False)
    assert validate_field(strict, "Кам'янське").ok
    assert not validate_field(strict, "кам'янське").ok
    assert not validate_field(strict, "Камʼянське").ok


def test_text_pattern_must_match_the_whole_value() -> None:
    code = text(pattern=r"ТЕСТ-\d{10}")
    assert validate_field(code, "тест-0000000000").ok  # case-insensitive by default
    check = validate_field(code, "ТЕСТ-0000000000 і ще щось")
    assert not check.ok and check.message == MSG_NOT_ACCEPTED


def test_text_accept_or_pattern_either_will_do() -> None:
    both = text(accept=("немає",), pattern=r"\d{3}")
    assert validate_field(both, "Немає").ok and validate_field(both, "123").ok
    assert not validate_field(both, "так").ok


def test_text_spaces_collapse_or_vanish() -> None:
    assert normalize_text(text(), "  Ірина   Савчук ") == "ірина савчук"
    assert normalize_text(text(ignore_spaces=True), "+380 00 000") == "+38000000"


def test_empty_text_is_never_accepted() -> None:
    assert validate_field(text(), "   ").message == MSG_EMPTY
    assert validate_field(text(), "будь-що").ok  # no accept, no pattern: any non-empty text


@pytest.mark.parametrize(("typed", "normalized"), [("05.03.1990", "05.03.1990"), ("5.3.1990", "05.03.1990"),
                                                   (" 29.02.2024 ", "29.02.2024")])
def test_date_accepts_dd_mm_yyyy(typed: str, normalized: str) -> None:
    check = validate_field(Control("d", ControlKind.DATE, "Дата"), typed)
    assert check.ok and check.normalized == normalized


@pytest.mark.parametrize("typed", ["1990-03-05", "05/03/1990", "29.02.2023", "32.01.2000", "05.03.90", "завтра"])
def test_date_refuses_other_forms_and_impossible_dates(typed: str) -> None:
    check = validate_field(Control("d", ControlKind.DATE, "Дата"), typed)
    assert not check.ok and check.message == MSG_DATE_FORMAT


def test_date_with_a_list_of_free_dates() -> None:
    calendar = Control("d", ControlKind.DATE, "Дата", accept=("18.11.2026", "19.11.2026"))
    assert validate_field(calendar, "18.11.2026").ok
    assert validate_field(calendar, "20.11.2026").message == MSG_DATE_NOT_FREE


@pytest.mark.parametrize("kind", [ControlKind.CHOICE, ControlKind.SELECT])
def test_choice_and_select_take_an_option_id(kind: ControlKind) -> None:
    control = Control("c", kind, "Оберіть", options=(Option("a", "А"), Option("b", "Б")))
    assert validate_field(control, "b").ok
    assert validate_field(control, "Б").message == MSG_CHOOSE


def test_checkbox_values() -> None:
    box = Control("c", ControlKind.CHECKBOX, "Згоден")
    assert validate_field(box, "true").normalized == "true" and validate_field(box, "false").normalized == "false"
    assert validate_field(box, "можливо").message == MSG_CHECKBOX


def test_button_always_fits() -> None:
    assert validate_field(Control("b", ControlKind.BUTTON, "Далі"), "").ok


def test_file_must_be_one_offered() -> None:
    attach = Control("f", ControlKind.FILE, "Файл", files=(FileChoice("scan", "ZRAZOK.PDF", size_kb=10),),
                     types=("pdf",), max_kb=100)
    assert validate_field(attach, "scan").ok  # the extension is compared case-insensitively
    assert validate_field(attach, "other").message == MSG_PICK_FILE


def test_kep_needs_a_key_and_its_password() -> None:
    kep = Control("k", ControlKind.KEP, "Підписати", keys=(KeyFile("own", "Key-6.dat"),), password="Test2026",
                  certificate=Certificate("Савчук Ірина", "КНЕДП-Тест"))
    assert validate_field(kep, "own", {"password": "Test2026"}).ok
    assert validate_field(kep, "", {"password": "Test2026"}).message == MSG_PICK_KEY
    assert validate_field(kep, "own", {}).message == MSG_KEY_PASSWORD_EMPTY
    assert not validate_field(kep, "own", {"password": "TEST2026"}).ok  # passwords are case-sensitive


def test_payment_takes_only_the_test_card() -> None:
    pay = Control("p", ControlKind.PAYMENT, "Сплатити", amount="0,00 грн",
                  card=TrainingCard("0000 0000 0000 0000", "12/30", "000"))
    good = {"card": "0000-0000-0000-0000", "expiry": "12 / 30", "cvv": "000"}
    assert validate_field(pay, "", good).ok
    assert validate_field(pay, "", {**good, "card": "4111 1111 1111 1111"}).message == MSG_CARD_NUMBER
    assert validate_field(pay, "", {**good, "expiry": "01/29"}).message == MSG_CARD_EXPIRY
    assert validate_field(pay, "", {**good, "cvv": ""}).message == MSG_CARD_CVV


@pytest.mark.parametrize("kind", [ControlKind.INFO, ControlKind.RECEIPT])
def test_static_elements_take_nothing(kind: ControlKind) -> None:
    assert validate_field(Control("s", kind, text="Текст"), "x").message == MSG_READ_ONLY
