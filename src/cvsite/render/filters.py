"""The theme's Jinja filters: dates, Markdown, TeX math and the equal-contribution check (pure)."""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from cvsite import language, richtext, texmath
from cvsite.models import Author, CvDate, Publication


def label_functions(labels: gettext.NullTranslations) -> dict[str, Callable[..., Markup]]:
    """`_`/`gettext` and `ngettext` for the templates, as Jinja's new-style ones behave with
    autoescaping (the label as markup, each `%(name)s` value escaped; `num` is the count),
    without their per-call context wrappers (12% of a paper page's time)."""
    def label(text: str, **values: object) -> Markup:
        found = Markup(labels.gettext(text))
        return found % values if values else found

    def plural(text: str, texts: str, count: int, **values: object) -> Markup:
        return Markup(labels.ngettext(text, texts, count)) % {"num": count, **values}

    return {"_": label, "gettext": label, "ngettext": plural}


@dataclass(frozen=True)
class Dates:
    """Dates in the words of one language."""

    language: str = "en"
    labels: gettext.NullTranslations = field(default_factory=gettext.NullTranslations)

    def month_year(self, value: CvDate | None) -> str:
        """A date as precise as written: `2024`, `Jul 2024`, `Jul 3, 2024` (in English);
        `Present` for an open end."""
        if value is None:
            return self.labels.gettext("Present")
        day = date(value.year, value.month or 1, value.day or 1)
        if not value.month:
            return language.year(day, self.language)
        if not value.day:
            return language.month_year(day, self.language)
        return language.day_month_year(day, self.language)

    def long_date(self, value: date) -> str:
        """`December 6, 2026` (English), `6. Dezember 2026` (German): the language's own form,
        whatever the machine's locale."""
        return language.long_date(value, self.language)

    def period(self, start: CvDate | None, end: CvDate | None) -> str:
        """`Jul 2024 – Present`; a single date when start equals end."""
        if start is None:
            return self.month_year(end) if end else ""
        if start == end:
            return self.month_year(start)
        return f"{self.month_year(start)} – {self.month_year(end)}"


_BLOCK_TAG = re.compile(r"</?(?:p|h[1-6]|ul|ol|li|blockquote|pre|hr)\b[^>]*>")
"""The block tags Markdown makes (richtext.TAGS), none of which an inline element may hold."""


def markdown(text: str) -> Markup:
    """Markdown to sanitised HTML (raw HTML in the source is shown as text)."""
    return Markup(richtext.to_html(text))


def inline_markdown(text: str) -> Markup:
    """One line of Markdown as inline HTML (without the paragraph around it); Markdown that
    makes blocks (a heading, a list, paragraphs) is shown as one line, its blocks' tags left
    out (a `<ul>` inside the `<span>` of a CV item is not HTML)."""
    html = richtext.to_html(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return Markup(html[3:-4])
    return Markup(" ".join(_BLOCK_TAG.sub(" ", html).split()))


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
