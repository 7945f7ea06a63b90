"""Constrained scalar types shared by the models."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HANDLE = re.compile(r"^[A-Za-z0-9_.-]+$")
_TERM = re.compile(r"^(Spring|Summer|Fall|Autumn|Winter) \d{4}$")
URL_SCHEMES = ("http://", "https://", "mailto:")


def parse_year_month(value: Any) -> date:
    """Accept `YYYY-MM` (or a YAML date) and return the first day of that month."""
    if isinstance(value, date):
        return value.replace(day=1)
    match = _YEAR_MONTH.match(str(value).strip())
    if match and 1 <= int(match[2]) <= 12:
        return date(int(match[1]), int(match[2]), 1)
    raise PydanticCustomError(
        "year_month", "expected a year and month as YYYY-MM, got {value}", {"value": repr(value)}
    )


def parse_end(value: Any) -> date | None:
    """Like `parse_year_month`, but `present` means the period is ongoing (None)."""
    if isinstance(value, str) and value.strip().lower() == "present":
        return None
    try:
        return parse_year_month(value)
    except PydanticCustomError:
        raise PydanticCustomError(
            "year_month_or_present",
            "expected YYYY-MM or 'present', got {value}",
            {"value": repr(value)},
        ) from None


def check_url(value: str) -> str:
    """Allow only http, https and mailto links."""
    if not value.startswith(URL_SCHEMES) or len(value) <= len("https://"):
        raise PydanticCustomError(
            "url_scheme", "expected an http://, https:// or mailto: link, got {value}",
            {"value": repr(value)},
        )
    return value


def check_email(value: str) -> str:
    """Require something shaped like an e-mail address."""
    if not _EMAIL.match(value):
        raise PydanticCustomError("email", "not an e-mail address: {value}", {"value": repr(value)})
    return value


def check_handle(value: str) -> str:
    """Require a profile handle such as `xiaoxiawu1` (no spaces, no URL)."""
    if not _HANDLE.match(value):
        raise PydanticCustomError(
            "handle", "expected a user name (letters, digits, '.', '_' or '-'), got {value}",
            {"value": repr(value)},
        )
    return value


def check_term(value: str) -> str:
    """Require an academic term such as `Spring 2019`."""
    if not _TERM.match(value):
        raise PydanticCustomError(
            "term", "expected a term such as 'Fall 2019', got {value}", {"value": repr(value)}
        )
    return value


_MONTH = r"\d{4}-(0?[1-9]|1[0-2])"
YearMonth = Annotated[date, BeforeValidator(parse_year_month), WithJsonSchema(
    {"type": "string", "pattern": f"^{_MONTH}$", "description": "year and month, YYYY-MM"})]
EndMonth = Annotated[date | None, BeforeValidator(parse_end), WithJsonSchema(
    {"type": "string", "pattern": f"^({_MONTH}|[Pp]resent|PRESENT)$",
     "description": "year and month, YYYY-MM, or 'present'"})]
Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(check_url),
                WithJsonSchema({"type": "string", "pattern": "^(https?://.+|mailto:.+)$",
                                "description": "an http://, https:// or mailto: link"})]
Email = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(check_email),
                  WithJsonSchema({"type": "string", "pattern": _EMAIL.pattern})]
Term = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(check_term),
                 WithJsonSchema({"type": "string", "pattern": _TERM.pattern,
                                 "description": "an academic term such as 'Fall 2019'"})]
Handle = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(check_handle),
                   WithJsonSchema({"type": "string", "pattern": _HANDLE.pattern,
                                   "description": "a user name, not a URL"})]
