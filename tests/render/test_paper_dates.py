"""A paper's date in the site's language: ranges and publication states translated."""

from __future__ import annotations

from pathlib import Path

from conftest import built_with_entries
from cvsite.language import translations
from cvsite.models import Author, Publication
from cvsite.render.citeformat import PaperDates

GERMAN = PaperDates("de", translations("de"))


def paper(**fields: object) -> Publication:
    """A publication with these date fields."""
    return Publication.model_validate({"key": "k", "entry_type": "article", "title": "T",
                                       "authors": (Author(family="A"),), **fields})


def test_publication_states_are_translated_with_or_without_a_year() -> None:
    assert GERMAN.date_text(paper(pubstate="submitted")) == "eingereicht"
    assert GERMAN.date_text(paper(pubstate="forthcoming")) == "im Erscheinen"
    assert GERMAN.date_text(paper(pubstate="prepublished")) == "Preprint"
    assert GERMAN.date_text(paper(year=2023, pubstate="inpress")) == "2023, im Druck"
    assert GERMAN.year_label(paper(year=2023, month=5, pubstate="submitted")) == "2023, eingereicht"


def test_a_range_across_years_names_the_months_in_the_language() -> None:
    across = paper(year=2021, month=11, year_end=2022, month_end=2)
    assert GERMAN.date_text(across) == "November 2021 – Februar 2022"
    assert GERMAN.year_label(across) == "2021–2022"


def test_an_open_range_ends_in_a_dash() -> None:
    assert PaperDates().date_text(paper(year=2019, open_ended=True)) == "2019–"
    assert PaperDates().date_text(paper(year=2019, month=3, open_ended=True)) == "March 2019 –"


def test_the_undated_group_is_headed_by_what_its_papers_say(tmp_path: Path) -> None:
    out, _ = built_with_entries(tmp_path, (
        "@misc{sub, author = {Example, Ada}, title = {Sent}, pubstate = {submitted}}\n"
        "@misc{press, author = {Example, Ada}, title = {Accepted}}\n"))
    page = (out / "publications/by-year/index.html").read_text("utf-8")
    assert '<h2 id="year-in-press">Submitted, in press</h2>' in page
    assert ">Submitted, in press</a>" in page  # the list of years too
