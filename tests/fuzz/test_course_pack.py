"""Fuzzing the course pack loader: every pack file kind, mutated from real files, in a copy of a good
pack loaded by the real `load_pack` (and the World Café kit by `kit_for_course`).

Property: no exception escapes; every problem has a line (0 when unknown) and a non-empty message."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.mutations import DATA, FUZZ, mutated_text, mutated_yaml, texts

from etrainer.core.classroom.world_cafe import kit_for_course
from etrainer.core.course.pack import load_pack
from etrainer.core.errors import Problem

GOOD = DATA / "packs" / "good"
TARGETS = {
    "course.yaml": texts("tests/data/packs/*/course.yaml", "lessons/course.yaml"),
    "01-basics/module.yaml": texts("tests/data/packs/*/*/module.yaml", "lessons/*/module.yaml"),
    "01-basics/01-first.md": texts("tests/data/packs/good/*/0*.md", "lessons/0[1-4]*/0*.md"),
    "glossary.yaml": texts("tests/data/packs/good/glossary.yaml", "lessons/glossary.yaml"),
    "02-more/module.quiz.yaml": texts("tests/data/quiz/*.quiz.yaml", "lessons/0[1-3]*/module.quiz.yaml"),
    "02-more/form.scenario.yaml": texts("tests/data/scenarios/**/*.scenario.yaml",
                                        "lessons/walkthroughs/*.scenario.yaml"),
    "world-cafe.yaml": texts("lessons/world-cafe.yaml"),
}
LINE_EDITS = {name: mutated_text(seeds) for name, seeds in TARGETS.items()}
TREE_EDITS = {name: mutated_yaml(seeds) for name, seeds in TARGETS.items()}


def assert_clear(problems: Iterable[Problem]) -> None:
    for problem in problems:
        assert isinstance(problem.line, int) and problem.line >= 0, problem
        assert problem.message.strip(), problem


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the good pack per test function; each example changes one file and puts it back."""
    folder = tmp_path_factory.mktemp("fuzz") / "pack"
    shutil.copytree(GOOD, folder)
    return folder


def load_with(pack: Path, name: str, content: str | bytes) -> None:
    target = pack / name
    original = target.read_bytes() if target.exists() else None
    try:
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        if name == "world-cafe.yaml":
            kit, problems = kit_for_course(pack)
            assert kit.questions
            assert_clear(problems)
        else:
            assert_clear(load_pack(pack).problems)
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)


@pytest.mark.parametrize("name", sorted(TARGETS))
@FUZZ
@given(data=st.data())
def test_a_mutated_pack_file_loads_or_becomes_clear_problems(pack, name, data):
    load_with(pack, name, data.draw(LINE_EDITS[name], label=name))


@pytest.mark.parametrize("name", sorted(TARGETS))
@FUZZ
@given(data=st.data())
def test_a_pack_file_with_wrong_types_and_values_loads_or_becomes_clear_problems(pack, name, data):
    load_with(pack, name, data.draw(TREE_EDITS[name], label=name))


@pytest.mark.parametrize("name", ["course.yaml", "01-basics/01-first.md", "02-more/module.quiz.yaml"])
@FUZZ
@given(content=st.binary(max_size=300))
def test_random_bytes_in_a_pack_file_become_clear_problems(pack, name, content):
    load_with(pack, name, content)
