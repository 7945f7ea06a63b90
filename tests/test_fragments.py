"""The markup made in Python is what the theme's template loops made, with every text escaped."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment

from cvsite.build import build
from cvsite.fragments import author_list, highwire_meta
from cvsite.models import Author, Publication, SiteConfig
from cvsite.scholar import highwire

LOOP = ('{% for a in pub.authors %}{% if not loop.first %}, {% endif %}{% if a.owner %}'
        '<strong class="owner">{{ a.display }}</strong>{% else %}{{ a.display }}{% endif %}'
        '{% if a.equal %}<sup class="equal">*</sup>{% endif %}{% endfor %}'
        '{% if pub.et_al %}, et&nbsp;al.{% endif %}')
"""The theme's `author_list` macro as it was written in Jinja."""

HIGHWIRE = ('{% for name, content in highwire(pub, config) %}\n'
            '<meta name="{{ name }}" content="{{ content }}">\n{% endfor %}\n')
"""The theme's loop over the Highwire tags, as it was written in Jinja."""

NAME = st.text(alphabet=st.sampled_from("Ab <>&\"'é王"), min_size=1, max_size=6)
AUTHOR = st.builds(Author, given=NAME, family=NAME, owner=st.booleans(), equal=st.booleans(),
                   family_first=st.booleans())


@settings(max_examples=200, deadline=None)
@given(st.lists(AUTHOR, max_size=5), st.booleans())
def test_author_list_is_the_theme_loop_with_names_escaped(authors: list[Author],
                                                          et_al: bool) -> None:
    pub = Publication(key="k", entry_type="article", title="T", authors=tuple(authors),
                      et_al=et_al, year=2024)
    expected = Environment(autoescape=True).from_string(LOOP).render(pub=pub)
    assert str(author_list(pub)) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(AUTHOR, min_size=1, max_size=3), NAME, st.sampled_from(
    [{}, {"pdf": "papers/a&b.pdf", "doi": "10.1/<x>", "pages": "1\u20132"},
     {"pdf": "https://elsewhere.org/x.pdf", "eprint": "2401.0001", "journal": "J <&>"},
     {"entry_type": "techreport", "number": "7\"", "institution": "I & J"}]))
def test_highwire_meta_is_the_theme_loop_with_values_escaped(
        authors: list[Author], title: str, fields: dict[str, str]) -> None:
    config = SiteConfig(title="S", base_url="https://example.org/a&b/")
    pub = Publication(**{"key": "k<1>", "entry_type": "article", "title": f"T{title}",
                         "authors": tuple(authors), "year": 2024, "month": 5, **fields})
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    expected = env.from_string(HIGHWIRE).render(pub=pub, config=config, highwire=highwire)
    assert str(highwire_meta(pub, config)) == expected


def test_a_project_author_list_macro_reaches_paper_pages_and_lists(project: Path) -> None:
    """The theme's pages show author lists through the `author_list` macro, not the filter."""
    macros = project / "templates" / "_macros.html"
    text = macros.read_text("utf-8")
    assert "{{ pub | author_list }}\n" in text
    macros.write_text(text.replace("{{ pub | author_list }}\n",
                                   "<span data-own>{{ pub | author_list }}</span>\n", 1), "utf-8")
    (project / "templates" / "publication.html").unlink()  # the theme's own paper page
    out = project / "_site"
    build(project, out)
    listed = (out / "publications" / "index.html").read_text("utf-8")
    assert listed.count("<span data-own>") == listed.count('class="pub-authors"') > 0
    papers = list((out / "publications").glob("*/index.html"))
    papers = [p for p in papers if p.parent.name != "by-year"]
    assert papers and all("<p class=\"paper-authors\"><span data-own>" in p.read_text("utf-8")
                          for p in papers)
