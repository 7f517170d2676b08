"""The package's import graph: no cycles, and imports point one way (read <- rules <- outputs).

Every import counts, also one inside a function: a lazy import that hides a cycle is still a
cycle. Only imports under `if TYPE_CHECKING:` are left out, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "wegwijzer"

# What each part of the package may import (besides itself and the standard library).
SHARED = {"wegwijzer", "wegwijzer.diagnostics", "wegwijzer.files", "wegwijzer.codes", "wegwijzer.tekens"}
ALLOWED = {
    "read": SHARED,
    "rules": SHARED | {"read"},
    "site": SHARED | {"read", "rules", "flyer"},
    "flyer": SHARED | {"read", "rules"},
    "check": SHARED | {"read", "rules", "flyer"},
    "export": SHARED | {"read", "rules"},
    "edit": SHARED | {"read", "rules"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The package modules `path` imports (a `from x import y` of a submodule names x.y)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names if a.name.startswith("wegwijzer"))
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (child.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                if base.startswith("wegwijzer"):
                    for alias in child.names:
                        sub = f"{base}.{alias.name}"
                        found.add(sub if sub in modules else base)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    found.discard(name)
    return {m for m in found if m in modules}


def graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): imports_of(p, modules) for p in paths}


def part(module: str) -> str | None:
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 2 or (len(pieces) == 2 and pieces[1] in ALLOWED) else None


def test_the_graph_sees_the_package() -> None:
    edges = graph()
    assert "wegwijzer.rules.validate" in edges
    assert "wegwijzer.read.merge" in edges["wegwijzer.rules.validate"]
    assert "wegwijzer.site.plugin" in edges


def test_no_import_cycle() -> None:
    edges = graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt) :] + [nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)


def test_imports_point_one_way() -> None:
    wrong = []
    for module, targets in sorted(graph().items()):
        mine = part(module)
        if mine is None:
            continue  # cli, __main__, diagnostics, files: the top may use everything
        allowed = ALLOWED[mine]
        for target in sorted(targets):
            theirs = part(target)
            if theirs == mine or target in allowed or theirs in allowed:
                continue
            wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_every_folder_is_a_package_that_says_what_it_is() -> None:
    """Each folder with Python modules has an `__init__.py` whose docstring's first line says
    what it is; no folder has the name of a module beside it (`site/pages/` hid `pages.py`)."""
    problems = []
    for folder in sorted({p.parent for p in PACKAGE.rglob("*.py")}):
        init = folder / "__init__.py"
        if not init.is_file():
            problems.append(f"{folder.relative_to(PACKAGE.parent)}: no __init__.py")
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        if not doc or not doc.splitlines()[0].strip():
            problems.append(f"{init.relative_to(PACKAGE.parent)}: no one-line docstring")
    for folder in sorted(p for p in PACKAGE.rglob("*") if p.is_dir() and p.name != "__pycache__"):
        if folder.with_suffix(".py").is_file():
            problems.append(f"{folder.relative_to(PACKAGE.parent)}/ shadows {folder.name}.py")
    assert not problems, "\n".join(problems)
