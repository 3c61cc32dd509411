"""`!!! tip "Title"` boxes with Ukrainian default titles.

Python-Markdown's admonition renders `<div class="admonition tip"><p class="admonition-title">…`
and, without a title, the English type name. Here a missing title becomes the Ukrainian one,
and an unknown type is shown as a note (and reported). `!!! tip ""` still means "no title".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown.blockparser import BlockParser
from markdown.extensions.admonition import AdmonitionProcessor

from etrainer.i18n import QT_TRANSLATE_NOOP

DEFAULT_TITLES: dict[str, str] = {
    "tip": "Порада",
    "warning": "Увага",
    "note": "Примітка",
    "example": "Приклад",
    "question": "Перевірте себе",
    "danger": "Небезпека",
    "info": "Довідка",
}
FALLBACK_KIND = "note"

UNKNOWN_KIND = QT_TRANSLATE_NOOP("Lesson", "Unknown box type «{kind}»: it is shown as a note («Примітка»).")


class LessonAdmonitionProcessor(AdmonitionProcessor):
    def __init__(self, parser: BlockParser, report: Callable[[str], None]) -> None:
        super().__init__(parser)
        self._report = report

    def get_class_and_title(self, match: re.Match[str]) -> tuple[str, str | None]:
        kind, *extra = match.group(1).lower().split()
        if kind not in DEFAULT_TITLES:
            self._report(UNKNOWN_KIND.format(kind=kind))
            kind = FALLBACK_KIND
        title = match.group(2)
        if title is None:
            title = DEFAULT_TITLES[kind]
        return " ".join([kind, *extra]), title or None
