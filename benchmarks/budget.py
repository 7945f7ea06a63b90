"""The speed budget of issue 16, before and after, measured in one run next to its baselines.

    .venv/bin/python benchmarks/budget.py                      # 5 runs, 3 for 10,000 papers
    .venv/bin/python benchmarks/budget.py --runs 1 --skip-big  # a quick look

"Before" is a git revision (`--before`, default the tag `before-16-rest`) in a temporary git
worktree, "after" this working tree; both run as `PYTHONPATH=<tree>/src python -m cvsite` with
this venv's Python, and take turns (before, after, baseline, before...) so that changing load
hits all alike. Rows: her site cold (HTML + both PDFs) vs the `weasyprint` CLI on the same CV
HTML; no change; `serve` from saving profile.yaml to the reloaded page (her site, 1,000
papers); 1,000 and 10,000 papers cold with `--no-pdf` vs Hugo (Debian's `hugo`) on the same
pages, with peak memory.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hugosite import make_hugo_site
from measure import BIN, Job, Stats, interleaved, machine, remove
from serveprobe import Served, interleaved_latency
from synth import make_project
from versions import Version, after, before

HERE = Path(__file__).resolve().parent
Row = tuple[str, ...]
"""case, before, after, baseline, ratio before, ratio after, budget."""
Measured = Stats | str
"""A median, or why it was not measured."""


def _cell(stats: Measured, memory: bool = False) -> str:
    """`0.87 s` (with peak memory when asked), or the reason it was not measured."""
    if isinstance(stats, str):
        return stats
    text = f"{stats.seconds * 1000:.0f} ms" if stats.seconds < 0.2 else f"{stats.seconds:.2f} s"
    return text + (f", {stats.mib:.0f} MiB" if memory and stats.mib else "")


def _ratio(ours: Measured, theirs: Measured) -> str:
    """`1.13x`, or a dash when either was not measured."""
    if isinstance(ours, Stats) and isinstance(theirs, Stats):
        return f"{ours.seconds / theirs.seconds:.2f}x"
    return "-"


def _row(case: str, found: dict[str, Measured], baseline: Measured | None, budget: str,
         memory: bool = False) -> Row:
    """One table row: before, after, the baseline and each one's ratio to it."""
    if baseline is None:
        return (case, _cell(found["before"]), _cell(found["after"]), "", "", "", budget)
    return (case, _cell(found["before"], memory), _cell(found["after"], memory),
            _cell(baseline, memory), _ratio(found["before"], baseline),
            _ratio(found["after"], baseline), budget)


def _projects(place: Path, size: int, versions: Sequence[Version]) -> dict[str, Path]:
    """The same generated project once per version, so no version sees another's cache; each
    from that version's own content/ (the content format changes between versions)."""
    return {v.name: make_project(place / f"n{size}-{v.name}", size, content=v.tree / "content")
            for v in versions}


def _cold(versions: Sequence[Version], projects: dict[str, Path], *args: str) -> list[Job]:
    """Cold builds (output and cache removed first), one job per version."""
    return [Job(partial(remove, projects[v.name] / "_site", projects[v.name] / ".cvsite-cache"),
                [*v.command, "build", *args], projects[v.name], v.env()) for v in versions]


def _serve(versions: Sequence[Version], projects: dict[str, Path], runs: int
           ) -> dict[str, Measured]:
    """Save-to-reload latency of each version's `serve`, taking turns."""
    servers = [Served(projects[v.name], v.command, v.env()) for v in versions]
    try:
        found = interleaved_latency(max(runs, 5), servers)
    finally:
        for served in servers:
            served.close()
    return {v.name: f for v, f in zip(versions, found, strict=True)}


def _captured_cv(project: Path, version: Version) -> tuple[Path, str]:
    """The CV's print HTML and its base URL, as `cvsite build` hands them to WeasyPrint."""
    folder = project / "_captured"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    env = dict(version.env(HERE / "capture"), CVSITE_CAPTURE=str(folder))
    subprocess.run([*version.command, "build", "--no-cache", "--out",
                    str(project / "_capture_site")], cwd=project, env=env, check=True,
                   capture_output=True)
    shutil.rmtree(project / "_capture_site", ignore_errors=True)
    pages = sorted(folder.glob("*.html"), key=lambda p: p.stat().st_size)
    if not pages:
        raise RuntimeError("the build handed no HTML to WeasyPrint")
    cv = pages[-1]  # the full CV is the longest document (the résumé and the warm-up are short)
    return cv, cv.with_suffix(".base").read_text("utf-8")


