"""Numbers and percentages in the interface language, through QLocale (the default locale is set
from the language by i18n.install_translators). Ukrainian conventions as in core.numbers: 0,45,
«−0,64» with U+2212, «69 %» with a no-break space."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from etrainer.core.numbers import MINUS, NBSP


def _ukrainian(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Ukrainian


def format_number(value: float, decimals: int = 0) -> str:
    locale = QLocale()
    text = locale.toString(float(value), "f", decimals)
    if text.startswith(locale.negativeSign()) and round(float(value), decimals) == 0:
        text = text[len(locale.negativeSign()):]
    return text.replace("-", MINUS) if _ukrainian(locale) else text


def format_percent(percent: float, decimals: int = 0) -> str:
    """`percent` in percent (69 → «69 %»)."""
    number = format_number(percent, decimals)
    return f"{number}{NBSP}%" if _ukrainian(QLocale()) else f"{number}%"


def format_share(share: float | None, empty: str = "—") -> str:
    """A share 0..1 as a whole percent (0.687 → «69 %»); None → `empty`."""
    return empty if share is None else format_percent(round(share * 100))
