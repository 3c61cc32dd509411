"""Glossary terms in lesson text: `[[key]]` and `[[key|shown text]]`.

A known key becomes `<a class="term" href="term:ID" title="DEFINITION">shown text</a>` (the
shown text defaults to the term's headword); an unknown key is left as plain text and reported.
As an inline processor it never fires inside code spans or code blocks.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import UnescapeTreeprocessor
from markdown.util import AtomicString

from etrainer.core.course.model import GlossaryTerm
from etrainer.i18n import QT_TRANSLATE_NOOP

PIPE_STANDIN = "\ue010"
"""Stands for the `|` of `[[key|text]]` while Markdown parses, so that a term in a table row does not
split the cell; put back by `RestorePipes` (also inside code, where terms are left alone)."""

TERM_PATTERN = r"\[\[([^\[\]|\ue010]+)(?:[|\ue010]([^\[\]]+))?\]\]"
"""`[[key]]` or `[[key|shown text]]`; either part may wrap onto the next line."""

UNKNOWN_TERM = QT_TRANSLATE_NOOP("Lesson", "The glossary has no term «{key}»: it is shown as plain text.")

TermResolver = Callable[[str], GlossaryTerm | None]

_TERM_WITH_TEXT = re.compile(r"\[\[([^\[\]|\n]+)\|([^\[\]\n]+)\]\]")


class ProtectTermPipes(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return [_TERM_WITH_TEXT.sub(lambda m: f"[[{m.group(1)}{PIPE_STANDIN}{m.group(2)}]]", line) for line in lines]


class RestorePipes(Postprocessor):
    def run(self, text: str) -> str:
        return text.replace(PIPE_STANDIN, "|")


class TermLookup:
    """Looks keys up once per render (the resolver may scan the whole glossary)."""

    def __init__(self, resolve: TermResolver | None) -> None:
        self._resolve = resolve
        self._cache: dict[str, GlossaryTerm | None] = {}

    def __call__(self, key: str) -> GlossaryTerm | None:
        if self._resolve is None:
            return None
        if key not in self._cache:
            self._cache[key] = self._resolve(key)
        return self._cache[key]


class GlossaryInlineProcessor(InlineProcessor):
    def __init__(self, lookup: TermLookup, report: Callable[[str], None]) -> None:
        super().__init__(TERM_PATTERN)
        self._lookup = lookup
        self._report = report
        self._unescape = UnescapeTreeprocessor().unescape

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | str | None, int | None, int | None]:
        key = " ".join(self._unescape(m.group(1)).split())
        shown = " ".join((m.group(2) or "").split())
        if not key:
            return None, None, None
        term = self._lookup(key)
        if term is None:
            self._report(UNKNOWN_TERM.format(key=key))
            return shown or key, m.start(0), m.end(0)
        link = etree.Element("a", {"class": "term", "href": f"term:{term.id}", "title": term.definition})
        link.text = AtomicString(shown or term.term)
        return link, m.start(0), m.end(0)
