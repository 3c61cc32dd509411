"""The layer rules and the absence of import cycles, checked on the source with `ast`.

Imports point one way: ui → services → storage / exchange → core (docs/architecture.md). Every import counts,
including those inside functions (a lazy import still ties two layers together), except those under
`if TYPE_CHECKING:`, which exist only for annotations.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

# (layer prefix, forbidden import prefixes, why)
RULES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("etrainer.core", ("etrainer.storage", "etrainer.services", "etrainer.exchange", "etrainer.ui", "etrainer.app",
                       "etrainer.cli", "PySide6", "sqlalchemy", "alembic"),
     "core is plain Python: no Qt, no database, no use cases, no file formats"),
    ("etrainer.storage", ("etrainer.services", "etrainer.exchange", "etrainer.ui", "etrainer.app", "etrainer.cli",
                          "PySide6"),
     "storage knows rows and sessions, not use cases, file formats or widgets"),
    ("etrainer.exchange", ("etrainer.services", "etrainer.ui", "etrainer.app", "etrainer.cli", "etrainer.storage",
                           "PySide6.QtWidgets"),
     "a file format takes core objects, not use cases, sessions or widgets (QtGui may paint a PDF)"),
    ("etrainer.services", ("etrainer.ui", "etrainer.app", "etrainer.cli", "PySide6"),
     "use cases run without Qt, for the window and the command line alike"),
    ("etrainer.ui", ("etrainer.storage", "sqlalchemy", "alembic"),
     "widgets reach data only through services"),
)


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    line: int


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = test.id if isinstance(test, ast.Name) else test.attr if isinstance(test, ast.Attribute) else ""
            if name == "TYPE_CHECKING":
                for inner in node.body:
                    lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def import_edges(root: Path, package: str = "etrainer") -> tuple[set[str], list[Edge]]:
    """Every module under root/package and every import it makes (targets resolved to modules where they exist)."""
    files = {_module_name(root, p): p for p in (root / package).rglob("*.py") if "migrations" not in p.parts}
    modules = set(files)
    edges: list[Edge] = []
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        skip = _type_checking_lines(tree)
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            if getattr(node, "lineno", None) in skip:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = name.split(".") if is_package else name.split(".")[:-1]
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                # `from pkg import mod` imports the module pkg.mod when there is one.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            for target in targets:
                edges.append(Edge(name, target, node.lineno))
    return modules, edges


def layer_violations(root: Path) -> list[str]:
    _, edges = import_edges(root)
    found = []
    for edge in edges:
        for layer, forbidden, why in RULES:
            if edge.source == layer or edge.source.startswith(layer + "."):
                for prefix in forbidden:
                    if edge.target == prefix or edge.target.startswith(prefix + "."):
                        found.append(f"{edge.source}:{edge.line} imports {edge.target} ({why})")
    return found


def import_cycles(root: Path) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    modules, edges = import_edges(root)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for edge in edges:
        if edge.target in modules and edge.target != edge.source:
            graph[edge.source].add(edge.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:  # recursion depth is bounded by the number of modules (~200)
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return cycles


def test_the_layers_import_one_way() -> None:
    assert layer_violations(SRC) == []


def test_there_is_no_import_cycle_in_src() -> None:
    assert import_cycles(SRC) == []


def test_every_core_package_says_what_it_owns() -> None:
    core = SRC / "etrainer" / "core"
    for init in core.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, f"{init.parent.name}/__init__.py has no docstring saying what it owns"


def _write(root: Path, module: str, source: str) -> None:
    path = root.joinpath(*module.split(".")).with_suffix(".py")
    path.parent.mkdir(parents=True, exist_ok=True)
    for parent in path.relative_to(root).parents:
        if parent != Path("."):
            (root / parent / "__init__.py").touch()
    path.write_text(source, encoding="utf-8")


@pytest.mark.parametrize(("module", "source"), [
    ("etrainer.core.quiz.model", "import PySide6.QtCore\n"),
    ("etrainer.core.quiz.model", "def f():\n    from etrainer.storage import db\n"),
    ("etrainer.core.quiz.model", "from sqlalchemy import select\n"),
    ("etrainer.exchange.report", "from etrainer.services.methodist import Dashboard\n"),
    ("etrainer.storage.db", "from etrainer.ui.common import errors\n"),
    ("etrainer.services.learning", "from PySide6.QtWidgets import QWidget\n"),
    ("etrainer.ui.window", "from etrainer.storage.db import open_database\n"),
])
def test_a_forbidden_import_is_caught(tmp_path: Path, module: str, source: str) -> None:
    _write(tmp_path, "etrainer.storage.db", "")
    _write(tmp_path, "etrainer.services.methodist", "")
    _write(tmp_path, "etrainer.ui.common.errors", "")
    _write(tmp_path, module, source)
    assert len(layer_violations(tmp_path)) == 1


def test_an_import_under_type_checking_is_allowed(tmp_path: Path) -> None:
    _write(tmp_path, "etrainer.services.learning", "")
    _write(tmp_path, "etrainer.ui.view", "")
    _write(tmp_path, "etrainer.core.x",
           "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from etrainer.services import learning\n")
    assert layer_violations(tmp_path) == []


def test_a_cycle_is_caught_even_through_a_lazy_import(tmp_path: Path) -> None:
    _write(tmp_path, "etrainer.app", "def main():\n    from etrainer.cli import run\n")
    _write(tmp_path, "etrainer.cli", "def run():\n    from etrainer import app\n")
    _write(tmp_path, "etrainer.core.a", "from . import b\n")
    _write(tmp_path, "etrainer.core.b", "")
    assert import_cycles(tmp_path) == [["etrainer.app", "etrainer.cli"]]
