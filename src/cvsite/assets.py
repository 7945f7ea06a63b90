"""Static files: the packaged theme's, overlaid by the project's own `static/`."""

from __future__ import annotations

from pathlib import Path

from cvsite.models import Publication
from cvsite.paths import THEME
from cvsite.scholar import local_file


def static_dirs(source: Path) -> list[Path]:
    """Static folders, lowest priority first."""
    return [d for d in (THEME / "static", source / "static") if d.is_dir()]


def collect_static(source: Path) -> dict[str, bytes]:
    """Every static file by its path in the output folder (the project's win over the theme's)."""
    files: dict[str, bytes] = {}
    for folder in static_dirs(source):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return files


def collect_papers(source: Path, publications: tuple[Publication, ...]) -> dict[str, bytes]:
    """Paper files shipped in `content/` (a relative `pdf` field), at the same path in the site."""
    files: dict[str, bytes] = {}
    for pub in publications:
        path = local_file(pub.pdf)
        if path and (source / "content" / path).is_file():
            files[path] = (source / "content" / path).read_bytes()
    return files
