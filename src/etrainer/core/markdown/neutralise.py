"""The individual input bombs, each found by a linear scan and neutralised in place.

Neutralised characters become private-use sentinels (see `SENTINELS`) that no markdown syntax
reacts to; `guard.restore` turns them back into the typed characters in the HTML. (Escaping
thousands of them with backslashes would itself be quadratic in Python-Markdown.)
Each function returns the text unchanged (the same object) when it finds nothing, and reports
at most one problem sentence however many places it changed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from etrainer.i18n import QT_TRANSLATE_NOOP

Report = Callable[[str], None]

MAX_NESTING = 20
"""Deepest list / quote / indentation nesting a line may have."""
MAX_BRACKET_DEPTH = 50
"""Most `[` (or `(`) a paragraph may have open at once."""
MAX_HTML_TAGS = 500
MAX_HTML_DEPTH = 100
MAX_UNCLOSED_FORMATTING = 8
MAX_DEFINITIONS = 20
"""Most `:` definition lines in one block (Python-Markdown nests each one in the previous)."""
INLINE_BUDGET = 20_000_000
"""Most (inline markup characters × length) in one block: every inline match copies the block."""

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
TOO_MANY_DEFINITIONS = QT_TRANSLATE_NOOP(
    "Lesson",
    "More than {limit} definitions without blank lines between them: they are shown as plain text.",
)
TOO_DENSE = QT_TRANSLATE_NOOP(
    "Lesson",
    "A very long paragraph with very much markup is shown as typed, without formatting.",
)

_HIDE = {"[": "\ue000", "]": "\ue001", "(": "\ue002", ")": "\ue003", "<": "\ue004", "*": "\ue005",
         "_": "\ue006", "`": "\ue007", "&": "\ue008", "\\": "\ue009", ":": "\ue00a"}
SENTINELS: dict[str, str] = {hidden: ("&lt;" if char == "<" else "&amp;" if char == "&" else char)
                             for char, hidden in _HIDE.items()}
"""Sentinel → what to write into the HTML instead."""

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

_DEFINITION_LINE = re.compile(r"(\n[ \t]*):(?=[ \t])")
_INLINE_STARTS = "*_`[<&\\"
_HIDE_INLINE = str.maketrans({char: _HIDE[char] for char in (*_INLINE_STARTS, "]")})


def flatten_deep_lines(text: str, report: Report) -> str:
    """Cut list / quote / indentation prefixes deeper than MAX_NESTING levels."""
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


def neutralise_brackets(text: str, report: Report) -> str:
    """Hide the brackets of paragraphs whose link parsing would cost more than linear time.

    Python-Markdown scans forward from every `[` to its matching `]` (and from every `](` to the
    matching `)`), so a paragraph costs the sum over its characters of the number of brackets
    open around them. That sum is bounded here, together with the depth itself.
    """
    if "[" not in text and "(" not in text:
        return text
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


def neutralise_definition_chains(text: str, report: Report) -> str:
    """Hide the `:` of definition lines in blocks with more than MAX_DEFINITIONS of them.

    Python-Markdown parses everything after a definition inside it, so each further definition
    in the same block (no blank line between) is one level deeper, and costs the whole rest.
    """
    if len(_DEFINITION_LINE.findall("\n" + text)) <= MAX_DEFINITIONS:
        return text
    blocks = text.split("\n\n")
    chains = [index for index, block in enumerate(blocks)
              if len(_DEFINITION_LINE.findall("\n" + block)) > MAX_DEFINITIONS]
    if not chains:
        return text
    for index in chains:
        blocks[index] = _DEFINITION_LINE.sub(lambda m: m.group(1) + _HIDE[":"], "\n" + blocks[index])[1:]
    report(TOO_MANY_DEFINITIONS.format(limit=MAX_DEFINITIONS))
    return "\n\n".join(blocks)


def neutralise_dense_inline(text: str, report: Report) -> str:
    """Show long blocks with very much inline markup as typed.

    Every inline match makes Python-Markdown copy the whole block, so a block costs about
    (inline markup characters × its length). Only blocks long enough to exceed the budget at all
    are counted, which keeps this cheap for ordinary lessons.
    """
    shortest = int(INLINE_BUDGET ** 0.5)
    if len(text) <= shortest:
        return text
    blocks = text.split("\n\n")
    dense = [index for index, block in enumerate(blocks)
             if len(block) > shortest and sum(map(block.count, _INLINE_STARTS)) * len(block) > INLINE_BUDGET]
    if not dense:
        return text
    for index in dense:
        blocks[index] = blocks[index].translate(_HIDE_INLINE)
    report(TOO_DENSE)
    return "\n\n".join(blocks)


def neutralise_raw_html(text: str, report: Report) -> str:
    """Show all raw HTML as text when it has so many, so deep or so many unclosed tags that the
    HTML parsers would take quadratic time (or multiply elements) on it.

    Python-Markdown finds raw HTML with the stdlib `html.parser` (quadratic on runs of broken
    tags such as `</a</a…`), and nh3's HTML5 tree builder is quadratic in the depth of open
    elements and in the number of distinct unclosed formatting elements.
    """
    count = text.count("<")
    if count == 0:
        return text
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
    return _HTML_START.sub(_HIDE["<"], text)
