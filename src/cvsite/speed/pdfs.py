"""The build's PDF step: PDFs taken from the cache, the missing ones rendered in `PdfWorkers`.

The interface the build uses: `with PdfWorkers(cache, source, render) as workers:` from its start,
then `start_pdfs(site, env, source, cache, workers, render)` once the site is loaded.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from jinja2 import Environment

import cvsite
from cvsite.cache import Cache, digest
from cvsite.models import Site
from cvsite.paths import static_dirs
from cvsite.pdf.build import PdfOutput, pdf_output, print_html
from cvsite.pdf.document import RECIPE, TAGGED, RenderedPdf, render_pdf
from cvsite.speed.pdfcache import depends, latest, lookup, store
from cvsite.speed.pdfworkers import PdfWorkers

__all__ = ["PdfStep", "PdfWorkers", "start_pdfs"]


@dataclass(frozen=True)
class PdfStep:
    """The PDF step under way (`start_pdfs`)."""

    wait: Callable[[], PdfOutput]
    """Wait for the PDFs; what the step adds to the build."""


@functools.cache
def _versions() -> tuple[str, str]:
    """WeasyPrint's and cvsite's versions, read once a process (the running code is the code
    imported); a source tree that is not installed has cvsite's placeholder version."""
    return version("weasyprint"), cvsite.__version__


def pdf_key(html: str) -> str:
    """The cache key of the PDF made from `html`: the HTML, the renderer and its settings."""
    return digest(html, *_versions(), str(TAGGED), RECIPE)


def start_pdfs(site: Site, env: Environment, source: Path, cache: Cache,
               workers: PdfWorkers | None, render: bool = True) -> PdfStep:
    """Every configured PDF: from the cache when nothing it depends on changed, else rendered
    in `workers` (here when None), then kept in the cache.

    With `render=False` (serve's quick HTML pass) nothing is rendered: a variant whose PDF
    changed keeps its last rendering meanwhile (links stay valid), or is left out.
    """
    roots = list(reversed(static_dirs(source)))
    htmls = {v.name: print_html(site, env, v) for v in site.config.pdf.variants}
    keys = {name: pdf_key(html) for name, html in htmls.items()}
    found = {name: pdf for name, key in keys.items()
             if (pdf := lookup(cache, name, key, roots)) is not None}
    missing = [name for name in htmls if name not in found]
    if not render:
        stand_ins = {name: latest(cache, name) for name in missing}
        found.update({name: pdf for name, pdf in stand_ins.items() if pdf is not None})
        return PdfStep(lambda: pdf_output(site, source, found, {}, missing))
    futures: dict[str, Future[RenderedPdf]] = {}
    done: dict[str, RenderedPdf] = {}
    for name in missing:
        if workers is None:
            done[name] = render_pdf(htmls[name], roots)
        else:
            futures[name] = workers.render(htmls[name], roots)

    def wait() -> PdfOutput:
        rendered = {**done, **{name: future.result() for name, future in futures.items()}}
        for name, pdf in rendered.items():
            store(cache, name, keys[name], pdf, depends(pdf.fetched, roots))
        return pdf_output(site, source, found, rendered)

    return PdfStep(wait)
