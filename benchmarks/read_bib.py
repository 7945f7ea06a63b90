"""Time reading a .bib as a build does: `.venv/bin/python benchmarks/read_bib.py DIR [RUNS]`.

Each measurement is a fresh process running `read_publications` (split and decoded with one
fork) with a cache folder: cold (an empty folder) and after a one-entry edit (the entry store of
the cold read in place). Reported: wall time; this process's CPU; the child's; and the critical
path, this process's CPU plus the child's beyond this process's own half (on a shared machine
the steadiest of the four). Interleaved runs, medians of RUNS. With the 10,000-publication
project of `synth.py`, DIR is the folder it made.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from statistics import median
from time import perf_counter, process_time
from typing import Any

BIB = "content/publications.bib"


def once(project: Path, folder: Path, edit: bool) -> dict[str, float]:
    """One read of the project's .bib (edited first when `edit`), in this process."""
    import yaml

    from cvsite.cache import Cache
    from cvsite.models import SiteConfig
    from cvsite.sources.bibtex import split as bibsplit
    from cvsite.speed.entryplan import read_publications

    text = (project / BIB).read_text("utf-8")
    if edit:
        text = text.replace("title", "title = {Edited},\n  oldtitle", 1)
    config = SiteConfig.model_validate(yaml.safe_load(
        (project / "content" / "site.yaml").read_text("utf-8")))
    shares: dict[str, float] = {}
    real = bibsplit.alongside

    def timed(theirs: Callable[[], Any], mine: Callable[[], Any]) -> Any:
        def own() -> Any:
            start = process_time()
            try:
                return mine()
            finally:
                shares["mine"] = process_time() - start
        return real(theirs, own)
    bibsplit.alongside = timed
    wall, cpu = perf_counter(), process_time()
    read_publications(text, BIB, config, Cache(folder))
    wall, cpu = perf_counter() - wall, process_time() - cpu
    child = os.times().children_user + os.times().children_system
    return {"wall": wall, "cpu": cpu, "child": child,
            "critical": cpu + max(0.0, child - shares.get("mine", child))}


def _run(project: Path, folder: Path, edit: bool) -> dict[str, float]:
    """`once` in a fresh process (no memo of an earlier run)."""
    out = subprocess.run([sys.executable, __file__, "--once", str(project), str(folder),
                          str(int(edit))], check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out))


def main(project: Path, runs: int = 5) -> None:
    results: dict[str, list[dict[str, float]]] = {"cold": [], "one edit": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            results["cold"].append(_run(project, Path(folder), False))
            results["one edit"].append(_run(project, Path(folder), True))
            shutil.rmtree(folder, ignore_errors=True)
    print(f"{project}: read_publications, medians of {runs} runs")
    for name, rows in results.items():
        wall, cpu, child, critical = (median(r[k] for r in rows)
                                      for k in ("wall", "cpu", "child", "critical"))
        print(f"  {name:8s} wall {wall:.3f} s, CPU here {cpu:.3f} s, child {child:.3f} s, "
              f"critical path {critical:.3f} s")


if __name__ == "__main__":
    if sys.argv[1] == "--once":
        print(json.dumps(once(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4] == "1")))
    else:
        main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5)
