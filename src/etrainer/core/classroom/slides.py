"""A lesson as slides for the projector: where each slide starts, its title, and its speaker notes.

The rules (documented for authors in docs/authoring-slides.md):
- a line `---` alone (outside code blocks and HTML comments) starts a new slide; a slide that
  opens with a heading takes it as its title;
- a lesson without such a line gets one slide per `#`/`##` heading, and a first slide made of the
  lesson title and its objectives (a preamble that restates the objectives as a list loses that list,
  which would only repeat the first slide);
- speaker notes are HTML comments starting on their own line with `notes:` (or `нотатки:`), on one
  or several lines: `<!-- notes: … -->`. The reader never shows them (the sanitiser strips comments);
  the presenter view does, and they are removed from the slide body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from etrainer.core.course.model import Lesson

SLIDE_BREAK = "---"

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_NOTES = re.compile(r"^[ \t]*<!--[ \t]*(?:notes|нотатки)[ \t]*:", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_ATTR_LIST = re.compile(r"[ \t]*\{:?[^}\n]*\}[ \t]*$")
_TERM = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\]")
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^)\n]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|`+)(?=\S)(.+?)(?<=\S)\1")


class SlideKind(Enum):
    TITLE = "title"
    """The lesson title and its objectives (the first slide when headings split the lesson)."""
    CONTENT = "content"


@dataclass(frozen=True, slots=True)
class Slide:
    index: int
    """0-based position in the lesson's slides."""
    title: str
    """Plain text (markdown marks removed); may be empty."""
    markdown: str
    """The slide body in lesson markdown, without the title heading and without the notes."""
    notes: str = ""
    """Speaker notes as plain text; empty when the slide has none."""
    kind: SlideKind = SlideKind.CONTENT
    line: int = 1
    """The lesson file line on which the slide starts."""


class _Kind(Enum):
    TEXT = "text"
    BREAK = "break"
    HEADING = "heading"
    NOTES = "notes"


@dataclass(frozen=True, slots=True)
class _Item:
    kind: _Kind
    text: str
    """The line as written (for notes: the notes' text)."""
    line: int
    """0-based line in the lesson body."""
    level: int = 0
    heading: str = ""


@dataclass(slots=True)
class _Chunk:
    line: int
    items: list[_Item] = field(default_factory=list)


def split_slides(lesson: Lesson) -> tuple[Slide, ...]:
    """The lesson's slides in order; there is always at least one."""
    items = list(_scan(lesson.body))
    if any(item.kind is _Kind.BREAK for item in items):
        drafts = _by_breaks(items, lesson)
    else:
        drafts = _by_headings(items, lesson)
    return tuple(Slide(index, title, markdown, notes, kind, lesson.body_line + line)
                 for index, (title, markdown, notes, kind, line) in enumerate(drafts))


_Draft = tuple[str, str, str, SlideKind, int]


def _by_breaks(items: list[_Item], lesson: Lesson) -> list[_Draft]:
    chunks = _chunks(items, lambda item: item.kind is _Kind.BREAK)
    drafts: list[_Draft] = []
    orphan_notes: list[str] = []
    for number, chunk in enumerate(chunks):
        body = [item for item in chunk.items if item.kind is not _Kind.NOTES]
        notes = orphan_notes + [item.text for item in chunk.items if item.kind is _Kind.NOTES]
        title = ""
        first = next((item for item in body if item.text.strip()), None)
        if first is not None and first.kind is _Kind.HEADING and first.level <= 3:
            title = plain_inline(first.heading)
            body.remove(first)
        elif number == 0:
            title = lesson.title
        markdown = _markdown(body)
        if not title and not markdown:
            orphan_notes = notes  # a slide with nothing to show: its notes join the next one
            continue
        orphan_notes = []
        drafts.append((title, markdown, _join_notes(notes), SlideKind.CONTENT, chunk.line))
    if orphan_notes and drafts:
        title, markdown, notes, kind, line = drafts[-1]
        drafts[-1] = (title, markdown, _join_notes([notes, *orphan_notes]), kind, line)
    return drafts or [(lesson.title, "", _join_notes(orphan_notes), SlideKind.TITLE, 0)]


def _by_headings(items: list[_Item], lesson: Lesson) -> list[_Draft]:
    chunks = _chunks(items, lambda item: item.kind is _Kind.HEADING and item.level <= 2, keep_separator=True)
    preamble, sections = chunks[0], chunks[1:]
    preamble_notes = [item.text for item in preamble.items if item.kind is _Kind.NOTES]
    preamble_text = _drop_restated_objectives(
        _markdown([item for item in preamble.items if item.kind is not _Kind.NOTES]), lesson.objectives)
    objectives = "\n".join(f"- {objective}" for objective in lesson.objectives)
    drafts: list[_Draft] = []
    if preamble_text:
        drafts.append((lesson.title, objectives, "", SlideKind.TITLE, 0))
        drafts.append((lesson.title, preamble_text, _join_notes(preamble_notes), SlideKind.CONTENT, preamble.line))
    else:
        drafts.append((lesson.title, objectives, _join_notes(preamble_notes), SlideKind.TITLE, 0))
    for chunk in sections:
        heading, rest = chunk.items[0], chunk.items[1:]
        notes = [item.text for item in rest if item.kind is _Kind.NOTES]
        body = _markdown([item for item in rest if item.kind is not _Kind.NOTES])
        drafts.append((plain_inline(heading.heading), body, _join_notes(notes), SlideKind.CONTENT, chunk.line))
    return drafts


