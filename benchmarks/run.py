"""cvsite benchmarks: her site and synthetic 1,000/10,000-publication sites, tmpfs and disk.

    .venv/bin/python benchmarks/run.py                 # everything, results on stdout
    .venv/bin/python benchmarks/run.py --write         # ... and into benchmarks/RESULTS.md
    .venv/bin/python benchmarks/run.py --sizes 1000 --runs 3 --places /dev/shm

Every number is the median of several runs of the real `cvsite` command in a child process
(peak memory from GNU time), next to a baseline measured in the same run on the same files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import BIN, CVSITE, Stats, machine, median, remove, run
from serveprobe import edit_profile, edit_template, reload_latency
from synth import make_project

HERE = Path(__file__).resolve().parent
TARGETS = {"cold full build": "≤ weasyprint CLI", "no-change rebuild": "≤ 0.15 s",
           "serve: save → new HTML": "≤ 0.050 s", "10000 cold": "≤ 2.2 s",
           "10000 warm cache": "≤ 1.1 s", "10000 peak memory": "≤ 400 MiB"}


def _help(*args: str) -> str:
    """`cvsite ARGS --help`, to see which options this version has."""
    import subprocess

    done = subprocess.run([CVSITE, *args, "--help"], capture_output=True, text=True, check=False)
    return done.stdout


def _baseline_html(project: Path) -> Path:
    """The CV variant's print HTML, beside copies of the built site's stylesheets and fonts."""
    from cvsite.pdf.build import print_html
    from cvsite.render.environment import make_environment
    from cvsite.validate.load import load_site

    site, _ = load_site(project)
    assert site is not None
    folder = project / "_baseline"
    for name in ("css", "fonts"):
        if (project / "_site" / name).is_dir():
            shutil.copytree(project / "_site" / name, folder / name, dirs_exist_ok=True)
    variant = site.config.pdf.variants[0]
    path = folder / f"{variant.name}.html"
    path.write_text(print_html(site, make_environment(project), variant), "utf-8")
    return path


def her_site(place: Path, runs: int) -> list[tuple[str, Stats | str, str]]:
    """Her site: cold full build vs weasyprint, HTML only, no-change rebuild, serve reload."""
    project = make_project(place / "her", 0)
    out, cache = project / "_site", project / ".cvsite-cache"
    rows: list[tuple[str, Stats | str, str]] = []
    full = median(runs, lambda: remove(out, cache), [CVSITE, "build"], project)
    html = _baseline_html(project)
    weasy = median(runs, lambda: None, [str(BIN / "weasyprint"), str(html), "baseline.pdf"],
                   project)
    rows.append(("cold full build", full, f"{full.seconds / weasy.seconds:.2f}× weasyprint"))
    rows.append(("baseline: weasyprint CLI on the CV HTML", weasy, ""))
    html_only = ["--no-pdf"] if "--no-pdf" in _help("build") else []
    if html_only:
        only = median(runs, lambda: remove(out, cache), [CVSITE, "build", *html_only], project)
        rows.append(("cold HTML-only build", only, f"{only.seconds / weasy.seconds:.2f}×"))
    else:
        rows.append(("cold HTML-only build", "not measured", "no build option skips the PDFs"))
    run([CVSITE, "build"], project)
    same = median(max(runs, 5), lambda: None, [CVSITE, "build"], project)
    rows.append(("no-change rebuild", same, _vs(same, 0.15)))
    if "serve" in _help().split():
        latency = reload_latency(project, CVSITE, max(runs, 5), edit_template)
        rows.append(("serve: save a page template → new HTML", latency, _vs(latency, 0.05)))
        latency = reload_latency(project, CVSITE, max(runs, 5), edit_profile)
        rows.append(("serve: save profile.yaml → new HTML (PDFs re-render)", latency,
                     _vs(latency, 0.05)))
    else:
        rows.append(("serve: save → new HTML", "not measured", "no `cvsite serve` yet"))
    return rows


def _vs(stats: Stats | str, target: float) -> str:
    """`3.2× target` (or nothing when not measured)."""
    return f"{stats.seconds / target:.1f}× target" if isinstance(stats, Stats) else ""


def _toggle(bib: Path) -> Callable[[], None]:
    """A preparation that edits one entry's title (alternating, so every run changes it)."""
    state = {"n": 0}

    def edit() -> None:
        text = bib.read_text("utf-8")
        old, new = ("title     = {", "title     = {Revised ") if state["n"] % 2 == 0 else \
                   ("title     = {Revised ", "title     = {")
        bib.write_text(text.replace(old, new, 1), "utf-8")
        state["n"] += 1
    return edit


