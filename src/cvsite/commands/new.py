"""`cvsite new DIR`: a starter project (fictional example content) that builds and checks."""

from __future__ import annotations

import textwrap
from pathlib import Path

from cvsite.commands.installed import Requirement, installed
from cvsite.commands.schema import CONTENT_MODELS, generate, modeline
from cvsite.output.write import write_site
from cvsite.paths import THEME

STARTER = Path(__file__).parent / "starter"
RENAMES = {"gitignore": ".gitignore", "workflows/": ".github/workflows/"}


class ScaffoldError(Exception):
    """The starter project cannot be created where asked."""


def requirements_txt(requirement: Requirement) -> str:
    """requirements.txt: the line that installs this cvsite, and what to do first if needed."""
    lines = ["# The cvsite this site is built with (`cvsite new` wrote it from how it was "
             "installed)."]
    if requirement.note:
        lines += textwrap.wrap("NOTE: " + requirement.note, 97, initial_indent="# ",
                               subsequent_indent="# ", break_on_hyphens=False)
    return "\n".join([*lines, requirement.line, ""])


def _constraints() -> bytes:
    """The pinned dependency versions cvsite is tested with (packaged, or the checkout's)."""
    place = THEME / "constraints.txt"
    if not place.is_file():  # pragma: no cover - packaged with the theme
        raise ScaffoldError("constraints.txt is missing from this cvsite installation")
    return place.read_bytes()


def _tree(folder: Path, prefix: str) -> dict[str, bytes]:
    return {prefix + p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def starter_files() -> dict[str, bytes]:
    """Every file of a new project by its path inside the project."""
    files = _tree(THEME / "templates", "templates/") | _tree(THEME / "static", "static/")
    for name, data in _tree(STARTER, "").items():
        for old, new in RENAMES.items():
            name = new + name[len(old):] if name.startswith(old) else name
        line = (modeline(name.removeprefix("content/")) + "\n").encode()
        if name.removeprefix("content/") in CONTENT_MODELS and not data.startswith(line):
            data = line + data
        files[name] = data
    files |= {f"schema/{name}": text.encode() for name, text in generate().items()}
    files["requirements.txt"] = requirements_txt(installed()).encode()
    files["constraints.txt"] = _constraints()
    return files


def scaffold(target: Path) -> dict[str, bytes]:
    """Create a starter project in `target` (which must not exist or be empty)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target} already exists and is not an empty folder")
    files = starter_files()
    write_site(files, target)
    return files
