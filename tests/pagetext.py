"""Helpers to read built pages the way a reader sees them."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _Text(HTMLParser):
    """Collects visible text and a few structural facts from an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self.landmarks: list[str] = []
        self._skip = 0
        self._heading: int | None = None
        self._heading_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        if tag in ("header", "nav", "main", "footer"):
            self.landmarks.append(tag)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "a" and found.get("href") is not None:
            self.links.append(str(found["href"]))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading, self._heading_text = int(tag[1]), []
        if tag in ("li", "p", "div", "br", "h1", "h2", "h3", "h4", "section", "article", "span"):
            self.chunks.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, " ".join("".join(self._heading_text).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chunks.append(data)
            if self._heading is not None:
                self._heading_text.append(data)


def parse(html: str) -> _Text:
    """Parse a page."""
    parser = _Text()
    parser.feed(html)
    return parser


def text_of(html: str) -> str:
    """The page's visible text with whitespace collapsed."""
    return " ".join("".join(parse(html).chunks).split())
