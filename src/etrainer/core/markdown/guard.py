"""Bound a lesson's markdown before Python-Markdown and the HTML parsers see it.

Neither is hardened against hostile input (QT-NOTES item 11): deeply nested lists or quotes
exhaust the recursion limit, nested or unclosed brackets make link parsing quadratic (16 KB
took seconds), piles of unclosed raw HTML tags make the HTML5 tree builder quadratic, and
Python-Markdown spends 10–40 µs on every piece of markup. `bound_source` neutralises the bombs
(see `neutralise`) and reports them, so the rest of the lesson still renders; `too_complex`
says when what is left would still take too long; `DepthLimit` bounds the rendered tree.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from etrainer.core.markdown.glossary import PIPE_STANDIN
from etrainer.core.markdown.neutralise import (
    SENTINELS,
    Report,
    flatten_deep_lines,
    neutralise_brackets,
    neutralise_definition_chains,
    neutralise_dense_inline,
    neutralise_raw_html,
)
from etrainer.i18n import QT_TRANSLATE_NOOP

MAX_MARKUP = 40_000
"""Most markup characters plus lines in a lesson: about a second of Python-Markdown at worst,
and well above any real lesson under the size limit (the densest, a memo, has 47 per KB)."""
MAX_FOOTNOTES = 1000
"""Most `[^` footnote markers: Python-Markdown's footnotes take quadratic time."""
MAX_TREE_DEPTH = 100
"""Deepest element nesting (e.g. of emphasis) kept in the rendered tree."""

DEEP_TREE = QT_TRANSLATE_NOOP(
    "Lesson",
    "Text nested more than {limit} levels deep (for example by emphasis) is shown as plain text.",
)

_MARKUP = "*_`[<&|\\\n"
_INTERNAL_CHARS = "".join(SENTINELS) + PIPE_STANDIN
"""Private-use characters the renderer uses itself: replaced by U+FFFD when a source has them."""
_RESTORE = str.maketrans({**SENTINELS, PIPE_STANDIN: "|"})


def bound_source(source: str, report: Report) -> str:
    """`source` with line ends normalised and every known bomb neutralised (and reported).

    Pass the HTML made from the result through `restore`.
    """
    text = source
    if _has_internal(text):
        text = text.translate(dict.fromkeys(map(ord, _INTERNAL_CHARS), "\ufffd"))
    if "\r" in text:  # as Python-Markdown does, so that blank lines are seen here too
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = flatten_deep_lines(text, report)
    text = neutralise_definition_chains(text, report)
    text = neutralise_brackets(text, report)
    text = neutralise_dense_inline(text, report)
    return neutralise_raw_html(text, report)


def too_complex(text: str) -> bool:
    """True when `text` (from `bound_source`) has too much markup to render in reasonable time."""
    return sum(map(text.count, _MARKUP)) > MAX_MARKUP or text.count("[^") > MAX_FOOTNOTES


def restore(html: str) -> str:
    """Put the characters `bound_source` neutralised back (as typed text) into rendered HTML (or heading text)."""
    return html.translate(_RESTORE) if _has_internal(html) else html


def _has_internal(text: str) -> bool:
    return any(char in text for char in _INTERNAL_CHARS)  # `in` is much faster than a regex scan


class DepthLimit(Treeprocessor):
    """Flattens elements nested deeper than MAX_TREE_DEPTH into their plain text.

    Runs right after inline processing: nested emphasis is not bounded by the line checks,
    and later steps (table of contents, serialiser) recurse once per level.
    """

    def __init__(self, md: Markdown, report: Report) -> None:
        super().__init__(md)
        self._report = report

    def run(self, root: etree.Element) -> None:
        level: list[etree.Element] = [root]
        for _ in range(MAX_TREE_DEPTH):
            level = [child for parent in level for child in parent]
            if not level:
                return
        flattened = False
        for element in level:
            if len(element):
                text = "".join(element.itertext())
                for child in list(element):
                    element.remove(child)
                element.text = text
                flattened = True
        if flattened:
            self._report(DEEP_TREE.format(limit=MAX_TREE_DEPTH))
