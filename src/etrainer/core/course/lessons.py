"""Lesson files: YAML front matter between `---` lines, then markdown."""

from __future__ import annotations

import re
from pathlib import Path

from etrainer.core.bounded_read import FileTooLarge, NotAFile, read_bounded
from etrainer.core.course.context import PackContext
from etrainer.core.course.model import Lesson
from etrainer.core.ids import LessonId, ModuleId, is_valid_id
from etrainer.core.yamlfile import LineDict, YamlError, load_yaml

MAX_LESSON_BYTES = 512 * 1024
_FENCE = re.compile(r"^---[ \t]*$")


def read_text(path: Path, ctx: PackContext, limit: int = MAX_LESSON_BYTES) -> str | None:
    """The file's text, or None (with a problem) if it is too large, unreadable or not UTF-8."""
    try:
        data = read_bounded(path, limit)
    except NotAFile:
        ctx.problem(path, 0, "the file cannot be read: it is not a file")
        return None
    except FileTooLarge as error:
        ctx.problem(path, 0, f"the file is too large ({error.size // 1024} KB; the limit is {limit // 1024} KB)")
        return None
    except OSError as error:
        ctx.problem(path, 0, f"the file cannot be read: {error.strerror or error}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        ctx.problem(path, line, "the file is not UTF-8 text (save it as UTF-8)")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, line on which the body starts)."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return None, text, 1
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None, text, 1


def load_lesson(path: Path, module_id: ModuleId, ctx: PackContext) -> Lesson | None:
    """Read one lesson; record every problem; None when it cannot be shown at all."""
    text = read_text(path, ctx)
    if text is None:
        return None
    front_text, body, body_line = split_front_matter(text)
    if front_text is None:
        ctx.problem(path, 1, "missing front matter: the lesson must start with a `---` line, "
                             "then id, title and minutes, then another `---` line")
        return None
    try:
        front = load_yaml(front_text, first_line=2)
    except YamlError as error:
        ctx.problem(path, error.line, error.message)
        return None
    if not isinstance(front, LineDict):
        ctx.problem(path, 2, "the front matter must be a set of `key: value` lines")
        return None
    lesson_id = front.get("id")
    if lesson_id is None:
        ctx.problem(path, front.line, "missing id: add a line like `id: my-lesson`")
        return None
    if not is_valid_id(lesson_id):
        ctx.problem(path, front.line_of("id"), f"bad id “{lesson_id}”: use 2–80 lower-case Latin letters, "
                                               "digits and hyphens, starting with a letter")
        return None
    if not ctx.claim_id("lesson", lesson_id, path, front.line_of("id")):
        return None
    title = front.get("title")
    if not isinstance(title, str) or not title.strip():
        ctx.problem(path, front.line_of("title"), "missing title")
        title = path.stem
    minutes = front.get("minutes", 10)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 240:
        ctx.problem(path, front.line_of("minutes"), f"minutes must be a whole number from 1 to 240, not “{minutes}”")
        minutes = 10
    objectives = _text_list(front, "objectives", path, ctx)
    tags = _text_list(front, "tags", path, ctx)
    for tag in tags:
        if not is_valid_id(tag):
            ctx.problem(path, front.line_of("tags"), f"bad tag “{tag}”: use lower-case Latin letters, digits, hyphens")
    known = {"id", "title", "minutes", "objectives", "tags"}
    for key in front:
        if key not in known:
            ctx.problem(path, front.line_of(key), f"unknown front matter key “{key}” (ignored)", warning=True)
    ctx.lesson_ids.add(lesson_id)
    return Lesson(id=LessonId(lesson_id), title=title.strip(), module_id=module_id, path=path, body=body,
                  body_line=body_line, minutes=minutes, objectives=tuple(objectives),
                  tags=tuple(t for t in tags if is_valid_id(t)))


def _text_list(front: LineDict, key: str, path: Path, ctx: PackContext) -> list[str]:
    value = front.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        ctx.problem(path, front.line_of(key), f"{key} must be a list of short texts")
        return []
    return [str(v).strip() for v in value if str(v).strip()]
