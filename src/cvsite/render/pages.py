"""Every file the site's pages and feeds make, by output path: `render_pages` (pure)."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from cvsite.models import Site
from cvsite.render.environment import (
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


def page_specs(site: Site) -> list[PageSpec]:
    """Every page the site has: the fixed ones, then one per publication."""
    specs: list[PageSpec] = [(out_path, template, {}) for out_path, template in PAGES.items()]
    if site.cv.talks:
        specs.append((TALKS_PAGE, TALKS_TEMPLATE, {}))
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


def render_pages(site: Site, env: Environment) -> dict[str, str]:
    """Every page (home, lists, CV, 404, one per paper) and the feeds, sitemap, robots.txt and
    .bib files, by path in the output folder; raises jinja2.TemplateError on a broken template."""
    pages = {spec[0]: render_page(site, env, spec) for spec in page_specs(site)}
    return pages | render_extras(site, env, pages)
