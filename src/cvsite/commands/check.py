"""`cvsite check`: validate everything and check the built site's links, writing no output."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from cvsite.build import build
from cvsite.commands.linkcheck import check_folder
from cvsite.commands.schema import SCHEMA_DIR, stale_schemas
from cvsite.errors import ContentError, Diagnostic, Severity


@dataclass
class CheckResult:
    """Every problem found, and how much was checked."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    pages: int = 0
    files: int = 0


def check_project(source: Path, *, strict: bool = False, base_url: str | None = None,
                  scholar: bool = False) -> CheckResult:
    """Build `source` into a throwaway folder and check every internal link and anchor in it.

    Nothing is written into the project: not the output folder, not the build cache.
    `scholar` makes the Scholar readiness warnings even when site.yaml switches them off.
    """
    with tempfile.TemporaryDirectory(prefix="cvsite-check-") as tmp:
        try:
            result = build(source, Path(tmp) / "site", strict=strict, keep_going=True,
                           use_cache=False, base_url=base_url, scholar=scholar)
        except ContentError as exc:
            return CheckResult(exc.diagnostics)
        assert result.site is not None
        links = check_folder(result.out, result.site.config.base_url, label="<site>")
        return CheckResult([*result.diagnostics, *links, *_schema_drift(source)], result.pages,
                           result.files)


def _schema_drift(source: Path) -> list[Diagnostic]:
    """Warnings for an editor schema (when the project keeps one) out of step with the models."""
    if not (source / SCHEMA_DIR).is_dir():
        return []
    return [replace(d, severity=Severity.WARNING) for d in stale_schemas(source)]
