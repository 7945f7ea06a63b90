"""URL and path helpers: the theme's folders, slugs and the one link policy of the site.

Every link the site shows, from any source (BibTeX link fields, YAML URL fields, Markdown), is
decided by `link_problem`: `http`, `https`, `mailto` where it fits, and paths inside the site.
The scheme is read the way a browser reads it, after undoing HTML character references, so
`JaVaScRiPt:`, `&#106;avascript:` and a scheme hidden behind a control character are refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from posixpath import normpath
from urllib.parse import quote, urlsplit

_PACKAGED = Path(__file__).parent / "theme"
THEME = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parents[2]
"""The default theme: packaged in the wheel, or the checkout's own `templates/` and `static/`."""
PROJECT_DIRS = ("content", "static", "templates")
"""The project's folders that are read; the theme has the last two."""


def slug(text: str) -> str:
    """A URL/id-safe slug: `NLP and Multi-modal` → `nlp-and-multi-modal`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"


def template_dirs(source: Path) -> list[Path]:
    """Where templates are looked up: the project's own first, then the packaged theme."""
    return [d for d in (source / "templates", THEME / "templates") if d.is_dir()]


def static_dirs(source: Path) -> list[Path]:
    """Static folders, lowest priority first."""
    return [d for d in (THEME / "static", source / "static") if d.is_dir()]


WEB = frozenset({"http", "https"})
"""Schemes of pages and files on the web."""
ANY = WEB | {"mailto"}
"""Every scheme a link of the site may have."""
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
"""A URL scheme as browsers parse it (WHATWG URL standard, scheme state)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_UNSAFE_BASE = re.compile(r"""[\s"'<>`\\{}|^]""")
"""Characters that must be percent-encoded in a URL, and would break out of an attribute."""


def _readings(href: str) -> Iterator[str]:
    """`href` as written, then as a browser reads it once character references are undone."""
    import html  # only where links are checked: the build's no-change path needs none

    seen = href
    yield href
    for _ in range(3):  # `&amp;#106;` needs two rounds; more are refused as they are
        unescaped = html.unescape(seen)
        if unescaped == seen:
            return
        seen = unescaped
        yield seen


def _schemes_text(schemes: frozenset[str]) -> str:
    """`http://, https:// or mailto:`."""
    names = [f"{s}://" if s in WEB else f"{s}:" for s in sorted(schemes)]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def _one_problem(href: str, schemes: frozenset[str], relative: bool) -> str | None:
    """Why one reading of a link is refused, or None."""
    if _CONTROL.search(href):
        return "it contains a control character"
    if href != href.strip():
        return "it starts or ends with a space"
    if not href:
        return "it is empty"
    scheme = _SCHEME.match(href)
    allowed = _schemes_text(schemes) + (" link, or a path inside the site" if relative
                                        else " link")
    if scheme:
        name = scheme[1].lower()
        if name not in schemes:
            return f"expected an {allowed}"
        rest = href[scheme.end():]
        if name in WEB and (not rest.startswith("//") or not urlsplit(href).hostname):
            return f"a {name} link needs a host, as in {name}://example.org/"
        if not rest.strip("/"):
            return f"nothing follows '{name}:'"
        return None
    if not relative:
        return f"expected an {allowed}"
    if "\\" in href:
        return "it contains a backslash"
    if href.startswith("//"):
        return "a link starting with '//' leaves the site; write https:// in front"
    path = urlsplit(href).path
    if path and normpath(path).split("/")[0] == "..":
        return "it leads out of the site with '..'"
    return None


def link_problem(href: str, schemes: frozenset[str] = ANY, relative: bool = True) -> str | None:
    """Why `href` may not be a link of the site, or None when it may.

    `schemes` are the schemes that fit the field; `relative` allows paths inside the site.
    """
    for reading in _readings(href):
        problem = _one_problem(reading, schemes, relative)
        if problem:
            return problem
    return None


def encoded(href: str) -> str:
    """`href` with spaces and non-ASCII percent-encoded (a `%` already there kept as written)."""
    return quote(href, safe="/:?#[]@!$&'()*+,;=%~")


def base_url_problem(url: str) -> str | None:
    """Why `url` cannot be the address the site is published at, or None."""
    problem = link_problem(url, WEB, relative=False)
    if problem:
        return problem
    if _UNSAFE_BASE.search(url):
        return "it contains a space, a quote or another character a URL must encode"
    parts = urlsplit(url)
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        return "it has a query or a fragment ('?' or '#')"
    if "@" in parts.netloc:
        return "it has a user name or password ('user@'): they would be published in every page"
    try:
        parts.port  # noqa: B018  (raises for a port out of range)
    except ValueError:
        return "its port is not a number from 0 to 65535"
    if any(segment in (".", "..") for segment in parts.path.split("/")):
        return "its path has a '.' or '..' segment"
    return None
