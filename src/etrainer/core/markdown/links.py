"""The link and picture policy, applied to the markdown tree after every other processor.

Lesson links (`lesson:id#anchor`, or a relative `*.md` path) are resolved by the caller and
written as `lesson:id#anchor`; broken ones become plain text. Web links are kept with
`class="external"` (the app asks before opening them), e-mail and in-page links are kept, and
everything else loses its link (the text stays). Pictures must come from inside the course pack;
other pictures are replaced by their description. Each removal is reported.

It runs after attribute lists (which can set any `href` or `src`) and after the unescaping of
backslash escapes, so it sees the values that will be written.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from etrainer.core.markdown.glossary import UNKNOWN_TERM, TermLookup
from etrainer.core.markdown.urls import LinkKind, classify_link, is_pack_picture, lesson_target, term_target
from etrainer.i18n import QT_TRANSLATE_NOOP

LinkResolver = Callable[[str], str | None]

BROKEN_LINK = QT_TRANSLATE_NOOP(
    "Lesson",
    "The link {href} leads to no lesson of this course: it is shown as plain text.",
)
FORBIDDEN_LINK = QT_TRANSLATE_NOOP(
    "Lesson",
    "The link {href} was removed: lessons may link only to lessons, web pages and e-mail addresses.",
)
FORBIDDEN_PICTURE = QT_TRANSLATE_NOOP(
    "Lesson",
    "The picture {src} was removed: lessons may show only pictures from their course pack (images/…).",
)


def shorten(value: str, limit: int = 80) -> str:
    """`value` quoted for a problem sentence, cut to `limit` characters."""
    value = value if len(value) <= limit else value[: limit - 1] + "…"
    return f"«{value}»"


class LinkPolicy(Treeprocessor):
    def __init__(self, md: Markdown, resolve_link: LinkResolver | None, terms: TermLookup,
                 report: Callable[[str], None]) -> None:
        super().__init__(md)
        self._resolve_link = resolve_link
        self._terms = terms
        self._report = report

    def run(self, root: etree.Element) -> None:
        for link in list(root.iter("a")):
            self._check_link(link)
        for picture in list(root.iter("img")):
            self._check_picture(picture)

    def _check_link(self, link: etree.Element) -> None:
        href = _decoded(link.get("href", ""))
        kind = classify_link(href)
        if kind in (LinkKind.FRAGMENT, LinkKind.MAILTO):
            link.set("href", href)
        elif kind is LinkKind.EXTERNAL:
            link.set("href", href)
            link.set("class", " ".join([*link.get("class", "").split(), "external"]))
        elif kind in (LinkKind.LESSON, LinkKind.LESSON_FILE):
            target = self._lesson(href, kind)
            if target is None:
                self._report(BROKEN_LINK.format(href=shorten(href)))
                _make_plain(link)
            else:
                link.set("href", target)
        elif kind is LinkKind.TERM:
            term_id = term_target(href)
            term = self._terms(term_id) if term_id else None
            if term is None or term.id != term_id:
                self._report(UNKNOWN_TERM.format(key=term_id))
                _make_plain(link)
        else:
            self._report(FORBIDDEN_LINK.format(href=shorten(href)))
            _make_plain(link)

    def _lesson(self, href: str, kind: LinkKind) -> str | None:
        if self._resolve_link is None:
            return href if kind is LinkKind.LESSON else None
        target = self._resolve_link(href)
        return target if isinstance(target, str) and lesson_target(target) is not None else None

    def _check_picture(self, picture: etree.Element) -> None:
        src = _decoded(picture.get("src", ""))
        if is_pack_picture(src):
            picture.set("src", src)
            return
        self._report(FORBIDDEN_PICTURE.format(src=shorten(src)))
        description = picture.get("alt", "")
        _make_plain(picture)
        picture.text = description


def _decoded(value: str) -> str:
    """The URL a browser would see: entities (also the e-mail obfuscation) decoded."""
    if AMP_SUBSTITUTE in value:
        value = value.replace(AMP_SUBSTITUTE, "&")
    return html.unescape(value) if "&" in value else value


def _make_plain(element: etree.Element) -> None:
    """Turn a link or picture into a plain `<span>` that keeps its text and children."""
    element.tag = "span"
    element.attrib.clear()
