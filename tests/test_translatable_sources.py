"""Every visible string must reach the translation catalog: lupdate does not see tr() calls written
inside f-strings (they use single quotes there), nor tr() through a helper with a variable."""

from __future__ import annotations

import re
from pathlib import Path

SOURCES = Path(__file__).resolve().parents[1] / "src" / "etrainer"
HIDDEN = re.compile(r"""\btr\('|\btranslate\(\s*'|\btranslate\("[^"]*",\s*'""")


def test_no_tr_call_hides_inside_an_f_string():
    offenders = [f"{path.relative_to(SOURCES)}:{number}: {line.strip()}"
                 for path in SOURCES.rglob("*.py")
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if HIDDEN.search(line)]
    assert offenders == []
