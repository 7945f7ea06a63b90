"""Rendering a synthetic site's pages in one process (`render_pages`) and shared with workers
(`speed.pages.render_site_pages`, which also encodes them): wall time, and the CPU time of this
process and of the workers.

    python benchmarks/parallel_pages.py --publications 1000 10000 [--runs 3]

On a shared machine the wall times move with the other load; the CPU times do not, and the
larger of this process's and each worker's share (`workers' / (cores - 1)`) estimates the wall
time on idle cores. Both ways give the same
pages (checked).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jinja2 import Environment
from synth import make_project

from cvsite.models import Site
from cvsite.render.environment import make_environment
from cvsite.render.pages import render_pages
from cvsite.speed.pages import _cores, render_site_pages
from cvsite.validate.load import load_site


def _timed(render: Callable[[Site, Environment], dict[str, Any]], site: Site,
           project: Path) -> tuple[dict[str, Any], float, float, float]:
    """The pages, wall seconds, this process's CPU seconds and the finished children's."""
    before, wall = os.times(), time.perf_counter()
    pages = render(site, make_environment(project))
    after, wall = os.times(), time.perf_counter() - wall
    return (pages, wall, after.user + after.system - before.user - before.system,
            after.children_user + after.children_system
            - before.children_user - before.children_system)


def main() -> None:
    """Make each project, load it, render it both ways and report medians."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--publications", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cores = _cores()
    print(f"{cores} cores; medians of {args.runs} runs, seconds")
    for count in args.publications:
        with tempfile.TemporaryDirectory() as folder:
            project = make_project(Path(folder) / "site", count)
            site, _ = load_site(project)
            assert site is not None
            rows: dict[str, list[tuple[float, float, float]]] = {"one process": [], "pool": []}
            for _ in range(args.runs):
                alone, *one = _timed(render_pages, site, project)
                pooled, *pool = _timed(render_site_pages, site, project)
                assert pooled == {path: text.encode("utf-8") for path, text in alone.items()}
                rows["one process"].append((one[0], one[1], one[2]))
                rows["pool"].append((pool[0], pool[1], pool[2]))
            for name, runs in rows.items():
                wall, cpu, children = (statistics.median(r[i] for r in runs) for i in range(3))
                idle = max(cpu, children / max(1, cores - 1))
                print(f"{count:>6} papers, {name:11}: wall {wall:6.2f}  cpu {cpu:6.2f}  "
                      f"workers' cpu {children:6.2f}  on idle cores ~{idle:6.2f}")


if __name__ == "__main__":
    main()
