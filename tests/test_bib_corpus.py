"""The BibTeX corpus: each export style and oddity gives exactly its recorded rendering."""

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
