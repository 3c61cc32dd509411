"""Memos (памʼятки) as print-ready HTML: which memo, its sanitised body, and Ukrainian typography.

Qt-free; memo_pdf.py lays the HTML out on A4 pages. The text is document content (Ukrainian), like
the progress report's.
"""

from __future__ import annotations

import re
from html import escape

from etrainer.core.course.model import Course, Memo
from etrainer.core.course.reader import context_for
from etrainer.core.errors import EtrainerError
from etrainer.core.markdown import render_lesson
from etrainer.i18n import QT_TRANSLATE_NOOP


class UnknownModule(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The course has no module “{module}”. Module ids: {known}.")


class ModuleWithoutMemo(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The module “{module}” has no memo (a memo.md file in its folder).")


class CourseWithoutMemo(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The course has no course-wide memo (memo.md beside course.yaml).")


class NoMemos(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The course has no memos to print.")


_TAG = re.compile(r"(<[^>]*>)")
# Short words (prepositions, conjunctions, particles) keep to the word after them, as Ukrainian
# typesetting asks; so do numbers to their units, № to its number, and a dash to the word before it.
_SHORT_WORD = re.compile(r"(?<![\w\-ʼ’'])([A-Za-zА-ЯІЇЄҐа-яіїєґ]{1,2}) (?=\S)")
_NUMBER_UNIT = re.compile(r"(\d) (?=[A-Za-zА-ЯІЇЄҐа-яіїєґ%₴])")
_NUMERO = re.compile(r"№ (?=\d)")
_DASH = re.compile(r" — ")
NBSP = "\u00a0"


def find_memo(course: Course, module_id: str | None) -> Memo:
    """The memo of `module_id`, or the course-wide memo for None; raises a clear error otherwise."""
    if module_id is None:
        if course.memo is None:
            raise CourseWithoutMemo()
        return course.memo
    module = course.module(module_id)
    if module is None:
        raise UnknownModule(module=module_id, known=", ".join(m.id for m in course.modules) or "—")
    if module.memo is None:
        raise ModuleWithoutMemo(module=module_id)
    return module.memo


def all_memos(course: Course) -> list[Memo]:
    """The course-wide memo, then every module's memo in course order."""
    memos = [course.memo] if course.memo is not None else []
    memos += [module.memo for module in course.modules if module.memo is not None]
    if not memos:
        raise NoMemos()
    return memos


def memo_html(course: Course, memo: Memo) -> str:
    """The memo's title, «Станом на …» and sanitised body, typeset for print."""
    lines = memo.body.replace("\r\n", "\n").lstrip("\ufeff").lstrip().split("\n")
    body = "\n".join(lines[1:]) if lines and lines[0].startswith("# ") else "\n".join(lines)
    rendered = render_lesson(body, context_for(course, path=memo.path))
    parts = [f"<h1>{escape(typeset(memo.title))}</h1>"]
    if course.sources_as_of:
        parts.append(f'<p class="as-of">{escape(typeset("Станом на " + course.sources_as_of))}</p>')
    parts.append(typeset_html(rendered.html))
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def typeset(text: str) -> str:
    """Plain text with no-break spaces where Ukrainian typography wants them."""
    text = _NUMERO.sub("№" + NBSP, text)
    text = _NUMBER_UNIT.sub(r"\1" + NBSP, text)
    text = _DASH.sub(NBSP + "— ", text)
    return _SHORT_WORD.sub(r"\1" + NBSP, text)


def typeset_html(html: str) -> str:
    """`typeset` applied to the text between tags only (never to tag names or attribute values)."""
    return "".join(part if part.startswith("<") else typeset(part) for part in _TAG.split(html))


class OutputNotOpened(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "{target} could not be opened for writing. Check that the folder exists, "
                             "that you may write there, and that the file is not open in another program.")
