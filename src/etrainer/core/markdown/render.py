"""Lesson markdown → sanitised HTML, the headings for navigation, and what had to be dropped.

`render_lesson` bounds the source (size; nesting, bracket, definition, dense-markup and raw-HTML
bombs; total markup), converts it with a fresh Python-Markdown instance (tables, admonitions with
Ukrainian titles, attribute lists, footnotes, table of contents with Cyrillic anchors, sane lists,
definition lists, glossary terms, the link and picture policy) and passes the result through the
allow-list sanitiser.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension, slugify_unicode

from etrainer.core.errors import EtrainerError, LessonTooLarge
from etrainer.core.markdown.admonitions import LessonAdmonitionProcessor
from etrainer.core.markdown.glossary import (
    GlossaryInlineProcessor,
    ProtectTermPipes,
    RestorePipes,
    TermLookup,
    TermResolver,
)
from etrainer.core.markdown.guard import DepthLimit, Report, bound_source, restore, too_complex
from etrainer.core.markdown.links import FORBIDDEN_LINK, FORBIDDEN_PICTURE, LinkPolicy, LinkResolver, shorten
from etrainer.core.markdown.sanitize import sanitize_html
from etrainer.i18n import QT_TRANSLATE_NOOP

DEFAULT_MAX_BYTES = 512 * 1024


class LessonUnrenderable(EtrainerError):
    text = QT_TRANSLATE_NOOP(
        "Errors",
        "This lesson cannot be shown: it is too deeply nested or has too much markup. Ask its author to split it.",
    )


@dataclass(frozen=True, slots=True)
class RenderContext:
    """What a render needs from the course: glossary and lesson-link lookups, and the size limit.

    `resolve_term(key)` finds a glossary term by id, headword or alias. `resolve_link(href)` gets a
    `lesson:ID[#anchor]` link or a relative `*.md` path and returns the canonical `lesson:ID` or
    `lesson:ID#anchor`, or None when the link is broken. Without `resolve_link`, well-formed
    `lesson:` links are kept as written and relative paths count as broken.
    """

    resolve_term: TermResolver | None = None
    resolve_link: LinkResolver | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    anchor: str
    """The heading's `id` in the HTML (a Cyrillic-safe slug), for `#anchor` links."""


@dataclass(frozen=True, slots=True)
class RenderedLesson:
    html: str
    """Sanitised HTML: only allow-listed tags and attributes, no scripts, no remote loads."""
    headings: tuple[Heading, ...]
    """Every heading in document order."""
    problems: tuple[str, ...] = ()
    """Sentences about what was dropped or changed (unknown terms, broken links, removed pictures …)."""


_NO_CONTEXT = RenderContext()


def render_lesson(source: str, context: RenderContext | None = None) -> RenderedLesson:
    """Render a lesson body (the markdown after the front matter).

    Raises LessonTooLarge when `source` is over `context.max_bytes` (UTF-8), and LessonUnrenderable
    when it has too much markup to render in reasonable time, or Python-Markdown still runs out of
    recursion depth.
    """
    context = context or _NO_CONTEXT
    if len(source) * 4 > context.max_bytes and (size := len(source.encode("utf-8"))) > context.max_bytes:
        raise LessonTooLarge(size=-(-size // 1024), limit=context.max_bytes // 1024)
    problems: dict[str, None] = {}  # insertion-ordered set: each sentence once

    def report(sentence: str) -> None:
        problems[sentence] = None

    def removed_by_sanitiser(tag: str, attribute: str, value: str) -> None:
        if tag == "a":
            report(FORBIDDEN_LINK.format(href=shorten(value)))
        else:
            report(FORBIDDEN_PICTURE.format(src=shorten(value)))

    text = bound_source(source, report)
    if too_complex(text):
        raise LessonUnrenderable()
    md = _new_markdown(context, report)
    try:
        body = restore(md.convert(text))
        safe = sanitize_html(body, on_removed=removed_by_sanitiser)
    except RecursionError as exc:
        raise LessonUnrenderable() from exc
    headings = tuple(_flatten(getattr(md, "toc_tokens", ())))
    return RenderedLesson(html=safe, headings=headings, problems=tuple(problems))


class _LessonExtension(Extension):
    """Glossary terms, Ukrainian admonitions and the link policy, wired into one Markdown."""

    def __init__(self, context: RenderContext, report: Report) -> None:
        super().__init__()
        self._context = context
        self._report = report

    def extendMarkdown(self, md: Markdown) -> None:
        terms = TermLookup(self._context.resolve_term)
        md.treeprocessors.register(DepthLimit(md, self._report), "etrainer-depth", 19.5)
        md.parser.blockprocessors.register(LessonAdmonitionProcessor(md.parser, self._report), "admonition", 105)
        # After backticks (190), escapes (180) and footnotes (175), before reference links (170).
        md.inlinePatterns.register(GlossaryInlineProcessor(terms, self._report), "etrainer-term", 172)
        md.preprocessors.register(ProtectTermPipes(md), "etrainer-term-pipes", 5)
        md.postprocessors.register(RestorePipes(md), "etrainer-term-pipes", 5)
        # After attribute lists (8), the table of contents (5) and unescaping (0).
        md.treeprocessors.register(LinkPolicy(md, self._context.resolve_link, terms, self._report),
                                   "etrainer-links", -10)


def _new_markdown(context: RenderContext, report: Report) -> Markdown:
    return Markdown(
        extensions=[
            TableExtension(use_align_attribute=True),
            AttrListExtension(),
            FootnoteExtension(BACKLINK_TITLE="Повернутися до виноски %d у тексті"),
            TocExtension(slugify=slugify_unicode),
            SaneListExtension(),
            DefListExtension(),
            _LessonExtension(context, report),
        ],
        output_format="html",
    )


def _flatten(tokens: Iterable[dict[str, Any]]) -> Iterable[Heading]:
    for token in tokens:
        text = html.unescape(restore(token["name"]))
        yield Heading(level=int(token["level"]), text=text, anchor=str(token["id"]))
        yield from _flatten(token.get("children", ()))
