"""CPU time of rendering pages, single process: paper pages and the list pages, as a build does.

    python benchmarks/render_pages.py PROJECT [--papers 2000] [--runs 3] [--profile]

The site is loaded once (`--site-pickle PATH` keeps it in a pickle for later invocations: loading
10,000 publications takes seconds); each run renders the list pages and `--papers` paper pages
with `render_page`, as `render_pages` does, and reports the CPU seconds (`time.process_time`) of
each part: the median and the minimum over the runs. Compare two versions of the code by
running this file with each on PYTHONPATH, interleaved (the machine is shared: single-process
CPU time is the steadier figure).
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import statistics
import time
from pathlib import Path

from cvsite.models import Site
from cvsite.render.environment import make_environment
from cvsite.render.pages import page_specs, render_page
from cvsite.validate.load import load_site


def _site(project: Path, pickled: Path | None) -> Site:
    """The project's site, from the pickle when there is one."""
    if pickled and pickled.exists():
        site: Site = pickle.loads(pickled.read_bytes())
        return site
    loaded, _ = load_site(project)
    assert loaded is not None
    if pickled:
        pickled.write_bytes(pickle.dumps(loaded))
    return loaded


def main() -> None:
    """Render and report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("--papers", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site-pickle", type=Path)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--no-lists", action="store_true", help="paper pages only")
    args = parser.parse_args()
    site = _site(args.project, args.site_pickle)
    env = make_environment(args.project)
    specs = page_specs(site)
    lists = [] if args.no_lists else [s for s in specs if not s[2]]
    papers = [s for s in specs if s[2]][: args.papers]
    for spec in specs[:10]:  # compile the templates
        render_page(site, env, spec)
    results: dict[str, list[float]] = {}
    for _ in range(args.runs):
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        for spec in lists:
            started = time.process_time()
            render_page(site, env, spec)
            results.setdefault(spec[0], []).append(time.process_time() - started)
        started = time.process_time()
        for spec in papers:
            render_page(site, env, spec)
        results.setdefault("paper page (ms)", []).append(
            (time.process_time() - started) * 1000 / len(papers))
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    for name, values in results.items():
        print(f"{name:35} median {statistics.median(values):.4f}  min {min(values):.4f}")
    lists_total = [sum(results[s[0]][i] for s in lists) for i in range(args.runs)]
    if lists:
        print(f"{'list pages together (s)':35} median {statistics.median(lists_total):.4f}  "
              f"min {min(lists_total):.4f}")


if __name__ == "__main__":
    main()