def many(place: Path, size: int, runs: int) -> list[tuple[str, Stats | str, str]]:
    """N synthetic publications: cold, warm cache, one edit, no change; two baselines."""
    project = make_project(place / f"n{size}", size)
    out, cache = project / "_site", project / ".cvsite-cache"
    bib = project / "content" / "publications.bib"
    build = [CVSITE, "build"]
    cold = median(runs, lambda: remove(out, cache), build, project)
    warm = median(runs, lambda: remove(out), build, project)
    edit = median(runs, _toggle(bib), build, project)
    same = median(runs, lambda: None, build, project)
    parse = median(runs, lambda: None, [sys.executable, "-c", "import bibtexparser, sys; "
                                        "bibtexparser.parse_string(open(sys.argv[1]).read())",
                                        str(bib)], project)
    copy = median(runs, lambda: remove(project / "copy"), ["cp", "-r", str(out), "copy"],
                  project)
    pages = sum(1 for p in out.rglob("*.html"))
    label = f"{size}"
    big = size >= 10000
    return [(f"{label} cold ({pages} pages)", cold, f"{cold.seconds / parse.seconds:.1f}× parse"
             + (f"; {_vs(cold, 2.2)}" if big else "")),
            (f"{label} warm cache (output deleted)", warm,
             f"{warm.seconds / cold.seconds:.2f}× cold" + (f"; {_vs(warm, 1.1)}" if big else "")),
            (f"{label} one entry edited", edit, f"{edit.seconds / cold.seconds:.2f}× cold"),
            (f"{label} no change", same, f"{same.seconds / cold.seconds:.2f}× cold"),
            (f"baseline: bibtexparser 2 parses the {label}-entry .bib", parse, ""),
            (f"baseline: cp -r of the {label}-publication output", copy, "")]


def table(rows: list[tuple[str, Stats | str, str]]) -> list[str]:
    """Rows as a Markdown table."""
    lines = ["| what | median (min–max), peak memory | ratio |", "| --- | --- | --- |"]
    for what, stats, ratio in rows:
        cell = stats.cell() if isinstance(stats, Stats) else stats
        lines.append(f"| {what} | {cell} | {ratio} |")
    return lines


def main() -> None:
    """Run the chosen benchmarks and print (and optionally write) a Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--places", type=Path, nargs="*",
                        default=[Path("/dev/shm"), Path("/var/tmp")],
                        help="folders to measure in (tmpfs and disk)")
    parser.add_argument("--size-runs", type=int, default=0,
                        help="runs per measurement for the 1,000/10,000 sizes (default --runs)")
    parser.add_argument("--write", type=Path, nargs="?", const=HERE / "RESULTS.md",
                        help="write the report (default benchmarks/RESULTS.md)")
    args = parser.parse_args()
    report = ["# cvsite benchmark results", "", *[f"- {m}" for m in machine(args.places)],
              f"- load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", ""]
    for place in args.places:
        with tempfile.TemporaryDirectory(prefix="cvsite-bench-", dir=place) as folder:
            rows = her_site(Path(folder), args.runs)
            for size in args.sizes:
                rows += many(Path(folder), size, args.size_runs or args.runs)
        report += [f"## {place}", "", *table(rows), ""]
        print("\n".join(report[-len(rows) - 4:]), flush=True)
    report += ["Targets: " + "; ".join(f"{k} {v}" for k, v in TARGETS.items()), ""]
    if args.write:
        args.write.write_text("\n".join(report), "utf-8")


if __name__ == "__main__":
    main()
