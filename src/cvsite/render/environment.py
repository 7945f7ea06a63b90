"""The Jinja environment of the pages and the PDFs: the project's templates, then the theme's."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from cvsite.models import Publication
from cvsite.paths import encoded, template_dirs
from cvsite.render import feeds, filters, seo
from cvsite.render.citeformat import COMPUTED
from cvsite.scripts import cjk_language
from cvsite.validate import scholar

PAGES = {"index.html": "index.html", "publications/index.html": "publications.html",
         "publications/by-year/index.html": "publications_by_year.html",
         "cv/index.html": "cv.html", "404.html": "404.html"}
PAPER_TEMPLATE = "publication.html"
PRINT_TEMPLATE = "cv-print.html"
"""The template of the PDFs (`cvsite.pdf.build` renders it); every other template makes pages."""


def slug(text: str) -> str:
    """A URL/id-safe slug: `NLP and Multi-modal` → `nlp-and-multi-modal`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"


def base_path(base_url: str) -> str:
    """The path part of the base URL, always ending in `/` (`/` or `/repo/`)."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def once(macro: Any, *args: Any) -> Any:
    """`{{ once(macro, ...) }}` in templates made by earlier versions: now just the macro's call."""
    return macro(*args)


class _Environment(Environment):
    """Jinja's environment, where a publication also has its venue line (`pub.venue`, …)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`obj.attribute`, or for a publication one of its `COMPUTED` phrases (this runs for
        every `.` in every page: Jinja's own lookup, with the phrases asked first)."""
        computed = COMPUTED.get(attribute)
        if computed is not None and type(obj) is Publication:
            return computed(obj)
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)


def make_environment(source: Path) -> Environment:
    """A Jinja environment with autoescaping, StrictUndefined and cvsite's filters."""
    loader = ChoiceLoader([FileSystemLoader(d) for d in template_dirs(source)])
    env = _Environment(loader=loader, autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                       auto_reload=False)  # one environment per build: templates read once
    env.filters.update(month_year=filters.month_year, period=filters.period, slug=slug,
                       markdown=filters.markdown, autolink=filters.autolink,
                       math=filters.math, plain=filters.plain,
                       encoded=encoded,
                       has_equal_contribution=filters.has_equal_contribution,
                       shortened=filters.shortened, cjk_lang=cjk_language,
                       jsonld=seo.jsonld, paper_path=scholar.paper_path, bib_path=feeds.bib_path)
    env.globals.update(paper_links=scholar.links, highwire=scholar.highwire,
                       person_ld=seo.person, article_ld=seo.article, once=once)
    env.globals["downloads"] = ()  # the PDFs the pages link to; the build fills it in
    return env
