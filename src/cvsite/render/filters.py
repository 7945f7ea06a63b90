"""The theme's Jinja filters: dates, Markdown and the equal-contribution check (pure)."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from cvsite import richtext
from cvsite.models import Author, CvDate, Publication

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_year(value: CvDate | None) -> str:
    """A date as precise as written: `2024`, `Jul 2024`, `Jul 3, 2024`; `Present` for an open
    end."""
    if value is None:
        return "Present"
    if not value.month:
        return str(value.year)
    month = _MONTHS[value.month - 1]
    return f"{month} {value.day}, {value.year}" if value.day else f"{month} {value.year}"


def period(start: CvDate | None, end: CvDate | None) -> str:
    """`Jul 2024 – Present`; a single month when start equals end."""
    if start is None:
        return month_year(end) if end else ""
    return month_year(start) if start == end else f"{month_year(start)} – {month_year(end)}"


def markdown(text: str) -> Markup:
    """Markdown to sanitised HTML (raw HTML in the source is shown as text)."""
    return Markup(richtext.to_html(text))


def inline_markdown(text: str) -> Markup:
    """One line of Markdown as inline HTML (without the paragraph around it)."""
    html = richtext.to_html(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def autolink(text: str) -> Markup:
    """Plain text (an abstract) as HTML with its http(s) URLs made links."""
    return Markup(richtext.autolinked(text))


def has_equal_contribution(pubs: Iterable[Publication]) -> bool:
    """True when an author of any of the publications is marked as an equal contributor."""
    return any(author.equal for pub in pubs for author in pub.authors)


def shortened(pub: Publication, limit: int | None) -> tuple[tuple[Author | None, ...], int]:
    """The authors a list shows, None where it skips some to show the owner, and how many it
    leaves out: the first `limit`, then any owner among the rest."""
    authors = pub.authors
    if limit is None or len(authors) <= limit:
        return authors, 0
    owners = tuple(a for a in authors[limit:] if a.owner)
    return (*authors[:limit], *((None, *owners) if owners else ())), \
        len(authors) - limit - len(owners)
