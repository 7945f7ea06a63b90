"""`SOURCE_DATE_EPOCH`, the date of a reproducible build: the one reader of the variable."""

from __future__ import annotations

import os
from datetime import UTC, datetime

VARIABLE = "SOURCE_DATE_EPOCH"


def epoch_problem(value: str) -> str | None:
    """Why `value` cannot date a build, or None (an empty value is no date, like none)."""
    text = value.strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        return f"expected whole seconds since 1970-01-01 UTC (digits 0-9 only), got {value!r}"
    try:
        datetime.fromtimestamp(int(text), tz=UTC)
    except (ValueError, OverflowError, OSError):
        return f"{text} seconds since 1970-01-01 is after the year 9999, the last a date can show"
    return None


def source_moment() -> datetime | None:
    """The time `SOURCE_DATE_EPOCH` names (UTC), or None when it is unset, empty or unusable
    (the commands refuse an unusable one before any work); never the clock."""
    value = os.environ.get(VARIABLE, "")
    if not value.strip() or epoch_problem(value):
        return None
    return datetime.fromtimestamp(int(value.strip()), tz=UTC)


def usable_epoch(value: str | None) -> bool:
    """Whether `value` is a `SOURCE_DATE_EPOCH` that names a time."""
    return bool(value and value.strip()) and epoch_problem(value or "") is None
