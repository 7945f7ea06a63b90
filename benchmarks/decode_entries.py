"""Time decoding BibTeX entries: `.venv/bin/python benchmarks/decode_entries.py DIR [RUNS]`.

Each measurement is a fresh process: `decode_entry` over every entry on one core (CPU time an
entry), and `convert_all` as a build runs it: its wall and CPU time. Interleaved runs, medians
of RUNS. With the 10,000-publication project of `synth.py`, DIR is the folder it made.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from statistics import median
from time import perf_counter, process_time

BIB = "content/publications.bib"


def _cpu() -> float:
    """User + system time of this process and its waited-for children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def once(project: Path, what: str) -> dict[str, float]:
    """One measurement (`decode` or `convert`), in this process."""
    import yaml

    from cvsite.models import SiteConfig
    from cvsite.sources.bibtex.crossref import resolve_crossrefs
    from cvsite.sources.bibtex.reader import load_bib
    from cvsite.validate.publications import Context, convert_all, decode_entry

    site = yaml.safe_load((project / "content" / "site.yaml").read_text("utf-8"))
    config = SiteConfig.model_validate(site)
    entries, _ = load_bib(project / BIB, BIB)
    if what == "decode":
        resolved, _ = resolve_crossrefs(entries, BIB)
        context = Context.of(config, BIB)
        start = process_time()
        for raw in resolved:
            decode_entry(raw, context)
        return {"entries": len(resolved), "per_entry_ms": (process_time() - start) /
                len(resolved) * 1e3}
    wall, cpu = perf_counter(), _cpu()
    convert_all(entries, config, BIB)
    return {"convert_wall": perf_counter() - wall, "convert_cpu": _cpu() - cpu}


def _run(project: Path, what: str) -> dict[str, float]:
    """`once` in a fresh process (no memo of an earlier run)."""
    out = subprocess.run([sys.executable, __file__, "--once", what, str(project)], check=True,
                         capture_output=True, text=True).stdout
    return dict(json.loads(out))


def main(project: Path, runs: int = 5) -> None:
    results = []
    for _ in range(runs):
        results.append({**_run(project, "decode"), **_run(project, "convert")})
    print(f"{project}: {results[0]['entries']:.0f} entries; medians of {runs} runs")
    print(f"  decode_entry, one core: {median(r['per_entry_ms'] for r in results):.3f} ms CPU "
          "an entry")
    print(f"  convert_all, cold:      wall {median(r['convert_wall'] for r in results):.3f} s, "
          f"CPU {median(r['convert_cpu'] for r in results):.3f} s ")


if __name__ == "__main__":
    if sys.argv[1] == "--once":
        print(json.dumps(once(Path(sys.argv[3]), sys.argv[2])))
    else:
        main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5)
