"""The per-entry cache: recalled entries give the same site and diagnostics as decoding anew."""

from __future__ import annotations

import dataclasses
import gc
import marshal
from collections.abc import Callable
from pathlib import Path

import pytest

from cvsite.cache import Cache
from cvsite.sources.bibtex import latex
from cvsite.sources.bibtex.reader import load_bib
from cvsite.speed import entrycache, entrystore, forkwork, sitecache
from cvsite.validate import publications
from cvsite.validate.load import load_site
from decoding import counting_decoder

EXTRA = r"""
@string{venue = {Conference on Cached Things}}
@proceedings{cct2021,
  title     = {Proceedings of the Conference on Cached Things},
  booktitle = {Proceedings of CCT},
  year      = {2021},
  publisher = {Cache Press},
}
@inproceedings{child2021,
  author   = {Wu, Xiaoxia and M{\"u}ller, J{\"o}rg},
  title    = {A Child of {CCT}},
  crossref = {cct2021},
}
@inproceedings{macro2022,
  author    = {Wu, Xiaoxia and Doe, Jane},
  title     = {Read Through a Macro},
  booktitle = venue,
  year      = {2022},
}
@article{broken2023,
  author  = {Doe, Jane},
  title   = {Missing Its Journal and Year},
  month   = {Smarch},
}
@misc{warned2024,
  author = {Doe, Jane and others},
  title  = {A Note},
  note   = {See \emph{this} -- and that},
  year   = {2024},
  topik  = {Model Compression},
}
"""


@pytest.fixture
def bib_project(project: Path) -> Path:
    """The real project with entries using macros, crossref, errors and warnings appended."""
    bib = project / "content" / "publications.bib"
    bib.write_text(bib.read_text("utf-8") + EXTRA, "utf-8")
    return project


def replace(project: Path, old: str, new: str) -> None:
    """Edit publications.bib."""
    bib = project / "content" / "publications.bib"
    text = bib.read_text("utf-8")
    assert old in text
    bib.write_text(text.replace(old, new, 1), "utf-8")


def assert_same_as_fresh(project: Path) -> None:
    """Loading through the cache equals loading without it, diagnostics included."""
    cached = load_site(project, keep_going=True, cache=Cache.for_project(project))
    latex.forget()
    fresh = load_site(project, keep_going=True)
    assert cached[0] is not None and cached == fresh
    assert [d.format() for d in cached[1]] == [d.format() for d in fresh[1]]


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("unchanged", lambda p: None),
    ("macro redefined", lambda p: replace(p, "{Conference on Cached Things}",
                                          "{Symposium on Cached Things}")),
    ("crossref parent edited", lambda p: replace(p, "{Cache Press}", "{Stale Press}")),
    ("lines inserted above", lambda p: replace(p, "@string{venue", "\n\n% moved\n\n@string{venue")),
    ("one title edited", lambda p: replace(p, "{Read Through a Macro}", "{Retitled}")),
    ("parent retitled", lambda p: replace(p, "{Proceedings of CCT}", "{Proceedings, CCT}")),
]


def test_every_edit_loads_as_without_the_cache(bib_project: Path) -> None:
    load_site(bib_project, keep_going=True, cache=Cache.for_project(bib_project))
    for _, edit in EDITS:
        edit(bib_project)
        assert_same_as_fresh(bib_project)


