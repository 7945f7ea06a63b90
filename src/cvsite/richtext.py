"""Markdown to HTML that is safe in a page: raw HTML shown as text, links checked, sanitised.

Three layers: Markdown is converted with its raw-HTML readers removed (`<b>` in the source is
shown as `<b>`, not escaped twice); every link and image it makes is checked against the site's
link policy when the content is validated (`link_problems`, reported at the YAML field); and
the HTML is cleaned by nh3 (Rust's ammonia), keeping only the tags and attributes Markdown
makes and http, https, mailto and relative URLs, in case anything slipped past the first two.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

import markdown as md
import nh3
from markupsafe import escape

from cvsite.paths import ANY, WEB, encoded, link_problem

TAGS = {"a", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img",
        "li", "ol", "p", "pre", "strong", "ul"}
"""Every tag Python-Markdown's core syntax makes."""
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
URL_SCHEMES = set(ANY)


@lru_cache(maxsize=256)
def _converted(text: str) -> str:
    """Markdown's HTML for `text`, raw HTML in the source kept as text (the same few texts are
    asked for by several pages)."""
    converter = md.Markdown(output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter.convert(text)


class _Links(HTMLParser):
    """Collects `href` and `src` values as a browser reads them (character references undone)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value or "" for name, value in attrs if name in ("href", "src")]


def link_problems(text: str) -> list[str]:
    """`'href': why` for every link or image in the Markdown `text` the link policy refuses."""
    parser = _Links()
    parser.feed(_converted(text))
    parser.close()
    found = []
    for href in parser.found:
        problem = link_problem(href, ANY, relative=True)
        if problem:
            found.append(f"link {href!r}: {problem}")
    return found


@lru_cache(maxsize=256)
def to_html(text: str) -> str:
    """The Markdown `text` as sanitised HTML."""
    return nh3.clean(_converted(text), tags=TAGS, attributes=ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel=None)


_BARE_URL = re.compile(r"https?://[^\s<>\"]+", re.I)
_TRAILING = ".,;:!?'\""


def _url_end(url: str) -> str:
    """A URL found in prose without the punctuation after it (a `)` it does not open, `.`)."""
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    return url


def autolinked(text: str) -> str:
    """Plain `text` as HTML, each http(s) URL in it a link (the link policy refusing any other)."""
    parts, last = [], 0
    for match in _BARE_URL.finditer(text):
        url = _url_end(match[0])
        if link_problem(url, WEB, relative=False):
            continue
        end = match.start() + len(url)
        parts += [str(escape(text[last:match.start()])),
                  f'<a href="{escape(encoded(url))}">{escape(url)}</a>']
        last = end
    return "".join(parts) + str(escape(text[last:]))
