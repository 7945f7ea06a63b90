"""The package's architecture: imports flow one way (import-linter's contracts in
pyproject.toml) and no module imports itself through others (a cycle)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "cvsite"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's verdict on the `cvsite` found first in `package_parent`."""
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    command = [str(LINT_IMPORTS), "--no-cache", "--config", str(ROOT / "pyproject.toml")]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)


def _module_name(path: Path, root: Path) -> str:
    """`cvsite.sources.bibtex.reader` for `root/cvsite/sources/bibtex/reader.py`."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Each module of `package` (under `root`) and the package's modules it imports, wherever
    the import stands (top level, a function, `if TYPE_CHECKING`)."""
    modules = {_module_name(p, root): p for p in (root / package).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    targets.add(sub if sub in modules else node.module)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import each other, directly or around a loop (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(import_graph(PACKAGE.parent, "cvsite")) == []


def test_a_cycle_hidden_behind_type_checking_is_found(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.b import B\nA = 1\n")
    (package / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                  "    from pkg import a\nB = 2\n")
    (package / "c.py").write_text("def f():\n    from pkg.a import A\n    return A\n")
    assert cycles(import_graph(tmp_path, "pkg")) == [["pkg.a", "pkg.b"]]


def test_every_import_contract_is_kept() -> None:
    result = _lint_imports(PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("module", "line"), [
    ("sources/bibtex/blocks.py", "from cvsite.sources.bibtex.reader import parse_bib"),
    ("speed/pdfworkers.py", "from cvsite.speed.pdfs import start_pdfs"),
    ("models/publication.py", "from cvsite.render.citeformat import PaperDates"),
])
def test_the_contracts_refuse_the_three_old_cycles(tmp_path: Path, module: str,
                                                   line: str) -> None:
    copy = tmp_path / "cvsite"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "starter"))
    target = copy / module
    hidden = f"from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    {line}\n"
    target.write_text(target.read_text(encoding="utf-8") + "\n" + hidden, encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
