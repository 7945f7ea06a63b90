"""A publication's year and month: read when possible, else shown as the user wrote them."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cvsite.errors import Diagnostic
from cvsite.sources.bibtex.edtf import read_date
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


def _from_date(date: str, warn: Warn) -> tuple[dict[str, Any], list[Diagnostic]]:
    """biblatex's `date`: the first year and month, and the end of a range (`1984/1986`)."""
    read = read_date(date)
    if read is None:
        return {}, [warn("date", f"date {date!r} is not a date",
                         "write YYYY, YYYY-MM or YYYY-MM-DD, or a range like 1984/1986")]
    data: dict[str, Any] = {"year": read.year, "month": read.month}
    if read.open_end:
        data["open_ended"] = True
    elif read.end_year is not None and read.end_year != read.year:
        data["year_end"], data["month_end"] = read.end_year, read.end_month
    elif read.end_month != read.month:
        data["month_end"] = read.end_month
    return data, []


def date_fields(fields: dict[str, str], decode: Callable[[str], str],
                warn: Warn) -> tuple[dict[str, Any], list[Diagnostic]]:
    """`year`, `month`, the end of a range, `pubstate` and the texts shown as written."""
    data: dict[str, Any] = {"year": 0}
    problems: list[Diagnostic] = []
    state = fields.get("pubstate", "").strip()
    if state:
        data["pubstate"] = decode(fields["pubstate"]) or state
    year = fields.get("year", "").strip().strip("{}").strip()
    date = fields.get("date", "").strip().strip("{}").strip()
    if not year:
        if date:
            found, problems = _from_date(date, warn)
            data.update(found)
        if not data["year"] and not state:
            problems.append(warn("year", "no year: listed as 'in press', before the dated "
                                         "papers", "add year = {YYYY}, or year = {to appear} "
                                                   "to say so"))
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
        data.pop("month_end", None)
        months = month_range(month)
        if months is None:
            data.pop("month", None)
            months = _months_in(month)
            data["month_written"] = decode(fields["month"]) or month
            problems.append(warn("month", f"month {month!r} is not a month; shown as written",
                                 "use 1-12, jan-dec, a month name, or a range like "
                                 "jun # '--' # jul; days belong in a note"))
        if months is not None:
            data["month"], data["month_end"] = months
    return data, problems
