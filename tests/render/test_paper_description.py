"""A paper page's meta description reads as a sentence, also for a paper with no venue."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import built_with_entries

ENTRIES = """\
@book{novenue, author = {Example, Ada}, title = {Book Nothing}, year = {2020}}
@article{venue, author = {Example, Ada}, title = {With a Venue}, journal = {J}, year = {2021}}
"""


def _description(out: Path, key: str) -> str:
    page = (out / f"publications/{key}/index.html").read_text("utf-8")
    match = re.search(r'<meta name="description" content="([^"]*)"', page)
    assert match
    return match[1]


def test_a_paper_with_no_venue_has_no_empty_place_in_its_description(tmp_path: Path) -> None:
    out, _ = built_with_entries(tmp_path, ENTRIES)
    assert _description(out, "novenue") == "Book Nothing. Ada Example. 2020."
    assert _description(out, "venue") == "With a Venue. Ada Example. J, 2021."
