"""Lesson markdown → sanitised HTML.

`render_lesson(source, context)` is the one entry point for lesson and memo text;
`sanitize_html(html)` is the allow-list gate every HTML fragment passes before a view shows it.
"""

from etrainer.core.markdown.render import (
    Heading,
    LessonUnrenderable,
    RenderContext,
    RenderedLesson,
    render_lesson,
)
from etrainer.core.markdown.sanitize import sanitize_html

__all__ = ["Heading", "LessonUnrenderable", "RenderContext", "RenderedLesson", "render_lesson", "sanitize_html"]
