"""The two versions `budget.py` compares: a git revision checked out aside, and this checkout.

Both run with this venv's Python as `PYTHONPATH=<tree>/src python -m cvsite`, so the
dependencies are the same and only cvsite's own code differs (from a source tree,
`cvsite.paths.THEME` is the tree's own `templates/` and `static/`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Version:
    """One version of cvsite: its name in the table, its commit and its source tree."""

    name: str
    commit: str
    tree: Path

    @property
    def command(self) -> list[str]:
        """The command line that runs this version's `cvsite`."""
        return [sys.executable, "-m", "cvsite"]

    def env(self, *first: Path) -> dict[str, str]:
        """The environment that imports this version (after `first`, if given), reading its
        byte-compiled modules as an installed cvsite does (a shell's PYTHONDONTWRITEBYTECODE
        would make every run compile ~9,000 lines first: ~0.1 s no user pays)."""
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        return dict(env, PYTHONPATH=os.pathsep.join(map(str, [*first, self.tree / "src"])))

    def byte_compile(self) -> None:
        """Byte-compile this version's modules, as pip does when it installs a package."""
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(self.tree / "src")],
                       env=self.env(), check=True)


def _git(*args: str) -> str:
    """Run git in this checkout; its output."""
    return subprocess.run(["git", *args], cwd=CHECKOUT, capture_output=True, text=True,
                          check=True).stdout.strip()


def after() -> Version:
    """This checkout's working tree (`+dirty` when `src/` has uncommitted changes)."""
    dirty = "+dirty" if _git("status", "--porcelain", "--", "src") else ""
    return Version("after", _git("rev-parse", "--short", "HEAD") + dirty, CHECKOUT)


@contextmanager
def before(revision: str, place: Path) -> Iterator[Version]:
    """`revision` checked out into a temporary git worktree under `place`, removed after."""
    commit = _git("rev-parse", "--short", f"{revision}^{{commit}}")
    tree = place / f"before-{commit}"
    _git("worktree", "add", "--detach", "--quiet", str(tree), commit)
    try:
        yield Version("before", f"{revision} ({commit})", tree)
    finally:
        _git("worktree", "remove", "--force", str(tree))
