"""A crossref whose parent has a crossref of its own: the chain is followed, loops are not."""

from __future__ import annotations

from cvsite.sources.bibtex.crossref import MAX_DEPTH, resolve_crossrefs
from cvsite.sources.bibtex.reader import parse_bib

ABNT = """\
@mvbook{assis08, author = {Machado de Assis}, title = {Obra completa em quatro volumes},
  year = {2008}, publisher = {Nova Fronteira}, location = {Rio de Janeiro}}
@book{assis08:1, crossref = {assis08}, volume = {1}, title = {Fortuna crítica/Romance}}
@inbook{bosi08, crossref = {assis08:1}, title = {Uma figura machadiana},
  author = {Alfredo Bosi}, pages = {179-189}}
"""


def resolved(text: str) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Fields by key after crossrefs, and the warnings."""
    entries, problems = parse_bib(text, "t.bib")
    out, found = resolve_crossrefs(entries, "t.bib")
    return {e.key: e.fields for e in out}, [d.format() for d in problems + found]


def test_a_chapter_takes_the_date_and_publisher_of_its_book_s_own_parent() -> None:
    fields, problems = resolved(ABNT)
    assert problems == []
    bosi = fields["bosi08"]
    assert (bosi["year"], bosi["publisher"], bosi["location"]) == (
        "2008", "Nova Fronteira", "Rio de Janeiro")
    assert bosi["booktitle"] == "Fortuna crítica/Romance"  # its book, not the set of volumes
    assert bosi["volume"] == "1"


def test_a_crossref_loop_is_a_warning_not_a_hang() -> None:
    fields, problems = resolved("@book{a, crossref = {b}, author = {X, Y}, title = {A}}\n"
                                "@book{b, crossref = {a}, title = {B}, year = {2000}}\n")
    assert fields["a"]["year"] == "2000"
    assert any("entry 'a': the crossref chain from 'b' loops" in p for p in problems)


def test_a_chain_longer_than_the_limit_stops_with_a_warning() -> None:
    count = MAX_DEPTH + 3
    text = "".join(f"@book{{e{i}, crossref = {{e{i + 1}}}, title = {{T{i}}}}}\n"
                   for i in range(count))
    text += f"@book{{e{count}, title = {{Last}}, year = {{1999}}}}\n"
    fields, problems = resolved(text.replace("@book{e0,", "@book{e0, author = {X, Y},"))
    assert "year" not in fields["e0"]
    assert any("entry 'e0': the crossref chain from 'e1' loops or is too long" in p
               for p in problems)


def test_a_chapter_takes_its_book_s_subtitle_for_the_book_not_for_itself() -> None:
    fields, problems = resolved(
        "@collection{westfahl:frontier, editor = {Westfahl, Gary}, title = {Space and Beyond},"
        " subtitle = {The Frontier Theme in Science Fiction}, titleaddon = {An Anthology},"
        " date = 2000, publisher = {Greenwood}}\n"
        "@incollection{space, author = {Westfahl, Gary}, title = {The True Frontier},"
        " pages = {55-65}, crossref = {westfahl:frontier}}\n")
    assert problems == []
    chapter = fields["space"]
    assert "subtitle" not in chapter and "titleaddon" not in chapter  # not its own title's
    assert (chapter["booktitle"], chapter["booksubtitle"], chapter["booktitleaddon"]) == (
        "Space and Beyond", "The Frontier Theme in Science Fiction", "An Anthology")
