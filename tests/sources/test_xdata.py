"""biblatex's `xdata`: an entry takes the fields of the `@xdata` entries it names, as Biber does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvsite.sources.bibtex import xdata
from cvsite.sources.bibtex.crossref import MAX_DEPTH
from cvsite.sources.bibtex.reader import parse_bib
from cvsite.sources.bibtex.xdata import resolve_xdata

MANUAL = """\
@XData{hup,
  publisher  = {Harvard University Press},
  location   = {Cambridge, Mass.},
}
@Book{pines,
  author     = {Pines, Shlomo},
  title      = {The Limitations of Human Knowledge},
  date       = 1979,
  xdata      = {hup},
}
@XData{macmillan:name,
  publisher  = {Macmillan},
}
@XData{macmillan:place,
  location   = {New York and London},
}
@XData{macmillan,
  xdata      = {macmillan:name,macmillan:place},
}
@Book{cascade,
  author     = {Example, Ada},
  title      = {A Book},
  date       = 1990,
  xdata      = {macmillan},
}
"""


def counted_merges(monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """Count the calls of xdata's merge step from now on; the returned function reads it."""
    calls = [0]
    merge = xdata._overlay

    def counting(*args: Any) -> None:
        calls[0] += 1
        merge(*args)
    monkeypatch.setattr(xdata, "_overlay", counting)
    return lambda: calls[0]


