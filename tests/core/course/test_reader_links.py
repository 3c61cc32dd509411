"""Links between lessons as the reader renders them: by id, by relative path (resolved through the lessons'
real paths, looked up only when such a link appears), and broken ones reported."""

from __future__ import annotations

import os
from dataclasses import replace

from etrainer.core.course.pack import load_pack
from etrainer.core.course.reader import render_course_lesson
from etrainer.paths import bundled_course_dir


def test_links_by_id_by_relative_path_and_broken_ones() -> None:
    course = load_pack(bundled_course_dir()).course
    lessons = list(course.lessons())
    first, other = lessons[0], lessons[-1]
    relative = os.path.relpath(other.path, first.path.parent).replace(os.sep, "/")
    by_id = render_course_lesson(course, replace(first, body=f"[за id](lesson:{other.id})"))
    assert f'href="lesson:{other.id}"' in by_id.html and not by_id.problems
    by_path = render_course_lesson(course, replace(first, body=f"[за шляхом]({relative}#top)"))
    assert f'href="lesson:{other.id}#top"' in by_path.html and not by_path.problems
    both = render_course_lesson(course, replace(first, body=f"[a](lesson:{other.id}) [b]({relative})"))
    assert both.html.count(f'href="lesson:{other.id}"') == 2
    broken = render_course_lesson(course, replace(first, body="[нема](../no-such/lesson.md)"))
    assert "lesson:" not in broken.html and broken.problems
