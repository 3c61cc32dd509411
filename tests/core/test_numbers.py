"""Numbers for files and PDFs: Ukrainian by default (0,45; −0,64; 12 345; 69 %), English on request."""

from __future__ import annotations

import pytest

from etrainer.core.numbers import format_number, format_percent, format_share


@pytest.mark.parametrize(("value", "decimals", "language", "expected"), [
    (0.45, 2, "uk", "0,45"),
    (-0.64, 2, "uk", "\u22120,64"),
    (12345, 0, "uk", "12\u00a0345"),
    (-0.001, 2, "uk", "0,00"),
    (0.45, 2, "en", "0.45"),
    (-0.64, 2, "en", "-0.64"),
    (12345.5, 1, "en", "12,345.5"),
])
def test_numbers(value, decimals, language, expected):
    assert format_number(value, decimals, language) == expected


def test_percentages_have_a_no_break_space_in_ukrainian_only():
    assert format_percent(69) == "69\u00a0%"
    assert format_percent(69, language="en") == "69%"
    assert format_share(0.687) == "69\u00a0%" and format_share(None) == "—"
