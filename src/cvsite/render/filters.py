"""The theme's Jinja filters: dates, Markdown, TeX math and the equal-contribution check (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from markupsafe import Markup

from cvsite import richtext, texmath
from cvsite.models import Author, Publication


def month_year(value: date | None) -> str:
    """`Jul 2024`, or `Present` for an open end."""
    return value.strftime("%b %Y") if value else "Present"


def period(start: date | None, end: date | None) -> str:
    """`Jul 2024 – Present`; a single month when start equals end."""
    if start is None:
        return month_year(end) if end else ""
    return month_year(start) if start == end else f"{month_year(start)} – {month_year(end)}"


def markdown(text: str) -> Markup:
    """Markdown to sanitised HTML (raw HTML in the source is shown as text)."""
    return Markup(richtext.to_html(text))


def autolink(text: str) -> Markup:
    """Plain text (an abstract) as HTML with its http(s) URLs made links and its math MathML."""
    return Markup(texmath.to_html(text, richtext.autolinked))


def math(text: object) -> Markup:
    """Decoded BibTeX text (a title, a venue) as HTML, its TeX math as MathML."""
    return Markup(texmath.to_html(str(text)))


def plain(text: object) -> str:
    """Decoded BibTeX text with its math as Unicode (`O(n²)`): for meta tags and the PDF."""
    return texmath.plain(str(text))


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
