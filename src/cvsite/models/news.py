"""news.yaml: dated items for the home page, its archive page and the feed."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from cvsite.models.base import Model
from cvsite.models.scalars import Integer, Markdown

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_day(value: Any) -> date:
    """Accept `YYYY-MM-DD` (a YAML date, or the same text quoted) as that day."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _DAY.match(str(value).strip())
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise PydanticCustomError("day", "expected a date as YYYY-MM-DD, got {value}",
                              {"value": repr(value)})


Day = Annotated[date, BeforeValidator(parse_day), WithJsonSchema(
    {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "a day, YYYY-MM-DD"})]


class NewsItem(Model):
    """One piece of news: its day and a line or two of Markdown."""

    date: Day
    text: Markdown


class News(Model):
    """Everything in news.yaml; the file is optional and may be empty."""

    home: Integer = Field(5, ge=0, le=100, description="how many items the home page shows (the "
                                                  "newest); all of them are on news/")
    items: tuple[NewsItem, ...] = ()

    @property
    def newest_first(self) -> tuple[tuple[str, NewsItem], ...]:
        """(anchor, item), newest first; items of one day keep the file's order, and their
        anchors (`news-2025-05-01`, `news-2025-05-01-2`) stay when later news is added."""
        seen: dict[date, int] = {}
        anchored = []
        for item in self.items:
            seen[item.date] = seen.get(item.date, 0) + 1
            suffix = f"-{seen[item.date]}" if seen[item.date] > 1 else ""
            anchored.append((f"news-{item.date.isoformat()}{suffix}", item))
        return tuple(sorted(anchored, key=lambda pair: pair[1].date, reverse=True))

    @property
    def on_home(self) -> tuple[tuple[str, NewsItem], ...]:
        """The newest `home` items, for the home page."""
        return self.newest_first[: self.home]

    @property
    def has_archive(self) -> bool:
        """True when the home page leaves some out, so that news/ lists them all."""
        return len(self.items) > self.home
