"""The line-aware YAML loader refuses what course files never need and what can take a machine:
anchors and aliases (the "billion laughs" bomb), unusual tags, deep nesting and oversized text."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from etrainer.core.yamlfile import ALIASES_REFUSED, MAX_YAML_BYTES, MAX_YAML_DEPTH, YamlError, load_yaml

BOMB = Path(__file__).parents[1] / "data" / "bombs" / "billion-laughs" / "course.yaml"


def refusal(text: str, first_line: int = 1) -> YamlError:
    with pytest.raises(YamlError) as caught:
        load_yaml(text, first_line)
    return caught.value


def test_the_billion_laughs_file_is_refused_at_its_first_anchor_without_expanding():
    text = BOMB.read_text(encoding="utf-8")
    assert len(text.encode()) < 1024
    tracemalloc.start()
    try:
        error = refusal(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (error.line, error.message) == (8, ALIASES_REFUSED)
    assert peak < 2 * 1024 * 1024  # expanding even one level further than the file would cost far more


@pytest.mark.parametrize(("text", "line"), [
    ("title: Тема\nbase: &base {minutes: 5}\n", 2),
    ("title: Тема\nminutes: 5\nother: *base\n", 3),
    ("a: 1\n<<: *base\n", 2),
    ("- one\n- &x two\n", 2),
])
def test_anchors_and_aliases_are_refused_with_their_line(text, line):
    assert (refusal(text).line, refusal(text).message) == (line, ALIASES_REFUSED)


def test_a_refusal_in_front_matter_counts_lines_from_the_lesson_file():
    assert refusal("id: x\ntitle: *t\n", first_line=2).line == 3


@pytest.mark.parametrize("tag", ["!!binary aGVsbG8=", "!!python/object:os.system x", "!!set {a, b}",
                                 "!!timestamp 2024-05-01", "!custom x"])
def test_tags_beyond_plain_text_numbers_and_lists_are_refused(tag):
    error = refusal(f"id: x\nvalue: {tag}\n")
    assert error.line == 2 and "YAML tag" in error.message and "not allowed" in error.message


def test_plain_core_tags_still_load():
    assert load_yaml("a: !!str 12\nb: !!int '3'\nc: !!seq [1]\n") == {"a": "12", "b": 3, "c": [1]}


def flow(depth: int) -> str:
    return "value: " + "[" * (depth - 1) + "x" + "]" * (depth - 1) + "\n"


def block(depth: int) -> str:
    lines = [f"{'  ' * level}k{level}:" for level in range(depth - 1)]
    return "\n".join(lines) + "\n" + "  " * (depth - 1) + "k: x\n"


@pytest.mark.parametrize("nested", [flow, block])
def test_nesting_up_to_the_limit_loads_and_one_level_more_is_refused(nested):
    data = load_yaml(nested(MAX_YAML_DEPTH))
    depth = 0
    while isinstance(data, dict | list):
        data = next(iter(data.values())) if isinstance(data, dict) else data[0]
        depth += 1
    assert depth == MAX_YAML_DEPTH
    error = refusal(nested(MAX_YAML_DEPTH + 1))
    assert f"nested more than {MAX_YAML_DEPTH} levels deep" in error.message
    assert error.line == (1 if nested is flow else MAX_YAML_DEPTH + 1)  # where the refused level starts


def test_very_deep_nesting_is_refused_without_a_recursion_error():
    error = refusal("[" * 200_000)
    assert error.line == 1 and "nest" in error.message  # libyaml or our own limit, whichever comes first


def test_an_oversized_document_is_refused_before_parsing():
    text = "notes: |\n" + ("  рядок тексту\n" * (MAX_YAML_BYTES // 20))
    assert len(text.encode()) > MAX_YAML_BYTES
    error = refusal(text)
    assert error.line == 1 and "larger than 2 MB" in error.message


@pytest.mark.parametrize(("text", "line", "character"), [
    ("title: Курс\nid: a\nnote: x\x00y\n", 3, "U+0000"),
    ("a: 1\n\nb: \x07\n", 3, "U+0007"),
    ("\x1b: 1\n", 1, "U+001B"),
])
def test_a_control_character_is_one_line_at_its_own_line(text, line, character):
    with pytest.raises(YamlError) as refused:
        load_yaml(text, first_line=1)
    assert (refused.value.line, refused.value.message) == (
        line, f"bad YAML: the character {character} is not allowed (a control character); remove it")
    with pytest.raises(YamlError) as in_front_matter:
        load_yaml(text, first_line=2)
    assert in_front_matter.value.line == line + 1
