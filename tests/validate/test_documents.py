"""Where a problem in a YAML file is: a CV section by its title, else by its place."""

from __future__ import annotations

from cvsite.validate.documents import describe


def test_a_titled_section_and_its_entry_are_named_as_a_reader_knows_them() -> None:
    data = {"sections": [{"title": "Experience", "entries": [{}, {}]}]}
    assert describe(("sections", 0, "entries", 1, "start"), data) == \
        "section 'Experience', entry 2, start"
    assert describe(("sections", 0), data) == "section 'Experience'"


def test_a_section_without_a_title_keeps_its_place() -> None:
    data = {"sections": [{"type": "publications"}, {"title": "  "}]}
    assert describe(("sections", 0, "query", "since"), data) == "sections[0].query.since"
    assert describe(("sections", 1, "entries", 0), data) == "sections[1].entries[0]"
    assert describe(("sections", 5, "entries", 0), data) == "sections[5].entries[0]"
    assert describe(("pdf", "variants", 1, "max_pages")) == "pdf.variants[1].max_pages"
