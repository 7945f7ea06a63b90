"""HTML in, PDF bytes out, through WeasyPrint (pure: reads only the site's own static files)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from cvsite.pdf.fonts import LoadedFonts, undated_fonts

RECIPE = "2"
"""Changes when the same HTML renders to other bytes (part of the PDF cache key)."""
TAGGED = True
"""Render tagged PDF/UA-1 (structure tree for screen readers and hiring systems)."""

END_PREFIX = "end-"
"""Id prefix of the empty marker closing each section (`end-experience`), to find page breaks."""


@dataclass(frozen=True)
class Pdf:
    """A PDF and the layout facts the build checks."""

    data: bytes
    pages: int
    section_pages: tuple[tuple[str, int, int], ...]
    """(section id, first page, last page) of every section with both markers, 1-based."""


@dataclass(frozen=True)
class RenderedPdf(Pdf):
    """A PDF just rendered: also the files it read, the URLs refused, WeasyPrint's warnings."""

    fetched: tuple[Path, ...]
    refused: tuple[str, ...]
    warnings: tuple[str, ...]

    def problems(self) -> list[str]:
        """What the build warns about: refused fetches, then WeasyPrint's other warnings."""
        problems = [f"refused to fetch {url}: the PDF may only use the site's own files"
                    for url in self.refused]
        return problems + [f"WeasyPrint: {message}" for message in self.warnings
                           if not any(url in message for url in self.refused)]


class _Fetched:
    """What the URL fetcher served and refused during one render."""

    def __init__(self) -> None:
        self.served: list[Path] = []
        self.refused: list[str] = []


def local_path(url: str, roots: Sequence[Path]) -> Path | None:
    """The file a `file:` URL names inside one of `roots` (highest priority first), else None."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    wanted = Path(unquote(parts.path)).resolve()
    for root in roots:
        root = root.resolve()
        if wanted != root and root not in wanted.parents:
            continue
        relative = wanted.relative_to(root)
        for candidate in (r.resolve() / relative for r in roots):
            if candidate.is_file():
                return candidate
    return None


def _make_fetcher(roots: Sequence[Path], log: _Fetched) -> Any:
    """A WeasyPrint URL fetcher that serves local files inside `roots` and refuses the rest."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]
        """Never touches the network nor any file outside the site's static folders."""

        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = local_path(url, roots)
            if path is None:
                log.refused.append(url)
                raise ValueError(f"refused to fetch {url}: not a file of the site")
            log.served.append(path)
            return URLFetcherResponse(path.as_uri(), path.read_bytes(),
                                      {"Content-Type": _mime(path)})

    return LocalOnlyFetcher(allowed_protocols=("file", "data"))


def _mime(path: Path) -> str:
    """The media type WeasyPrint needs to know (stylesheets); fonts and images are sniffed."""
    types = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png",
             ".woff2": "font/woff2", ".woff": "font/woff"}
    return types.get(path.suffix, "application/octet-stream")


class _Collect(logging.Handler):
    """Collects WeasyPrint's warnings so the build can report them as diagnostics."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _captured_warnings() -> Iterator[_Collect]:
    """Route WeasyPrint's log to a collector instead of stderr for the duration."""
    logger = logging.getLogger("weasyprint")
    handler, level, propagate = _Collect(), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


WARM_UP = ('<!doctype html><html lang="en"><head><title>-</title>'
           '<link rel="stylesheet" href="css/print.css"></head>'
           '<body><h1 class="name">W</h1><p>w <b>w</b> <i>w</i></p></body></html>')
"""A short page using the default print stylesheet (and so its fonts)."""


def load_fonts(roots: Sequence[Path]) -> LoadedFonts:
    """The print fonts of `roots`, decoded once: a rendering given them skips decoding them
    again (~0.2 s a PDF), and makes the same bytes."""
    from weasyprint.text.fonts import FontConfiguration

    empty = LoadedFonts(FontConfiguration(), tuple(roots), os.environ.get("SOURCE_DATE_EPOCH"))
    fetched = render_pdf(WARM_UP, roots, fonts=empty).fetched
    return replace(empty, fetched=tuple(p for p in fetched if p.suffix != ".css"))


def render_pdf(html: str, roots: Sequence[Path], *, tagged: bool = TAGGED,
               fonts: LoadedFonts | None = None) -> RenderedPdf:
    """Lay out `html` (relative URLs resolve in roots[0]; roots overlay, first wins) as a PDF,
    with `fonts` when they were loaded from the same roots under the same SOURCE_DATE_EPOCH."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    if fonts and (fonts.roots, fonts.epoch) != (tuple(roots), os.environ.get("SOURCE_DATE_EPOCH")):
        fonts = None
    log = _Fetched()
    fetcher = _make_fetcher(roots, log)
    base = roots[0].resolve().as_uri() + "/"
    with _captured_warnings() as caught, undated_fonts():
        document = HTML(string=html, base_url=base, url_fetcher=fetcher).render(
            font_config=fonts.config if fonts else FontConfiguration())
        variant = {"pdf_variant": "pdf/ua-1"} if tagged else {}
        data = document.write_pdf(pdf_identifier=False, **variant)
    return RenderedPdf(data=data, pages=len(document.pages),
                       section_pages=_section_pages(document.pages),
                       fetched=_fetched(log, fonts),
                       refused=tuple(dict.fromkeys(log.refused)),
                       warnings=tuple(caught.messages))


def _fetched(log: _Fetched, fonts: LoadedFonts | None) -> tuple[Path, ...]:
    """The files a rendering depends on: those it read, and the fonts it was given."""
    return tuple(dict.fromkeys([*log.served, *(fonts.fetched if fonts else ())]))


def _section_pages(pages: Sequence[Any]) -> tuple[tuple[str, int, int], ...]:
    """First and last page of each section, from its id and its `end-` marker's anchors."""
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for number, page in enumerate(pages, start=1):
        for anchor in page.anchors:
            if anchor.startswith(END_PREFIX):
                last[anchor[len(END_PREFIX):]] = number
            else:
                first.setdefault(anchor, number)
    return tuple((name, first[name], page) for name, page in last.items() if name in first)
