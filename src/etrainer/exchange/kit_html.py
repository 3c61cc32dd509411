"""The printable kit as print-ready HTML: forms and handouts from kit/*.md, and the lecture's slides.

Qt-free; kit_pdf.py lays the HTML out on A4 pages. Like memos (memo_html.py), the markdown goes
through the lesson renderer (sanitised) and Ukrainian typesetting; then every empty table cell gets
a no-break space so that the blank prints as a box of full height, ready to be filled in by hand.
"""

from __future__ import annotations

import re
from html import escape

from etrainer.core.classroom.slides import Slide, split_slides
from etrainer.core.course.kit import Kit, KitDocument, NoKit, UnknownKitDocument, load_kit
from etrainer.core.course.model import Course, Lesson
from etrainer.core.course.reader import context_for
from etrainer.core.errors import EtrainerError
from etrainer.core.markdown import render_lesson
from etrainer.exchange.memo_html import typeset, typeset_html
from etrainer.i18n import QT_TRANSLATE_NOOP

_EMPTY_CELL = re.compile(r"<(td|th)([^>]*)>\s*</\1>")
_TABLE = re.compile(r"<table>")
_EMPTY_HEAD = re.compile(r"<thead>\s*<tr>(?:\s*<th[^>]*>\s*</th>)+\s*</tr>\s*</thead>\s*")
_SHORT_HEADING = re.compile(r"<th>(№|\d{1,2})</th>")
NARROW_COLUMN = "6%"
"""The width of a column headed by № or a one- or two-digit number (a scale 1…5): room to write a mark."""
_CALLOUT = re.compile(r'<div class="admonition (\w+)">\s*(?:<p class="admonition-title">(.*?)</p>)?(.*?)</div>',
                      re.DOTALL)
CALLOUT_COLOURS = {"warning": "#FDECE2", "danger": "#FDECE2", "tip": "#E8F3E8", "note": "#E8EEF5"}


class KitHasProblems(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The printable kit cannot be printed: {problem}. Run “etrainer check” on the "
                             "course folder to see every problem.")


def course_kit(course: Course) -> Kit:
    """The course's kit, checked; raises NoKit, or KitHasProblems naming the first problem."""
    kit, problems = load_kit(course.root, (module.id for module in course.modules))
    if problems:
        raise KitHasProblems(problem=problems[0].format())
    if kit is None:
        raise NoKit()
    return kit


def kit_documents(kit: Kit, document_id: str | None) -> list[KitDocument]:
    """Every document in order (None), or the one with `document_id`; raises UnknownKitDocument."""
    if document_id is None:
        return list(kit.documents)
    document = kit.document(document_id)
    if document is None:
        raise UnknownKitDocument(document=document_id, known=", ".join(d.id for d in kit.documents) or "—")
    return [document]


def document_html(course: Course, document: KitDocument) -> str:
    """A form or a handout: its title, then its typeset body with blanks that print."""
    rendered = render_lesson(_without_title(document.body), context_for(course, path=document.path))
    return f"<html><body><h1>{escape(typeset(document.title))}</h1>\n{print_ready(typeset_html(rendered.html))}" \
           "</body></html>"


def print_ready(html: str) -> str:
    """Tables across the page, empty cells kept at full height (blanks to fill in), callouts as shaded boxes
    (Qt's rich text draws no borders or backgrounds for a `div`)."""
    html = _TABLE.sub('<table width="100%">', _EMPTY_HEAD.sub("", html))  # `| |` over `|---|`: no heading row
    html = _SHORT_HEADING.sub(lambda match: f'<th width="{NARROW_COLUMN}">{match.group(1)}</th>', html)
    html = _EMPTY_CELL.sub(lambda match: f"<{match.group(1)}{match.group(2)}>\u00a0</{match.group(1)}>", html)
    return _CALLOUT.sub(_callout_box, html)


def _callout_box(match: re.Match[str]) -> str:
    colour = CALLOUT_COLOURS.get(match.group(1), "#E8EEF5")
    title = f"<p><b>{match.group(2)}</b></p>" if match.group(2) else ""
    return f'<table width="100%"><tr><td bgcolor="{colour}">{title}{match.group(3).strip()}</td></tr></table>'


def lecture_slides(course: Course, document: KitDocument) -> list[tuple[Lesson, Slide]]:
    """The slides of every lesson of the deck's module, in course order."""
    module = course.module(document.slides_module or "")
    if module is None:
        return []
    return [(lesson, slide) for lesson in module.lessons for slide in split_slides(lesson)]


def deck_cover_html(course: Course, document: KitDocument) -> str:
    """The deck's first slide: its title, the module it comes from, the course and its date."""
    module = course.module(document.slides_module or "")
    lines = [f"Модуль «{module.title}»" if module else "", course.title,
             f"Станом на {course.sources_as_of}" if course.sources_as_of else ""]
    body = "".join(f"<p>{escape(typeset(line))}</p>" for line in lines if line)
    return f"<html><body><h1>{escape(typeset(document.title))}</h1>\n{body}</body></html>"


def slide_html(course: Course, lesson: Lesson, title: str, markdown: str) -> str:
    """One printed slide (or one page of a long slide): its title and its typeset body."""
    rendered = render_lesson(markdown, context_for(course, lesson))
    return f"<html><body><h1>{escape(typeset(title))}</h1>\n{print_ready(typeset_html(rendered.html))}</body></html>"


def _without_title(body: str) -> str:
    lines = body.replace("\r\n", "\n").lstrip().split("\n")
    return "\n".join(lines[1:]) if lines and lines[0].startswith("# ") else "\n".join(lines)