def _chunks(items: Iterable[_Item], starts: Callable[[_Item], bool], keep_separator: bool = False) -> list[_Chunk]:
    chunks = [_Chunk(0)]
    for item in items:
        if starts(item):
            chunks.append(_Chunk(item.line))
            if not keep_separator:
                continue
        chunks[-1].items.append(item)
    return chunks


def _scan(body: str) -> Iterable[_Item]:
    """The body's lines, classified; notes comments come out whole, code and comments stay text."""
    lines = body.replace("\r\n", "\n").split("\n")
    fence = ""
    in_comment = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            yield _Item(_Kind.TEXT, line, index)
        elif in_comment:
            in_comment = "-->" not in line
            yield _Item(_Kind.TEXT, line, index)
        elif _NOTES.match(line):
            start = index
            while "-->" not in lines[index] and index + 1 < len(lines):
                index += 1
            text, _, after = "\n".join(lines[start:index + 1]).partition("-->")
            yield _Item(_Kind.NOTES, _notes_text(text), start)
            if after.strip():
                yield _Item(_Kind.TEXT, after, index)
        elif match := _FENCE.match(line):
            fence = match.group(1)
            yield _Item(_Kind.TEXT, line, index)
        elif line.lstrip().startswith("<!--") and "-->" not in line:
            in_comment = True
            yield _Item(_Kind.TEXT, line, index)
        elif line.rstrip() == SLIDE_BREAK:
            yield _Item(_Kind.BREAK, line, index)
        elif match := _HEADING.match(line):
            yield _Item(_Kind.HEADING, line, index, len(match.group(1)), match.group(2).rstrip("#").strip())
        else:
            yield _Item(_Kind.TEXT, line, index)
        index += 1


def _notes_text(comment: str) -> str:
    text = _NOTES.sub("", comment, count=1)
    lines = [line.strip() for line in text.split("\n")]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _join_notes(notes: Sequence[str]) -> str:
    return "\n\n".join(note for note in notes if note)


def _markdown(items: Sequence[_Item]) -> str:
    lines = [item.text for item in items]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def plain_inline(text: str) -> str:
    """A heading's text without markdown marks: attribute lists, glossary brackets, links, emphasis."""
    text = _ATTR_LIST.sub("", text)
    text = _TERM.sub(lambda m: m.group(2) or m.group(1), text)
    text = _LINK.sub(r"\1", text)
    for _ in range(3):
        text = _EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def _normal(text: str) -> str:
    return " ".join(plain_inline(text).split()).rstrip(" ;.,:").casefold()


def _drop_restated_objectives(markdown: str, objectives: Sequence[str]) -> str:
    """The preamble without a list that repeats `objectives`, and without that list's one-line lead-in
    ending with a colon («**Після уроку ви зможете:**»)."""
    if not objectives:
        return markdown
    wanted = [_normal(objective) for objective in objectives]
    lines = markdown.split("\n")
    runs: list[tuple[int, int]] = []  # [start, end) of each run of non-blank lines
    start = None
    for index, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = index
        elif not line.strip() and start is not None:
            runs.append((start, index))
            start = None
    for number, (start, end) in enumerate(runs):
        first = next((i for i in range(start, end) if _LIST_ITEM.match(lines[i])), None)
        if first is None or _list_items(lines[first:end]) != wanted:
            continue
        drop_from = first
        if first - start == 1 and _is_lead_in(lines[start]):
            drop_from = start
        elif first == start and number > 0:
            before = runs[number - 1]
            if before[1] - before[0] == 1 and _is_lead_in(lines[before[0]]):
                drop_from = before[0]
        before, after = lines[:drop_from], lines[end:]
        if before and not before[-1].strip() and after and not after[0].strip():
            after = after[1:]  # one blank line where the list was
        return _markdown([_Item(_Kind.TEXT, line, 0) for line in before + after])
    return markdown


def _list_items(lines: Sequence[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        match = _LIST_ITEM.match(line)
        if match:
            items.append(match.group(1))
        elif items:
            items[-1] += " " + line.strip()
    return [_normal(item) for item in items]


def _is_lead_in(line: str) -> bool:
    return plain_inline(line).endswith(":")

