"""A «Порада» box is one box: the lesson browser turns an admonition div into a one-cell table."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from etrainer.core.markdown import render_lesson
from etrainer.ui.lesson.browser import boxed_admonitions
from etrainer.ui.theme import Theme, lesson_css


def test_an_admonition_becomes_one_table_cell_with_its_nested_content():
    html = render_lesson('Текст.\n\n!!! tip "Порада"\n    Перший абзац.\n\n    - пункт\n\nДалі.').html
    boxed = boxed_admonitions(html)
    assert '<div class="admonition' not in boxed
    assert boxed.count("<table") == 1 and boxed.index("Порада") < boxed.index("пункт") < boxed.index("</td>")
    assert boxed.index("</table>") < boxed.index("Далі")
    document = QTextDocument()
    document.setDefaultStyleSheet(lesson_css(Theme.LIGHT))
    document.setHtml(boxed)
    frames = [frame for frame in document.rootFrame().childFrames()]
    assert len(frames) == 1  # the box is one frame (a table), not strips of paragraphs


def test_text_without_boxes_is_unchanged():
    html = "<p>Один</p><div class='x'><p>Два</p></div>"
    assert boxed_admonitions(html) == html
