"""The only module that writes the output folder: only what changed, never half a site, and
never a file cvsite did not write.

A build compares its files with the output folder (see `plan`): files that hold the same bytes
are kept (not rewritten: their inode and times stay), the rest are written fresh, and the whole
new tree is swapped in at once (see `swap`). Without a `Managed` folder (`schema/`, a new
project), the folder is cvsite's alone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cvsite.output.manifest import MANIFEST, Managed, OutputError, failure
from cvsite.output.plan import Data, Plan, plan
from cvsite.output.scan import Stat
from cvsite.output.stage import stage
from cvsite.output.swap import recover, siblings, swap_in

__all__ = ["Data", "Managed", "OutputError", "WriteReport", "check_output_folder",
           "write_site"]


@dataclass(frozen=True)
class WriteReport:
    """What a write changed in the output folder (paths relative to it)."""

    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int
    state: dict[str, Stat]
    """Every file cvsite wrote into the output folder now (the manifest too), with its stat."""


def check_output_folder(out: Path, source: Path) -> None:
    """Refuse an output folder that would overwrite the project or its content."""
    out, source = out.resolve(), source.resolve()
    names = ("content", "templates", "static", ".git", ".cvsite-cache")
    protected = [source] + [source / name for name in names]
    for place in protected:
        if out == place or out in place.parents:
            raise OutputError(f"refusing to write into {out}: it would replace {place}")
        if place != source and place in out.parents:
            raise OutputError(f"refusing to write into {out}: it is inside {place}")


def _safe_relative(name: str) -> str:
    """A relative path that stays inside the output folder, normalised (`a//./b` is `a/b`)."""
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if name.startswith("/") or ".." in parts or not parts or "\\" in name:
        raise OutputError(f"refusing to write outside the output folder: {name!r}")
    return "/".join(parts)


def write_site(files: Mapping[str, Data], out: Path, managed: Managed | None = None,
               keep_spare: bool = False) -> WriteReport:
    """Make `out` hold `files` (and, when `managed`, every file it holds that is not cvsite's),
    writing only what changed; the old output or the new one, whole, whatever happens.
    `keep_spare` keeps the old tree beside `out` to make the next write quicker (see `swap`)."""
    names = {name: _safe_relative(name) for name in files}
    if out.name in ("", ".", "..") or out.is_symlink():
        out = out.resolve()  # the folder itself, to put the spare beside
    spare, _ = siblings(out)
    planned: Plan
    try:
        recover(out)
        if os.path.lexists(out) and not out.is_dir():
            raise OutputError(f"{out} exists and is not a folder")
        if out.is_dir() and os.path.ismount(out):
            raise OutputError(f"{out} is a mount point: cvsite swaps the output folder in whole",
                              f"build into a folder inside it, for example --out {out}/site")
        planned = plan(out, names, files, managed)
        if out.is_dir() and not planned.written and not planned.deleted:
            state = planned.existing
        else:
            try:
                state = stage(spare, planned.sources, planned.folders, planned.inodes)
                swap_in(spare, out, keep_spare)
            except BaseException:
                with contextlib.suppress(OSError):
                    recover(out)  # puts the old output back if it was moved away
                    if not keep_spare:
                        shutil.rmtree(spare)
                raise
    except OSError as exc:
        raise failure(exc, out) from exc
    written = sorted(n for n in planned.written if n != MANIFEST)
    return WriteReport(tuple(written), tuple(planned.deleted), len(files) - len(written),
                       {name: stat for name, stat in state.items() if name in planned.ours})
