"""Fuzzing lesson rendering (core/markdown render_lesson) with hostile text and mutated real lessons,
with and without a course context that resolves glossary terms and lesson links.

Property: sanitised HTML comes back, or the lesson is refused with an EtrainerError (too large,
too complex); never another exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.mutations import FUZZ, hostile_text, mutated_text, texts

from etrainer.core.course.model import GlossaryTerm
from etrainer.core.errors import EtrainerError
from etrainer.core.ids import TermId
from etrainer.core.markdown.render import RenderContext, render_lesson

SEEDS = texts("lessons/0[1-8]*/0[1-2]*.md", "tests/data/markdown/*.md")
MARKUP = "#*_`[]()<>!|:-=+>~\\\n\t .1{}&;\"'/^@$%"
TERM = GlossaryTerm(TermId("kep"), "КЕП", "Кваліфікований електронний підпис.", ("підпис",), "", "")
CONTEXT = RenderContext(resolve_term=lambda key: TERM if key.casefold() in {"kep", "кеп", "підпис"} else None,
                        resolve_link=lambda href: "lesson:first" if "first" in href else None)


def render(text: str) -> None:
    for context in (None, CONTEXT):
        try:
            rendered = render_lesson(text, context)
        except EtrainerError as error:
            assert str(error).strip()
            continue
        assert "<script" not in rendered.html.lower()
        assert all(problem.strip() for problem in rendered.problems)


@FUZZ
@given(text=hostile_text(MARKUP, max_size=1500))
def test_hostile_markdown_renders_or_is_refused(text):
    render(text)


@FUZZ
@given(text=mutated_text(SEEDS))
def test_a_mutated_lesson_renders_or_is_refused(text):
    render(text)


@FUZZ
@given(text=st.text(st.sampled_from(list("[]()<>*_`!|\\\n ")), min_size=100, max_size=3000))
def test_bracket_and_emphasis_soup_renders_or_is_refused(text):
    render(text)
