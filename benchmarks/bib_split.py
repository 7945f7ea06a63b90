"""Time `parse_bib` on one core and on both: `.venv/bin/python benchmarks/bib_split.py FILE [RUNS]`.

Interleaved runs; medians of wall time and of CPU time (this process and its forked child).
With the 10,000-publication project of `synth.py`: FILE is DIR/content/publications.bib.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from statistics import median
from time import perf_counter

from cvsite.sources.bibtex.reader import parse_bib, read_text

ONE_CORE = 10**12


def _cpu() -> float:
    """User + system time of this process and its waited-for children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main(path: Path, runs: int = 5) -> None:
    text, _ = read_text(path, path.name)
    times: dict[str, tuple[list[float], list[float]]] = {"one core": ([], []),
                                                         "both cores": ([], [])}
    for _ in range(runs):
        for label, above in (("one core", ONE_CORE), ("both cores", 0)):
            wall, cpu = perf_counter(), _cpu()
            entries, problems = parse_bib(text, path.name, above)
            times[label][0].append(perf_counter() - wall)
            times[label][1].append(_cpu() - cpu)
    print(f"{path}: {len(text) / 1e6:.1f} M characters, {len(entries)} entries, "
          f"{len(problems)} diagnostics; medians of {runs} runs")
    for label, (walls, cpus) in times.items():
        print(f"  {label:10} wall {median(walls):.3f} s  CPU {median(cpus):.3f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5)
