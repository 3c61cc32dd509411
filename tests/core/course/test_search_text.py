"""The indexed text of a lesson: no markdown table syntax, and not the title again (it is indexed beside it)."""

from __future__ import annotations

from pathlib import Path

from etrainer.core.course.model import Course, Lesson, Module
from etrainer.core.course.reader import plain_text
from etrainer.core.ids import CourseId, LessonId, ModuleId


def test_tables_lose_their_syntax_and_the_title_is_not_repeated():
    body = "Вступ.\n\n| Послуга | Строк |\n| --- | :---: |\n| Витяг | 1 день |\n\nКінець."
    lesson = Lesson(LessonId("l"), "Строки послуг", ModuleId("m"), Path("m/l.md"), body)
    course = Course(CourseId("c"), "Курс", "1", Path("."), (Module(ModuleId("m"), "М", Path("m"), (lesson,)),))
    text = plain_text(course, lesson)
    assert "---" not in text and "|" not in text and ":" not in text.replace("Строк", "")
    assert "Послуга" in text and "Витяг" in text and "1 день" in text
    assert "Строки послуг" not in text
