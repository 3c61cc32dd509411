"""Every symbol the app shows can be drawn: a mark, arrow or pictogram in the UI's strings, the translations,
the bundled course or the guides must be in DejaVu Sans, the font every Linux the app supports has
(fonts-dejavu-core; ⏳ and ⏱, in no font here, showed as empty boxes)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*(ROOT / "src" / "etrainer").rglob("*.py"), *(ROOT / "resources" / "translations").glob("*.ts"),
           *(ROOT / "lessons").rglob("*.md"), *(ROOT / "lessons").rglob("*.yaml"),
           *(ROOT / "docs" / "guides").glob("*.md")]
SYMBOLS = {"So", "Sm", "Sk", "No"}


def symbols() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py":  # comments may name a glyph to say it is not used
            text = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
        for char in text:
            if ord(char) >= 0x2000 and unicodedata.category(char) in SYMBOLS:
                found.setdefault(char, str(path.relative_to(ROOT)))
    return found


def test_every_symbol_shown_is_in_dejavu_sans(qapp) -> None:
    assert "DejaVu Sans" in QFontDatabase.families()
    metrics = QFontMetrics(QFont("DejaVu Sans"))
    found = symbols()
    assert "✓" in found and "○" in found  # the scan sees the marks the app does use
    missing = {f"U+{ord(c):04X} {c} ({where})" for c, where in found.items() if not metrics.inFontUcs4(ord(c))}
    assert not missing, "symbols no font here can draw: " + ", ".join(sorted(missing))