def her_site(place: Path, runs: int, versions: Sequence[Version]) -> list[Row]:
    """Cold build vs the weasyprint CLI, no change, serve reload."""
    projects = _projects(place, 0, versions)
    html, base = _captured_cv(projects["after"], versions[-1])
    weasy = Job(lambda: None, [str(BIN / "weasyprint"), "-u", base, str(html),
                               str(html.with_suffix(".pdf"))], html.parent)
    *cold, baseline = interleaved(runs, [*_cold(versions, projects), weasy])
    warm = [Job(lambda: None, [*v.command, "build"], projects[v.name], v.env()) for v in versions]
    interleaved(1, warm)  # the cache now holds what a no-change build reads
    same = interleaved(max(runs, 5), warm)
    names = [v.name for v in versions]
    return [_row("her site, cold, HTML + both PDFs, vs `weasyprint` CLI on the same CV HTML",
                 dict(zip(names, cold, strict=True)), baseline, "<= 1.2x", memory=True),
            _row("her site, no change", dict(zip(names, same, strict=True)), None, "<= 0.2 s"),
            _row("`serve`: save profile.yaml to reloaded HTML, her site",
                 _serve(versions, projects, runs), None, "<= 100 ms")]


def _hugo(project: Path) -> tuple[Job | str, Path]:
    """A cold Hugo build of the same pages as `project`, and the folder it writes."""
    hugo = shutil.which("hugo")
    site = project.parent / f"{project.name}-hugo"
    if hugo is None:
        return "not measured: no `hugo` (apt-get install -y hugo)", site
    make_hugo_site(project, site)
    public = site / "public"
    return Job(lambda: remove(public, site / "resources"), [hugo, "--quiet", "-d", str(public)],
               site), public


def papers(place: Path, size: int, runs: int, versions: Sequence[Version], serve: bool
           ) -> tuple[list[Row], dict[str, Measured]]:
    """N synthetic papers: cold `--no-pdf` vs Hugo, and (for 1,000) the serve reload."""
    projects = _projects(place, size, versions)
    hugo, public = _hugo(projects["after"])
    jobs = _cold(versions, projects, "--no-pdf")
    found = interleaved(runs, [*jobs, hugo] if isinstance(hugo, Job) else jobs)
    baseline = found.pop() if isinstance(hugo, Job) else hugo
    cold: dict[str, Measured] = {"before": "skipped (--big-after-only)"}
    cold.update((v.name, f) for v, f in zip(versions, found, strict=True))
    pages, hugo_pages = (sum(1 for _ in folder.rglob("*.html"))
                         for folder in (projects["after"] / "_site", public))
    budget = "<= 3.5x" if size < 10000 else "<= 2.0x, peak memory <= Hugo's"
    rows = [_row(f"{size:,} papers cold, `--no-pdf` ({pages} pages), vs Hugo ({hugo_pages} "
                 "pages)", cold, baseline, budget, memory=True)]
    if serve:
        rows.append(_row(f"`serve`: save profile.yaml to reloaded HTML, {size:,} papers",
                         _serve(versions, projects, runs), None, "<= 400 ms"))
    return rows, cold


def _linear(big: dict[str, Measured], thousand: dict[str, Measured]) -> Row:
    """10,000 papers cold over 1,000 papers cold, for each version."""
    ratios = [_ratio(big[name], thousand[name]) for name in ("before", "after")]
    return ("10,000 papers cold / 1,000 papers cold (10x the pages)", "", "", "", *ratios,
            "linear (about 10x)")


def main() -> None:
    """Measure every row, before and after, and print the table as Markdown."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", default="before-16-rest", help="git revision for 'before'")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs for 10,000 papers")
    parser.add_argument("--place", type=Path, default=Path("/dev/shm"), help="where to build")
    parser.add_argument("--skip-big", action="store_true", help="leave out 10,000 papers")
    parser.add_argument("--big-after-only", action="store_true",
                        help="measure 10,000 papers for 'after' only (saves time)")
    args = parser.parse_args()
    started = datetime.datetime.now(datetime.UTC)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    now = after()
    with tempfile.TemporaryDirectory(prefix="cvsite-budget-", dir=args.place) as folder, \
            before(args.before, Path(folder)) as then:
        versions = [then, now]
        for version in versions:
            version.byte_compile()
        rows = her_site(Path(folder), args.runs, versions)
        more, thousand = papers(Path(folder), 1000, args.runs, versions, serve=True)
        rows += more
        if not args.skip_big:
            more, big = papers(Path(folder), 10000, args.big_runs,
                               [now] if args.big_after_only else versions, serve=False)
            rows += [*more, _linear(big, thousand)]
    end = " ".join(f"{x:.2f}" for x in os.getloadavg())
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=False
                          ).stdout.strip() if shutil.which("hugo") else "not installed"
    lines = [f"- date: {started:%Y-%m-%d %H:%M} UTC; before: {then.commit}, after: "
             f"{now.commit}; runs: {args.runs} (10,000 papers: {args.big_runs}), before and "
             "after taking turns",
             f"- load average at start {load}, at end {end} (on a busy machine every number "
             "is noisy; compare the ratios, measured in the same rounds)",
             *[f"- {m}" for m in machine([args.place])], f"- Hugo: {hugo}", "",
             "| case | before | after | baseline | ratio before | ratio after | budget |",
             "| --- | --- | --- | --- | --- | --- | --- |",
             *[f"| {' | '.join(row)} |" for row in rows]]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
