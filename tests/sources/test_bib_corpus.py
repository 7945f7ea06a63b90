"""The BibTeX corpus: each export style and oddity gives exactly its recorded rendering.

Each `tests/bib/NAME.bib` has its diagnostics and publications (see `bibcorpus.describe`) in
`NAME.expected`. After a deliberate change,
`CVSITE_UPDATE_GOLDEN=1 pytest tests/sources/test_bib_corpus.py` rewrites them: read the diff
before committing it.
"""

from __future__ import annotations

import os

import pytest

from bibcorpus import CORPUS, snapshot

FILES = sorted(p.name for p in CORPUS.glob("*.bib"))


@pytest.mark.parametrize("name", FILES)
def test_corpus_file_reads_as_recorded(name: str) -> None:
    expected = CORPUS / (name.removesuffix(".bib") + ".expected")
    actual = snapshot(name)
    if os.environ.get("CVSITE_UPDATE_GOLDEN"):
        expected.write_text(actual, encoding="utf-8")
    assert actual == expected.read_text(encoding="utf-8")
