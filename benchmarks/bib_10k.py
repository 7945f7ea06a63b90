"""Time reading a generated 10,000-entry .bib: `.venv/bin/python benchmarks/bib_10k.py [COUNT]`.

Also counts LaTeX decodings, to show that only displayed fields are decoded (an export's
`keywords`, `file`, `annote`, `timestamp`… are split and checked, never decoded).
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path
from time import perf_counter

from cvsite.models import SiteConfig
from cvsite.sources.bibtex.reader import load_bib
from cvsite.validate.publications import convert_all

VENUES = ("@string{neurips = {Advances in Neural Information Processing Systems}}\n"
          "@string{icml = {International Conference on Machine Learning}}\n")


def entry(i: int, rng: random.Random) -> str:
    """One realistic entry, with fields that are displayed and fields that are not."""
    authors = " and ".join(f"Au{rng.randrange(500)}thor, F{{\\'e}}{i % 7}" for _ in range(6))
    return (f"@inproceedings{{key{i},\n  author = {{{authors} and Wu*, Xiaoxia}},\n"
            f"  title = {{On {{Things}} number {i}: $O(n^{i % 5})$ bounds -- {{\\LaTeX}}}},\n"
            f"  booktitle = {rng.choice(('neurips', 'icml'))},\n  year = {2000 + i % 25},\n"
            f"  month = {rng.choice(('jan', 'jun', 'dec'))},\n  pages = {{{i}--{i + 9}}},\n"
            f"  abstract = {{We show that 50% of {{\\em everything}} works, in {i} lines.}},\n"
            f"  keywords = {{a, b, c}},\n  file = {{:papers/{i}.pdf:PDF}},\n"
            f"  annote = {{Read {{\\`a}} la carte}},\n  timestamp = {{2024-01-01}},\n"
            f"  url = {{https://example.org/~u/{i}}},\n}}\n\n")


def main(count: int = 10_000) -> None:
    rng = random.Random(0)
    text = VENUES + "".join(entry(i, rng) for i in range(count))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.bib"
        path.write_text(text, encoding="utf-8")
        config = SiteConfig(title="T", base_url="https://example.org/",
                            owner_aliases=("Xiaoxia Wu",))
        started = perf_counter()
        entries, problems = load_bib(path, "big.bib")
        split = perf_counter() - started
        publications, found = convert_all(entries, config, "big.bib")
        total = perf_counter() - started
    print(f"{count} entries ({len(text) / 1e6:.1f} MB): split and macros {split:.2f} s, "
          f"total {total:.2f} s; {len(publications)} publications, "
          f"{len(problems) + len(found)} diagnostics")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
