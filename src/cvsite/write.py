"""The only module that writes the output folder: all files at once, or nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath


class OutputError(Exception):
    """The output folder cannot be written as asked."""


def check_output_folder(out: Path, source: Path) -> None:
    """Refuse an output folder that would overwrite the project or its content."""
    out, source = out.resolve(), source.resolve()
    protected = [source] + [source / name for name in ("content", "templates", "static", ".git")]
    for place in protected:
        if out == place or out in place.parents:
            raise OutputError(f"refusing to write into {out}: it would replace {place}")
        if place != source and place in out.parents:
            raise OutputError(f"refusing to write into {out}: it is inside {place}")


def _safe_relative(name: str) -> PurePosixPath:
    """A relative path that stays inside the output folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts or "\\" in name:
        raise OutputError(f"refusing to write outside the output folder: {name!r}")
    return path


def write_site(files: dict[str, bytes], out: Path) -> None:
    """Write `files` into `out`, replacing what was there only once everything is written."""
    paths = {name: _safe_relative(name) for name in files}
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.new-{os.getpid()}"
    retired = out.parent / f".{out.name}.old-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for name in sorted(files):
            target = staging.joinpath(*paths[name].parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[name])
        if out.exists():
            out.rename(retired)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not out.exists():
            retired.rename(out)
        raise
    shutil.rmtree(retired, ignore_errors=True)
