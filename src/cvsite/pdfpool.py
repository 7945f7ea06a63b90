"""A PDF worker started before the build imports anything heavy, so WeasyPrint loads meanwhile.

Importing WeasyPrint takes about half a second. A cold build starts one worker process at once
and has it import WeasyPrint while this process imports the rest and loads and renders the
site; the PDFs are then rendered in that warm worker. Stdlib only (it runs before the imports).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

_POOL: list[ProcessPoolExecutor] = []


def _warm() -> None:
    """Import the renderer (in the worker)."""
    import cvsite.pdf  # noqa: F401


def prestart(cache_folder: Path | None) -> None:
    """Start the warm worker, unless PDFs are probably cached or WeasyPrint is already here."""
    if _POOL or "weasyprint" in sys.modules or (os.cpu_count() or 1) < 2:
        return
    if cache_folder is not None and any((cache_folder / "pdf").glob("*")):
        return  # a rebuild: the PDFs are most likely taken from the cache
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    pool.submit(_warm)
    _POOL.append(pool)


def take() -> ProcessPoolExecutor | None:
    """The warm worker's pool, handed over once (the taker shuts it down)."""
    return _POOL.pop() if _POOL else None


def stop() -> None:
    """Shut down a worker nobody took (the build ended early)."""
    while _POOL:
        _POOL.pop().shutdown(wait=False, cancel_futures=True)

