"""Author lists: the owner in bold, equal contributors starred, CJK names tagged, et al. counted."""

from __future__ import annotations

import gettext

from cvsite.language import translations
from cvsite.models import Author, Publication
from cvsite.render.authors import author_list

authors = author_list(gettext.NullTranslations())


def paper(*people: Author, et_al: bool = False, **fields: object) -> Publication:
    """A publication by `people`."""
    return Publication(key="k", entry_type="article", title="T", title_text="T",
                       authors=people, et_al=et_al, **fields)  # type: ignore[arg-type]


def test_the_owner_is_bold_and_an_equal_contributor_starred() -> None:
    html = authors(paper(Author(given="Ada", family="Lovelace", owner=True, equal=True),
                         Author(given="Charles", family="Babbage", equal=True)))
    assert html == ('<strong class="owner">Ada Lovelace</strong><sup class="equal">*</sup>, '
                    'Charles Babbage<sup class="equal">*</sup>')


def test_a_chinese_name_is_tagged_and_names_are_escaped() -> None:
    html = authors(paper(Author(given="小明", family="王", family_first=True),
                         Author(given="<b>", family="O'Brien & Co")))
    assert html == '<span lang="zh">王小明</span>, &lt;b&gt; O&#39;Brien &amp; Co'


def test_a_long_list_shows_the_first_and_the_owner_then_how_many() -> None:
    people = [Author(given="P", family=f"A{i}") for i in range(5)]
    owner = Author(given="Ada", family="Example", owner=True)
    html = authors(paper(*people, owner, *people), 2)
    assert html == ('P A0, P A1, …, <strong class="owner">Ada Example</strong>, '
                    "et&nbsp;al. (11 authors)")
    assert authors(paper(*people, et_al=True), 2).endswith("et&nbsp;al. (5+ authors)")
    assert authors(paper(*people[:2], et_al=True)) == "P A0, P A1, et&nbsp;al."


def test_editors_listed_as_authors_are_marked() -> None:
    editors = (Author(given="E", family="Ditor"),)
    book = paper(*editors, editors=editors).model_copy(update={"entry_type": "book"})
    assert authors(book) == "E Ditor (ed.)"


def test_the_counts_are_in_the_site_language() -> None:
    people = [Author(given="P", family=f"A{i}") for i in range(4)]
    german = author_list(translations("de"))
    assert german(paper(*people), 1) == "P A0, u.&nbsp;a. (4 Autoren)"
