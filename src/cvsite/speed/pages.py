"""`render_pages` on every core for large sites: the same pure functions, in worker processes.

The pages are split into tasks (each list page alone, then runs of paper pages) that a
`concurrent.futures` process pool renders while this process makes the feeds. The workers start
by fork (Linux), so they inherit the site and the environment instead of receiving them pickled
(17 MB at 10,000 papers); elsewhere the pages render in this process. Any failure in a worker
renders everything again here, so an error surfaces exactly as without the pool (with its line).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from jinja2 import Environment

from cvsite.models import Site
from cvsite.render.feeds import render_extras
from cvsite.render.pages import PageSpec, page_specs, render_page, render_pages

PARALLEL_ABOVE = 400
"""Publications from which the pool pays for its start (benchmarks/parallel_pages.py)."""
TASKS_PER_WORKER = 4
"""Runs of paper pages per worker: enough for the workers to finish together."""

_worker: dict[str, Any] = {}
"""In a worker process only: its site, environment and pages (set once by `_start`)."""


def _start(site: Site, env: Environment, specs: list[PageSpec]) -> None:
    """Set a worker up with what it inherited: the site, the environment, the page list."""
    _worker.update(site=site, env=env, specs=specs)


def _render(numbers: list[int]) -> list[str]:
    """The pages `numbers` of the worker's page list."""
    site, env, specs = _worker["site"], _worker["env"], _worker["specs"]
    return [render_page(site, env, specs[i]) for i in numbers]


def _tasks(pages: int, lists: int, workers: int) -> list[list[int]]:
    """Page numbers by task: each list page alone (they cost most), then runs of papers."""
    size = max(1, -(-(pages - lists) // (workers * TASKS_PER_WORKER)))
    return [[i] for i in range(lists)] + [list(range(start, min(start + size, pages)))
                                          for start in range(lists, pages, size)]


def _workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        os.cpu_count() or 1


def render_site_pages(site: Site, env: Environment) -> dict[str, str]:
    """`render_pages(site, env)`, in worker processes when the site is large and there are
    cores for them."""
    workers = _workers()
    if len(site.publications) < PARALLEL_ABOVE or workers < 2 or sys.platform != "linux":
        return render_pages(site, env)
    specs = page_specs(site)
    lists = sum(1 for spec in specs if not spec[2])
    try:
        with ProcessPoolExecutor(workers, multiprocessing.get_context("fork"),
                                 initializer=_start, initargs=(site, env, specs)) as pool:
            tasks = _tasks(len(specs), lists, workers)
            done = pool.map(_render, tasks)
            pages = {spec[0]: "" for spec in specs}
            extras = render_extras(site, env, pages)
            for numbers, texts in zip(tasks, done, strict=True):
                pages.update((specs[i][0], text) for i, text in zip(numbers, texts, strict=True))
    except Exception:
        return render_pages(site, env)
    return pages | extras
