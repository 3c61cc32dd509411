"""WCAG contrast of the colours each theme actually uses: the lesson style sheet (ui/theme.py) and the widget
style sheets (resources/themes/*.qss). The high-contrast theme must reach AA: 4.5:1 for text, 3:1 for large text
and control borders. The light and projector figures are printed (pytest -s) and held to AA for body text."""

from __future__ import annotations

import re

import pytest

from etrainer.paths import themes_dir
from etrainer.ui.theme import _LESSON_CSS, Theme, screen_colours


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(one: str, two: str) -> float:
    a, b = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _rule(sheet: str, selector: str) -> dict[str, str]:
    """The declarations of the first rule whose selector list contains `selector` exactly."""
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)):
        if selector in (s.strip() for s in selectors.split(",")):
            return {k.strip(): v.strip() for k, v in (d.split(":", 1) for d in body.split(";") if ":" in d)}
    raise LookupError(selector)


def _colour(value: str) -> str:
    found = re.search(r"#[0-9A-Fa-f]{6}", value)
    assert found, value
    return found.group(0)


def lesson_pairs(theme: Theme, page: str) -> list[tuple[str, str, str, float]]:
    """(what, foreground, background, needed) for the lesson text of `theme` on its page colour."""
    c = _LESSON_CSS[theme]
    return [("lesson text", c["text"], page, 4.5), ("lesson headings", c["heading"], page, 4.5),
            ("links", c["link"], page, 4.5), ("table headers", c["text"], c["th"], 4.5),
            ("table borders", c["border"], page, 3.0), ("tip box text", c["text"], c["tip"], 4.5),
            ("warning box text", c["text"], c["warn"], 4.5), ("note box text", c["text"], c["note"], 4.5),
            ("code text", c["text"], c["code"], 4.5)]


def widget_pairs(sheet: str) -> list[tuple[str, str, str, float]]:
    widget = _rule(sheet, "QWidget")
    text, page = _colour(widget["color"]), _colour(widget["background"])
    button = _rule(sheet, "QPushButton")
    header = _rule(sheet, "QHeaderView::section")
    field = _rule(sheet, "QLineEdit")
    pairs = [("window text", text, page, 4.5),
             ("button text", _colour(button["color"]), _colour(button["background"]), 4.5),
             ("button border", _colour(button["border"]), page, 3.0),
             ("field border", _colour(field["border"]), page, 3.0),
             ("table header", _colour(header["color"]), _colour(header["background"]), 4.5),
             ("page title", _colour(_rule(sheet, "QLabel#pageTitle")["color"]), page, 3.0)]
    focus = _rule(sheet, "QPushButton:focus")
    pairs.append(("focus outline", _colour(focus["border"]), page, 3.0))
    try:
        disabled = _rule(sheet, "QPushButton:disabled")
        pairs.append(("disabled text", _colour(disabled["color"]), _colour(button["background"]), 4.5))
    except LookupError:
        pass
    return pairs


def _report(name: str, pairs: list[tuple[str, str, str, float]]) -> list[str]:
    low = []
    for what, fore, back, needed in pairs:
        value = ratio(fore, back)
        print(f"{name:10} {what:18} {fore} on {back}: {value:5.2f}:1 (needs {needed})")
        if value < needed:
            low.append(f"{what} {fore} on {back}: {value:.2f}:1 < {needed}:1")
    return low


def test_the_ratio_is_computed_as_wcag_says():
    assert ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", list(Theme), ids=lambda t: t.value)
def test_every_theme_meets_aa(theme):
    sheet = (themes_dir() / ("light.qss" if theme is Theme.PROJECTOR else f"{theme.value}.qss")).read_text("utf-8")
    page = _colour(_rule(sheet, "QTextBrowser#lessonBrowser")["background"])
    window = _colour(_rule(sheet, "QWidget")["background"])
    classroom = [(f"classroom {name}", colour, window, 3.0 if name in ("paused", "heading") else 4.5)
                 for name, colour in screen_colours(theme).items()]
    low = _report(theme.value, lesson_pairs(theme, page) + widget_pairs(sheet) + classroom)
    assert not low, "\n".join(low)


FOCUSABLE = ("QPushButton", "QToolButton", "QLineEdit", "QComboBox", "QSpinBox", "QPlainTextEdit", "QCheckBox",
             "QRadioButton", "QTreeWidget", "QListWidget", "QTableView", "QTextBrowser")


@pytest.mark.parametrize("name", ["light", "contrast"])
def test_every_kind_of_control_shows_keyboard_focus(name):
    """Focus is always visible: each theme styles :focus for every kind of control people reach with Tab."""
    sheet = re.sub(r"/\*.*?\*/", "", (themes_dir() / f"{name}.qss").read_text("utf-8"), flags=re.S)
    selectors = {s.strip() for group in re.findall(r"([^{}]+)\{", sheet) for s in group.split(",")}
    focused = {s.split(":focus")[0].split()[-1].split("::")[0] for s in selectors if ":focus" in s}
    missing = [kind for kind in FOCUSABLE if not any(f == kind or f.startswith(kind + "#") or
                                                      f.startswith(kind + "[") for f in focused)]
    assert not missing, missing
