"""Splitting lessons into slides: markers, headings fallback, speaker notes, code and comments."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from etrainer.core.classroom.slides import SlideKind, plain_inline, split_slides
from etrainer.core.course.model import Lesson
from etrainer.core.course.pack import load_pack
from etrainer.core.ids import LessonId, ModuleId
from etrainer.paths import bundled_course_dir

OBJECTIVES = ("пояснити, що таке послуга", "назвати три ознаки")


def lesson(body: str, objectives: tuple[str, ...] = OBJECTIVES, body_line: int = 8) -> Lesson:
    return Lesson(LessonId("demo"), "Що таке послуга", ModuleId("basics"), Path("basics/demo.md"),
                  textwrap.dedent(body).strip("\n") + "\n", body_line=body_line, objectives=objectives)


def test_headings_make_slides_after_a_title_slide_with_the_objectives() -> None:
    slides = split_slides(lesson("""
        Ганна Петрівна питає про витяг.

        ## Закон

        Закон № 5203-VI.

        ### Деталі

        Стаття 5.

        ## Хто є хто

        Субʼєкт звернення.
        """))
    assert [s.title for s in slides] == ["Що таке послуга", "Що таке послуга", "Закон", "Хто є хто"]
    assert slides[0].kind is SlideKind.TITLE
    assert slides[0].markdown == "- пояснити, що таке послуга\n- назвати три ознаки"
    assert slides[1].markdown == "Ганна Петрівна питає про витяг."
    assert "### Деталі" in slides[2].markdown and "Стаття 5." in slides[2].markdown
    assert "## Закон" not in slides[2].markdown
    assert [s.index for s in slides] == [0, 1, 2, 3]


def test_a_preamble_that_restates_the_objectives_loses_that_list_and_its_lead_in() -> None:
    slides = split_slides(lesson("""
        Ганна Петрівна питає про витяг.

        **Після уроку ви зможете:**

        - пояснити, що таке послуга;
        - назвати три ознаки.

        Почнімо.

        ## Закон

        Текст.
        """))
    assert slides[1].markdown == "Ганна Петрівна питає про витяг.\n\nПочнімо."


def test_a_list_that_differs_from_the_objectives_stays() -> None:
    body = "**Після уроку ви зможете:**\n\n- пояснити, що таке послуга;\n- щось інше.\n\n## Закон\n\nТекст.\n"
    slides = split_slides(lesson(body))
    assert "щось інше" in slides[1].markdown and "Після уроку" in slides[1].markdown


def test_a_preamble_that_only_restates_the_objectives_leaves_no_slide_of_its_own() -> None:
    slides = split_slides(lesson("**Після уроку ви зможете:**\n\n- пояснити, що таке послуга\n- назвати три ознаки\n\n"
                                 "## Закон\n\nТекст.\n"))
    assert [s.title for s in slides] == ["Що таке послуга", "Закон"]


def test_slide_breaks_win_over_headings() -> None:
    slides = split_slides(lesson("""
        Вступ без заголовка.

        ---

        ## Перший

        Текст.

        ## Другий усередині

        Ще текст.

        ---

        Без заголовка.
        """))
    assert [s.title for s in slides] == ["Що таке послуга", "Перший", ""]
    assert all(s.kind is SlideKind.CONTENT for s in slides)
    assert "## Другий усередині" in slides[1].markdown
    assert slides[2].markdown == "Без заголовка."


def test_markers_and_headings_inside_code_and_comments_do_not_split() -> None:
    slides = split_slides(lesson("""
        ## Код

        ```
        ---
        ## не заголовок
        ```

        <!--
        ---
        ## і це ні
        -->

        ~~~
        ---
        ~~~
        """))
    assert [s.title for s in slides] == ["Що таке послуга", "Код"]
    assert slides[1].markdown.count("---") == 3


def test_a_marker_in_a_code_block_alone_does_not_switch_to_marker_mode() -> None:
    slides = split_slides(lesson("## А\n\n```\n---\n```\n\n## Б\n\nтекст\n"))
    assert [s.title for s in slides] == ["Що таке послуга", "А", "Б"]


def test_notes_are_parsed_and_removed_from_the_slide() -> None:
    slides = split_slides(lesson("""
        ## Закон

        Текст для групи.

        <!-- notes: Запитайте, хто бував у ЦНАП. -->

        <!-- НОТАТКИ:
        Другий рядок
        нотаток.

        Новий абзац. -->

        Ще текст.

        ## Без нотаток

        Текст.
        """))
    law = slides[1]
    assert law.notes == "Запитайте, хто бував у ЦНАП.\n\nДругий рядок нотаток.\n\nНовий абзац."
    assert "<!--" not in law.markdown and "Запитайте" not in law.markdown
    assert "Текст для групи." in law.markdown and "Ще текст." in law.markdown
    assert slides[2].notes == ""


def test_notes_in_the_preamble_belong_to_the_preamble_slide_or_the_title_slide() -> None:
    with_text = split_slides(lesson("Вступ.\n\n<!-- notes: Привітайтеся. -->\n\n## А\n\nтекст\n"))
    assert with_text[1].notes == "Привітайтеся." and with_text[0].notes == ""
    without_text = split_slides(lesson("<!-- notes: Привітайтеся. -->\n\n## А\n\nтекст\n"))
    assert without_text[0].kind is SlideKind.TITLE and without_text[0].notes == "Привітайтеся."


def test_a_marker_slide_with_only_notes_passes_them_to_the_next_slide() -> None:
    slides = split_slides(lesson("## А\n\nтекст\n\n---\n\n<!-- notes: Для Б. -->\n\n---\n\n## Б\n\nтекст\n"))
    assert [s.title for s in slides] == ["А", "Б"]
    assert slides[1].notes == "Для Б."


def test_a_comment_without_notes_is_not_a_note() -> None:
    slides = split_slides(lesson("## А\n\n<!-- TODO: перевірити -->\n\nтекст\n"))
    assert slides[1].notes == ""
    assert "TODO" in slides[1].markdown  # left to the sanitiser, which drops every comment


@pytest.mark.parametrize("body", ["", "\n\n   \n"])
def test_an_empty_lesson_is_one_title_slide(body: str) -> None:
    slides = split_slides(replace(lesson("x"), body=body, objectives=()))
    assert len(slides) == 1
    assert slides[0].title == "Що таке послуга" and slides[0].markdown == ""


def test_a_lesson_of_markers_only_is_one_slide() -> None:
    slides = split_slides(lesson("---\n\n---\n", objectives=()))
    assert len(slides) == 1 and slides[0].title == "Що таке послуга"


def test_slides_know_their_file_line() -> None:
    slides = split_slides(lesson("Вступ.\n\n## А\n\nтекст\n\n---\n\n## Б\n", body_line=12))
    assert [s.line for s in slides] == [12, 18]


def test_titles_are_plain_text() -> None:
    assert plain_inline("Що таке [[kep|КЕП]] і **[Дія](https://diia.gov.ua)** {: #dia }") == "Що таке КЕП і Дія"
    slides = split_slides(lesson("## Вхід через *BankID* {: #bank }\n\nтекст\n"))
    assert slides[1].title == "Вхід через BankID"


def test_every_bundled_lesson_splits_sensibly() -> None:
    course = load_pack(bundled_course_dir()).course
    for item in course.lessons():
        slides = split_slides(item)
        assert slides[0].kind is SlideKind.TITLE and slides[0].title == item.title
        assert 4 <= len(slides) <= 12, item.id
        assert all(s.title for s in slides), item.id
        assert "Після уроку ви зможете" not in slides[1].markdown, item.id
        headings = sum(1 for line in item.body.split("\n") if line.startswith("## "))
        assert len(slides) == headings + 2, item.id


def test_slides_memo_html_and_the_memo_command_import_no_qt() -> None:
    import subprocess
    import sys

    code = ("import sys\n"
            "import etrainer.core.classroom.slides, etrainer.core.classroom.slide_pages\n"
            "import etrainer.core.classroom.slide_show\n"
            "import etrainer.exchange.memo_html, etrainer.cli_memo\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
