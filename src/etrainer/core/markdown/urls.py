"""Which link targets and picture sources a lesson may use.

An allow-list, shared by the markdown link policy and the HTML sanitiser, so that both agree:
a lesson may link to other lessons (`lesson:id#anchor`, or a relative `*.md` path that the
caller resolves), to places in the same lesson (`#anchor`), to glossary terms (`term:id`), to
web pages (`https://`, `http://`, which the app opens only after asking) and to e-mail
addresses. Pictures may only come from inside the course pack: relative paths that never
climb above the lesson's folder. Anything else is refused, whatever its spelling.
"""

from __future__ import annotations

import re
from enum import Enum
from urllib.parse import unquote

_ID = r"[a-z][a-z0-9-]{1,79}"

#: Characters no accepted URL may contain: controls, every kind of white space, zero-width and
#: direction marks, backslashes (`\\host\share`, `\host`) and the replacement character.
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\xa0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufffd\\]")
_FRAGMENT = re.compile(r"#[^#]*")
_EXTERNAL = re.compile(r"https?://[\w.-]+(?::\d{1,5})?(?:[/?#].*)?", re.IGNORECASE | re.DOTALL)
_MAILTO = re.compile(r"mailto:[^/:@?#]+@[\w.-]+(?:\?.*)?", re.IGNORECASE | re.DOTALL)
_LESSON = re.compile(rf"lesson:({_ID})(?:#([\w.:-]+))?")
_TERM = re.compile(rf"term:({_ID})")
_LESSON_FILE = re.compile(r"(?!/)[^:?#]+\.md(?:#[\w.:-]+)?", re.IGNORECASE)


class LinkKind(Enum):
    """What a link target is, after checking it against the allow-list."""

    FRAGMENT = "fragment"
    """`#anchor`: a place in the same lesson (table of contents, footnotes)."""
    EXTERNAL = "external"
    """`https://host/...` or `http://host/...`: a web page, opened only after asking."""
    MAILTO = "mailto"
    LESSON = "lesson"
    """`lesson:id` or `lesson:id#anchor`."""
    TERM = "term"
    """`term:id`: a glossary term."""
    LESSON_FILE = "lesson-file"
    """A relative path to a lesson file (`../02-e-identification/01-kep.md#anchor`), to be resolved."""
    FORBIDDEN = "forbidden"


def classify_link(href: str) -> LinkKind:
    """The kind of an `<a href>` value; `FORBIDDEN` for anything not on the allow-list."""
    if not href or _UNSAFE.search(href):
        return LinkKind.FORBIDDEN
    if _FRAGMENT.fullmatch(href):
        return LinkKind.FRAGMENT
    if _EXTERNAL.fullmatch(href):
        return LinkKind.EXTERNAL
    if _MAILTO.fullmatch(href):
        return LinkKind.MAILTO
    if _LESSON.fullmatch(href):
        return LinkKind.LESSON
    if _TERM.fullmatch(href):
        return LinkKind.TERM
    if _LESSON_FILE.fullmatch(href):
        return LinkKind.LESSON_FILE
    return LinkKind.FORBIDDEN


def lesson_target(href: str) -> tuple[str, str] | None:
    """`(lesson id, anchor)` of a well-formed `lesson:` link (anchor "" when absent), else None."""
    match = _LESSON.fullmatch(href)
    return (match.group(1), match.group(2) or "") if match else None


def term_target(href: str) -> str | None:
    """The term id of a well-formed `term:id` link, else None."""
    match = _TERM.fullmatch(href)
    return match.group(1) if match else None


def is_pack_picture(src: str) -> bool:
    """True for a picture path inside the course pack: relative, no scheme, never climbing up.

    Percent-escapes are decoded before checking, so `%2e%2e/` counts as `../` and `%5c` as a
    backslash.
    """
    if not src:
        return False
    for value in (src, unquote(src)):
        if _UNSAFE.search(value) or ":" in value or "?" in value or "#" in value or value.startswith("/"):
            return False
    depth = 0
    for segment in unquote(src).split("/"):
        if segment == "..":
            depth -= 1
            if depth < 0:
                return False
        elif segment not in ("", "."):
            depth += 1
    return depth > 0 and not src.endswith("/")
