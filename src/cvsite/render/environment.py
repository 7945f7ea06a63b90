"""Rendering: models in, HTML strings out (pure; the templates decide all markup)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, StrictUndefined
from markupsafe import Markup

from cvsite import richtext
from cvsite.models import Publication, Site
from cvsite.paths import THEME
from cvsite.render import feeds, seo
from cvsite.render.citeformat import COMPUTED
from cvsite.speed import once
from cvsite.speed.jinjafast import CallContext, OutputGenerator
from cvsite.speed.templatedeps import ContentLoader, TrackingEnvironment
from cvsite.validate import scholar

PAGES = {"index.html": "index.html", "publications/index.html": "publications.html",
         "publications/by-year/index.html": "publications_by_year.html",
         "cv/index.html": "cv.html", "404.html": "404.html"}
PAPER_TEMPLATE = "publication.html"
PRINT_TEMPLATE = "cv-print.html"
"""The template of the PDFs (`cvsite.pdf.build` renders it); every other template makes pages."""


def template_dirs(source: Path) -> list[Path]:
    """Where templates are looked up: the project's own first, then the packaged theme."""
    return [d for d in (source / "templates", THEME / "templates") if d.is_dir()]


def static_dirs(source: Path) -> list[Path]:
    """Static folders, lowest priority first."""
    return [d for d in (THEME / "static", source / "static") if d.is_dir()]


def month_year(value: date | None) -> str:
    """`Jul 2024`, or `Present` for an open end."""
    return value.strftime("%b %Y") if value else "Present"


def period(start: date | None, end: date | None) -> str:
    """`Jul 2024 – Present`; a single month when start equals end."""
    if start is None:
        return month_year(end) if end else ""
    return month_year(start) if start == end else f"{month_year(start)} – {month_year(end)}"


@lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """A URL/id-safe slug: `NLP and Multi-modal` → `nlp-and-multi-modal` (the same few topics
    are slugged on every paper page)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"


def markdown(text: str) -> Markup:
    """Markdown to sanitised HTML (raw HTML in the source is shown as text)."""
    return Markup(richtext.to_html(text))


def has_equal_contribution(pubs: Iterable[Publication]) -> bool:
    """True when an author of any of the publications is marked as an equal contributor (one
    flat scan: the list pages ask it of every publication)."""
    for pub in pubs:
        for author in pub.authors:
            if author.equal:
                return True
    return False


class _Context(CallContext):
    """The pages' context: `once` is called directly too (thrice per publication in the lists)."""

    plain = CallContext.plain | {once.Once}


class _Environment(TrackingEnvironment):
    """Jinja's environment, where a publication also has its venue line (`pub.venue`, …)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`obj.attribute`, or for a publication one of its `COMPUTED` phrases (Jinja's own
        method, written out: it runs for every `.` in every page)."""
        try:
            return getattr(obj, attribute)
        except AttributeError:
            computed = COMPUTED.get(attribute)
            if computed is not None and type(obj) is Publication:
                return computed(obj)
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)


_ENVIRONMENTS: dict[tuple[str, ...], tuple[Environment, dict[str, Any]]] = {}


def make_environment(source: Path) -> Environment:
    """A Jinja environment with autoescaping, StrictUndefined and cvsite's filters.

    Reused by later builds in this process (`serve`) while the same template files exist, so
    that only edited templates are compiled again (`ContentLoader` compares their bytes).
    """
    dirs = template_dirs(source)
    names = tuple(str(p) for d in dirs for p in sorted(d.rglob("*")))
    cached = _ENVIRONMENTS.get(names)
    if cached is not None:
        env, defaults = cached
        env.globals.clear()
        env.globals.update(defaults)
        return env
    env = _new_environment(dirs)
    if len(_ENVIRONMENTS) >= 8:
        _ENVIRONMENTS.pop(next(iter(_ENVIRONMENTS)))
    _ENVIRONMENTS[names] = (env, dict(env.globals))
    return env


def _new_environment(dirs: list[Path]) -> Environment:
    """A fresh environment over the template folders `dirs`: every template autoescaped (a plain
    True, not a function of the name asked at every page), the compiled templates in a plain
    dict, not Jinja's locked LRU cache (three look-ups a page; a site has a few templates)."""
    loader = ChoiceLoader([ContentLoader(str(d)) for d in dirs])
    env = _Environment(loader=loader, autoescape=True,
                              undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True, cache_size=-1)
    env.code_generator_class = OutputGenerator
    env.context_class = _Context
    env.filters.update(month_year=month_year, period=period, slug=slug, markdown=markdown,
                       has_equal_contribution=has_equal_contribution,
                       jsonld=seo.jsonld, paper_path=scholar.paper_path, bib_path=feeds.bib_path)
    env.globals.update(paper_links=scholar.links, highwire=scholar.highwire,
                       person_ld=seo.person, article_ld=seo.article,
                       once=once.Once(remembering=False))
    env.globals["downloads"] = ()  # the PDFs the pages link to; the build fills it in
    return env


@lru_cache(maxsize=64)
def base_path(base_url: str) -> str:
    """The path part of the base URL, always ending in `/` (`/` or `/repo/`)."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


PageSpec = tuple[str, str, dict[str, Any]]
"""(path in the output folder, template name, extra template variables) of one page."""


def page_specs(site: Site) -> list[PageSpec]:
    """Every page the site has: the fixed ones, then one per publication."""
    specs: list[PageSpec] = [(out_path, template, {}) for out_path, template in PAGES.items()]
    specs += [(scholar.paper_path(pub) + "index.html", PAPER_TEMPLATE, {"pub": pub})
              for pub in site.publications]
    return specs


def render_page(site: Site, env: Environment, spec: PageSpec) -> str:
    """One page's HTML; everything it shows comes from `site` and the spec's variables."""
    out_path, template, extra = spec
    root = base_path(site.config.base_url)
    base_url = site.config.base_url.rstrip("/") + "/"

    def url(path: str = "") -> str:
        return root + path.lstrip("/")

    def absolute(path: str = "") -> str:
        return base_url + path.lstrip("/")

    page_path = "" if out_path in ("index.html", "404.html") else out_path[: -len("index.html")]
    return env.get_template(template).render(site=site, page_path=page_path, url=url,
                                             absolute=absolute, **extra)
