"""The last gate before a lesson reaches a view: an explicit allow-list HTML sanitiser (nh3).

Only the tags and attributes listed here survive; `style`, event handlers and every active or
embedding element (script, style, iframe, object, svg, form, link, meta, base …) are removed,
the content of the dangerous ones too. Links may only point where `urls.classify_link` allows,
and pictures only inside the course pack (`urls.is_pack_picture`): nh3's own scheme check
lets relative oddities such as `//host/x.png` and `\\\\host\\x.png` through, so every `href` and
`src` is checked again here.
"""

from __future__ import annotations

from collections.abc import Callable

import nh3

from etrainer.core.markdown.urls import LinkKind, classify_link, is_pack_picture

ALLOWED_TAGS: frozenset[str] = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    "strong", "em", "b", "i", "u", "s", "del", "ins", "sub", "sup", "code", "pre", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "a", "img", "div", "span", "abbr", "kbd", "mark", "small", "figure", "figcaption",
})

_WITH_ID = ("h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "li", "a", "sup")
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class"}),
    **{tag: frozenset({"id"}) for tag in _WITH_ID},
    "a": frozenset({"id", "href", "title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align"}),
    "abbr": frozenset({"title"}),
    "ol": frozenset({"start"}),
}

URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "lesson", "term"})

#: Removed together with everything inside them (not only the tags).
CLEAN_CONTENT_TAGS: frozenset[str] = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
    "template", "noscript", "noembed", "noframes", "xmp", "textarea", "select", "title", "head",
})

_LINK_KINDS = frozenset({LinkKind.FRAGMENT, LinkKind.EXTERNAL, LinkKind.MAILTO, LinkKind.LESSON, LinkKind.TERM})

RemovedCallback = Callable[[str, str, str], None]
"""Told `(tag, attribute, value)` of each `<a href>` / `<img src>` the URL check removed."""


def sanitize_html(html: str, *, on_removed: RemovedCallback | None = None) -> str:
    """`html` with everything outside the allow-list removed; comments stripped.

    `on_removed`, when given, hears about each link target or picture source that the URL check
    removed (not about tags or attributes that are simply not allowed, nor about URLs whose
    scheme nh3 already refused, such as `javascript:`).
    """

    def check_url(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "href":
            allowed = tag == "a" and classify_link(value) in _LINK_KINDS
        elif attribute == "src":
            allowed = tag == "img" and is_pack_picture(value)
        else:
            return value
        if allowed:
            return value
        if on_removed is not None and tag in ("a", "img"):
            on_removed(tag, attribute, value)
        return None

    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=check_url,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
    )
