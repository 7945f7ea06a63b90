"""Hostile inputs: the wall time and peak memory of a build given each (a benchmark, no asserts).

Each case is the minimal test project with one source replaced by a hostile one. Each build
runs in a fresh child process (`--child`), which starts `cvsite build` and reports its time and
the peak resident set of the build (`resource.getrusage(RUSAGE_CHILDREN)`: the child is small,
so the figure is the build's own). Usage: `.venv/bin/python benchmarks/hostile.py`.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
BIN = Path(sys.executable).parent
CVSITE = str(BIN / "cvsite") if (BIN / "cvsite").exists() else "cvsite"
ENTRY = "@article{k%d,\n  author = {Example, Ada},\n  title = {On Examples},\n" \
        "  journal = %s,\n  year = {2020},\n}\n"


def baseline() -> tuple[str, bytes]:
    """The valid project as it is (for scale: what any build costs here)."""
    return "site.yaml", (MINIMAL / "content" / "site.yaml").read_bytes()


def alias_bomb() -> tuple[str, bytes]:
    """The 9-level YAML alias bomb (9^9 values once expanded)."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "cv.yaml", "\n".join(lines).encode()


def recursive_alias() -> tuple[str, bytes]:
    """An alias inside the value it names."""
    return "cv.yaml", b"experience: &loop\n  - *loop\n"


def deep_nesting() -> tuple[str, bytes]:
    """A list nested 10,000 deep."""
    return "cv.yaml", b"experience: " + b"[" * 10_000 + b"]" * 10_000 + b"\n"


def string_bomb() -> tuple[str, bytes]:
    """12 lines of @string, each ten times the one before (10^12 characters expanded)."""
    lines = ['@string{a0 = "xxxxxxxxxx"}']
    lines += [f"@string{{a{i} = {' # '.join([f'a{i - 1}'] * 10)}}}" for i in range(1, 12)]
    return "publications.bib", ("\n".join(lines) + "\n" + ENTRY % (0, "a11")).encode()


def string_spread() -> tuple[str, bytes]:
    """A 99,000-character @string used by 10,000 entries (a gigabyte expanded)."""
    head = '@string{big = "' + "x" * 99_000 + '"}\n'
    return "publications.bib", (head + "".join(ENTRY % (i, "big") for i in range(10_000))).encode()


def huge_field() -> tuple[str, bytes]:
    """One 15 MiB abstract."""
    entry = (ENTRY % (0, "{J}")).replace("}\n", "  abstract = {" + "x " * (15 << 19) + "},\n}\n")
    return "publications.bib", entry.encode()


def huge_yaml() -> tuple[str, bytes]:
    """A 100 MiB profile.yaml."""
    return "profile.yaml", b"name: Ada\n" + b"# padding\n" * (10 << 20)


def huge_bib() -> tuple[str, bytes | int]:
    """A 1 GiB publications.bib (sparse: zero bytes, never read)."""
    return "publications.bib", 1 << 30


def text_outside_entries() -> tuple[str, bytes]:
    """15 MiB of text outside any entry (the limit is 16 MiB)."""
    return "publications.bib", b"just some text outside the entries\n" * ((15 << 20) // 35)


def utf16_bib() -> tuple[str, bytes]:
    """publications.bib in UTF-16 without a byte-order mark, 1,000 entries."""
    text = "".join(ENTRY % (i, "{J}") for i in range(1_000))
    return "publications.bib", text.encode("utf-16-le")


CASES: dict[str, Callable[[], tuple[str, bytes | int]]] = {
    "baseline: the valid project": baseline, "YAML alias bomb (9 levels)": alias_bomb,
    "recursive YAML alias": recursive_alias,
    "YAML nested 10,000 deep": deep_nesting, "@string bomb (12 lines)": string_bomb,
    "@string of 99,000 chars x 10,000 uses": string_spread,
    "15 MiB BibTeX field": huge_field, "100 MiB YAML file": huge_yaml,
    "1 GiB .bib file": huge_bib,
    "15 MiB of text outside entries": text_outside_entries,
    "UTF-16 .bib without BOM": utf16_bib,
}


def child(project: str) -> None:
    """Build `project` in a grandchild; print its status, seconds, peak MiB and first line."""
    started = time.perf_counter()
    run = subprocess.run([CVSITE, "build"], cwd=project, capture_output=True, text=True,
                         check=False)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    first = (run.stderr.strip().splitlines() or [""])[0]
    print(json.dumps({"status": run.returncode, "seconds": seconds, "mib": peak,
                      "first": first[:90], "traceback": "Traceback" in run.stderr}))


def main() -> None:
    """Run every case once and print a table."""
    print("| hostile input | exit | wall time | peak RSS | first message |")
    print("| --- | --- | --- | --- | --- |")
    for name, make in CASES.items():
        with tempfile.TemporaryDirectory() as folder:
            project = Path(folder) / "project"
            shutil.copytree(MINIMAL, project)
            file, data = make()
            path = project / "content" / file
            if isinstance(data, int):
                path.write_bytes(b"")
                os.truncate(path, data)
            else:
                path.write_bytes(data)
            out = subprocess.run([sys.executable, __file__, "--child", str(project)],
                                 capture_output=True, text=True, check=True).stdout
        got = json.loads(out)
        first = got["first"].replace("|", "\\|") + (" (TRACEBACK)" if got["traceback"] else "")
        print(f"| {name} | {got['status']} | {got['seconds']:.2f} s | {got['mib']:.0f} MiB "
              f"| {first} |", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
        child(sys.argv[2])
    else:
        main()
