"""Dates as a CV writes them: `2022`, `2022-09`, `2022-09-14` or `present`."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, NamedTuple

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_CORE = r"\d{4}(-(0?[1-9]|1[0-2])(-(0?[1-9]|[12]\d|3[01]))?)?"


class CvDate(NamedTuple):
    """A year, a month of a year or a day; 0 for the parts left out, so dates sort by tuple."""

    year: int
    month: int = 0
    day: int = 0


def parse_date(value: Any) -> CvDate:
    """`YYYY`, `YYYY-MM`, `YYYY-MM-DD` (or a YAML date) as a `CvDate`."""
    if isinstance(value, CvDate):
        return value
    if isinstance(value, date):
        return CvDate(value.year, value.month, value.day)
    match = _DATE.match(str(value).strip()) if isinstance(value, str | int) else None
    if match:
        year, month, day = int(match[1]), int(match[2] or 0), int(match[3] or 0)
        try:  # a month or day written as 0 is refused, as is 2024-02-30
            date(year, month if match[2] else 1, day if match[3] else 1)
        except ValueError:
            pass
        else:
            return CvDate(year, month, day)
    raise PydanticCustomError(
        "cv_date", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value}",
        {"value": repr(value)})


def parse_end(value: Any) -> CvDate | None:
    """Like `parse_date`, but `present` means the period is ongoing (None)."""
    if isinstance(value, str) and value.strip().lower() == "present":
        return None
    try:
        return parse_date(value)
    except PydanticCustomError:
        raise PydanticCustomError(
            "cv_date_or_present",
            "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, or 'present', got {value}",
            {"value": repr(value)}) from None


Date = Annotated[CvDate, BeforeValidator(parse_date), WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": f"^{_CORE}$"}, {"type": "integer"}],
     "description": "a year, year and month or day: YYYY, YYYY-MM or YYYY-MM-DD"})]
EndDate = Annotated[CvDate | None, BeforeValidator(parse_end), WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": f"^({_CORE}|[Pp]resent|PRESENT)$"},
               {"type": "integer"}],
     "description": "YYYY, YYYY-MM or YYYY-MM-DD, or 'present'"})]


def ends_before_it_starts(start: CvDate | None, end: CvDate | None) -> bool:
    """Whether `end` is before `start`, compared as precisely as both are written (2020 does
    not end before 2020-05)."""
    if start is None or end is None:
        return False
    parts = 1 + bool(start.month and end.month) + bool(start.day and end.day and start.month
                                                       and end.month)
    return end[:parts] < start[:parts]


def written(value: CvDate) -> str:
    """A date as cv.yaml writes it: `2020`, `2020-05`, `2020-05-14`."""
    return "-".join(f"{part:02d}" if i else str(part) for i, part in enumerate(value) if part)
