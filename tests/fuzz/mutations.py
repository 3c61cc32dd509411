"""Hypothesis strategies that make structurally interesting bad input from real files.

Random text alone rarely gets past a parser's first line, so most examples start from a real file
(the bundled course in lessons/ and the samples in tests/data) and apply a few edits an author, a
broken disk or a hostile sender could make: lines deleted, duplicated, swapped or re-indented,
a value swapped for another type, deep nesting, odd characters, a cut-off end. JSON documents are
mutated as trees (a value replaced, a key dropped, a list emptied or nested) so that the files
stay well-formed and reach the code that reads the fields.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "lessons"
DATA = ROOT / "tests" / "data"

FUZZ = settings(max_examples=int(os.environ.get("ETRAINER_FUZZ_EXAMPLES", "100")), deadline=None, database=None,
                phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
"""The budget of one fuzz test: bounded so the whole tests/fuzz suite stays under a minute in CI.
A longer campaign: `ETRAINER_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/fuzz`."""

ODD_VALUES = ["", "~", "null", "[]", "{}", "-1", "0", "1e999", "-.inf", ".nan", "true", "0x1F", "99999999999999999999",
              "'", '"', "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x",
              "{a: {b: {c: [1, {d: []}]}}", "- a\n- b", "|\n  text", ">-", "&a x", "*a", "!!binary aGk=", "<<: {x: 1}",
              "2024-05-01", "12:30", "'1.0'", "Так", "ні", "x" * 300, "\t", "\x00", "\ufeff", "\u202e", "\U0001F600",
              "? [a]\n: b", "{{", "}}", "::", "::title::", "{=a ~b}", "{#1..0}", "{T}", "->", "%-200%", "<![CDATA[",
              "<text>", "&amp;", "&#0;", "]]>", "<!DOCTYPE x>", "lesson:x", "[[glossary]]", "!!! tip", "    code"]
"""Replacement values: other YAML types, broken syntax and the markup of the other formats."""

text_piece = st.one_of(st.sampled_from(ODD_VALUES), st.text(max_size=40))


@st.composite
def mutated_text(draw: st.DrawFn, seeds: list[str]) -> str:
    """One seed text with one to six line-level edits."""
    lines = draw(st.sampled_from(seeds)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            lines = [""]
        at = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "value", "indent", "dedent",
                                     "nest", "truncate", "char"]))
        line = lines[at]
        if edit == "delete":
            del lines[at]
        elif edit == "duplicate":
            lines[at:at] = [line] * draw(st.integers(1, 3))
        elif edit == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif edit == "insert":
            lines.insert(at, draw(text_piece))
        elif edit == "value":
            head, sep, _ = line.partition(":")
            lines[at] = (head + sep + " " if sep else line[: len(line) - len(line.lstrip())] + "- ") + draw(text_piece)
        elif edit == "indent":
            lines[at] = " " * draw(st.integers(1, 5)) + line
        elif edit == "dedent":
            lines[at] = line.lstrip()
        elif edit == "nest":
            depth = draw(st.integers(1, 80))
            indent = line[: len(line) - len(line.lstrip())]
            lines[at + 1:at + 1] = [f"{indent}{'  ' * (level + 1)}k{level}:" for level in range(depth)]
        elif edit == "truncate":
            lines = [*lines[:at], line[: draw(st.integers(0, len(line)))]]
        else:
            position = draw(st.integers(0, len(line)))
            lines[at] = line[:position] + draw(st.characters(codec="utf-8")) + line[position:]
    return "\n".join(lines)


def hostile_text(alphabet: str, max_size: int = 400) -> st.SearchStrategy[str]:
    """Random text dense in the characters a format gives meaning to."""
    return st.text(st.one_of(st.sampled_from(list(alphabet)), st.characters(codec="utf-8")), max_size=max_size)


def texts(*patterns: str, root: Path = ROOT) -> list[str]:
    """The text of every file matching the glob patterns (relative to the project root)."""
    found = sorted({p for pattern in patterns for p in root.glob(pattern) if p.is_file()})
    assert found, f"no seed files for {patterns}"
    return [p.read_text(encoding="utf-8") for p in found]


def json_value(non_finite: bool = True) -> st.SearchStrategy[Any]:
    """Any JSON value, including the awkward ones (huge numbers, deep nesting, empty containers; with
    `non_finite`, the Infinity and NaN that Python's json writes and reads)."""
    scalars = st.one_of(st.none(), st.booleans(), st.integers(-(10**30), 10**30),
                        st.floats(allow_nan=non_finite, allow_infinity=non_finite),
                        st.sampled_from([1e308, -1e308, 0.5, -1]), st.text(max_size=20), st.sampled_from(ODD_VALUES))
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                         st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                        max_leaves=8)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def mutated_json(draw: st.DrawFn, seed: Any, non_finite: bool = True) -> Any:
    """`seed` (a parsed JSON document) with one to five tree edits: wrong types and values where fields are read."""
    doc = copy.deepcopy(seed)
    for _ in range(draw(st.integers(1, 5))):
        path = draw(st.sampled_from(_paths(doc)))
        if not path:
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        key = path[-1]
        edit = draw(st.sampled_from(["replace", "replace", "delete", "wrap", "empty", "duplicate"]))
        if edit == "replace":
            parent[key] = draw(json_value(non_finite))
        elif edit == "delete":
            del parent[key]
        elif edit == "wrap":
            parent[key] = [parent[key]] if draw(st.booleans()) else {"x": parent[key]}
        elif edit == "empty":
            parent[key] = type(parent[key])() if isinstance(parent[key], list | dict | str) else None
        elif isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
    return doc


def json_bytes(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def mutated_yaml(seeds: list[str]) -> st.SearchStrategy[str]:
    """A seed YAML file (or a lesson's front matter) read, mutated as a tree, and written back: every
    field keeps valid YAML syntax, so the checks of each value are reached with wrong types and values.
    Seeds that are not valid YAML themselves (the broken samples) are left out."""
    parsed = []
    for seed in seeds:
        front, body = None, ""
        if seed.startswith("---\n") and "\n---\n" in seed[4:]:
            front, body = seed[4:].split("\n---\n", 1)
        try:
            parsed.append((yaml.load(front if front is not None else seed, Loader=_LOADER), front is not None, body))
        except yaml.YAMLError:
            continue
    assert parsed, "no seed is valid YAML"
    return st.sampled_from(parsed).flatmap(
        lambda seed: mutated_json(seed[0]).map(lambda data: _dumped(data, *seed[1:])))


def _dumped(data: Any, is_front_matter: bool, body: str) -> str:
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return f"---\n{text}---\n{body}" if is_front_matter else text
