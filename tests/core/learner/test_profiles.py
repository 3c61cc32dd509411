"""Profile rules: names, fields, PIN format and hashing (pure core, no database)."""

from __future__ import annotations

import pytest

from etrainer.core.learner.profiles import (
    NAME_MAX,
    PinFormat,
    ProfileFieldTooLong,
    ProfileNameEmpty,
    ProfileNameTooLong,
    check_pin,
    clean_field,
    clean_name,
    hash_pin,
    name_key,
    new_salt,
    pin_matches,
)


def test_names_are_trimmed_and_inner_spaces_collapsed() -> None:
    assert clean_name("  Марія \t Іванівна  ") == "Марія Іванівна"
    assert name_key(" ҐРЕТА  Їжакевич ") == "ґрета їжакевич"


@pytest.mark.parametrize("name", ["", "   ", "\n\t"])
def test_an_empty_name_is_refused(name: str) -> None:
    with pytest.raises(ProfileNameEmpty) as caught:
        clean_name(name)
    assert str(caught.value) == "Enter a name for the profile."


def test_a_name_may_be_up_to_the_limit() -> None:
    assert clean_name("я" * NAME_MAX) == "я" * NAME_MAX
    with pytest.raises(ProfileNameTooLong) as caught:
        clean_name("я" * (NAME_MAX + 1))
    assert caught.value.params == {"limit": NAME_MAX}


def test_fields_may_be_empty_but_not_too_long() -> None:
    assert clean_field(None) == "" and clean_field("  Філія  № 4 ") == "Філія № 4"
    with pytest.raises(ProfileFieldTooLong):
        clean_field("x" * 121)


@pytest.mark.parametrize("pin", ["1234", "12345678", " 0007 "])
def test_valid_pins(pin: str) -> None:
    assert check_pin(pin) == pin.strip()


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12 34", "abcd", "١٢٣٤", "１２３４"])
def test_invalid_pins(pin: str) -> None:
    with pytest.raises(PinFormat):
        check_pin(pin)


def test_pin_hashes_are_salted_and_verified() -> None:
    salt, other_salt = new_salt(), new_salt()
    digest = hash_pin("2580", salt)
    assert len(digest) == 32 and digest != hash_pin("2580", other_salt)
    assert pin_matches("2580", salt, digest)
    assert pin_matches(" 2580 ", salt, digest)
    assert not pin_matches("2581", salt, digest)
    assert not pin_matches("not a pin", salt, digest)
