"""The scenario loader and validator (core/walkthrough/loading.py).

Each fixture under tests/data/scenarios/broken/ and valid/ marks the lines where a problem must
be reported with a comment `# expect: <part of the message>` (an error) or
`# expect-warning: <part of the message>`; the test asserts those problems — and no others —
at exactly those lines. `# ctx-modules: a, b` gives the pack's module ids.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from etrainer.core.course.context import PackContext
from etrainer.core.errors import Severity
from etrainer.core.walkthrough.engine import Scenario
from etrainer.core.walkthrough.loading import load_scenario_file, replay_reference

DATA = Path(__file__).resolve().parents[2] / "data" / "scenarios"
EXPECT = re.compile(r"#\s*expect(-warning)?:\s*(.+?)\s*$")
MODULES = re.compile(r"#\s*ctx-modules:\s*(.+?)\s*$")
FIXTURES = sorted((DATA / "broken").glob("*.scenario.yaml")) + sorted((DATA / "valid").glob("*.scenario.yaml"))


def expectations(path: Path) -> tuple[list[tuple[int, Severity, str]], set[str]]:
    expected, modules = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if match := EXPECT.search(line):
            expected.append((number, Severity.WARNING if match.group(1) else Severity.ERROR, match.group(2)))
        if match := MODULES.search(line):
            modules = {m.strip() for m in match.group(1).split(",")}
    return expected, modules


def load(path: Path, modules: set[str] | None = None) -> tuple[Scenario | None, PackContext]:
    ctx = PackContext(root=DATA, module_ids=modules or set())
    return load_scenario_file(path, ctx), ctx


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_reports_exactly_the_expected_problems(path: Path) -> None:
    expected, modules = expectations(path)
    scenario, ctx = load(path, modules)
    got = [(p.line, p.severity, p.message) for p in ctx.problems]
    unmatched = list(got)
    for line, severity, fragment in expected:
        hit = next((g for g in unmatched if g[0] == line and g[1] is severity and fragment in g[2]), None)
        assert hit is not None, f"{path.name}:{line}: expected {severity.value} “{fragment}”, got {got}"
        unmatched.remove(hit)
    assert not unmatched, f"{path.name}: unexpected problems {unmatched}"
    assert all(p.path == f"{path.parent.name}/{path.name}" for p in ctx.problems)
    has_errors = any(severity is Severity.ERROR for _, severity, _ in expected)
    assert (scenario is None) == has_errors


def test_every_fixture_expects_something() -> None:
    assert len(FIXTURES) >= 15
    for path in FIXTURES:
        if path.name != "minimal.scenario.yaml":
            assert expectations(path)[0], path.name


def test_minimal_scenario_loads_into_the_model() -> None:
    scenario, ctx = load(DATA / "valid" / "minimal.scenario.yaml")
    assert ctx.problems == [] and scenario is not None
    assert scenario.id == "minimal" and scenario.start == "start" and scenario.portal.address == "cherha.trenazher"
    assert [s.id for s in scenario.steps] == ["fill-name", "click-go"]
    assert scenario.steps[0].screen == "start" and scenario.steps[0].line == 30
    assert scenario.screen("end").is_finish and scenario.control("ticket").number == "Т-000"
    assert len(scenario.digest) == 16 and replay_reference(scenario) == []


def test_duplicate_scenario_ids_across_files(tmp_path: Path) -> None:
    source = (DATA / "valid" / "minimal.scenario.yaml").read_text(encoding="utf-8")
    for name in ("a.scenario.yaml", "b.scenario.yaml"):
        (tmp_path / name).write_text(source, encoding="utf-8")
    ctx = PackContext(root=tmp_path)
    assert load_scenario_file(tmp_path / "a.scenario.yaml", ctx) is not None
    assert load_scenario_file(tmp_path / "b.scenario.yaml", ctx) is None
    assert [p.format() for p in ctx.problems] == [
        "b.scenario.yaml:1: duplicate scenario id “minimal” (first defined at a.scenario.yaml:1)"]


def test_unreadable_files_are_problems_not_crashes(tmp_path: Path) -> None:
    binary = tmp_path / "binary.scenario.yaml"
    binary.write_bytes(b"\xff\xfe\x00id: x")
    empty = tmp_path / "empty.scenario.yaml"
    empty.write_text("", encoding="utf-8")
    ctx = PackContext(root=tmp_path)
    assert load_scenario_file(binary, ctx) is None and load_scenario_file(empty, ctx) is None
    assert load_scenario_file(tmp_path / "missing.scenario.yaml", ctx) is None
    assert [p.path for p in ctx.problems] == ["binary.scenario.yaml", "empty.scenario.yaml",
                                              "missing.scenario.yaml"]


def test_replay_reference_reports_a_path_that_no_longer_finishes() -> None:
    scenario, _ = load(DATA / "valid" / "minimal.scenario.yaml")
    assert scenario is not None
    shortened = replace(scenario, steps=scenario.steps[:1])
    problems = replay_reference(shortened)
    assert len(problems) == 1 and "ends on screen “start”" in problems[0]


def test_the_documented_example_loads_cleanly(tmp_path: Path) -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "authoring-scenarios.md").read_text(encoding="utf-8")
    example = re.search(r"## A complete small example\s+```yaml\n(.*?)```", doc, re.DOTALL)
    assert example is not None
    path = tmp_path / "example.scenario.yaml"
    path.write_text(example.group(1), encoding="utf-8")
    ctx = PackContext(root=tmp_path, module_ids={"other-channels"})
    scenario = load_scenario_file(path, ctx)
    assert [p.format() for p in ctx.problems] == [] and scenario is not None
    assert [s.id for s in scenario.steps] == ["dictate-code", "fill-code", "click-confirm"]


def test_damaged_files_give_problems_never_exceptions(tmp_path: Path) -> None:
    """Deterministic mutations of a good file (lines dropped, doubled, values swapped for other types)."""
    source = (DATA / "all-controls.scenario.yaml").read_text(encoding="utf-8").split("\n")
    rnd = random.Random(2026)
    replacements = ["[]", "{}", "42", "true", "null", "[a, b]", "{x: 1}", '""', "x"]
    path = tmp_path / "damaged.scenario.yaml"
    reported = 0
    for _ in range(300):
        lines = list(source)
        for _ in range(rnd.randint(1, 3)):
            index = rnd.randrange(len(lines))
            key, colon, _ = lines[index].partition(":")
            choice = rnd.random()
            if choice < 0.4:
                del lines[index]
            elif choice < 0.8 and colon:
                lines[index] = f"{key}: {rnd.choice(replacements)}"
            else:
                lines.insert(index, lines[index])
        path.write_text("\n".join(lines), encoding="utf-8")
        ctx = PackContext(root=tmp_path)
        scenario = load_scenario_file(path, ctx)
        assert scenario is not None or any(p.severity is Severity.ERROR for p in ctx.problems)
        reported += bool(ctx.problems)
    assert reported > 250


def test_an_oversized_scenario_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.scenario.yaml"
    path.write_text("id: huge\nnotes: |\n" + "  рядок\n" * 300_000, encoding="utf-8")
    ctx = PackContext(root=tmp_path)
    assert load_scenario_file(path, ctx) is None
    assert [(p.line, p.message) for p in ctx.problems] == [(0, "the file is too large (the limit is 2 MB)")]
