"""A publication's year and month: read when possible, else shown as the user wrote them."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cvsite.errors import Diagnostic
from cvsite.sources.bibtex.fields import month_number, month_range

_YEARS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_WORDS = re.compile(r"[A-Za-z]+\.?")

Warn = Callable[[str, str, str], Diagnostic]
"""Makes a warning about one field: (field, message, hint)."""


def _months_in(text: str) -> tuple[int, int | None] | None:
    """The month names inside free text (`22--25 Aug`, `May 2 - May 7`), first and last."""
    found = [m for m in (month_number(w) for w in _WORDS.findall(text)) if m is not None]
    if not found or len(set(found)) > 2:
        return None
    return found[0], (found[-1] if found[-1] != found[0] else None)


def date_fields(fields: dict[str, str], decode: Callable[[str], str],
                warn: Warn) -> tuple[dict[str, Any], list[Diagnostic]]:
    """`year`, `month`, `month_end` and the texts shown as written (`year_written`, …)."""
    data: dict[str, Any] = {"year": 0}
    problems = []
    year = fields.get("year", "").strip().strip("{}").strip()
    if not year:
        problems.append(warn("year", "no year: listed as 'in press', before the dated papers",
                             "add year = {YYYY}, or year = {to appear} to say so"))
    elif re.fullmatch(r"\d{4}", year):
        data["year"] = int(year)
    else:
        written = decode(fields["year"]) or year
        years = _YEARS.findall(year)
        data["year"] = int(years[-1]) if years else 0
        data["year_written"] = written
        problems.append(warn("year", f"year {year!r} is not a four-digit year; shown as written",
                             "fine for 'to appear' or '2025a'; use a four-digit year for a "
                             "machine-readable date (Google Scholar, feeds)"))
    month = fields.get("month", "").strip()
    if month:
        months = month_range(month)
        if months is None:
            months = _months_in(month)
            data["month_written"] = decode(fields["month"]) or month
            problems.append(warn("month", f"month {month!r} is not a month; shown as written",
                                 "use 1-12, jan-dec, a month name, or a range like "
                                 "jun # '--' # jul; days belong in a note"))
        if months is not None:
            data["month"], data["month_end"] = months
    return data, problems
