"""Every file the site's pages and feeds make, by output path: `render_pages` (pure)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from cvsite.models import Site
from cvsite.render.environment import (
    NEWS_PAGE,
    PAGES,
    PAPER_TEMPLATE,
    TALKS_PAGE,
    TALKS_TEMPLATE,
    base_path,
)
from cvsite.render.feeds import render_extras
from cvsite.validate import scholar

PageSpec = tuple[str, str, dict[str, Any]]
"""(path in the output folder, template name, extra template variables) of one page."""
SERVED_AT_ANY_DEPTH = frozenset({"404.html"})
"""Pages a host serves for any missing path (GitHub Pages' 404): their links start at the base
path, since a relative link would resolve against whatever address was asked for."""


def relative_link(out_path: str, path: str = "") -> str:
    """The link from the page at `out_path` to the site path `path`, relative (like Hugo's
    `relativeURLs`) and naming a folder's `index.html`, so the output works from disk and at any
    base path: from `cv/index.html`, `publications/` -> `../publications/index.html`."""
    target, mark, fragment = path.lstrip("/").partition("#")
    if target == "" or target.endswith("/"):
        target += "index.html"
    up = "../" * out_path.count("/")
    return up + target + mark + fragment


_LOCAL_LINK = re.compile(r'(<(?:a|img)\b[^>]*?\s(?:href|src)=")'
                         r'(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|//)([^"]*)"')
"""A link in sanitised Markdown HTML (attributes double-quoted) to a path inside the site."""


def relinked(html: str, url: Callable[[str], str]) -> Markup:
    """Markdown's HTML with each link to a site path (`publications/x/`, written from the
    site's root) made into the page's own link to it, so it works on every page."""
    return Markup(_LOCAL_LINK.sub(lambda m: m[1] + url(m[2]) + '"', html))


def page_specs(site: Site) -> list[PageSpec]:
    """Every page the site has: the fixed ones, then one per publication."""
    specs: list[PageSpec] = [(out_path, template, {}) for out_path, template in PAGES.items()]
    if site.cv.talks:
        specs.append((TALKS_PAGE, TALKS_TEMPLATE, {}))
    if site.news.has_archive:
        specs.append((*NEWS_PAGE, {}))
    specs += [(scholar.paper_path(pub) + "index.html", PAPER_TEMPLATE, {"pub": pub})
              for pub in site.publications]
    return specs


def render_page(site: Site, env: Environment, spec: PageSpec) -> str:
    """One page's HTML; everything it shows comes from `site` and the spec's variables."""
    out_path, template, extra = spec
    root = base_path(site.config.base_url)
    base_url = site.config.base_url.rstrip("/") + "/"

    def url(path: str = "") -> str:
        if out_path in SERVED_AT_ANY_DEPTH:
            return root + path.lstrip("/")
        return relative_link(out_path, path)

    def absolute(path: str = "") -> str:
        return base_url + path.lstrip("/")

    def relink(html: str) -> Markup:
        return relinked(html, url)

    page_path = "" if out_path in ("index.html", "404.html") else out_path[: -len("index.html")]
    return env.get_template(template).render(site=site, page_path=page_path, url=url,
                                             absolute=absolute, relink=relink, **extra)


def render_pages(site: Site, env: Environment) -> dict[str, str]:
    """Every page (home, lists, CV, 404, one per paper) and the feeds, sitemap, robots.txt and
    .bib files, by path in the output folder; raises jinja2.TemplateError on a broken template."""
    pages = {spec[0]: render_page(site, env, spec) for spec in page_specs(site)}
    return pages | render_extras(site, env, pages)
