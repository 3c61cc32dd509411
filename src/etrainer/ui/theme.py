"""Themes: a Qt style sheet for the widgets and a matching style sheet for lesson documents."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QApplication

from etrainer.paths import resources_dir, themes_dir

FIRST_PAINT_NOTE = """What runs before the main window's first paint (app, main_window, main_menus, classroom_menu,
home_page, course_tree, list_page, theme, common/*, viewmodels/reader) never touches `PySide6.QtCore.Qt`: its first
import creates every enum of the Qt namespace as a Python enum at once, about 50 ms with PySide6 6.11 on Python
3.11, which a bare window never pays. Such code imports `Qt` inside the function that needs it, uses the int a Qt
API accepts (item data roles, enum properties), and builds key sequences from text with `QKeySequence.fromString`
(`QKeySequence(str)` tries the Qt::Key overload first). tests/ui/test_startup_path.py keeps it so."""


class Theme(Enum):
    LIGHT = "light"
    CONTRAST = "contrast"
    PROJECTOR = "projector"

    @classmethod
    def parse(cls, value: object) -> Theme:
        try:
            return cls(value)
        except ValueError:
            return cls.LIGHT


# Lesson documents are styled separately: QTextBrowser's rich text has its own small CSS subset.
_LESSON_CSS = {
    Theme.LIGHT: dict(text="#1B1B1B", heading="#1F4E79", link="#0B4F8A", border="#8A8F98", th="#E8EDF3",
                      tip="#E7F4E8", tip_border="#2E7D32", warn="#FDECEA", warn_border="#B3261E",
                      note="#EAF1F8", note_border="#1F4E79", code="#F1F1EE"),
    Theme.CONTRAST: dict(text="#FFFFFF", heading="#FFFF00", link="#FFFF00", border="#FFFFFF", th="#000000",
                         tip="#000000", tip_border="#FFFFFF", warn="#000000", warn_border="#FFFF00",
                         note="#000000", note_border="#FFFFFF", code="#000000"),
}
_LESSON_CSS[Theme.PROJECTOR] = _LESSON_CSS[Theme.LIGHT]


# Colours of the classroom windows' own style sheets (World Café, classroom quiz), which set sizes per window.
_SCREEN_COLOURS = {
    Theme.LIGHT: dict(heading="#1F4E79", text="#1B1B1B", muted="#3D4A57", paused="#5F6368", right="#1B5E20",
                      wrong="#B00020", problem="#8E0018"),
    Theme.CONTRAST: dict(heading="#FFFF00", text="#FFFFFF", muted="#FFFFFF", paused="#FFFFFF", right="#FFFF00",
                         wrong="#FFFF00", problem="#FFFF00"),
}
_SCREEN_COLOURS[Theme.PROJECTOR] = _SCREEN_COLOURS[Theme.LIGHT]


def screen_colours(theme: Theme) -> dict[str, str]:
    """Text colours for a window's own style sheet: headings, text, muted text, paused, right, wrong, problem."""
    return dict(_SCREEN_COLOURS[theme])


def lesson_css(theme: Theme) -> str:
    c = _LESSON_CSS[theme]
    return f"""
body {{ color: {c['text']}; }}
p, li {{ line-height: 145%; }}
h1, h2, h3, h4 {{ color: {c['heading']}; }}
h2 {{ margin-top: 18px; }}
a {{ color: {c['link']}; }}
a.term {{ color: {c['text']}; text-decoration: underline; }}
table {{ border-collapse: collapse; margin: 8px 0; }}
th {{ background: {c['th']}; border: 1px solid {c['border']}; padding: 4px 8px; font-weight: bold; }}
td {{ border: 1px solid {c['border']}; padding: 4px 8px; }}
div.admonition {{ background: {c['note']}; border-left: 4px solid {c['note_border']}; padding: 6px 10px;
                  margin: 10px 0; }}
div.tip {{ background: {c['tip']}; border-color: {c['tip_border']}; }}
div.warning, div.danger {{ background: {c['warn']}; border-color: {c['warn_border']}; }}
table.admonition {{ margin: 10px 0; border-collapse: collapse; }}
td.admonition {{ background-color: {c['note']}; border: none; border-left: 5px solid {c['note_border']};
                 padding: 8px 12px; }}
td.tip {{ background-color: {c['tip']}; border-left: 5px solid {c['tip_border']}; }}
td.warning, td.danger {{ background-color: {c['warn']}; border-left: 5px solid {c['warn_border']}; }}
p.admonition-title {{ font-weight: bold; margin-bottom: 4px; }}
code, pre {{ background: {c['code']}; font-family: monospace; }}
div.footnote {{ font-size: small; }}
"""


def apply_theme(app: QApplication, theme: Theme) -> None:
    name = "light" if theme is Theme.PROJECTOR else theme.value
    try:
        sheet = (themes_dir() / f"{name}.qss").read_text(encoding="utf-8")
    except OSError:
        sheet = ""
    if theme is Theme.PROJECTOR:
        try:
            sheet += "\n" + (themes_dir() / "projector.qss").read_text(encoding="utf-8")
        except OSError:
            sheet += "\nQWidget { font-size: 20pt; }\n"
    # a ticked check box shows a check mark (an icon of the app), never a dot that looks like a radio button
    app.setStyleSheet(sheet.replace("@ICONS@", (resources_dir() / "icons").as_posix()))
    app.setProperty("etrainerTheme", theme.value)


def current_theme(app: QApplication) -> Theme:
    return Theme.parse(app.property("etrainerTheme"))
