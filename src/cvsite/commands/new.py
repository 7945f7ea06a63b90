"""`cvsite new DIR`: a starter project (fictional example content) that builds and checks."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

from cvsite import __version__
from cvsite.commands.schema import CONTENT_MODELS, generate, modeline
from cvsite.output.write import write_site
from cvsite.paths import THEME

STARTER = Path(__file__).parent / "starter"
RENAMES = {"gitignore": ".gitignore", "workflows/": ".github/workflows/"}


class ScaffoldError(Exception):
    """The starter project cannot be created where asked."""


def cvsite_requirement() -> str:
    """The pip requirement for this very cvsite: its git source when known, else a placeholder."""
    try:
        direct = metadata.distribution("cvsite").read_text("direct_url.json")
    except metadata.PackageNotFoundError:  # pragma: no cover - cvsite runs installed
        direct = None
    info = json.loads(direct) if direct else {}
    if "vcs_info" in info:
        return f"cvsite @ git+{info['url']}@{info['vcs_info']['commit_id']}"
    return f"cvsite @ git+https://github.com/OWNER/cvsite@v{__version__}"


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
        if name.removeprefix("content/") in CONTENT_MODELS:
            data = (modeline(name.removeprefix("content/")) + "\n").encode() + data
        files[name] = data
    files |= {f"schema/{name}": text.encode() for name, text in generate().items()}
    requirement = f"# The cvsite release this site is built with.\n{cvsite_requirement()}\n"
    files["requirements.txt"] = requirement.encode()
    files["constraints.txt"] = _constraints()
    return files


def scaffold(target: Path) -> dict[str, bytes]:
    """Create a starter project in `target` (which must not exist or be empty)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target} already exists and is not an empty folder")
    files = starter_files()
    write_site(files, target)
    return files
