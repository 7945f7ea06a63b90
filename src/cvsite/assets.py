"""Static files: the packaged theme's, overlaid by the project's own `static/`."""

from __future__ import annotations

from pathlib import Path

from cvsite.render import THEME


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