def test_only_changed_entries_are_decoded_again(bib_project: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache.for_project(bib_project)
    site, problems = load_site(bib_project, keep_going=True, cache=cache)
    decoded = counting_decoder(monkeypatch)
    replace(bib_project, "@string{venue", "% a comment\n\n@string{venue")  # shifts lines
    shifted = load_site(bib_project, keep_going=True, cache=cache)
    assert decoded == []
    assert shifted[0] is not None and site is not None
    moved = {p.key: p.line for p in shifted[0].publications}
    assert moved["macro2022"] == {p.key: p.line for p in site.publications}["macro2022"] + 2
    assert {d.line for d in shifted[1] if d.entry == "broken2023"} == \
        {d.line + 2 for d in problems if d.entry == "broken2023"}
    replace(bib_project, "{Conference on Cached Things}", "{Symposium on Cached Things}")
    load_site(bib_project, keep_going=True, cache=cache)
    assert decoded == ["macro2022"]
    replace(bib_project, "{Cache Press}", "{Stale Press}")
    load_site(bib_project, keep_going=True, cache=cache)
    assert decoded == ["macro2022", "child2021"]


def test_decoding_in_two_processes_gives_the_same_site(bib_project: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    serial = load_site(bib_project, keep_going=True)
    latex.forget()
    monkeypatch.setattr(entrycache, "PARALLEL_ABOVE", 2)
    monkeypatch.setattr(forkwork, "_harmless", lambda thread: True)  # threads of other tests
    if not forkwork.can_fork():
        pytest.skip("no fork or a single core here")
    cache = Cache.for_project(bib_project)
    parallel = load_site(bib_project, keep_going=True, cache=cache)
    assert parallel == serial
    latex.forget()
    assert load_site(bib_project, keep_going=True, cache=cache) == serial  # recalled


def test_the_loaded_record_is_kept_once_its_content_is_loaded_twice(
        bib_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache.for_project(bib_project)
    loads: list[Path] = []
    real = sitecache.load_site

    def load(source: Path, **options: object) -> sitecache.Loaded:
        loads.append(source)
        return real(source, **options)  # type: ignore[arg-type]
    monkeypatch.setattr(sitecache, "load_site", load)
    first = sitecache.load_cached(bib_project, cache, keep_going=True)
    assert sitecache.load_cached(bib_project, cache, keep_going=True) == first
    assert len(loads) == 2  # the second load stores the record
    recalled = sitecache.load_cached(bib_project, cache, keep_going=True)
    assert len(loads) == 2 and recalled == first
    assert recalled == load_site(bib_project, keep_going=True)


def test_a_stored_entry_is_recalled_as_it_was_decoded() -> None:
    context = publications.Context("x.bib", ("Xiaoxia Wu", "X. Wu"), ())
    corpus = Path(__file__).parents[1] / "bib"
    paths = [*sorted(corpus.glob("*.bib")), corpus.parents[1] / "content" / "publications.bib"]
    recalled = 0
    for path in paths:
        entries, _ = load_bib(path, path.name)
        for raw in publications.resolve_crossrefs(entries, path.name)[0]:
            decoded = publications.decode_entry(raw, context)
            stored = marshal.loads(marshal.dumps(entrystore.payload(raw.line, decoded)))
            moved = dataclasses.replace(raw, line=raw.line + 7, field_lines={
                name: line + 7 for name, line in raw.field_lines.items()})
            again = entrystore.recall(moved, stored)
            expected = decoded[0] and decoded[0].model_copy(update={"line": moved.line})
            assert again[0] == expected
            # the whole state, as pickle sees it: which fields were set, extra and private ones
            assert (again[0] and again[0].__getstate__()) == (expected and expected.__getstate__())
            assert again[1] == [dataclasses.replace(d, line=d.line + 7) for d in decoded[1]]
            recalled += decoded[0] is not None
    assert recalled > 50


def test_the_cycle_collector_is_back_as_it_was_after_decoding(bib_project: Path) -> None:
    assert gc.isenabled()
    load_site(bib_project, keep_going=True)
    assert gc.isenabled()
    replace(bib_project, "{Read Through a Macro}", "{Retitled}")  # decoded again, not recalled
    gc.disable()
    try:
        site, _ = load_site(bib_project, keep_going=True)
        assert site is not None and "Retitled" in {p.title for p in site.publications}
        assert not gc.isenabled()
    finally:
        gc.enable()
