"""Where the PDFs render: in the early worker, in spawned processes side by side, or here."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from cvsite.pdf import pool as pdfpool
from cvsite.pdf.document import RenderedPdf
from cvsite.speed.pdfcache import CachedPdf

TAGGED = True
"""Render tagged PDF/UA-1 (structure tree for screen readers and hiring systems)."""


Rendered = tuple[CachedPdf, tuple[Path, ...], list[str]]
"""A rendered PDF, the files it read, and its problems."""


def _checked(out: RenderedPdf) -> Rendered:
    """The PDF, the files read, and the problems (refused fetches, WeasyPrint's warnings)."""
    problems = [f"refused to fetch {url}: the PDF may only use the site's own files"
                for url in out.refused]
    problems += [f"WeasyPrint: {message}" for message in out.warnings
                 if not any(url in message for url in out.refused)]
    return CachedPdf(out.data, out.pages, out.section_pages), out.fetched, problems


def _render(html: str, roots: list[Path]) -> Rendered:
    """Render in this or a worker process."""
    from cvsite.pdf.document import render_pdf

    return _checked(render_pdf(html, roots, tagged=TAGGED))


Waiting = Callable[[], dict[str, Rendered]]


def start(jobs: dict[str, str], roots: list[Path]) -> tuple[Waiting, bool]:
    """Start rendering every job: a function that waits for them, and whether they render in
    other processes meanwhile (False when done here before returning, or nothing to do).

    In the worker `pdfpool` forked early, when there is one (it imported WeasyPrint meanwhile
    and forks once per extra PDF); else side by side in spawned processes when there are
    several and the cores for them, unless this process already paid for importing WeasyPrint
    (serve, tests); else here, one after the other.
    """
    waiting = pdfpool.submit({name: (html, roots, TAGGED) for name, html in jobs.items()})
    if waiting is not None:
        return (lambda: {name: _checked(out) for name, out in waiting().items()}), True
    if len(jobs) < 2 or (os.cpu_count() or 1) < 2 or "weasyprint" in sys.modules:
        done = {name: _render(html, roots) for name, html in jobs.items()}
        return (lambda: done), False
    from cvsite.pdf.spawnpool import QuietPool

    pool = QuietPool(min(len(jobs), os.cpu_count() or 1))  # killed on Ctrl-C, not waited for
    futures = {name: pool.submit(_render, html, roots) for name, html in jobs.items()}

    def wait() -> dict[str, Rendered]:
        with pool:
            return {name: future.result() for name, future in futures.items()}

    return wait, True
