"""The processes a build's PDFs render in, side by side, WeasyPrint loaded before they come.

Entered at the start of a cold build, `PdfWorkers` starts a fork server, which imports
WeasyPrint while the build reads the content; each PDF then renders in a worker forked from it,
WeasyPrint already loaded. The workers ignore Ctrl-C, which is cvsite's to handle: leaving the
block on an error or Ctrl-C kills them. The fork server, idle once the workers are forked, ends
with cvsite. Where there is no fork server (Windows), workers are spawned and import WeasyPrint
themselves. Light to import (stdlib and `cvsite.pdf.document`, mostly): every worker imports it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from types import TracebackType

from cvsite.cache import Cache
from cvsite.epoch import VARIABLE
from cvsite.pdf.document import RenderedPdf, render_pdf
from cvsite.speed.orphans import end_with_parent
from cvsite.speed.pdfcache import holds_pdfs

PRELOAD = ["__main__", "cvsite.speed.nolookup", "weasyprint", __name__]
"""What the fork server imports once, for every worker forked from it."""


def ready() -> None:
    """A worker's start: Ctrl-C is cvsite's to handle (it stops the workers); WeasyPrint loads."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_parent()
    import weasyprint  # noqa: F401  (already loaded in a worker forked from the fork server)


def _render(html: str, roots: list[Path], epoch: str | None) -> RenderedPdf:
    """`render_pdf` in a worker, with the build's SOURCE_DATE_EPOCH (a worker forked from the
    fork server has the environment the server started with, not the build's of now)."""
    if epoch is None:
        os.environ.pop(VARIABLE, None)
    else:
        os.environ[VARIABLE] = epoch
    return render_pdf(html, roots)


@contextlib.contextmanager
def _signals_held(ignore: bool = False) -> Iterator[None]:
    """Ctrl-C and SIGTERM held back until the block ends, while a worker starts (one left half
    started would print a traceback). With `ignore`, Ctrl-C is ignored instead, as a process
    started in the block inherits: the fork server, and so every worker forked from it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, _: caught.append(signum))
                for signum in (signal.SIGINT, signal.SIGTERM)}
    if ignore:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            if handler is not None:
                signal.signal(signum, handler)
        if caught:
            signal.raise_signal(caught[0])


def stop(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's processes now, their work unfinished (`shutdown` would wait for it), and
    wait for the pool's thread to see it (one left running can fail as Python exits)."""
    for process in list(pool._processes.values()):  # Python 3.14: `pool.kill_workers()`
        if process.pid is not None:
            process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def _warm() -> str:
    """Start the fork server (it loads WeasyPrint) if it is not running; the start method."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return "spawn"
    multiprocessing.forkserver.set_forkserver_preload(PRELOAD)
    with _signals_held(ignore=True):
        multiprocessing.forkserver.ensure_running()
    return "forkserver"


def warm_early(cache: Cache) -> None:
    """Start loading WeasyPrint now, when PDFs will likely render (the CLI calls this before it
    imports the build: ~0.3 s of imports it then overlaps)."""
    if not holds_pdfs(cache):
        _warm()


class PdfWorkers:
    """The processes a build's PDFs render in (a context manager)."""

    def __init__(self, cache: Cache, render: bool = True) -> None:
        """Workers for a build with this cache. WeasyPrint starts loading as the block is entered
        when PDFs will likely render (`render`, and no PDF cached yet), else when first needed:
        a rebuild, whose PDFs are most likely cached, pays nothing for them."""
        self.early = render and not holds_pdfs(cache)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> PdfWorkers:
        if self.early:
            self._started()
        return self

    def _started(self) -> ProcessPoolExecutor:
        """The pool, made on first use (its processes start with the first PDFs given to it)."""
        if self._pool is None:
            context = multiprocessing.get_context(_warm())
            self._pool = ProcessPoolExecutor(os.cpu_count() or 1, mp_context=context,
                                             initializer=ready)
        return self._pool

    def render(self, html: str, roots: Sequence[Path]) -> Future[RenderedPdf]:
        """Start rendering `html` in a worker; the future holds `render_pdf`'s result."""
        pool = self._started()
        with _signals_held():
            return pool.submit(_render, html, list(roots), os.environ.get(VARIABLE))

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        """Let the workers end (their work is done); kill them on an error or Ctrl-C."""
        pool, self._pool = self._pool, None
        if pool is not None and value is not None:
            stop(pool)
        elif pool is not None:
            pool.shutdown(wait=True)
