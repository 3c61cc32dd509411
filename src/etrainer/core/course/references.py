"""Find what a lesson's markdown points to — glossary terms, other lessons, images — with lines.

The validator uses this to report broken references as `file:line`; the reader resolves the
same references when it renders. Code spans and fenced code blocks are skipped.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from etrainer.core.course.context import is_file, resolved

TERM = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\]")
LINK = re.compile(r"(!?)\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))+)>?"
                  r"(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
REFERENCE_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
FENCE = re.compile(r"^[ ]{0,3}(```|~~~)")
CODE_SPAN = re.compile(r"`+[^`\n]*`+")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class RefKind(Enum):
    TERM = "term"
    LESSON = "lesson"
    IMAGE = "image"
    EXTERNAL = "external"
    ANCHOR = "anchor"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Reference:
    kind: RefKind
    target: str
    line: int


def scan(body: str, first_line: int = 1) -> Iterator[Reference]:
    """Every reference in `body`, with its file line (`first_line` is the body's first line)."""
    in_fence = False
    for offset, raw in enumerate(body.split("\n")):
        line_no = first_line + offset
        if FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        line = CODE_SPAN.sub("", raw)
        for match in TERM.finditer(line):
            yield Reference(RefKind.TERM, match.group(1).strip(), line_no)
        targets = [(bool(m.group(1)), m.group(2)) for m in LINK.finditer(line)]
        definition = REFERENCE_DEF.match(line)
        if definition:
            targets.append((False, definition.group(1)))
        for is_image, target in targets:
            yield Reference(classify(target, is_image), target, line_no)


def classify(target: str, is_image: bool) -> RefKind:
    if is_image:
        return RefKind.IMAGE
    lowered = target.lower()
    if lowered.startswith("lesson:"):
        return RefKind.LESSON
    if lowered.startswith(("http://", "https://", "mailto:")):
        return RefKind.EXTERNAL
    if target.startswith("#"):
        return RefKind.ANCHOR
    if not SCHEME.match(target) and target.split("#", 1)[0].lower().endswith(".md"):
        return RefKind.LESSON
    return RefKind.OTHER


def resolve_lesson_href(href: str, from_file: Path, root: Path, lesson_by_path: dict[Path, str],
                        lesson_ids: set[str] | frozenset[str]) -> str | None:
    """`lesson:ID[#anchor]` for a lesson link (by id or by relative .md path), or None if broken."""
    if href.lower().startswith("lesson:"):
        lesson_id, _, anchor = href[len("lesson:"):].partition("#")
        if lesson_id not in lesson_ids:
            return None
        return f"lesson:{lesson_id}" + (f"#{anchor}" if anchor else "")
    path_part, _, anchor = href.partition("#")
    if "\\" in path_part or path_part.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(from_file.parent.relative_to(root).as_posix(), path_part))
    if joined.startswith(".."):
        return None
    lesson_id = lesson_by_path.get(resolved(root / joined))
    if lesson_id is None:
        return None
    return f"lesson:{lesson_id}" + (f"#{anchor}" if anchor else "")


def image_inside_pack(src: str, from_file: Path, root: Path) -> Path | None:
    """The image file for a relative `src`, if it is inside the pack and exists; else None."""
    if SCHEME.match(src) or src.startswith(("/", "\\")) or "\\" in src:
        return None
    joined = posixpath.normpath(posixpath.join(from_file.parent.relative_to(root).as_posix(), src.split("#")[0]))
    if joined.startswith(".."):
        return None
    path = resolved(root / joined)
    if path is None:
        return None
    try:
        path.relative_to(root.resolve())
    except ValueError:
        return None
    return path if is_file(path) else None


def check_references(body: str, first_line: int, path: Path, root: Path, *, term_exists: Callable[[str], bool],
                     lesson_by_path: dict[Path, str], lesson_ids: set[str]) -> list[tuple[int, str]]:
    """(line, message) for each broken reference in one lesson body."""
    problems: list[tuple[int, str]] = []
    for ref in scan(body, first_line):
        if ref.kind is RefKind.TERM and not term_exists(ref.target):
            problems.append((ref.line, f"unknown glossary term “{ref.target}”"))
        elif ref.kind is RefKind.LESSON and resolve_lesson_href(ref.target, path, root, lesson_by_path,
                                                                  lesson_ids) is None:
            problems.append((ref.line, f"broken link to a lesson: “{ref.target}”"))
        elif ref.kind is RefKind.IMAGE and image_inside_pack(ref.target, path, root) is None:
            if SCHEME.match(ref.target) or ref.target.startswith(("/", "\\")):
                problems.append((ref.line, f"image “{ref.target}” is not inside the course pack "
                                           "(only pictures stored in the pack are shown)"))
            else:
                problems.append((ref.line, f"missing image “{ref.target}”"))
        elif ref.kind is RefKind.OTHER:
            problems.append((ref.line, f"link “{ref.target}” is not allowed (use lesson:ID, a .md file or https://)"))
    return problems
