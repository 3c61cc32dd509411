"""The interface's numbers follow the interface language (QLocale), Ukrainian conventions by default."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from etrainer.ui.common.numbers import format_number, format_percent, format_share


def test_ukrainian_and_english_numbers(qapp):
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("uk"))
        assert (format_number(0.45, 2), format_number(-0.64, 2), format_percent(69)) == (
            "0,45", "\u22120,64", "69\u00a0%")
        assert format_share(0.5) == "50\u00a0%" and format_number(-0.0001, 2) == "0,00"
        QLocale.setDefault(QLocale("en"))
        assert (format_number(0.45, 2), format_number(-0.64, 2), format_percent(69)) == ("0.45", "-0.64", "69%")
    finally:
        QLocale.setDefault(before)
