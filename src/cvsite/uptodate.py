"""The no-change fast path: skip a build whose inputs and output are as the last build left them.

After each build the digest of its inputs and the size and modification time of every file in
the output folder are recorded in the cache. The next build with the same digest whose output
folder still holds exactly those files (none added, removed or touched) has nothing to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cvsite.cache import Cache
from cvsite.errors import Diagnostic, Severity
from cvsite.write import scan

RECORD = "last-build.json"


@dataclass(frozen=True)
class Previous:
    """What the last build made, when nothing changed since."""

    pages: int
    files: int
    diagnostics: list[Diagnostic]


def _output_state(out: Path) -> dict[str, list[int]]:
    """Every file in the output folder with [size, mtime in ns]."""
    files, _ = scan(out)
    return {name: list(stat) for name, stat in files.items()}


def unchanged(cache: Cache, key: str, out: Path) -> Previous | None:
    """The last build's result if its inputs had digest `key` and its output is untouched."""
    record = cache.read_json(RECORD)
    if record is None or record.get("key") != key or record.get("out") != str(out.resolve()):
        return None
    try:
        if not out.is_dir() or _output_state(out) != record["output"]:
            return None
        diagnostics = [Diagnostic(d[0], d[1], d[2], d[3], d[4], Severity(d[5]))
                       for d in record["diagnostics"]]
        return Previous(int(record["pages"]), len(record["output"]), diagnostics)
    except (OSError, KeyError, TypeError, ValueError, IndexError):
        return None


def remember(cache: Cache, key: str, out: Path, pages: int,
             diagnostics: list[Diagnostic]) -> None:
    """Record a finished build so that an identical next one can be skipped."""
    if not cache.enabled:
        return
    shown = [[d.file, d.line, d.col, d.message, d.hint, d.severity.value] for d in diagnostics]
    cache.write_json(RECORD, {"key": key, "out": str(out.resolve()), "pages": pages,
                              "output": _output_state(out), "diagnostics": shown})

