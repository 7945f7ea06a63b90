"""What reading a `.bib` on two cores would save: the measurement behind not doing it (yet).

    python benchmarks/bib_two_cores.py PROJECT [--runs 3]

Times the read as the build does it (`parse_bib`, then `convert_all`) in this process, then
the same work split in two: the text cut at the entry line nearest its middle, each half split
into blocks by bibtexparser, one half in a forked `concurrent.futures` worker; the entries read
from the joined blocks here; then half of them decoded in the worker. Both results come back
pickled, as they would in the build. A sketch only: it ignores what a real split must handle
(`@string`s, crossrefs and duplicate keys across the cut, the order of the diagnostics).
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from cvsite.sources.bibtex import split
from cvsite.sources.bibtex.entries import Macros
from cvsite.sources.bibtex.reader import _entries, decode_text, parse_bib
from cvsite.validate.load import _with_owner, load_config
from cvsite.validate.publications import Context, convert_all, decode_entry

_job: dict[str, Any] = {}
"""What the forked worker inherits (set before the pool starts it)."""


def _blocks(part: int) -> list[split.Block]:
    """The blocks of one half of the text, at their lines in the whole file."""
    text, shift = _job["parts"][part]
    return [b._replace(line=b.line + shift, fields=tuple((n, v, ln + shift) for n, v, ln
                                                         in b.fields))
            for b in split.split_blocks(text)]


def _decoded(low: int, high: int) -> list[Any]:
    """Entries `low` to `high` decoded, as `convert_all` decodes each."""
    context = Context.of(_job["config"], "x.bib")
    return [decode_entry(entry, context) for entry in _job["entries"][low:high]]


def one_core(text: str, config: Any) -> float:
    """Seconds for the read as the build does it."""
    began = time.perf_counter()
    entries, _ = parse_bib(text, "x.bib")
    convert_all(entries, config, "x.bib")
    return time.perf_counter() - began


def two_cores(text: str, config: Any) -> float:
    """Seconds for the same read, each half step shared with a forked worker."""
    began = time.perf_counter()
    middle = text.find("\n@", len(text) // 2) + 1
    _job.update(parts=[(text[:middle], 0), (text[middle:], text.count("\n", 0, middle))],
                config=config)
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, fork) as pool:
        theirs = pool.submit(_blocks, 1)
        blocks = _blocks(0) + theirs.result()
    entries, _, _ = _entries(blocks, Macros(), "x.bib")
    _job["entries"] = entries
    half = len(entries) // 2
    with ProcessPoolExecutor(1, fork) as pool:
        later = pool.submit(_decoded, half, len(entries))
        decoded = _decoded(0, half) + later.result()
    assert len(decoded) == len(entries)
    return time.perf_counter() - began


def main() -> None:
    """Print the medians of both."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    config = _with_owner(load_config(args.project), None)
    data = (args.project / "content" / "publications.bib").read_bytes()
    text, _ = decode_text(data, "x.bib")
    one, two = [], []
    for _ in range(args.runs):
        one.append(one_core(text, config))
        two.append(two_cores(text, config))
    print(f"one core {statistics.median(one):.3f} s, two cores {statistics.median(two):.3f} s "
          f"(median of {args.runs})")


if __name__ == "__main__":
    main()
