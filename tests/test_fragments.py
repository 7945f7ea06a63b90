"""The markup made in Python is what the theme's template loops made, with every text escaped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment

from cvsite.fragments import author_list
from cvsite.models import Author, Publication

LOOP = ('{% for a in pub.authors %}{% if not loop.first %}, {% endif %}{% if a.owner %}'
        '<strong class="owner">{{ a.display }}</strong>{% else %}{{ a.display }}{% endif %}'
        '{% if a.equal %}<sup class="equal">*</sup>{% endif %}{% endfor %}'
        '{% if pub.et_al %}, et&nbsp;al.{% endif %}')
"""The theme's `author_list` macro as it was written in Jinja."""

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
