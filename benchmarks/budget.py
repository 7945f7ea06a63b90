"""The speed budget of issue 16, measured in one run: cvsite next to its baselines.

    .venv/bin/python benchmarks/budget.py                      # 5 runs, 3 for 10,000 papers
    .venv/bin/python benchmarks/budget.py --runs 3 --big-runs 1 --place /dev/shm

Rows: her site cold (HTML + both PDFs) vs the `weasyprint` CLI on the same CV HTML; her site
with no change; `cvsite serve` from saving profile.yaml to the reloaded page, her site and
1,000 papers; 1,000 and 10,000 papers cold with `--no-pdf` vs Hugo on the same pages (peak
memory too). Medians of several runs; every ratio is against a baseline measured in this run.
Only the `cvsite` command is run (never its modules), so the script outlives any package
layout. Hugo is Debian's `hugo` package (`apt-get install -y hugo`); without it the Hugo rows
say so.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hugosite import make_hugo_site
from measure import BIN, CVSITE, Stats, machine, median, remove
from serveprobe import edit_profile, reload_latency
from synth import make_project

HERE = Path(__file__).resolve().parent
Row = tuple[str, str, str, str, str]
"""case, cvsite, baseline, ratio, budget."""


def _cell(stats: Stats | str, memory: bool = False) -> str:
    """`0.870 s` (with peak memory when asked), or the reason it was not measured."""
    if isinstance(stats, str):
        return stats
    text = f"{stats.seconds * 1000:.0f} ms" if stats.seconds < 0.2 else f"{stats.seconds:.2f} s"
    return text + (f", {stats.mib:.0f} MiB" if memory and stats.mib else "")


def _ratio(ours: Stats | str, theirs: Stats | str) -> str:
    """`1.13x`, or a dash when either was not measured."""
    if isinstance(ours, Stats) and isinstance(theirs, Stats):
        return f"{ours.seconds / theirs.seconds:.2f}x"
    return "-"


def _captured_cv(project: Path) -> tuple[Path, str]:
    """The CV's print HTML and its base URL, as `cvsite build` hands them to WeasyPrint."""
    folder = project / "_captured"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    env = dict(os.environ, CVSITE_CAPTURE=str(folder),
               PYTHONPATH=os.pathsep.join([str(HERE / "capture"),
                                           *filter(None, [os.environ.get("PYTHONPATH")])]))
    subprocess.run([CVSITE, "build", "--no-cache", "--out", str(project / "_capture_site")],
                   cwd=project, env=env, check=True, capture_output=True)
    shutil.rmtree(project / "_capture_site", ignore_errors=True)
    pages = sorted(folder.glob("*.html"), key=lambda p: p.stat().st_size)
    if not pages:
        raise RuntimeError("the build handed no HTML to WeasyPrint")
    cv = pages[-1]  # the full CV is the longest document (the résumé and the warm-up are short)
    return cv, cv.with_suffix(".base").read_text("utf-8")


def her_site(place: Path, runs: int) -> list[Row]:
    """Cold build vs the weasyprint CLI, no change, serve reload."""
    project = make_project(place / "her", 0)
    out, cache = project / "_site", project / ".cvsite-cache"
    cold = median(runs, lambda: remove(out, cache), [CVSITE, "build"], project)
    html, base = _captured_cv(project)
    weasy = median(runs, lambda: None, [str(BIN / "weasyprint"), "-u", base, str(html),
                                        str(project / "baseline.pdf")], project)
    subprocess.run([CVSITE, "build"], cwd=project, check=True, capture_output=True)
    same = median(max(runs, 5), lambda: None, [CVSITE, "build"], project)
    serve = reload_latency(project, CVSITE, max(runs, 5), edit_profile)
    return [("her site, cold, HTML + both PDFs, vs `weasyprint` CLI on the same CV HTML",
             _cell(cold, True), _cell(weasy, True), _ratio(cold, weasy), "<= 1.2x"),
            ("her site, no change", _cell(same), "", "", "<= 0.2 s"),
            ("`serve`: save profile.yaml to reloaded HTML, her site", _cell(serve), "", "",
             "<= 100 ms")]


def _hugo(project: Path, runs: int) -> tuple[Stats | str, int]:
    """Hugo, cold, on the same pages as `project`; the number of HTML pages it wrote."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return "not measured: no `hugo` (apt-get install -y hugo)", 0
    site = project.parent / f"{project.name}-hugo"
    make_hugo_site(project, site)
    public = site / "public"
    stats = median(runs, lambda: remove(public, site / "resources"),
                   [hugo, "--quiet", "-d", str(public)], site)
    return stats, sum(1 for _ in public.rglob("*.html"))


def papers(place: Path, size: int, runs: int, serve: bool) -> tuple[list[Row], Stats]:
    """N synthetic papers: cold `--no-pdf` vs Hugo, and (for 1,000) the serve reload."""
    project = make_project(place / f"n{size}", size)
    out, cache = project / "_site", project / ".cvsite-cache"
    cold = median(runs, lambda: remove(out, cache), [CVSITE, "build", "--no-pdf"], project)
    pages = sum(1 for _ in out.rglob("*.html"))
    hugo, hugo_pages = _hugo(project, runs)
    budget = "<= 3.5x" if size < 10000 else "<= 2.0x, peak memory <= Hugo's"
    rows: list[Row] = [(f"{size:,} papers cold, `--no-pdf` ({pages} pages), vs Hugo "
                        f"({hugo_pages} pages)", _cell(cold, True), _cell(hugo, True),
                        _ratio(cold, hugo), budget)]
    if serve:
        latency = reload_latency(project, CVSITE, max(runs, 5), edit_profile)
        rows.append((f"`serve`: save profile.yaml to reloaded HTML, {size:,} papers",
                     _cell(latency), "", "", "<= 400 ms"))
    return rows, cold


def _commit() -> str:
    """The short commit of this checkout, `+dirty` when it has changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=HERE, capture_output=True, text=True,
                              check=False).stdout.strip()
    return git("rev-parse", "--short", "HEAD") + ("+dirty" if git("status", "--porcelain",
                                                                  "--", "src") else "")


def main() -> None:
    """Measure every row and print the table as Markdown."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs for 10,000 papers")
    parser.add_argument("--place", type=Path, default=Path("/dev/shm"), help="where to build")
    parser.add_argument("--skip-big", action="store_true", help="leave out 10,000 papers")
    args = parser.parse_args()
    started = datetime.datetime.now(datetime.UTC)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="cvsite-budget-", dir=args.place) as folder:
        rows = her_site(Path(folder), args.runs)
        more, thousand = papers(Path(folder), 1000, args.runs, serve=True)
        rows += more
        if not args.skip_big:
            more, big = papers(Path(folder), 10000, args.big_runs, serve=False)
            rows += more
            rows.append(("10,000 papers cold / 1,000 papers cold (10x the pages)", "", "",
                         f"{big.seconds / thousand.seconds:.1f}x", "linear (about 10x)"))
    end = " ".join(f"{x:.2f}" for x in os.getloadavg())
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=False
                          ).stdout.strip() if shutil.which("hugo") else "not installed"
    lines = [f"- date: {started:%Y-%m-%d %H:%M} UTC, commit {_commit()}; runs: {args.runs} "
             f"(10,000 papers: {args.big_runs}); load average at start {load}, at end {end}",
             *[f"- {m}" for m in machine([args.place])], f"- Hugo: {hugo}", "",
             "| case | cvsite (median) | baseline (median) | ratio | budget |",
             "| --- | --- | --- | --- | --- |",
             *[f"| {' | '.join(row)} |" for row in rows]]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
