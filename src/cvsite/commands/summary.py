"""Diagnostics shown: one per line, counted, and the Scholar readiness warnings of a build as
one line, not one per paper."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from cvsite.errors import SCHOLAR, Diagnostic, Severity


def advice(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The Scholar readiness warnings among `diagnostics`."""
    return [d for d in diagnostics if d.topic == SCHOLAR]


def without_advice(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """`diagnostics` less the Scholar readiness warnings."""
    return [d for d in diagnostics if d.topic != SCHOLAR]


def scholar_line(diagnostics: Sequence[Diagnostic]) -> str | None:
    """One warning counting the papers Google Scholar may skip or misread; None when none."""
    count = len({(d.file, d.line) for d in advice(diagnostics)})
    if not count:
        return None
    papers = f"{count} paper{'s' * (count != 1)}"
    return (f"cvsite: warning: Google Scholar may skip or misread the pages of {papers}: "
            "'cvsite check --scholar' lists them and why "
            "('scholar_warnings: false' in site.yaml hides this)")


def report(diagnostics: Sequence[Diagnostic], *, summarise: bool = True) -> None:
    """Print the diagnostics to stderr, in file and line order; with `summarise`, the Scholar
    readiness warnings as one line after them."""
    shown = without_advice(diagnostics) if summarise else diagnostics
    for d in sorted(shown, key=lambda d: (d.file, d.line, d.col)):
        print(d.format(), file=sys.stderr)
    line = scholar_line(diagnostics) if summarise else None
    if line:
        print(line, file=sys.stderr)


def counts(diagnostics: Sequence[Diagnostic], advice: bool = False) -> str:
    """How many errors and warnings (Scholar readiness advice only with `advice`: else it is
    the summary's line)."""
    diagnostics = diagnostics if advice else without_advice(diagnostics)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
    return ", ".join(parts) or "no problems"
