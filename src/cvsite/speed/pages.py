"""`render_pages`, encoded, on every core for large sites: the same pure functions, in workers.

A `concurrent.futures` process pool of one worker per other core renders one run of paper
pages each, while this process renders the fixed pages, the feeds and a shorter run (each of
them costs about as much as `N / LIST_COST` paper pages). The workers start by fork (Linux), so
they inherit the site and the compiled templates instead of receiving them pickled (17 MB at 10,000
papers); elsewhere the pages render in this process. Any failure renders everything again
here, so an error surfaces exactly as without the pool (with its template line). Each text is
encoded as soon as it is made: a page of 10,000 papers is 7 MB as UTF-8, 30 MB as a str.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from jinja2 import Environment, TemplateError

from cvsite.models import Site
from cvsite.render.feeds import render_extras
from cvsite.render.pages import PageSpec, page_specs, render_page, render_pages
from cvsite.speed.orphans import end_with_parent

PARALLEL_ABOVE = 400
"""Publications from which the pool pays for its start (benchmarks/parallel_pages.py)."""
LIST_COST = 12
"""The fixed pages (home, lists, CV, 404) of N papers, and the feeds, cost about N / LIST_COST
paper pages each (three of the five pages list every paper): measured at 1,000 and 10,000."""
MAX_CORES = 8
"""Cores used at most (the pages of 10,000 papers are a few seconds of work)."""

_worker: dict[str, Any] = {}
"""In a worker process only: the site, environment and pages it inherited (set by `_start`)."""


def _start(site: Site, env: Environment, specs: list[PageSpec]) -> None:
    """Set a worker up with what it inherited."""
    end_with_parent()
    _worker.update(site=site, env=env, specs=specs)


def _render(numbers: list[int]) -> list[bytes]:
    """The pages `numbers` of the worker's page list, encoded."""
    site, env, specs = _worker["site"], _worker["env"], _worker["specs"]
    return [render_page(site, env, specs[i]).encode("utf-8") for i in numbers]


def _encoded(texts: dict[str, str]) -> dict[str, bytes]:
    """The texts as UTF-8, each let go once encoded."""
    return {path: texts.pop(path).encode("utf-8") for path in list(texts)}


def _cores() -> int:
    """The cores this process may use (at most `MAX_CORES`)."""
    found = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else \
        os.cpu_count() or 1
    return min(found, MAX_CORES)


def render_site_pages(site: Site, env: Environment) -> dict[str, bytes]:
    """`render_pages(site, env)` as UTF-8, shared with worker processes when the site is large
    and there are cores for them; raises jinja2.TemplateError as `render_pages` does."""
    cores = _cores()
    if len(site.publications) < PARALLEL_ABOVE or cores < 2 or sys.platform != "linux":
        return _encoded(render_pages(site, env))
    try:
        return _shared(site, env, cores)
    except Exception:  # rendered again here, where it is reported as in one process
        return _encoded(render_pages(site, env))


def _shared(site: Site, env: Environment, cores: int) -> dict[str, bytes]:
    """`render_pages`, encoded, with `cores - 1` workers rendering runs of paper pages."""
    specs = page_specs(site)
    for name in env.list_templates(extensions=["html", "xml", "txt"]):
        with contextlib.suppress(TemplateError):  # raised where a page uses it
            env.get_template(name)  # compiled here, once, for every process
    papers = [i for i, spec in enumerate(specs) if spec[2]]
    lists = [i for i, spec in enumerate(specs) if not spec[2]]
    fixed = (len(lists) + 1) * len(papers) / LIST_COST  # the feeds too
    mine = max(0, round((len(papers) + fixed) / cores - fixed))
    size = -(-(len(papers) - mine) // (cores - 1))
    runs = [papers[k:k + size] for k in range(mine, len(papers), size)]
    pages = {spec[0]: b"" for spec in specs}
    pool = ProcessPoolExecutor(cores - 1, multiprocessing.get_context("fork"),
                               initializer=_start, initargs=(site, env, specs))
    try:
        futures: list[Future[list[bytes]]] = [pool.submit(_render, run) for run in runs]
        pages.update((specs[i][0], render_page(site, env, specs[i]).encode("utf-8"))
                     for i in lists + papers[:mine])
        extras = _encoded(render_extras(site, env, pages))
        for run, future in zip(runs, futures, strict=True):
            pages.update((specs[i][0], text) for i, text in zip(run, future.result(), strict=True))
    finally:  # on an error or Ctrl-C here, the runs not started are dropped, not rendered
        pool.shutdown(cancel_futures=True)
    return pages | extras
