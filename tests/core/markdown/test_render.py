"""render_lesson: the markdown features a lesson may use, glossary terms, links and pictures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown import Markdown

from etrainer.core.course.model import GlossaryTerm
from etrainer.core.errors import EtrainerError, LessonTooLarge
from etrainer.core.ids import TermId
from etrainer.core.markdown import Heading, LessonUnrenderable, RenderContext, RenderedLesson, render_lesson

SAMPLE = Path(__file__).parents[2] / "data" / "markdown" / "sample-lesson.md"

GLOSSARY = (
    GlossaryTerm(id=TermId("kep"), term="кваліфікований електронний підпис", aliases=("КЕП",),
                 definition="Удосконалений електронний підпис на основі кваліфікованого сертифіката."),
    GlossaryTerm(id=TermId("law"), term="Закон України «Про адміністративні послуги»",
                 definition="Закон від 06.09.2012 № 5203-VI."),
)
LESSON_LINKS = {
    "lesson:kep-basics": "lesson:kep-basics",
    "lesson:kep-basics#як-отримати": "lesson:kep-basics#як-отримати",
    "../02-e-identification/01-kep.md": "lesson:kep-basics",
    "../02-e-identification/01-kep.md#як-отримати": "lesson:kep-basics#як-отримати",
}


def find_term(key: str) -> GlossaryTerm | None:
    folded = key.casefold()
    for term in GLOSSARY:
        if key == term.id or folded == term.term.casefold() or folded in (a.casefold() for a in term.aliases):
            return term
    return None


CONTEXT = RenderContext(resolve_term=find_term, resolve_link=LESSON_LINKS.get)


def render(source: str, context: RenderContext | None = CONTEXT) -> RenderedLesson:
    return render_lesson(source, context)


# --- the sample lesson -------------------------------------------------------------------------

def test_sample_lesson_renders_every_feature_without_problems():
    lesson = render(SAMPLE.read_text(encoding="utf-8"))

    assert lesson.problems == ()
    assert '<div class="toc">' in lesson.html
    assert '<a class="term" href="term:law"' in lesson.html
    assert '<a href="lesson:kep-basics#як-отримати">«КЕП»</a>' in lesson.html
    assert '<a class="external" href="https://diia.gov.ua/" title="Портал Дія">Дія</a>' in lesson.html
    assert '<a href="mailto:cnap@example.gov.ua">' in lesson.html
    assert '<img alt="Зразок інформаційної картки" src="images/info-card.png" title="Інформаційна картка">' \
        in lesson.html
    assert "<dt>ЦНАП</dt>" in lesson.html
    assert [h.anchor for h in lesson.headings] == ["що-таке-адміністративна-послуга", "три-ознаки", "картки-послуг"]


def test_a_fresh_markdown_is_used_for_every_render():
    source = "Текст[^1].\n\n[^1]: Виноска."
    first, second = render(source), render(source)

    assert first == second
    assert 'href="#fn:1"' in second.html


# --- tables, admonitions, footnotes, headings ---------------------------------------------------

def test_pipe_table_keeps_head_cells_and_alignment():
    html = render("| А | Б | В |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n").html

    assert "<thead>" in html
    assert '<th align="left">А</th>' in html
    assert '<td align="center">2</td>' in html
    assert '<td align="right">3</td>' in html
    assert "style=" not in html


@pytest.mark.parametrize(("kind", "title"), [
    ("tip", "Порада"), ("warning", "Увага"), ("note", "Примітка"), ("example", "Приклад"),
    ("question", "Перевірте себе"), ("danger", "Небезпека"), ("info", "Довідка"),
])
def test_admonition_without_title_gets_the_ukrainian_default(kind, title):
    lesson = render(f"!!! {kind}\n    Текст усередині.\n")

    assert f'<div class="admonition {kind}">\n<p class="admonition-title">{title}</p>' in lesson.html
    assert "<p>Текст усередині.</p>" in lesson.html
    assert lesson.problems == ()


def test_admonition_keeps_the_authors_title():
    html = render('!!! warning "Не поспішайте"\n    Текст.\n').html

    assert '<p class="admonition-title">Не поспішайте</p>' in html
    assert "Увага" not in html


def test_admonition_with_an_empty_title_has_no_title():
    html = render('!!! tip ""\n    Текст.\n').html

    assert '<div class="admonition tip">' in html
    assert "admonition-title" not in html


def test_unknown_admonition_type_is_shown_as_a_note_and_reported():
    lesson = render("!!! caution\n    Обережно.\n")

    assert '<div class="admonition note">\n<p class="admonition-title">Примітка</p>' in lesson.html
    assert "caution" not in lesson.html
    assert any("«caution»" in p for p in lesson.problems)


def test_footnotes_link_both_ways_with_a_ukrainian_back_link_title():
    html = render("Закон[^law] діє.\n\n[^law]: Редакція змінювалася.\n").html

    assert '<sup id="fnref:law"><a class="footnote-ref" href="#fn:law">1</a></sup>' in html
    assert '<li id="fn:law">' in html
    assert 'href="#fnref:law"' in html
    assert 'title="Повернутися до виноски 1 у тексті"' in html


def test_headings_get_cyrillic_anchors_and_the_toc_links_to_them():
    lesson = render("[TOC]\n\n## Що таке КЕП?\n\n### Як отримати КЕП\n\n## Що таке КЕП?\n")

    assert '<h2 id="що-таке-кеп">Що таке КЕП?</h2>' in lesson.html
    assert '<a href="#як-отримати-кеп">Як отримати КЕП</a>' in lesson.html
    assert lesson.headings == (
        Heading(level=2, text="Що таке КЕП?", anchor="що-таке-кеп"),
        Heading(level=3, text="Як отримати КЕП", anchor="як-отримати-кеп"),
        Heading(level=2, text="Що таке КЕП?", anchor="що-таке-кеп_1"),
    )


def test_heading_text_is_plain_text_even_with_terms_and_entities():
    lesson = render("## [[kep|КЕП]] & «Дія»\n")

    assert lesson.headings == (Heading(level=2, text="КЕП & «Дія»", anchor="кеп-дія"),)


def test_a_lesson_without_headings_has_an_empty_heading_list():
    assert render("Просто абзац.").headings == ()


# --- glossary terms -----------------------------------------------------------------------------

def test_known_term_by_id_shows_the_headword_with_its_definition():
    html = render("Це [[kep]].").html

    assert ('<a class="term" href="term:kep" title="Удосконалений електронний підпис на основі кваліфікованого '
            'сертифіката.">кваліфікований електронний підпис</a>') in html


def test_term_found_by_alias_with_own_shown_text():
    lesson = render("Підпишіть [[кеп|кваліфікованим електронним підписом]].")

    assert '<a class="term" href="term:kep"' in lesson.html
    assert ">кваліфікованим електронним підписом</a>" in lesson.html
    assert lesson.problems == ()


def test_shown_text_may_wrap_onto_the_next_line():
    html = render("Підпишіть [[kep|кваліфікованим\nпідписом]].").html

    assert ">кваліфікованим підписом</a>" in html


def test_unknown_term_is_plain_text_and_a_problem():
    lesson = render("Це [[no-such-term|дивне слово]] і [[невідоме]].")

    assert "<p>Це дивне слово і невідоме.</p>" in lesson.html
    assert 'class="term"' not in lesson.html
    assert [p for p in lesson.problems if "«no-such-term»" in p or "«невідоме»" in p] == list(lesson.problems)
    assert len(lesson.problems) == 2


def test_without_a_term_resolver_every_term_is_plain_text():
    lesson = render("Це [[kep|КЕП]].", RenderContext())

    assert "<p>Це КЕП.</p>" in lesson.html
    assert len(lesson.problems) == 1


@pytest.mark.parametrize("source", ["`[[kep]]`", "    [[kep]]\n", "```\n[[kep]]\n```"])
def test_terms_are_not_replaced_inside_code(source):
    lesson = render(source)

    assert "[[kep]]" in lesson.html
    assert "term:kep" not in lesson.html


def test_hand_written_term_link_must_name_a_known_term():
    lesson = render("[КЕП](term:kep) і [щось](term:nothing)")

    assert '<a href="term:kep">КЕП</a>' in lesson.html
    assert "<span>щось</span>" in lesson.html
    assert len(lesson.problems) == 1


# --- links --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("href", "expected"), [
    ("lesson:kep-basics", "lesson:kep-basics"),
    ("lesson:kep-basics#як-отримати", "lesson:kep-basics#як-отримати"),
    ("../02-e-identification/01-kep.md", "lesson:kep-basics"),
    ("../02-e-identification/01-kep.md#як-отримати", "lesson:kep-basics#як-отримати"),
])
def test_lesson_links_are_resolved_to_canonical_lesson_urls(href, expected):
    lesson = render(f"Див. [урок]({href}).")

    assert f'<a href="{expected}">урок</a>' in lesson.html
    assert lesson.problems == ()


@pytest.mark.parametrize("href", ["lesson:no-such-lesson", "../03-other/09-missing.md", "lesson:kep-basics#немає"])
def test_broken_lesson_link_becomes_plain_text_and_a_problem(href):
    lesson = render(f"Див. [урок]({href}).")

    assert "<p>Див. <span>урок</span>.</p>" in lesson.html
    assert len(lesson.problems) == 1
    assert href in lesson.problems[0]


def test_resolver_answers_are_checked_too():
    context = RenderContext(resolve_link=lambda href: "javascript:alert(1)")
    lesson = render("[урок](lesson:kep-basics)", context)

    assert "javascript" not in lesson.html
    assert "<span>урок</span>" in lesson.html


def test_without_a_link_resolver_lesson_urls_stay_and_paths_are_broken():
    lesson = render("[a](lesson:kep-basics#розділ) [b](01-kep.md)", RenderContext())

    assert '<a href="lesson:kep-basics#розділ">a</a>' in lesson.html
    assert "<span>b</span>" in lesson.html
    assert len(lesson.problems) == 1


@pytest.mark.parametrize("href", ["https://diia.gov.ua/services", "http://cnap.example.ua/", "HTTPS://tax.gov.ua"])
def test_web_links_are_kept_and_marked_external(href):
    html = render(f"[портал]({href})").html

    assert f'<a class="external" href="{href}">портал</a>' in html


def test_external_class_is_added_to_the_authors_classes():
    html = render("[портал](https://diia.gov.ua/){: .button }").html

    assert '<a class="button external" href="https://diia.gov.ua/">' in html


def test_mail_and_in_page_links_are_kept():
    html = render("[пошта](mailto:cnap@example.ua) [нагору](#що-таке)").html

    assert '<a href="mailto:cnap@example.ua">пошта</a>' in html
    assert '<a href="#що-таке">нагору</a>' in html


def test_forbidden_link_keeps_its_text_and_is_reported():
    lesson = render("[натисніть тут](ftp://files.example/x)")

    assert "<span>натисніть тут</span>" in lesson.html
    assert "ftp:" not in lesson.html
    assert "«ftp://files.example/x»" in lesson.problems[0]


# --- pictures -----------------------------------------------------------------------------------

@pytest.mark.parametrize("src", ["images/card.png", "./images/card.png", "images/../images/card.png", "схема.png"])
def test_pictures_inside_the_pack_are_kept(src):
    lesson = render(f"![Картка]({src})")

    assert f'<img alt="Картка" src="{src}">' in lesson.html
    assert lesson.problems == ()


@pytest.mark.parametrize("src", [
    "https://example.org/card.png", "http://example.org/card.png", "//example.org/card.png",
    "/etc/card.png", "../../card.png", "data:image/png;base64,iVBORw0KGgo=", "file:///C:/card.png",
])
def test_pictures_from_elsewhere_are_dropped_but_their_description_stays(src):
    lesson = render(f"![Картка послуги]({src})")

    assert "<img" not in lesson.html
    assert "<span>Картка послуги</span>" in lesson.html
    assert len(lesson.problems) == 1


# --- limits -------------------------------------------------------------------------------------

def test_source_over_the_limit_is_refused_with_sizes_in_kilobytes():
    source = "Ї" * 600  # 1200 bytes in UTF-8

    with pytest.raises(LessonTooLarge) as refused:
        render_lesson(source, RenderContext(max_bytes=1024))

    assert refused.value.params == {"size": 2, "limit": 1}
    assert render_lesson(source, RenderContext(max_bytes=2048)).html.startswith("<p>Ї")


def test_recursion_exhaustion_becomes_a_clear_error(monkeypatch):
    # Every input known to exhaust the recursion limit is neutralised first; this is the last resort.
    def exhausted(self: Markdown, source: str) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(Markdown, "convert", exhausted)

    with pytest.raises(LessonUnrenderable) as refused:
        render("Звичайний текст.")

    assert isinstance(refused.value, EtrainerError)
    assert "cannot be shown" in str(refused.value)
    assert isinstance(refused.value.__cause__, RecursionError)


def test_private_use_characters_in_the_source_do_not_turn_into_markup():
    lesson = render("a\ue010b\ue004c")

    assert re.search(r"<p>a\ufffdb\ufffdc</p>", lesson.html)


def test_glossary_term_with_shown_text_inside_a_table_keeps_the_row_whole():
    from etrainer.core.course.model import GlossaryTerm
    from etrainer.core.ids import TermId
    from etrainer.core.markdown import RenderContext, render_lesson

    term = GlossaryTerm(TermId("id-card"), "ID-картка", "Паспорт у формі картки.")
    context = RenderContext(resolve_term=lambda key: term if key == "id-card" else None, resolve_link=None)
    html = render_lesson("| Варіант | Де |\n| --- | --- |\n| КЕП на чипі | [[id-card|ID-картки]] |\n\n"
                         "`[[id-card|у коді]]`\n", context).html
    assert html.count("<td>") == 2
    assert '<a class="term" href="term:id-card"' in html and ">ID-картки</a>" in html
    assert "[[id-card|у коді]]" in html and "\ue010" not in html
