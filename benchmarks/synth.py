"""Synthetic cvsite projects: Dr. Wu's site and CV with N generated publications.

The BibTeX is the kind academics write: accented names as LaTeX (`{\\'E}mile`, `M{\\"u}ller`)
and as UTF-8, math in titles (`$O(n^2)$`, `$\\ell_1$`), case-protecting braces, author lists
from 1 to 60 names (some ending in `and others`), a few topics, venues, DOIs, pages, arXiv ids
and abstracts. The same N and seed always give the same bytes.

    python benchmarks/synth.py OUT_DIR --publications 10000
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GIVEN = ["Xiaoxia", "Zhewei", "{\\'E}mile", "J{\\\"o}rg", "Fran{\\c{c}}ois", "Søren", "Zoë",
         "Yuxiong", "Conglong", "Reza", "Ana", "Ji{\\v{r}}{\\'\\i}", "Łukasz", "Minjia",
         "Olatunji", "Hanna", "Sebasti{\\'a}n", "Rahul", "Mei", "Gonçalo"]
FAMILY = ["Wu", "Yao", "M{\\\"u}ller", "Garc{\\'\\i}a", "Nguyễn", "Dvo{\\v{r}}{\\'a}k", "Li",
          "O'Brien", "{van der Berg}", "Aminabadi", "Schr{\\\"o}dinger", "Kowalczyk", "He",
          "Zhang", "Ng", "Ruwase", "Rasley", "Smith", "Dobriban", "Çelik"]
WORDS = ["Efficient", "Quantization", "Transformers", "Sparse", "Attention", "Low-Rank",
         "Adaptive", "Optimization", "Gradient", "Descent", "Inference", "Training", "Scaling",
         "Large", "Language", "Models", "Robust", "Federated", "Pruning", "Distillation",
         "Convergence", "Stochastic", "Multi-modal", "Benchmark", "Memory", "Kernels"]
MATH = ["$O(n^2)$", "$\\ell_1$", "$\\mathcal{O}(\\log n)$", "$k$-means", "$\\epsilon$-greedy",
        "$W4A8$", "$\\sqrt{T}$"]
ACRONYMS = ["{LLM}", "{FP8}", "{INT4}", "{GPU}", "{BERT}", "{ZeRO}", "{MoE}"]
VENUES = [("inproceedings", "booktitle", v) for v in
          ("NeurIPS", "ICML", "ICLR", "AAAI", "Proceedings of the 40th International Conference "
           "on Machine Learning", "EMNLP")] + \
         [("article", "journal", v) for v in
          ("Journal of Machine Learning Research", "SIAM Journal on Optimization",
           "Transactions on Machine Learning Research")] + [("misc", "", "")]
TOPICS = ["Model Compression", "Optimization and Theory", "NLP and Multi-modal"]


def _name(rng: random.Random, first: bool) -> str:
    """One author, `Family, Given` or `Given Family`; the owner sometimes."""
    if first and rng.random() < 0.3:
        return "Wu, Xiaoxia"
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    return f"{family}, {given}" if rng.random() < 0.6 else f"{given} {family}"


def _title(rng: random.Random) -> str:
    """A title with case-protected acronyms and, sometimes, math."""
    words = rng.sample(WORDS, rng.randint(4, 10))
    words.insert(rng.randrange(len(words) + 1), rng.choice(ACRONYMS))
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words) + 1), rng.choice(MATH))
    return " ".join(words)


def entry(index: int, rng: random.Random) -> str:
    """One BibTeX entry."""
    entry_type, venue_field, venue = rng.choice(VENUES)
    count = rng.choice([1, 2, 3, 4, 5, 6, 8, 12]) if rng.random() < 0.9 else rng.randint(20, 60)
    authors = [_name(rng, i == 0) for i in range(count)]
    if rng.random() < 0.03:
        authors.append("others")
    year = rng.randint(1995, 2025)
    lines = [f"@{entry_type}{{synth{index:05d},",
             f"  author    = {{{' and '.join(authors)}}},",
             f"  title     = {{{_title(rng)}}},",
             f"  year      = {{{year}}},",
             f"  topic     = {{{rng.choice(TOPICS)}}},"]
    if venue_field:
        lines.append(f"  {venue_field:<9} = {{{venue}}},")
    if rng.random() < 0.5:
        start = rng.randint(1, 900)
        lines.append(f"  pages     = {{{start}--{start + rng.randint(5, 30)}}},")
    if rng.random() < 0.6:
        lines.append(f"  doi       = {{10.{rng.randint(1000, 9999)}/synth.{index}}},")
    if entry_type == "misc" or rng.random() < 0.3:
        lines.append(f"  eprint    = {{{year % 100:02d}{rng.randint(1, 12):02d}."
                     f"{rng.randint(0, 99999):05d}}},\n  archiveprefix = {{arXiv}},")
    if rng.random() < 0.97:
        sentences = [" ".join(rng.sample(WORDS, 8)) + "." for _ in range(rng.randint(2, 5))]
        joint = f" We show {rng.choice(MATH)} bounds. "
        lines.append(f"  abstract  = {{{joint.join(sentences)}}},")
    if rng.random() < 0.02:
        lines.append("  selected  = {true},")
    return "\n".join(lines) + "\n}\n"


def make_project(out: Path, publications: int, seed: int = 8,
                 content: Path = ROOT / "content") -> Path:
    """A project folder with her `content` (this checkout's, or an older version's in its
    format) and `publications` synthetic entries (0 = hers).

    With synthetic entries the PDFs are switched off (`pdf: variants: []`): a CV listing
    thousands of papers is not a CV, and the site build is what these sizes measure.
    """
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content, out / "content", dirs_exist_ok=True)
    if publications:
        rng = random.Random(seed)
        bib = "".join(entry(i, rng) + "\n" for i in range(publications))
        (out / "content" / "publications.bib").write_text(bib, "utf-8")
        config = out / "content" / "site.yaml"
        text = config.read_text("utf-8")
        head = text[: text.index("\npdf:")] if "\npdf:" in text else text
        config.write_text(head.rstrip("\n") + "\npdf:\n  variants: []\n", "utf-8")
    return out


def main() -> None:
    """Command line: write one synthetic project."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--publications", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    make_project(args.out, args.publications, args.seed)


if __name__ == "__main__":
    main()
