"""Pages of a slide: when a slide's text does not fit the projector at the smallest allowed type, it
continues on further pages. The slide body is cut into blocks (paragraphs, list items, tables,
admonitions, code, pictures), blocks that do not fit alone are cut finer (sentences, table rows with
the header repeated, the paragraphs of an admonition), and the blocks are packed greedily.

Measuring is the caller's job (`fits`), so this stays free of Qt and is testable with any measure.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^#{1,6}[ \t]")
_LIST_ITEM = re.compile(r"^(?:[-*+]|(\d{1,9})[.)])[ \t]+")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_ADMONITION = re.compile(r"^!!![ \t]+\w")
_SENTENCE_END = re.compile(r"[.!?…][»\"”)]*\s+(?=[«\"„(]?[A-ZА-ЯІЇЄҐ])")
INDENT = "    "


class BlockKind(Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE = "table"
    ADMONITION = "admonition"
    CODE = "code"


@dataclass(frozen=True, slots=True)
class Block:
    markdown: str
    """The text when the block follows its predecessor on the same page."""
    kind: BlockKind
    glue: str = "\n\n"
    """What joins it to the block before it on the same page."""
    opening: str = ""
    """The text when the block starts a page, if different (a table's later rows get the header again)."""

    @property
    def keep_with_next(self) -> bool:
        return self.kind is BlockKind.HEADING


def join_blocks(blocks: Sequence[Block]) -> str:
    """The markdown of blocks shown together on one page."""
    if not blocks:
        return ""
    parts = [blocks[0].opening or blocks[0].markdown]
    for block in blocks[1:]:
        parts += [block.glue, block.markdown]
    return "".join(parts)


def blocks_of(markdown: str) -> tuple[Block, ...]:
    """The slide body cut at blank lines, keeping code, indented continuations and list items whole."""
    blocks: list[Block] = []
    for group in _groups(markdown.split("\n")):
        blocks.extend(_classify(group))
    return tuple(blocks)


def subdivide(block: Block) -> tuple[Block, ...]:
    """Smaller blocks that together show the same; () when the block cannot be cut.

    A paragraph or a list item is cut into sentences (a list item's later sentences start a page as a
    plain paragraph); a table into rows (each starting a page with the header again), and a single row
    into one «**header:** cell» paragraph per column; an admonition into its sentences, each starting a
    page under the admonition's title again.
    """
    if block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        parts = _sentences(block)
    elif block.kind is BlockKind.TABLE:
        parts = _table_parts(block)
    elif block.kind is BlockKind.ADMONITION:
        parts = _admonition_parts(block)
    else:
        parts = ()
    return parts if len(parts) > 1 else ()


def paginate(blocks: Sequence[Block], fits: Callable[[Sequence[Block]], bool]) -> tuple[tuple[Block, ...], ...]:
    """Blocks packed greedily onto pages that `fits`; a block that cannot be cut and does not fit
    alone gets a page of its own (the caller shrinks that page)."""
    pages: list[tuple[Block, ...]] = []
    page: list[Block] = []
    queue = deque(blocks)
    while queue:
        block = queue.popleft()
        if fits([*page, block]):
            page.append(block)
            continue
        only_headings = all(item.keep_with_next for item in page)
        parts = subdivide(block) if only_headings or _fills_a_page_end(block) else ()
        if parts and (only_headings or fits([*page, parts[0]])):
            queue.extendleft(reversed(parts))
            continue
        if not only_headings:
            carried: list[Block] = []
            while page and page[-1].keep_with_next:
                carried.insert(0, page.pop())
            pages.append(tuple(page))
            page = carried
            queue.appendleft(block)
            continue
        page.append(block)  # cannot be cut, does not fit even on a fresh page
        pages.append(tuple(page))
        page = []
    if page:
        pages.append(tuple(page))
    return tuple(pages)


def _fills_a_page_end(block: Block) -> bool:
    """Whether cutting the block to fill the rest of a page is fine: not for a single table row, whose
    cells become paragraphs only when the row does not fit a page of its own."""
    return block.kind is not BlockKind.TABLE or len((block.opening or block.markdown).split("\n")) > 3


def _groups(lines: Sequence[str]) -> Iterable[list[str]]:
    """Runs of lines separated by blank lines; fenced code, and lines indented after a blank line,
    stay with their run."""
    group: list[str] = []
    fence = ""
    blank_before = False
    for line in lines:
        if fence:
            group.append(line)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            continue
        if not line.strip():
            blank_before = bool(group)
            continue
        if blank_before and (line[0] not in " \t" or not _takes_indented(group)):
            yield group
            group = []
        elif blank_before:
            group.append("")
        blank_before = False
        group.append(line)
        if match := _FENCE.match(line):
            fence = match.group(1)
    if group:
        yield group


def _takes_indented(group: list[str]) -> bool:
    """Whether indented lines after a blank line continue this run (a list item's or an admonition's
    body); after anything else they are a code block of their own."""
    return bool(_LIST_ITEM.match(group[0]) or _ADMONITION.match(group[0]))


def _classify(group: list[str]) -> Iterable[Block]:
    first = group[0]
    if first.startswith(("    ", "\t")):
        yield Block("\n".join(group), BlockKind.CODE)
    elif _HEADING.match(first):
        yield Block(first, BlockKind.HEADING)
        if len(group) > 1:
            yield from _classify(group[1:])
    elif _FENCE.match(first):
        yield Block("\n".join(group), BlockKind.CODE)
    elif _ADMONITION.match(first):
        yield Block("\n".join(group), BlockKind.ADMONITION)
    elif len(group) > 1 and "|" in first and _TABLE_RULE.match(group[1]):
        yield Block("\n".join(group), BlockKind.TABLE)
    elif _LIST_ITEM.match(first):
        items: list[list[str]] = []
        for line in group:
            if _LIST_ITEM.match(line) or not items:
                items.append([line])
            else:
                items[-1].append(line)
        for number, item in enumerate(items):
            yield Block("\n".join(item), BlockKind.LIST_ITEM, "\n" if number else "\n\n")
    else:
        yield Block("\n".join(group), BlockKind.PARAGRAPH)


def _sentences(block: Block) -> tuple[Block, ...]:
    lines = [line.strip() for line in block.markdown.split("\n")]
    quote = all(line.startswith(">") for line in lines)
    if quote:
        lines = [line[1:].strip() for line in lines]
    pieces = _cut_sentences(" ".join(lines))
    if len(pieces) < 2:
        return ()
    if quote:
        pieces = [f"> {piece}" for piece in pieces]
    first = replace(block, markdown=pieces[0], opening="")
    return (first, *(Block(piece, BlockKind.PARAGRAPH, "\n" if quote else " ") for piece in pieces[1:]))


def _cut_sentences(text: str) -> list[str]:
    cuts = [match.end() for match in _SENTENCE_END.finditer(text)]
    pieces = [text[start:end].strip() for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return [piece for piece in pieces if piece]


def _table_parts(block: Block) -> tuple[Block, ...]:
    lines = (block.opening or block.markdown).split("\n")
    head, rows = "\n".join(lines[:2]), lines[2:]
    if len(rows) == 1:
        return _row_as_paragraphs(lines[0], rows[0])
    first = replace(block, markdown=f"{head}\n{rows[0]}")
    return (first, *(Block(row, BlockKind.TABLE, "\n", f"{head}\n{row}") for row in rows[1:]))


def _row_as_paragraphs(header: str, row: str) -> tuple[Block, ...]:
    """A table row too tall for a page, as one «**header:** cell» paragraph per column."""
    names, cells = _cells(header), _cells(row)
    parts = []
    for number, cell in enumerate(cells):
        name = names[number] if number < len(names) else ""
        if cell:
            parts.append(Block(f"**{name}:** {cell}" if name else cell, BlockKind.PARAGRAPH))
    return tuple(parts)


def _cells(row: str) -> list[str]:
    """The cells of a pipe-table row; pipes inside `[[term|text]]`, code and `\\|` do not split."""
    cells, current, depth, code, index = [], [], 0, False, 0
    text = row.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index:index + 2])
            index += 2
            continue
        if text.startswith("[[", index):
            depth += 1
        elif text.startswith("]]", index) and depth:
            depth -= 1
        elif char == "`":
            code = not code
        if char == "|" and not depth and not code:
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    cells.append("".join(current).strip())
    return cells


def _admonition_parts(block: Block) -> tuple[Block, ...]:
    if block.opening:
        return ()  # already a later part of an admonition
    header, _, body = block.markdown.partition("\n")
    inner = [line[len(INDENT):] if line.startswith(INDENT) else line.lstrip("\t ") for line in body.split("\n")]
    parts: list[Block] = []
    for part in blocks_of("\n".join(inner)):
        finer = subdivide(part) if part.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) else ()
        parts.extend(finer or (part,))
    if len(parts) < 2:
        return ()
    indented = ["\n".join(INDENT + line if line.strip() else "" for line in part.markdown.split("\n"))
                for part in parts]
    first = replace(block, markdown=f"{header}\n{indented[0]}")
    return (first, *(Block(text, BlockKind.ADMONITION, part.glue, f"{header}\n{text}")
                     for part, text in zip(parts[1:], indented[1:], strict=True)))
