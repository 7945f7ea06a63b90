"""The template environment gives the pages it gave before: `once` in old templates, live
globals, and the publication groups of the list pages."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cvsite.models import Author, Publication, Site
from cvsite.models.publication import newest_first
from cvsite.paths import THEME
from cvsite.render.environment import make_environment


def test_a_template_made_by_an_older_cvsite_new_still_renders_its_once_calls(
        site: Site, tmp_path: Path) -> None:
    """`once(macro, ...)`, copied into projects by earlier versions, is the macro's call."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "old.html").write_text(
        '{% import "_macros.html" as m with context %}{% macro hello() %}hi{% endmacro %}'
        "{% for pub in site.publications %}{{ once(m.publication, pub, true) }}{% endfor %}"
        "{{ once(hello) }}{{ once(hello) }}", "utf-8")
    (folder / "new.html").write_text(
        '{% import "_macros.html" as m with context %}'
        "{% for pub in site.publications %}{{ m.publication(pub, true) }}{% endfor %}hihi",
        "utf-8")
    env = make_environment(tmp_path)
    html = {name: env.get_template(name).render(site=site, url=lambda p="": "/" + p)
            for name in ("old.html", "new.html")}
    assert html["old.html"] == html["new.html"]
    assert html["old.html"].count('<li class="pub') == len(site.publications) > 0


def test_globals_set_after_the_templates_are_compiled_reach_the_pages(tmp_path: Path) -> None:
    """The build sets the PDF downloads after compiling every template."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "late.html").write_text("{{ downloads | join(',') }}", "utf-8")
    env = make_environment(tmp_path)
    late = env.get_template("late.html")
    assert late.render() == ""
    env.globals["downloads"] = ("cv.pdf", "resume.pdf")
    assert late.render() == "cv.pdf,resume.pdf"


def naive_groups(site: Site) -> tuple[list[tuple[str | None, tuple[Publication, ...]]],
                                      list[tuple[int | None, tuple[Publication, ...]]]]:
    """The list pages' groups, by the definitions: one filter per topic and per year."""
    topics = list(site.config.publications.topics)
    pubs = newest_first(site.publications)
    by_topic = [(t, tuple(p for p in pubs if p.topic == t)) for t in topics]
    rest = tuple(p for p in pubs if p.topic not in topics)
    if rest:
        by_topic.append((None, rest))
    years = sorted({p.year for p in site.publications}, reverse=True)
    by_year = [(y or None, tuple(p for p in pubs if p.year == y)) for y in years]
    return [(t, ps) for t, ps in by_topic if ps], by_year


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), drop_topics=st.booleans())
def test_publication_groups_keep_the_order_of_their_definition(
        site: Site, seed: int, drop_topics: bool) -> None:
    rng = random.Random(seed)
    topics = [*site.config.publications.topics, None, "Unlisted"]
    pubs = tuple(p.model_copy(update={"year": rng.choice((2019, 2020, 2021)),
                                      "month": rng.choice((None, 1, 6)),
                                      "topic": rng.choice(topics),
                                      "selected": rng.random() < 0.3})
                 for p in rng.sample(site.publications, len(site.publications)))
    config = site.config
    if drop_topics:
        config = config.model_copy(update={"publications": config.publications.model_copy(
            update={"topics": ()})})
    shuffled = site.model_copy(update={"publications": pubs, "config": config})
    by_topic, by_year = naive_groups(shuffled)
    assert shuffled.publications_by_topic() == by_topic
    assert shuffled.publications_by_year() == by_year
    assert shuffled.selected_publications == tuple(
        p for p in newest_first(pubs) if p.selected)


PART = st.sampled_from(["", "Xiaoxia", "van der", "Wu", "Jr.", "J. Müller"])


@given(given_name=PART, von=PART, family=PART, jr=PART, family_first=st.booleans())
def test_an_author_is_displayed_as_the_definition_says(given_name: str, von: str, family: str,
                                                        jr: str, family_first: bool) -> None:
    author = Author(given=given_name, von=von, family=family, jr=jr, family_first=family_first)
    expected = (family + given_name if family_first
                else " ".join(p for p in (given_name, von, family, jr) if p))
    assert author.display == expected


def test_the_list_macros_give_what_the_list_pages_include(site: Site, tmp_path: Path) -> None:
    """A theme that calls `publication_groups`/`publication_list` gets the default pages' HTML."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "calls.html").write_text(
        '{% import "_macros.html" as m with context %}'
        '{{ m.publication_groups(site.publications_by_topic(), "topic", level=3) }}|'
        '{{ m.publication_list(site.publications, 5, true) }}', "utf-8")
    (folder / "includes.html").write_text(
        '{% with groups = site.publications_by_topic(), prefix = "topic", level = 3, '
        'mark_selected = false %}{% include "_publication_groups.html" %}{% endwith %}|'
        '{% with pubs = site.publications, start = 5, mark_selected = true %}'
        '{% include "_publication_list.html" %}{% endwith %}', "utf-8")
    env = make_environment(tmp_path)
    html = {name: env.get_template(name).render(site=site, url=lambda p="": "/" + p)
            for name in ("calls.html", "includes.html")}
    assert html["calls.html"] == html["includes.html"]
    assert html["calls.html"].count('<li class="pub') == 2 * len(site.publications)


def test_the_theme_that_cvsite_new_copies_calls_no_once() -> None:
    """Projects made from now on get templates that call their macros directly."""
    texts = {path.name: path.read_text("utf-8") for path in (THEME / "templates").rglob("*")
             if path.is_file()}
    assert texts and not [name for name, text in texts.items() if "once(" in text]


def test_pub_year_in_an_older_template_shows_the_year_as_written(site: Site,
                                                                  tmp_path: Path) -> None:
    """Templates copied by an earlier `cvsite new` print `pub.year`: never 0 for an undated
    paper, the year as the theme shows it."""
    pub = site.publications[0]
    undated = pub.model_copy(update={"year": 0, "year_written": None})
    lettered = pub.model_copy(update={"year": 2025, "year_written": "2025a"})
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "old.html").write_text("{{ pub.year }}|{{ pub.year_label }}")
    env = make_environment(tmp_path)
    shown = [env.get_template("old.html").render(pub=p) for p in (pub, undated, lettered)]
    assert shown == [f"{pub.year}|{pub.year}", "in press|in press", "2025a|2025a"]
