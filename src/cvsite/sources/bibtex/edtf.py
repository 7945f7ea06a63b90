"""biblatex's `date` (ISO 8601-2, EDTF level 1): a start, an end for a range, qualifiers dropped."""

from __future__ import annotations

import re
from typing import NamedTuple

_PART = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_QUALIFIERS = re.compile(r"[~?%]")
"""EDTF's uncertain (`?`), approximate (`~`) and both (`%`): biblatex prints the date itself."""
SEASONS = range(21, 25)
"""EDTF's spring, summer, autumn and winter (`2020-21`)."""
OPEN = ("..", "")
"""An open end: `2019/..` or `2019/`."""


class DateRange(NamedTuple):
    """A year and month, and the last ones of a range; `open_end` for `2019/..`."""

    year: int
    month: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    open_end: bool = False


def _part(text: str) -> tuple[int, int | None] | None:
    """(year, month) of `2019`, `2019-05`, `2019-05-12`, `2019-05-12T10:00`; None otherwise."""
    match = _PART.fullmatch(_QUALIFIERS.sub("", text.strip()))
    if match is None:
        return None
    month = int(match[2]) if match[2] else None
    if month in SEASONS:
        return int(match[1]), None  # the year alone: a season has no month to sort by
    if month is not None and not 1 <= month <= 12:
        return None
    return int(match[1]), month


def read_date(value: str) -> DateRange | None:
    """`2019`, `2019~`, `2021-11/2022-02`, `1984/1986`, `2019/..` as a DateRange; None when the
    text is not such a date."""
    start_text, slash, end_text = value.strip().partition("/")
    start = _part(start_text)
    if start is None:
        return None
    year, month = start
    if not slash:
        return DateRange(year, month)
    if end_text.strip() in OPEN:
        return DateRange(year, month, open_end=True)
    end = _part(end_text)
    if end is None or end[0] < year:
        return None
    return DateRange(year, month, *end)
