"""The least wall time a cold build can take with this stack, from its measured parts.

    .venv/bin/python benchmarks/floor.py PROJECT [--runs 3] [--cores 2]

PROJECT is a project with a built `_site/` (e.g. one made by `synth.py`, then `cvsite build`).
Each part is measured in a fresh interpreter, as CPU time (user + system), median of RUNS:

- starting Python and importing the libraries (nothing else can begin before);
- bibtexparser 2 splitting the .bib into entries (`parse_string` without middleware);
- decoding and validating every entry (cvsite's LaTeX decoder and checks, pydantic models);
- Jinja rendering every page with the project's templates (the site loaded beforehand);
- the kernel writing the output folder (`cp -r` of `_site/`).

The floor is the imports plus the rest shared perfectly between the cores, with nothing else
done and nothing lost to sharing: no build with these libraries and templates can be faster.
The same without the decoding is the floor of the libraries alone.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIB = "content/publications.bib"
IMPORTS = "import bibtexparser, jinja2, markdown, pydantic, yaml"


def _split(project: Path) -> float:
    """CPU seconds of bibtexparser splitting the project's .bib."""
    import bibtexparser

    text = (project / BIB).read_text("utf-8")
    started = time.process_time()
    bibtexparser.parse_string(text, parse_stack=[])
    return time.process_time() - started


def _decode(project: Path) -> float:
    """CPU seconds of decoding and validating every entry of the .bib."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from decode_entries import once

    found = once(project, "decode")
    return found["per_entry_ms"] * found["entries"] / 1000


def _render(project: Path) -> float:
    """CPU seconds of rendering every page and feed in one process (`render_pages`)."""
    from cvsite.render.environment import make_environment
    from cvsite.render.pages import render_pages
    from cvsite.validate.load import load_site

    site, _ = load_site(project)
    assert site is not None
    env = make_environment(project)
    started = time.process_time()
    render_pages(site, env)
    return time.process_time() - started


PARTS = {"split": _split, "decode": _decode, "render": _render}


def _children_cpu() -> float:
    """User + system seconds of the waited-for children so far."""
    times = os.times()
    return times.children_user + times.children_system


def _child_cpu(command: list[str], cwd: Path) -> float:
    """CPU seconds of a child process running `command`."""
    before = _children_cpu()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return _children_cpu() - before


def _part(project: Path, name: str) -> float:
    """One part measured in a fresh interpreter."""
    done = subprocess.run([sys.executable, __file__, "--part", name, str(project)], check=True,
                          capture_output=True, text=True)
    return float(json.loads(done.stdout.strip().splitlines()[-1]))


def _write(project: Path) -> float:
    """CPU seconds of copying the output folder (the copy deleted untimed)."""
    with tempfile.TemporaryDirectory(dir=project) as folder:
        return _child_cpu(["cp", "-r", str(project / "_site"), folder], project)


def measure(project: Path, runs: int) -> dict[str, float]:
    """The median CPU seconds of each part."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        samples.setdefault("imports", []).append(
            _child_cpu([sys.executable, "-c", IMPORTS], project))
        for name in PARTS:
            samples.setdefault(name, []).append(_part(project, name))
        samples.setdefault("write", []).append(_write(project))
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    """Measure and report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    project = args.project.resolve()
    if not (project / "_site").is_dir():
        sys.exit(f"{project}/_site is missing: build the project first")
    parts = measure(project, args.runs)
    shared = sum(seconds for name, seconds in parts.items() if name != "imports")
    print(f"CPU seconds, median of {args.runs} runs, {project}")
    for name, seconds in parts.items():
        print(f"  {name:8} {seconds:6.3f}")
    floor = parts["imports"] + shared / args.cores
    libraries = parts["imports"] + (shared - parts["decode"]) / args.cores
    print(f"floor on {args.cores} cores: {floor:.3f} s; "
          f"without the decoding (the libraries alone): {libraries:.3f} s")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--part":
        print(json.dumps(PARTS[sys.argv[2]](Path(sys.argv[3]))))
    else:
        main()
