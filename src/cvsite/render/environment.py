"""The Jinja environment of the pages and the PDFs: the project's templates, then the theme's."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from cvsite.epoch import source_moment
from cvsite.language import translations
from cvsite.models import Publication
from cvsite.paths import encoded, slug, template_dirs
from cvsite.render import feeds, filters, seo
from cvsite.render.authors import author_list
from cvsite.render.citeformat import DATED, PaperDates
from cvsite.scripts import cjk_language, text_direction
from cvsite.validate import scholar

PAGES = {"index.html": "index.html", "publications/index.html": "publications.html",
         "publications/by-year/index.html": "publications_by_year.html",
         "cv/index.html": "cv.html", "404.html": "404.html"}
NEWS_PAGE = ("news/index.html", "news.html")
"""The news archive, made when the home page leaves some news out."""
PAPER_TEMPLATE = "publication.html"
TALKS_PAGE, TALKS_TEMPLATE = "talks/index.html", "talks.html"
"""The talks page, made when cv.yaml has talks."""
PRINT_TEMPLATE = "cv-print.html"
"""The template of the PDFs (`cvsite.pdf.build` renders it); every other template makes pages."""


def base_path(base_url: str) -> str:
    """The path part of the base URL, always ending in `/` (`/` or `/repo/`)."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def last_updated() -> date | None:
    """The day `SOURCE_DATE_EPOCH` names (UTC; the Pages workflow sets it from the commit), or
    None without it: the stamp never comes from the clock, so a build without it has none."""
    moment = source_moment()
    return moment.date() if moment else None


def once(macro: Any, *args: Any) -> Any:
    """`{{ once(macro, ...) }}` in templates made by earlier versions: now just the macro's call."""
    return macro(*args)


class _Environment(Environment):
    """Jinja's environment, where a publication also has its venue line (`pub.venue`, …)."""

    dated = PaperDates()
    """The publications' dates in the site's language (`make_environment` sets it)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`obj.attribute`, or for a publication one of its `DATED` phrases (this runs for
        every `.` in every page: Jinja's own lookup, with the phrases asked first)."""
        if type(obj) is Publication:
            dated = DATED.get(attribute)
            if dated is not None:
                return dated(self.dated, obj)
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)


def make_environment(source: Path, language: str = "en") -> Environment:
    """A Jinja environment with autoescaping, StrictUndefined, cvsite's filters and the labels
    of `language` (`{{ _("Publications") }}`)."""
    loader = ChoiceLoader([FileSystemLoader(d) for d in template_dirs(source)])
    env = _Environment(loader=loader, autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                       auto_reload=False,  # one environment per build: templates read once
                       extensions=["jinja2.ext.i18n"])
    labels = translations(language)
    env.install_gettext_translations(labels, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(filters.label_functions(labels))  # the same, a tenth of a page sooner
    env.globals["authors"] = author_list(labels)
    env.globals["labels"] = labels  # for the words of files made outside templates (the feed)
    dates = filters.Dates(language, labels)
    env.dated = PaperDates(language, labels)
    env.globals["undated_heading"] = env.dated.undated_heading
    env.filters.update(month_year=dates.month_year, period=dates.period, slug=slug,
                       markdown=filters.markdown, autolink=filters.autolink,
                       inline_markdown=filters.inline_markdown,
                       math=filters.math, plain=filters.plain,
                       encoded=encoded, long_date=dates.long_date,
                       has_equal_contribution=filters.has_equal_contribution,
                       shortened=filters.shortened, cjk_lang=cjk_language, text_dir=text_direction,
                       jsonld=seo.jsonld, paper_path=scholar.paper_path, bib_path=feeds.bib_path)
    env.globals.update(paper_links=scholar.links, highwire=scholar.highwire,
                       person_ld=seo.person, article_ld=seo.article, once=once)
    env.globals["updated"] = last_updated()  # read once a build, as the no-change key reads it
    env.globals["downloads"] = ()  # the PDFs the pages link to; the build fills it in
    env.globals["photo_pdf"] = ""  # the photo as a data: URL when the PDF shows it (the build)
    return env
