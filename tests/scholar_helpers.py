"""Helpers for the scholar/feed tests: build a project once and read its pages' head."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any


@dataclass
class Head:
    """What a page tells machines: meta tags, links, JSON-LD, headings."""

    meta: list[tuple[str, str]] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)
    jsonld: list[Any] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    buttons: int = 0
    pre: list[str] = field(default_factory=list)

    def values(self, name: str) -> list[str]:
        """Every content of meta tags with this name or property, in page order."""
        return [content for key, content in self.meta if key == name]

    def one(self, name: str) -> str:
        """The content of the only meta tag with this name or property."""
        found = self.values(name)
        assert len(found) == 1, (name, found)
        return found[0]

    def link(self, rel: str) -> list[dict[str, str]]:
        """Every <link> with this rel."""
        return [a for a in self.links if a.get("rel") == rel]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.head = Head()
        self._in: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and "content" in a and ("name" in a or "property" in a):
            self.head.meta.append((a.get("name") or a["property"], a["content"]))
        elif tag == "link":
            self.head.links.append(a)
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in, self._text = "ld", []
        elif tag == "script" and "src" in a:
            self.head.scripts.append(a["src"] + (" defer" if "defer" in a else ""))
        elif tag == "button":
            self.head.buttons += 1
        elif tag == "pre":
            self._in, self._text = "pre", []

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in == "ld":
            self.head.jsonld.append(json.loads("".join(self._text)))
            self._in = None
        elif tag == "pre" and self._in == "pre":
            self.head.pre.append("".join(self._text))
            self._in = None


def read_head(path: Path) -> Head:
    """Parse a built HTML page with the standard library's parser."""
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.head
