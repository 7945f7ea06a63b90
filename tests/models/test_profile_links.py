"""Profile links: each service takes a handle or its profile URL and keeps one canonical URL."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from cvsite.models import Profile
from cvsite.paths import WEB, link_problem

ACCEPTED = {
    "linkedin": (["xiaoxiawu1", "https://www.linkedin.com/in/xiaoxiawu1/",
                  "linkedin.com/in/xiaoxiawu1", "https://de.linkedin.com/in/xiaoxiawu1?trk=x"],
                 "https://www.linkedin.com/in/xiaoxiawu1/"),
    "scholar": (["JicYPdAAAAAJ", "https://scholar.google.com/citations?user=JicYPdAAAAAJ&hl=en",
                 "scholar.google.co.uk/citations?hl=en&user=JicYPdAAAAAJ"],
                "https://scholar.google.com/citations?user=JicYPdAAAAAJ"),
    "github": (["octocat", "@octocat", "https://github.com/octocat/", "github.com/octocat"],
               "https://github.com/octocat"),
    "orcid": (["0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097",
               "orcid.org/0000-0002-1825-0097"], "https://orcid.org/0000-0002-1825-0097"),
    "semantic_scholar": (["1741101", "https://www.semanticscholar.org/author/Jane-Wu/1741101",
                          "https://www.semanticscholar.org/author/1741101"],
                         "https://www.semanticscholar.org/author/1741101"),
    "dblp": (["180/0479-2", "https://dblp.org/pid/180/0479-2.html",
              "dblp.uni-trier.de/pid/180/0479-2"], "https://dblp.org/pid/180/0479-2.html"),
    "openreview": (["~Jane_Wu1", "Jane_Wu1", "https://openreview.net/profile?id=~Jane_Wu1"],
                   "https://openreview.net/profile?id=~Jane_Wu1"),
    "huggingface": (["julien-c", "https://huggingface.co/julien-c"],
                    "https://huggingface.co/julien-c"),
    "x": (["jack", "@jack", "https://twitter.com/jack", "https://x.com/jack/"],
          "https://x.com/jack"),
    "bluesky": (["jay.bsky.team", "@Jay.bsky.team", "https://bsky.app/profile/jay.bsky.team"],
                "https://bsky.app/profile/jay.bsky.team"),
    "mastodon": (["@Gargron@mastodon.social", "Gargron@Mastodon.Social",
                  "https://mastodon.social/@Gargron"], "https://mastodon.social/@Gargron"),
}

REFUSED = {
    "linkedin": ("https://www.linkedin.com/company/acme", "not a LinkedIn profile URL"),
    "scholar": ("https://scholar.google.com/citations?hl=en",
                "not a Google Scholar profile URL (no 'user=')"),
    "github": ("https://github.com/octocat/hello-world", "not a GitHub profile URL"),
    "orcid": ("0000-0002-1825-0098", "the ORCID iD's last digit (its checksum) should be 7"),
    "semantic_scholar": ("Jane Wu", "not a Semantic Scholar profile id or URL"),
    "dblp": ("https://dblp.org/pers/hd/w/Wu:Jane", "not a dblp profile URL"),
    "openreview": ("https://openreview.net/forum?id=abc123", "not an OpenReview profile URL"),
    "huggingface": ("https://huggingface.co/meta-llama/Llama-2-7b",
                    "not a Hugging Face profile URL"),
    "x": ("@a_handle_far_too_long", "not an X profile id or URL"),
    "bluesky": ("jay", "not a Bluesky profile id or URL"),
    "mastodon": ("@gargron", "not a Mastodon profile id or URL"),
}


def _profile(**fields: object) -> Profile:
    return Profile.model_validate({"name": "Jane Wu", "summary": "Hello.", **fields})


@pytest.mark.parametrize(("key", "forms", "url"), [(k, *v) for k, v in ACCEPTED.items()])
def test_each_service_takes_a_handle_or_its_url_and_keeps_one_url(
        key: str, forms: list[str], url: str) -> None:
    for form in forms:
        (link,) = _profile(**{key: form}).profile_links
        assert (link.key, link.url) == (key, url), form


@pytest.mark.parametrize(("key", "value", "problem"), [(k, *v) for k, v in REFUSED.items()])
def test_each_service_refuses_what_is_not_its_profile_and_says_the_accepted_forms(
        key: str, value: str, problem: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _profile(**{key: value})
    (err,) = caught.value.errors()
    assert err["type"] == "profile_link" and err["loc"] == (key,)
    assert err["msg"] == f"{problem}, got {value!r}"
    assert err["ctx"]["hint"].startswith("accepted: ")


def test_every_service_has_a_test() -> None:
    fields = set(Profile.model_fields) - {"name", "preferred_name", "honorific", "location",
                                          "email", "website", "links", "summary", "interests",
                                          "photo", "photo_in_pdf"}
    assert set(ACCEPTED) == set(REFUSED) == fields


def test_links_come_in_a_fixed_order_with_the_free_links_last() -> None:
    profile = _profile(links=[{"label": "Blog", "url": "https://blog.example.org/"}],
                       mastodon="@jane@hci.social", orcid="0000-0002-1825-0097",
                       linkedin="jane-wu")
    shown = [(link.key, link.label, link.text) for link in profile.profile_links]
    assert shown == [("linkedin", "LinkedIn", "linkedin.com/in/jane-wu"),
                     ("orcid", "ORCID", "ORCID 0000-0002-1825-0097"),
                     ("mastodon", "Mastodon", "@jane@hci.social"),
                     ("other", "Blog", "Blog")]


def test_a_free_link_needs_a_web_address() -> None:
    with pytest.raises(ValidationError) as caught:
        _profile(links=[{"label": "Blog", "url": "javascript:alert(1)"}])
    assert caught.value.errors()[0]["loc"] == ("links", 0, "url")


def test_an_id_yaml_reads_as_a_number_is_taken_as_written() -> None:
    (link,) = _profile(semantic_scholar=1741101).profile_links  # `semantic_scholar: 1741101`
    assert link.url == "https://www.semanticscholar.org/author/1741101"


_PIECES = st.sampled_from(["https://", "github.com/", "orcid.org/", "bsky.app/profile/",
                           "scholar.google.com/citations?user=", "openreview.net/profile?id=",
                           "dblp.org/pid/", "x.com/", "/@", "@", "[", "]", "~", "%", " ", "é",
                           "\\", "0000-0002-1825-0097", "AbCdEfGhIjKl", ".html", "a.b"])


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(ACCEPTED)), st.lists(_PIECES, max_size=6).map("".join))
def test_any_text_is_a_profile_the_link_policy_allows_or_a_profile_link_error(
        key: str, value: str) -> None:
    try:
        links = _profile(**{key: value}).profile_links
    except ValidationError as exc:
        assert {e["type"] for e in exc.errors()} <= {"profile_link", "string_too_short"}
    else:
        assert all(link_problem(link.url, WEB, relative=False) is None for link in links)