def resolved(text: str) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Fields by key after xdata, and the warnings."""
    entries, problems = parse_bib(text, "t.bib")
    out, found = resolve_xdata(entries, "t.bib")
    return {e.key: e.fields for e in out}, [d.format() for d in problems + found]


def test_an_entry_takes_the_publisher_and_location_of_the_xdata_entry_it_names() -> None:
    fields, problems = resolved(MANUAL)
    assert problems == []
    assert (fields["pines"]["publisher"], fields["pines"]["location"]) == (
        "Harvard University Press", "Cambridge, Mass.")


def test_an_xdata_entry_naming_other_xdata_entries_passes_on_their_fields() -> None:
    fields, _ = resolved(MANUAL)
    assert (fields["cascade"]["publisher"], fields["cascade"]["location"]) == (
        "Macmillan", "New York and London")
    assert fields["cascade"]["xdata"] == "macmillan"  # its own, not its container's


def test_a_later_xdata_key_wins_and_the_xdata_field_replaces_the_entry_s_own_with_a_warning(
        ) -> None:
    fields, problems = resolved(
        "@xdata{a, publisher = {A}, note = {from a}}\n@xdata{b, publisher = {B}}\n"
        "@book{k, author = {X, Y}, title = {T},\n  publisher = {Own},\n  xdata = {a, b}}\n")
    assert (fields["k"]["publisher"], fields["k"]["note"]) == ("B", "from a")
    assert problems == ["t.bib:4: warning: entry 'k': xdata 'b' replaces its own 'publisher' "
                        "(biblatex shows the xdata entry's)\n  hint: remove one of the two"]


def test_a_missing_xdata_key_is_a_warning_at_the_xdata_line() -> None:
    fields, problems = resolved("@xdata{hup, publisher = {H}}\n"
                                "@book{k, author = {X, Y}, title = {T},\n  xdata = {hup, nope}}\n")
    assert fields["k"]["publisher"] == "H"  # the keys that name entries still count
    assert problems == ["t.bib:3: warning: entry 'k': xdata 'nope' is not an entry of this file"]


def test_a_key_naming_an_entry_that_is_not_xdata_is_not_used() -> None:
    fields, problems = resolved("@book{other, title = {O}, publisher = {P}}\n"
                                "@book{k, author = {X, Y}, title = {T}, xdata = {other}}\n")
    assert "publisher" not in fields["k"]
    assert problems == ["t.bib:2: warning: entry 'k': xdata 'other' is a @book entry, not "
                        "@xdata: not used"]


def test_an_xdata_loop_is_a_warning_at_the_entry_that_uses_it_not_a_hang() -> None:
    fields, problems = resolved(  # Biber's loop test (t/tdata/xdata.bib)
        "@BOOK{xd3, AUTHOR = {Edward Ellington}, DATE = {1923},\n  XDATA = {loop}}\n"
        "@XDATA{loop:1, NOTE = {Note}}\n@XDATA{loop:2, XDATA = {loop:3}}\n"
        "@XDATA{loop:3,\n  XDATA = {loop}}\n@XDATA{loop, XDATA = {loop:1, loop:2}}\n")
    assert fields["xd3"]["note"] == "Note"
    assert problems == ["t.bib:2: warning: entry 'xd3': xdata 'loop' loops back "
                        "(loop -> loop:2 -> loop:3 -> loop); not followed again"]


def test_a_chain_deeper_than_the_limit_stops_with_a_warning_at_the_entry() -> None:
    count = MAX_DEPTH + 3
    text = "".join(f"@xdata{{x{i}, xdata = {{x{i + 1}}}}}\n" for i in range(count))
    text += f"@xdata{{x{count}, year = {{1999}}}}\n@book{{k, title = {{T}}, xdata = {{x0}}}}\n"
    fields, problems = resolved(text)
    assert "year" not in fields["k"]
    assert [p.split(": ", 2)[2] for p in problems] == [
        f"entry 'k': xdata 'x{MAX_DEPTH}' is more than {MAX_DEPTH} xdata entries deep ("
        + " -> ".join(f"x{i}" for i in range(MAX_DEPTH + 1)) + "); not followed"]


def test_xdata_entries_named_along_many_paths_are_each_resolved_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    wide, deep = 16, MAX_DEPTH - 1  # each names all of the next layer: 16**6 paths to follow
    text = "".join(f"@xdata{{x{layer}_{i}, note{layer} = {{n}}, xdata = {{"
                   + ", ".join(f"x{layer + 1}_{j}" for j in range(wide) if layer + 1 < deep)
                   + "}}\n" for layer in range(deep) for i in range(wide))
    merges = counted_merges(monkeypatch)
    fields, problems = resolved(text + "@book{k, title = {T}, xdata = {x0_0}}\n")
    assert problems == [] and f"note{deep - 1}" in fields["k"]
    assert merges() <= wide * wide * deep + 1  # each link once, not each path


def test_a_key_named_many_times_is_merged_once_keeping_the_last_place(
        monkeypatch: pytest.MonkeyPatch) -> None:
    big = ", ".join(f"f{i} = {{v{i}}}" for i in range(2000))
    many = ",".join(["a"] * 20_000)
    text = f"@xdata{{a, {big}, note = {{A}}}}\n@xdata{{b, note = {{B}}}}\n" + "".join(
        f"@book{{k{i}, title = {{T}}, xdata = {{{many},b,{many}}}}}\n" for i in range(3))
    merges = counted_merges(monkeypatch)
    fields, problems = resolved(text)
    assert problems == []
    assert merges() == 3 * 2  # a and b once for each entry, not 40,001 times
    books = [f for f in fields.values() if "title" in f]
    assert [(f["f1999"], f["note"]) for f in books] == [("v1999", "A")] * 3  # a after b


ORDERED = [  # one entry a line: lines move with the order, the entry's key does not
    *(f"@xdata{{x{i}, xdata = {{x{i + 1}}}}}" for i in range(9)), "@xdata{x9, journal = {Deep J}}",
    "@article{deep, title = {Long}, xdata = {x0}}",
    "@article{short, title = {Short}, xdata = {x5}}",
    "@xdata{loopa, note = {A}, series = {SA}, xdata = {loopb}}",
    "@xdata{loopb, publisher = {B}, series = {SB}, xdata = {loopa, gone}}",
    "@book{via:a, title = {A}, xdata = {loopa}}", "@book{via:b, title = {B}, xdata = {loopb}}",
]


def keyed(lines: list[str]) -> tuple[dict[str, dict[str, str]], set[tuple[str, str]]]:
    """Fields by key after xdata, and the warnings as (entry, message), of the lines in order."""
    entries, problems = parse_bib("\n".join(lines) + "\n", "t.bib")
    out, found = resolve_xdata(entries, "t.bib")
    return {e.key: e.fields for e in out}, {(d.entry, d.message) for d in problems + found}


def test_a_chain_and_a_loop_are_cut_for_each_entry_by_its_own_path() -> None:
    fields, problems = keyed(ORDERED)
    assert "journal" not in fields["deep"] and fields["short"]["journal"] == "Deep J"
    assert (fields["via:a"]["note"], fields["via:a"]["publisher"], fields["via:a"]["series"]) == (
        "A", "B", "SB")  # the named entry's own xdata replaces its fields
    assert (fields["via:b"]["note"], fields["via:b"]["publisher"], fields["via:b"]["series"]) == (
        "A", "B", "SA")
    assert problems == {
        ("deep", "entry 'deep': xdata 'x8' is more than 8 xdata entries deep "
                 "(x0 -> x1 -> x2 -> x3 -> x4 -> x5 -> x6 -> x7 -> x8); not followed"),
        ("via:a", "entry 'via:a': xdata 'loopa' loops back (loopa -> loopb -> loopa); not "
                  "followed again"),
        ("via:b", "entry 'via:b': xdata 'loopb' loops back (loopb -> loopa -> loopb); not "
                  "followed again"),
        ("loopb", "entry 'loopb': xdata 'gone' is not an entry of this file")}


@settings(max_examples=60, deadline=None)
@given(st.permutations(ORDERED))
def test_the_entries_read_the_same_in_any_order(lines: list[str]) -> None:
    assert keyed(lines) == keyed(ORDERED)
