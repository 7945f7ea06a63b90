"""Internal link checker for a built site: every page, file and `#anchor` linked must exist."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from cvsite.errors import Diagnostic, error

LINK_ATTRS = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
              "iframe": "src", "source": "src", "audio": "src", "video": "src", "embed": "src"}
EXTERNAL_SCHEMES = ("mailto", "tel", "data", "javascript")
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
_XML_URL = re.compile(r"""<loc>\s*([^<\s]+)\s*</loc>|<link\b[^>]*\shref=["']([^"']+)["']""")


@dataclass(frozen=True)
class Link:
    """One reference found in a file of the site."""

    page: str
    line: int
    col: int
    target: str


class _PageParser(HTMLParser):
    """Collects the ids (anchors) and the links of one HTML page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.ids: set[str] = set()
        self.links: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        line, col = self.getpos()
        attr = LINK_ATTRS.get(tag)
        if attr and values.get(attr, "").strip():
            self.links.append(Link(self.page, line, col + 1, values[attr].strip()))
        for candidate in values.get("srcset", "").split(","):
            if candidate.strip():
                self.links.append(Link(self.page, line, col + 1, candidate.split()[0]))


def _text_links(page: str, text: str, pattern: re.Pattern[str]) -> Iterator[Link]:
    """References in a style sheet (`url()`, `@import`) or XML (sitemap `<loc>`, feed links)."""
    for match in pattern.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - text.rfind("\n", 0, match.start())
        yield Link(page, line, col, (match[1] or match[2]).strip())


def page_url(base_url: str, page: str) -> str:
    """The address a file of the site is served at (`cv/index.html` → `BASE/cv/`)."""
    path = page[: -len("index.html")] if page.endswith("index.html") else page
    return base_url.rstrip("/") + "/" + path


def _resolve(files: Mapping[str, bytes], relative: str) -> str | None:
    """The file a path inside the site names (folders serve their index.html), if any."""
    candidates = [relative] if relative and not relative.endswith("/") else []
    candidates.append(relative.rstrip("/") + "/index.html" if relative else "index.html")
    return next((c for c in candidates if c in files), None)


class SiteLinks:
    """The files of a built site, their anchors and their links, ready to check."""

    def __init__(self, files: Mapping[str, bytes], base_url: str) -> None:
        self.files = files
        self.base = urlsplit(base_url.rstrip("/") + "/")
        self.base_url = self.base.geturl()
        self.ids: dict[str, set[str]] = {}
        self.links: list[Link] = []
        for page in sorted(files):
            if page.endswith(".html"):
                parser = _PageParser(page)
                parser.feed(files[page].decode("utf-8", "replace"))
                parser.close()
                self.ids[page] = parser.ids
                self.links += parser.links
            elif page.endswith((".css", ".xml")):
                pattern = _CSS_URL if page.endswith(".css") else _XML_URL
                self.links += _text_links(page, files[page].decode("utf-8", "replace"), pattern)

    def problem(self, link: Link) -> str | None:
        """Why `link` is broken, or None when it resolves (external links are not followed)."""
        target = link.target
        scheme = urlsplit(target).scheme.lower()
        if scheme in EXTERNAL_SCHEMES:
            return None
        absolute = urlsplit(urljoin(page_url(self.base_url, link.page), target))
        if absolute.scheme not in ("http", "https") or absolute.netloc != self.base.netloc:
            return None
        if not absolute.path.startswith(self.base.path) and absolute.path + "/" != self.base.path:
            if scheme:
                return None  # a full address elsewhere on the same host is another site
            return f"link '{target}' points outside the site's base path '{self.base.path}'"
        relative = unquote(absolute.path[len(self.base.path):])
        found = _resolve(self.files, relative)
        if found is None:
            folder = relative.endswith("/") or not relative
            expected = relative + "index.html" if folder else relative
            return f"broken link '{target}': no page or file '{expected}'"
        fragment = unquote(absolute.fragment)
        if fragment and fragment != "top" and found.endswith(".html") \
                and fragment not in self.ids.get(found, set()):
            return f"broken anchor '{target}': no id '{fragment}' in '{found}'"
        return None

    def check(self, label: str = "") -> list[Diagnostic]:
        """A diagnostic for every broken internal link, placed at `label/page:line:col`."""
        prefix = label.rstrip("/") + "/" if label else ""
        return [error(prefix + link.page, link.line, link.col, message)
                for link in self.links if (message := self.problem(link))]


def read_folder(folder: Path) -> dict[str, bytes]:
    """Every file of a built site folder by its path inside it."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def check_folder(folder: Path, base_url: str, label: str = "") -> list[Diagnostic]:
    """Check the internal links and anchors of the site built into `folder`."""
    return SiteLinks(read_folder(folder), base_url).check(label)
