"""Where one build spends its wall time: a timeline of its stages, in this process.

    python benchmarks/stages.py PROJECT [--cold] [--runs 3]

Runs `cvsite.build.build(PROJECT, PROJECT/_site, pdf=False)` with timers around its stages
(the imports, loading, the work shared with a forked child, preparing the pages, rendering,
writing and saving the cache, recording the build) and prints when each started and how long
it took: the median over the runs (`--cold`: with no output folder and no cache before each
run; each run is a fresh interpreter, so the imports count). The timers replace each function
in the module the build looks it up in, so a renamed stage is reported missing, not mistimed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

STAGES = (  # (module, function, what it is)
    ("cvsite.build", "load_site", "load content/ (parse, decode, validate)"),
    ("cvsite.build", "render_site_pages", "pages and feeds (a process pool if large)"),
    ("cvsite.build", "write_site", "write the output folder"),
    ("cvsite.build", "remember", "record the build"),
)
CHILD = """
import functools, importlib, json, sys, time
start = time.perf_counter()
spans = []
def timed(module, name):
    owner = importlib.import_module(module)
    inner = getattr(owner, name)
    @functools.wraps(inner)
    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spans.append((name, began - start, time.perf_counter() - began))
    setattr(owner, name, wrapper)  # where the build looks it up
from pathlib import Path
import cvsite.build, cvsite.validate.load, cvsite.speed.pages
imported = time.perf_counter() - start
for module, name in json.loads(sys.argv[2]):
    timed(module, name)
cvsite.build.build(Path(sys.argv[1]), Path(sys.argv[1]) / "_site", pdf=False)
print(json.dumps({"imports": imported, "total": time.perf_counter() - start, "spans": spans}))
"""


def _run(project: Path, cold: bool) -> dict[str, object]:
    """One build in a fresh interpreter, with its timeline."""
    if cold:
        shutil.rmtree(project / "_site", ignore_errors=True)
        shutil.rmtree(project / ".cvsite-cache", ignore_errors=True)
    stages = json.dumps([[module, name] for module, name, _ in STAGES])
    done = subprocess.run([sys.executable, "-c", CHILD, str(project), stages],
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"the build failed:\n{done.stderr}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Run and report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("--cold", action="store_true", help="no output and no cache before")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [_run(args.project.resolve(), args.cold) for _ in range(args.runs)]
    print(f"{'stage':52} {'starts at':>9} {'takes':>7}  (seconds, median of {args.runs})")
    print(f"{'imports':52} {0:9.3f} {statistics.median(float(r['imports']) for r in runs):7.3f}")
    for _, name, what in STAGES:
        found = [[(s[1], s[2]) for s in r["spans"] if s[0] == name]  # type: ignore[attr-defined]
                 for r in runs]
        if not all(found):
            print(f"{what:52} {'not run':>9}")
            continue
        at = statistics.median(f[0][0] for f in found)
        took = statistics.median(f[0][1] for f in found)
        print(f"{what:52} {at:9.3f} {took:7.3f}")
    print(f"{'total':52} {'':9} {statistics.median(float(r['total']) for r in runs):7.3f}")


if __name__ == "__main__":
    main()
