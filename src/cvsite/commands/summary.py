"""Advice summarised: the Scholar readiness warnings of a build as one line, not one per paper."""

from __future__ import annotations

from collections.abc import Sequence

from cvsite.errors import SCHOLAR, Diagnostic


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
