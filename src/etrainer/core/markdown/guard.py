"""Bound a lesson's markdown before Python-Markdown and the HTML parser see it.

Neither is hardened against hostile input (QT-NOTES item 11): deeply nested lists or quotes
exhaust the recursion limit, nested or unclosed brackets make link parsing quadratic (16 KB
took seconds), and piles of unclosed raw HTML tags make the HTML5 tree builder quadratic.
Each check here is one linear scan; what it finds is neutralised (flattened or shown as plain
characters) and reported as a problem, so the rest of the lesson still renders.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from etrainer.i18n import QT_TRANSLATE_NOOP

MAX_NESTING = 20
"""Deepest list / quote / indentation nesting a line may have."""
MAX_BRACKET_DEPTH = 50
"""Most `[` (or `(`) a paragraph may have open at once."""
MAX_HTML_TAGS = 500
MAX_HTML_DEPTH = 100
MAX_UNCLOSED_FORMATTING = 8
MAX_TREE_DEPTH = 100
"""Deepest element nesting (e.g. of emphasis) kept in the rendered tree."""

DEEP_NESTING = QT_TRANSLATE_NOOP(
    "Lesson",
    "Lines nested more than {limit} levels deep (the first is line {line}) were flattened.",
)
TOO_MANY_BRACKETS = QT_TRANSLATE_NOOP(
    "Lesson",
    "Too many nested or unclosed brackets from line {line}: they are shown as typed, and links there do not work.",
)
RAW_HTML_SHOWN = QT_TRANSLATE_NOOP(
    "Lesson",
    "Too many, too deeply nested or unclosed HTML tags: all HTML in this lesson is shown as plain text.",
)
DEEP_TREE = QT_TRANSLATE_NOOP(
    "Lesson",
    "Text nested more than {limit} levels deep (for example by emphasis) is shown as plain text.",
)

Report = Callable[[str], None]

# A line whose container prefix (indentation, `>`, list markers) is long enough to be too deep.
_DEEP_CANDIDATE = re.compile(rf"\n([ \t>*+\-0-9.)]{{{MAX_NESTING + 1},}})")
_PREFIX_TOKEN = re.compile(r"[ \t]+|>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")

_BRACKET_EVENT = re.compile(r"\\.|[\[\]()]|\n[ \t]*(?=\n)", re.DOTALL)
_SQUARE = re.compile(r"\\.|([\[\]])", re.DOTALL)
_ROUND = re.compile(r"\\.|([()])", re.DOTALL)

_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_VOID_OR_IMPLIED = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp",
    "thead", "tbody", "tfoot", "colgroup", "caption",
})
_FORMATTING = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong",
                         "tt", "u"})

# Neutralised characters travel through Python-Markdown as private-use characters that no
# markdown syntax reacts to (escaping thousands of them would itself be quadratic there), and
# `restore` puts them back into the HTML. Private-use characters already in the source become U+FFFD.
_SENTINEL_CHARS = "\ue000\ue001\ue002\ue003\ue004"
_SENTINELS = re.compile(f"[{_SENTINEL_CHARS}]")
_HIDE = {"[": "\ue000", "]": "\ue001", "(": "\ue002", ")": "\ue003"}
_RESTORE = str.maketrans({"\ue000": "[", "\ue001": "]", "\ue002": "(", "\ue003": ")", "\ue004": "&lt;"})


def bound_source(source: str, report: Report) -> str:
    """`source` with over-deep nesting flattened, bracket bombs and raw-HTML bombs neutralised.

    Pass the HTML made from the result through `restore`.
    """
    text = _SENTINELS.sub("\ufffd", source) if _has_sentinel(source) else source
    if "\r" in text:  # as Python-Markdown does, so that blank lines are seen here too
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _flatten_deep_lines(text, report)
    if "[" in text or "(" in text:
        text = _neutralise_brackets(text, report)
    if "<" in text:
        text = _neutralise_raw_html(text, report)
    return text


def restore(html: str) -> str:
    """Put the characters `bound_source` neutralised back (as text) into rendered HTML."""
    return html.translate(_RESTORE) if _has_sentinel(html) else html


def _has_sentinel(text: str) -> bool:
    return any(char in text for char in _SENTINEL_CHARS)  # `in` is much faster than a regex scan


def _flatten_deep_lines(text: str, report: Report) -> str:
    pieces: list[str] = []
    done = 0
    for candidate in _DEEP_CANDIDATE.finditer("\n" + text):  # "\n" so that line 1 is found too
        start = candidate.start(1) - 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        clipped = _clip_prefix(text[start:end])
        if clipped is not None:
            if not pieces:
                report(DEEP_NESTING.format(line=text.count("\n", 0, start) + 1, limit=MAX_NESTING))
            pieces += [text[done:start], clipped]
            done = end
    return "".join([*pieces, text[done:]]) if pieces else text


def _clip_prefix(line: str) -> str | None:
    """The line with its container prefix cut to MAX_NESTING levels, or None if it is not deeper."""
    kept: list[str] = []
    depth, pos, clipped = 0, 0, False
    while (token := _PREFIX_TOKEN.match(line, pos)) is not None:
        piece = token.group()
        levels = len(piece.expandtabs(4)) // 4 if piece[0] in " \t" else 1
        if not clipped and depth + levels > MAX_NESTING:
            clipped = True
            if piece[0] in " \t":
                kept.append(" " * (4 * (MAX_NESTING - depth)))
        elif not clipped:
            kept.append(piece)
        depth += levels
        pos = token.end()
    if not clipped:
        return None
    head, rest = "".join(kept), line[pos:]
    return f"{head} {rest}" if head and not head[-1].isspace() and rest else head + rest


def _neutralise_brackets(text: str, report: Report) -> str:
    """Escape the brackets of paragraphs whose link parsing would cost more than linear time.

    Python-Markdown scans forward from every `[` to its matching `]` (and from every `](` to the
    matching `)`), so a paragraph costs the sum over its characters of the number of brackets
    open around them. That sum is bounded here, together with the depth itself.
    """
    pieces: list[str] = []
    done = 0
    for start, end, square, round_ in _paragraph_costs(text):
        fix_square, fix_round = _too_costly(end - start, square), _too_costly(end - start, round_)
        if fix_square or fix_round:
            paragraph = text[start:end]
            if fix_square:
                paragraph = _SQUARE.sub(_hide_bracket, paragraph)
            if fix_round:
                paragraph = _ROUND.sub(_hide_bracket, paragraph)
            if not pieces:
                report(TOO_MANY_BRACKETS.format(line=text.count("\n", 0, start) + 1))
            pieces += [text[done:start], paragraph]
            done = end
    return "".join([*pieces, text[done:]]) if pieces else text


def _paragraph_costs(text: str) -> Iterator[tuple[int, int, tuple[int, int], tuple[int, int]]]:
    """`(start, end, (max [ depth, [ cost), (max ( depth, ( cost))` for each blank-line separated part."""
    start = last = 0
    square = round_ = square_cost = round_cost = max_square = max_round = 0
    for event in itertools.chain(_BRACKET_EVENT.finditer(text), (None,)):
        pos = len(text) if event is None else event.start()
        char = "\n" if event is None else event.group()
        square_cost += square * (pos - last)
        round_cost += round_ * (pos - last)
        last = pos
        if char == "[":
            square += 1
            max_square = max(max_square, square)
        elif char == "]":
            square = max(square - 1, 0)
        elif char == "(":
            round_ += 1
            max_round = max(max_round, round_)
        elif char == ")":
            round_ = max(round_ - 1, 0)
        elif char[0] == "\n":
            end = len(text) if event is None else event.end()
            yield (start, end, (max_square, square_cost + square * (end - pos)),
                   (max_round, round_cost + round_ * (end - pos)))
            start = last = end
            square = round_ = square_cost = round_cost = max_square = max_round = 0


def _too_costly(length: int, depth_and_cost: tuple[int, int]) -> bool:
    depth, cost = depth_and_cost
    return depth > MAX_BRACKET_DEPTH or cost > 3 * length + 2000


def _hide_bracket(match: re.Match[str]) -> str:
    return _HIDE[match.group(1)] if match.group(1) else match.group()


def _neutralise_raw_html(text: str, report: Report) -> str:
    """Show all raw HTML as text when it has so many, so deep or so many unclosed tags that the
    HTML parsers would take quadratic time (or multiply elements) on it.

    Python-Markdown finds raw HTML with the stdlib `html.parser` (quadratic on runs of broken
    tags such as `</a</a…`), and nh3's HTML5 tree builder is quadratic in the depth of open
    elements and in the number of distinct unclosed formatting elements.
    """
    count = text.count("<")
    if count > MAX_HTML_TAGS:
        count = sum(1 for _ in _HTML_START.finditer(text))
    depth = max_depth = 0
    unclosed: dict[str, int] = {}
    for tag in _HTML_TAG.finditer(text):
        closing, name = tag.group(1), tag.group(2).lower()
        if name not in _VOID_OR_IMPLIED:
            depth = max(depth - 1, 0) if closing else depth + 1
            max_depth = max(max_depth, depth)
        if name in _FORMATTING:
            unclosed[name] = unclosed.get(name, 0) + (-1 if closing else 1)
    excess = sum(n for n in unclosed.values() if n > 0)
    if count <= MAX_HTML_TAGS and max_depth <= MAX_HTML_DEPTH and excess <= MAX_UNCLOSED_FORMATTING:
        return text
    report(RAW_HTML_SHOWN)
    return _HTML_START.sub("\ue004", text)


class DepthLimit(Treeprocessor):
    """Flattens elements nested deeper than MAX_TREE_DEPTH into their plain text.

    Runs right after inline processing: nested emphasis is not bounded by the line checks
    above, and later steps (table of contents, serialiser) recurse once per level.
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
