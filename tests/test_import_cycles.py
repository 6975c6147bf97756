"""No import cycle among eventwire's modules (issue 12): read from the source
with ast, so a cycle is found even where Python's lazy imports would hide it
until some command runs.

An edge goes from a module to the most specific eventwire module an import
names. Imports inside functions count too (they run on first call); imports
under `if TYPE_CHECKING:` do not (they never run)."""
from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def modules(src: Path, package: str = "eventwire") -> dict[str, tuple[Path, bool]]:
    """Dotted name -> (file, is a package) of every module under src/package."""
    out = {}
    for p in (src / package).rglob("*.py"):
        parts = list(p.relative_to(src).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_pkg else parts)] = (p, is_pkg)
    return out


def _targets(name: str, is_pkg: bool, node: ast.Import | ast.ImportFrom, known) -> list[str]:
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        base = name.split(".") if is_pkg else name.split(".")[:-1]
        if node.level:
            base = base[:len(base) - (node.level - 1)]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module or ""
        names = [f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in known else prefix for a in node.names]
    out = []
    for t in names:
        while t and t not in known:
            t = t.rpartition(".")[0]
        if t and t != name:
            out.append(t)
    return out


def import_graph(src: Path, package: str = "eventwire") -> dict[str, set[str]]:
    known = modules(src, package)
    graph: dict[str, set[str]] = {m: set() for m in known}

    def visit(name, is_pkg, node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for orelse in child.orelse:
                    visit(name, is_pkg, orelse)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                graph[name].update(_targets(name, is_pkg, child, known))
            visit(name, is_pkg, child)

    for name, (path, is_pkg) in known.items():
        visit(name, is_pkg, ast.parse(path.read_text(encoding="utf-8")))
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as e:
        return e.args[1]
    return None


def test_eventwire_has_no_import_cycle():
    graph = import_graph(SRC)
    assert len(graph) > 50 and sum(map(len, graph.values())) > 100  # the package was read
    assert find_cycle(graph) is None


@pytest.mark.parametrize("b_source, cycle", [
    ("from .a import x\n", True),  # at module level
    ("def f():\n    from . import a\n", True),  # inside a function: runs on first call
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import x\n", False),  # never runs
    ("import os\n", False),
])
def test_a_cycle_is_found_where_it_is(tmp_path, b_source, cycle):
    pkg = tmp_path / "demo"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub.b import y\nx = 1\n")
    (pkg / "sub" / "b.py").write_text(b_source.replace("from .a", "from ..a").replace("from . import a",
                                                                                      "from .. import a") + "y = 2\n")
    found = find_cycle(import_graph(tmp_path, "demo"))
    assert (found is not None) == cycle
    if cycle:
        assert {"demo.a", "demo.sub.b"} <= set(found)
