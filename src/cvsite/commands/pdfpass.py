"""serve's PDF pass: the PDFs an HTML build left out are rendered in a warm worker process.

The worker imports WeasyPrint once and renders into the project's build cache, while serve's
loop stays free to rebuild the HTML after the next save; when it is done, serve builds once
more and finds the PDFs in the cache. The worker shares nothing with serve but the cache, whose
entries are written atomically and found by content keys, so a rendering of older content is
simply never used.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from cvsite.errors import Diagnostic
from cvsite.speed.orphans import end_with_parent
from cvsite.speed.pdfworkers import stop

NICE = 10
"""The worker's scheduling niceness: the HTML after a save comes first."""


def _start() -> None:
    """Prepare the worker: Ctrl-C is serve's to handle (it stops the worker); it yields the CPU
    to serve's HTML builds (on two cores shared with an editor and a browser); WeasyPrint is
    imported now, once, and each pass renders in this process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_parent()
    os.nice(NICE)
    import weasyprint  # noqa: F401


def _render(source: str) -> list[Diagnostic]:
    """Render the PDFs of the site as it is now into its cache; the PDF step's diagnostics."""
    from cvsite.cache import Cache
    from cvsite.output.photo import collect_photo, pdf_photo
    from cvsite.render.environment import make_environment
    from cvsite.speed.pdfs import start_pdfs
    from cvsite.validate.load import load_site

    project = Path(source)
    cache = Cache.for_project(project)
    site, _ = load_site(project, keep_going=True)
    if site is None:
        return []
    env = make_environment(project, site.config.language)
    env.globals["photo_pdf"] = pdf_photo(collect_photo(project, site.profile), site.profile)
    return start_pdfs(site, env, project, cache, None).wait().diagnostics


class PdfWorker:
    """One warm worker process, one PDF pass at a time; asked again while busy, it runs again."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self._pool: ProcessPoolExecutor | None = None
        self._running: Future[list[Diagnostic]] | None = None
        self._again = False

    def request(self) -> None:
        """Render the PDFs of the sources as they are now (after the pass running, if any)."""
        if self._running is not None:
            self._again = True
            return
        if self._pool is None:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start)
        self._running = self._pool.submit(_render, str(self.source))

    def finished(self) -> list[Diagnostic] | None:
        """The diagnostics of a pass that has ended since the last call, else None; raises
        when the pass failed (the worker is replaced by the next request)."""
        running = self._running
        if running is None or not running.done():
            return None
        self._running = None
        try:
            found = running.result()
        except Exception:
            self.close()
            raise
        finally:
            if self._again:
                self._again = False
                self.request()
        return found

    @property
    def busy(self) -> bool:
        """Whether a pass is running or asked for."""
        return self._running is not None

    def close(self) -> None:
        """Stop the worker now (a rendering in progress is dropped)."""
        if self._pool is not None:
            stop(self._pool)
            self._pool = None
        self._running = None
