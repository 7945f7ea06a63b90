"""An unknown LaTeX command is one warning at its field's line, naming what is shown instead;
a co-author written as one is kept, and a name that shows no text is reported, not lost."""

from __future__ import annotations

from cvsite.models import Publication, SiteConfig
from cvsite.sources.bibtex.raw import RawEntry
from cvsite.validate.publications import convert

CONFIG = SiteConfig(title="T", base_url="https://example.org/", owner_aliases=("Ada Example",))
LINES = {"author": 3, "title": 4, "journal": 5, "note": 6}


def _read(**fields: str) -> tuple[Publication | None, list[str]]:
    fields = {"journal": "J", "year": "2001", **fields}
    raw = RawEntry("k", "article", fields, 2, {name: LINES.get(name, 7) for name in fields})
    publication, found = convert(raw, CONFIG, "refs.bib")
    return publication, [d.format() for d in found]


def test_unknown_command_is_one_warning_at_its_field() -> None:
    publication, shown = _read(author="Ada Example", title="{TrueType fonts in \\PS{} and \\PS}")
    assert publication is not None and publication.title == "TrueType fonts in PS and PS"
    assert shown == ["refs.bib:4: warning: entry 'k': unknown LaTeX command \\PS in 'title'; "
                     "shown as 'PS'\n  hint: write the text it stands for: cvsite reads standard "
                     "LaTeX, not commands defined in a @preamble, a class or a package"]


def test_several_unknown_commands_in_a_field_are_named_in_one_warning() -> None:
    _, shown = _read(author="Ada Example", title="{Passive\\TeX}: from {\\XML} to {\\PDF}")
    assert [s.splitlines()[0] for s in shown] == [
        "refs.bib:4: warning: entry 'k': unknown LaTeX commands \\XML, \\PDF in 'title'; "
        "shown as 'XML', 'PDF'"]


def test_a_co_author_written_as_a_command_is_kept_and_reported() -> None:
    publication, shown = _read(author="\\Thanh{} and Sebastian Rahtz", title="T")
    assert publication is not None
    assert [a.display for a in publication.authors] == ["Thanh", "Sebastian Rahtz"]
    assert [s.splitlines()[0] for s in shown] == [
        "refs.bib:3: warning: entry 'k': unknown LaTeX command \\Thanh in 'author'; "
        "shown as 'Thanh'"]


def test_a_name_showing_no_text_is_reported_not_silently_lost() -> None:
    publication, shown = _read(author="Ada Example and {} and Bo Sample", title="T")
    assert publication is not None
    assert [a.display for a in publication.authors] == ["Ada Example", "Bo Sample"]
    assert [s.splitlines()[0] for s in shown] == [
        "refs.bib:3: warning: entry 'k': 'author': the name '{}' shows no text once its LaTeX "
        "is removed; it is left out"]


def test_today_is_shown_as_its_name_with_a_hint_to_write_the_date() -> None:
    publication, shown = _read(author="Ada Example", title="T", note="Accessed \\today")
    assert publication is not None and publication.note == "Accessed today"
    assert shown == ["refs.bib:6: warning: entry 'k': unknown LaTeX command \\today in 'note'; "
                     "shown as 'today'\n  hint: \\today would be the day each build runs; "
                     "write the date"]


def test_standard_markup_gives_no_warning() -> None:
    publication, shown = _read(
        author="Fran\\c{c}ois M{\\\"u}ller", journal="{\\it J.} \\S{}2",
        title="\\emph{A} {\\bf B} $O(n^2)$ \\url{https://x.org} \\textbf{C}\\ldots{} {DNA}")
    assert shown == [] and publication is not None
    assert publication.title == "A B $O(n^2)$ https://x.org C… DNA"




def test_an_unknown_command_with_braces_is_reported_with_what_is_shown() -> None:
    publication, shown = _read(author="Ada Example", title="Another \\foo{paper} in \\PS")
    assert publication is not None and publication.title == "Another paper in PS"
    assert [s.splitlines()[0] for s in shown] == [
        "refs.bib:4: warning: entry 'k': unknown LaTeX commands \\foo{…}, \\PS in 'title'; "
        "shown as 'PS' and the text in its braces"]


def test_babel_and_csquotes_commands_show_their_text_without_a_warning() -> None:
    publication, shown = _read(author="Ada Example",
                               title="\\foreignlanguage{german}{Haus} \\enquote{am} \\mbox{See}")
    assert shown == [] and publication is not None and publication.title == "Haus am See"
