"""Rendering a course lesson: the bridge between the course model and the markdown renderer."""

from __future__ import annotations

import re
from pathlib import Path

from etrainer.core.course.context import PackContext
from etrainer.core.course.lessons import read_text, split_front_matter
from etrainer.core.course.model import Course, Lesson
from etrainer.core.course.pack import MANIFEST, load_pack
from etrainer.core.course.references import resolve_lesson_href
from etrainer.core.errors import CoursePackNotFound, EtrainerError
from etrainer.core.markdown import RenderContext, RenderedLesson, render_lesson
from etrainer.i18n import QT_TRANSLATE_NOOP


def context_for(course: Course, lesson: Lesson | None = None, path: Path | None = None) -> RenderContext:
    """How links and glossary terms in `lesson` (or in the file `path`) resolve in `course`."""
    lessons = tuple(course.lessons())
    ids = {item.id for item in lessons}
    by_path: dict[Path, str] = {}
    """Filled at the first link by relative path: resolving every lesson's path (a system call per folder level)
    was a sixth of rendering a 10 KB lesson, whose links are mostly `lesson:` ids or none."""
    source = (lesson.path if lesson else path) or course.root / "lesson.md"

    def resolve_link(href: str) -> str | None:
        if not by_path and not href.lower().startswith("lesson:"):
            by_path.update({item.path.resolve(): item.id for item in lessons})
        return resolve_lesson_href(href, source, course.root, by_path, ids)

    def resolve_term(key: str):  # type: ignore[no-untyped-def]
        return course.term(key)

    return RenderContext(resolve_term=resolve_term, resolve_link=resolve_link)


def render_course_lesson(course: Course, lesson: Lesson) -> RenderedLesson:
    return render_lesson(lesson.body, context_for(course, lesson))


def find_pack_root(path: Path) -> Path | None:
    """The nearest folder at or above `path` that holds a course.yaml."""
    for folder in [path.resolve(), *path.resolve().parents]:
        if (folder / MANIFEST).is_file():
            return folder
    return None


class LessonFileUnreadable(EtrainerError):
    """A lesson file named on its own cannot be read: what `etrainer check` says of it, as `file:line: message`."""

    text = QT_TRANSLATE_NOOP("Errors", "{file}:{line}: {message}")


def render_file(path: Path) -> RenderedLesson:
    """Render a lesson file the way the reader shows it; links and terms resolve in its pack, if any.

    Raises LessonFileUnreadable for a file that is not UTF-8, too large or cannot be read (the loader's check)."""
    ctx = PackContext(path.parent)
    text = read_text(path, ctx)
    if text is None:
        problem = ctx.problems[0]
        raise LessonFileUnreadable(file=str(path), line=problem.line, message=problem.message)
    _, body, _ = split_front_matter(text)
    root = find_pack_root(path.parent)
    context = None
    if root is not None:
        try:
            course = load_pack(root).course
        except CoursePackNotFound:
            course = None
        if course is not None:
            lesson = next((item for item in course.lessons() if item.path == path.resolve()), None)
            context = context_for(course, lesson, path.resolve())
    return render_lesson(body, context)


_TERM = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]]+))?\]\]")  # the shown text may wrap onto the next line
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^)\n]*\)")
_ADMONITION = re.compile(r'^!!!\s+\w+(?:\s+"([^"\n]*)")?\s*$', re.MULTILINE)
# a table's separator line («| --- | :-: |») first: the alternatives are tried in order at each position
_SYNTAX = re.compile(r"^[ \t]*[-:| ]{3,}$|^[ \t]*(?:#{1,6}|[-*+]|\d+\.|>)[ \t]+|[*_`|]+|\[TOC\]|\{:[^}\n]*\}",
                     re.MULTILINE)


def plain_text(course: Course, lesson: Lesson) -> str:
    """The lesson's words without markdown syntax, for the full-text search index."""
    def term(match: re.Match[str]) -> str:
        if match.group(2):
            return match.group(2)
        found = course.term(match.group(1))
        return found.term if found else match.group(1)

    text = _COMMENT.sub(" ", lesson.body)  # speaker notes (<!-- notes: … -->) are not lesson text
    text = _TERM.sub(term, text)
    text = _LINK.sub(r"\1", text)
    text = _ADMONITION.sub(lambda m: m.group(1) or "", text)
    text = _SYNTAX.sub(" ", text)
    return f"{' '.join(lesson.objectives)}\n{text}"  # the title is indexed beside it: a snippet never repeats it
