"""Dr. Wu's content/ holds the seed's facts, typed, and nothing the seed lacks."""

from __future__ import annotations

from cvsite.models import CvDate, Site
from cvsite.render.venue import publication_venue


def test_profile_has_contact_facts_from_the_seed(site: Site) -> None:
    p = site.profile
    assert p.display_name == "Xiaoxia (Shirley) Wu"
    assert (p.location, p.email) == ("Bellevue, WA", "xiaoxiawu10@gmail.com")
    assert (p.website, p.linkedin) == ("https://xwushirley.github.io", "xiaoxiawu1")
    assert p.scholar is None  # the seed names Google Scholar but gives no profile id


def test_positions_have_the_seeds_dates(site: Site) -> None:
    spans = {job.organization: (job.start, job.end) for job in site.cv.positions}
    assert spans == {
        "Together AI": (CvDate(2024, 7), None),
        "Microsoft": (CvDate(2021, 11), CvDate(2024, 6)),
        "Birch.AI": (CvDate(2020, 9), CvDate(2020, 12)),
        "Google": (CvDate(2020, 5), CvDate(2020, 8)),
        "Meta AI Research": (CvDate(2017, 8), CvDate(2018, 10)),
    }
    assert site.current_position is not None
    assert site.current_position.role == "Senior Staff Scientist"


def test_every_seed_bullet_is_kept(site: Site) -> None:
    highlights = [h for job in site.cv.positions for h in job.highlights]
    assert len(highlights) == 10
    mentors = [job.mentor for job in site.cv.positions if job.mentor]
    assert mentors == ["Yinhan Liu", "Behnam Neyshabur", "Léon Bottou"]


def test_phd_has_advisors_and_thesis(site: Site) -> None:
    (phd,) = site.cv.degrees
    assert (phd.degree, phd.field) == ("Ph.D.", "Machine Learning")
    assert (phd.start, phd.end) == (CvDate(2014, 8), CvDate(2020, 12))
    assert [a.name for a in phd.advisors] == ["Rachel Ward", "Léon Bottou"]
    assert phd.thesis is not None and phd.thesis.award == "Frank Gerth III Dissertation Award"


def test_fifteen_publications_in_three_topics(site: Site) -> None:
    groups = site.publications_by_topic()
    assert [(topic, len(pubs)) for topic, pubs in groups] == [
        ("Model Compression", 8), ("Optimization and Theory", 4), ("NLP and Multi-modal", 3)]
    for _, pubs in groups:
        years = [p.year for p in pubs]
        assert years == sorted(years, reverse=True)


def test_owner_is_found_in_every_author_list(site: Site) -> None:
    for pub in site.publications:
        assert sum(a.owner for a in pub.authors) == 1, pub.key


def test_equal_contribution_and_oral_marks(site: Site) -> None:
    by_key = {p.key: p for p in site.publications}
    assert [a.family for a in by_key["wu2023zeroquantfp"].authors if a.equal] == ["Wu", "Yao"]
    assert by_key["ward2019adagrad"].authors[0].equal
    orals = sorted(p.key for p in site.publications if p.award == "oral")
    assert orals == ["ward2019adagrad", "wu2021curricula", "wu2022xtc"]
    assert publication_venue(by_key["xia2024fp6llm"]) == "arXiv:2401.14112"
    assert by_key["xia2024fp6llm"].et_al


def test_teaching_awards_and_service(site: Site) -> None:
    terms = [t.terms for t in site.cv.entries("teaching")]
    assert terms[-1] == ("Fall 2014", "Spring 2015", "Fall 2015")
    years = {a.title: a.years for a in site.cv.entries("awards")}
    assert years["Professional Development Award"] == (2018, 2019)
    assert [s.role for s in site.cv.entries("service")] == [
        "Journal Reviewer", "Conference Reviewer", "Mentor", "Volunteer Teacher"]
