"""A paper's date and venue line in the site's language: ranges, states, venue words translated."""

from __future__ import annotations

from pathlib import Path

from conftest import built_with_entries, minimal_with_entries
from cvsite.build import build
from cvsite.language import translations
from cvsite.models import Author, Publication
from cvsite.render.citeformat import PaperDates
from pagetext import text_of

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


def test_the_venue_line_is_in_the_sites_language(tmp_path: Path) -> None:
    project = minimal_with_entries(tmp_path / "p", (
        "@book{ed, editor = {Smith, Jane and Doe, John and Roe, Rick}, title = {Edited},\n"
        "  publisher = {Springer}, address = {München and Berlin and New York}, year = 2018,\n"
        "  edition = {2}, series = {newseries}}\n"
        "@techreport{tr, author = {Example, Ada}, title = {Report}, institution = {MIT},\n"
        "  year = 2019, volume = {3}, number = {4}, pages = {1--9}}\n"))
    site = project / "content/site.yaml"
    site.write_text(site.read_text("utf-8") + "language: de\n", "utf-8")
    build(project, tmp_path / "out", pdf=False)
    page = " ".join(text_of((tmp_path / "out/publications/index.html").read_text("utf-8")).split())
    assert "Jane Smith, John Doe, Rick Roe (Hrsg.)" in page
    assert "Springer, Neue Folge, 2. Auflage, München, Berlin und New York, 2018" in page
    assert "Technischer Bericht, MIT, Bd. 3, Nr. 4, S. 1–9, 2019" in page
