"""Numbers as people read them, for files and PDFs made without Qt (the UI uses ui.common.numbers).

Ukrainian (the default): a decimal comma (0,45), the minus sign U+2212 (−0,64), groups of thousands
split by a no-break space (12 345) and a no-break space before the percent sign (69 %). English:
0.45, -0.64, 12,345, 69%.
"""

from __future__ import annotations

NBSP = "\u00a0"
MINUS = "\u2212"


def format_number(value: float, decimals: int = 0, language: str = "uk") -> str:
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]  # "-0.00" reads as zero
    if language != "uk":
        return text
    return text.replace(",", NBSP).replace(".", ",").replace("-", MINUS)


def format_percent(percent: float, decimals: int = 0, language: str = "uk") -> str:
    """`percent` in percent (69 → «69 %»)."""
    number = format_number(percent, decimals, language)
    return f"{number}{NBSP}%" if language == "uk" else f"{number}%"


def format_share(share: float | None, language: str = "uk", empty: str = "—") -> str:
    """A share 0..1 as a whole percent (0.687 → «69 %»); None → `empty`."""
    return empty if share is None else format_percent(round(share * 100), 0, language)
