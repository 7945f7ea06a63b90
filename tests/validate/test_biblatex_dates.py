"""biblatex dates as a CV must show them: EDTF qualifiers, ranges and `pubstate` (no false
"in press")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import built_with_entries
from cvsite.errors import Diagnostic
from cvsite.models import Publication, SiteConfig
from cvsite.output.result import BuildResult
from cvsite.render.citeformat import PaperDates
from cvsite.sources.bibtex.reader import parse_bib
from cvsite.validate.publications import convert_all
from pagetext import text_of

CONFIG = SiteConfig(title="T", base_url="https://example.org/")
ENTRIES = """\
@article{approx, author = {Example, Ada}, title = {Approximate}, journal = {J}, date = {2019~}}
@article{uncertain, author = {Example, Ada}, title = {Uncertain}, journal = {J},
  date = {2018?}}
@article{both, author = {Example, Ada}, title = {Both}, journal = {J}, date = {2017-05%}}
@book{span, author = {Example, Ada}, title = {Span of Years}, publisher = {P},
  date = {1984/1986}}
@article{months, author = {Example, Ada}, title = {Across New Year}, journal = {J},
  date = {2021-11/2022-02}}
@article{open, author = {Example, Ada}, title = {Still Running}, journal = {J},
  date = {2020/..}}
@article{submitted, author = {Example, Ada}, title = {Under Review}, journal = {J},
  pubstate = {submitted}}
@book{forthcoming, author = {Example, Ada}, title = {Coming Soon}, publisher = {P},
  pubstate = {forthcoming}}
@article{stated, author = {Example, Ada}, title = {Accepted}, journal = {J}, year = {2023},
  pubstate = {inpress}}
@misc{prepublished, author = {Example, Ada}, title = {On arXiv}, pubstate = {prepublished}}
"""


def read(text: str) -> tuple[dict[str, Publication], list[Diagnostic]]:
    """Publications by key and the diagnostics of BibTeX text."""
    entries, problems = parse_bib(text, "t.bib")
    publications, found = convert_all(entries, CONFIG, "t.bib")
    return {p.key: p for p in publications}, problems + found


def test_uncertain_and_approximate_dates_are_their_year_without_a_warning() -> None:
    pubs, problems = read(ENTRIES)
    assert [p.format() for p in problems if p.entry in ("approx", "uncertain", "both")] == []
    dates = PaperDates()
    assert [dates.date_text(pubs[k]) for k in ("approx", "uncertain", "both")] == [
        "2019", "2018", "May 2017"]


def test_date_ranges_show_both_ends_and_sort_by_the_start() -> None:
    pubs, problems = read(ENTRIES)
    assert [p.format() for p in problems if p.entry in ("span", "months", "open")] == []
    dates = PaperDates()
    assert dates.date_text(pubs["span"]) == "1984–1986"
    assert dates.date_text(pubs["months"]) == "November 2021 – February 2022"
    assert dates.date_text(pubs["open"]) == "2020–"
    assert dates.year_label(pubs["months"]) == "2021–2022"
    assert (pubs["span"].year, pubs["months"].year, pubs["months"].month) == (1984, 2021, 11)
    assert pubs["months"].machine_year == 2021


def test_pubstate_is_shown_instead_of_in_press_and_after_a_year() -> None:
    pubs, problems = read(ENTRIES)
    stated = ("submitted", "forthcoming", "stated", "prepublished")
    assert [p.format() for p in problems if p.entry in stated and "year" in p.message] == []
    dates = PaperDates()
    assert [dates.date_text(pubs[k]) for k in stated] == [
        "submitted", "forthcoming", "2023, in press", "preprint"]


def test_a_state_not_known_to_biblatex_is_shown_as_written() -> None:
    pubs, _ = read("@misc{k, author = {A, B}, title = {T}, pubstate = {under revision}}")
    assert PaperDates().date_text(pubs["k"]) == "under revision"


def test_a_date_that_is_no_date_is_still_one_warning() -> None:
    _, problems = read("@misc{k, author = {A, B}, title = {T}, date = {spring}}")
    assert ["date 'spring' is not a date" in p.message for p in problems] == [True, False]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The minimal project with the dated entries above, built once."""
    return built_with_entries(tmp_path_factory.mktemp("biblatex-dates"), ENTRIES)


def test_the_list_shows_states_first_then_ranges_by_their_start(
        site: tuple[Path, BuildResult]) -> None:
    out, result = site
    assert not result.failed
    page = text_of((out / "publications" / "index.html").read_text(encoding="utf-8"))
    for shown in ("J, submitted", "P, forthcoming", "J, 2023, in press", "P, 1984–1986",
                  "J, November 2021 – February 2022", "J, 2020–", "J, 2019"):
        assert shown in page
    assert "J, in press" not in page
    order = [page.index(t) for t in ("Under Review", "Accepted", "Across New Year",
                                       "Still Running", "Approximate", "Span of Years")]
    assert order == sorted(order)
