"""A value of the wrong type is an error at its file:line:col, saying what type is wanted and
showing the value as the YAML file writes it."""

from __future__ import annotations

from cvsite.models import CV, SiteConfig
from cvsite.sources.yaml import parse_yaml
from cvsite.validate.documents import validate_doc

SITE = "title: Ada Example\nbase_url: https://ada.example.org/\n"


def _messages(model: type[SiteConfig] | type[CV], text: str,
              file: str = "content/site.yaml") -> list[str]:
    doc, problems = parse_yaml(text.encode(), file)
    assert problems == []
    loaded, problems = validate_doc(model, doc)
    assert loaded is None
    return [p.format() for p in problems]


def test_max_authors_true_is_an_error_at_its_line() -> None:
    assert _messages(SiteConfig, SITE + "publications:\n  max_authors: true\n") == [
        "content/site.yaml:4:16: error: publications.max_authors: expected a whole number "
        "(or null), got true"]


def test_every_value_of_the_wrong_type_is_reported_at_once() -> None:
    text = SITE + ('scholar_warnings: "no"\n'
                   "pdf:\n"
                   "  variants:\n"
                   "    - name: cv\n"
                   '      max_pages: "2"\n'
                   "      selected_publications_only: 1\n"
                   "      max_highlights: -1\n")
    assert sorted(_messages(SiteConfig, text)) == [  # by line
        "content/site.yaml:3:19: error: scholar_warnings: expected true or false, got 'no'",
        "content/site.yaml:7:18: error: pdf.variants[0].max_pages: expected a whole number, "
        "got '2'",
        "content/site.yaml:8:35: error: pdf.variants[0].selected_publications_only: expected "
        "true or false, got 1",
        "content/site.yaml:9:23: error: pdf.variants[0].max_highlights: input should be "
        "greater than or equal to 0"]


def test_a_date_where_text_is_expected_is_shown_as_written() -> None:
    text = "sections:\n  - title: 2020-05-01\n    type: items\n"
    assert _messages(CV, text, "content/cv.yaml") == [
        "content/cv.yaml:2:12: error: sections[0].title: expected text, got 2020-05-01"]
