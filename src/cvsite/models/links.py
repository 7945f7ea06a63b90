"""Profile links: each service's accepted forms (a handle or its URL) and one canonical URL."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from pydantic_core import PydanticCustomError

_DOMAIN = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]"
_MASTODON = rf"@?[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*@{_DOMAIN}"


@dataclass(frozen=True)
class Service:
    """One site's profile: what an id looks like, where it sits in a URL, its canonical URL."""

    key: str
    """The field of profile.yaml."""
    label: str
    ident: str
    """A regular expression an id matches whole."""
    hosts: str
    """A regular expression the URL's host (without `www.`) matches whole."""
    path: str
    """A regular expression the URL's path matches whole; group `id` (or the `query` key)."""
    url: str
    """The canonical URL, `{}` for the id."""
    forms: str
    """The accepted forms, for the hint."""
    text: str = "{label}"
    """What the PDF shows (`{id}`, `{label}`)."""
    query: str = ""
    """The query parameter holding the id, when the path does not."""
    at: bool = False
    """Whether a leading `@` on the id is dropped."""


SERVICES: tuple[Service, ...] = (
    Service("linkedin", "LinkedIn", r"[\w-]{3,100}", r"(?:[a-z]{2}\.)?linkedin\.com",
            r"/in/(?P<id>[^/]+)/?", "https://www.linkedin.com/in/{}/",
            "NAME (the part after /in/), or https://www.linkedin.com/in/NAME",
            text="linkedin.com/in/{id}"),
    Service("scholar", "Google Scholar", r"[A-Za-z0-9_-]{12}", r"scholar\.google\.[a-z.]{2,9}",
            r"/citations/?", "https://scholar.google.com/citations?user={}",
            "the 12-character id, or https://scholar.google.com/citations?user=ID",
            query="user"),
    Service("github", "GitHub", r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}",
            r"github\.com", r"/(?P<id>[^/]+)/?", "https://github.com/{}",
            "USER, @USER, or https://github.com/USER", text="github.com/{id}", at=True),
    Service("orcid", "ORCID", r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", r"orcid\.org",
            r"/(?P<id>[^/]+)/?", "https://orcid.org/{}",
            "0000-0002-1825-0097, or https://orcid.org/0000-0002-1825-0097", text="ORCID {id}"),
    Service("semantic_scholar", "Semantic Scholar", r"\d{1,12}", r"semanticscholar\.org",
            r"/author/(?:[^/]+/)?(?P<id>[^/]+)/?", "https://www.semanticscholar.org/author/{}",
            "the author id (digits), or https://www.semanticscholar.org/author/NAME/ID"),
    Service("dblp", "dblp", r"[a-z0-9]{1,6}/[A-Za-z0-9=_-]+", r"dblp\.(?:org|uni-trier\.de)",
            r"/pid/(?P<id>.+?)(?:\.html)?/?", "https://dblp.org/pid/{}.html",
            "the pid such as 12/3456 or w/JaneWu, or https://dblp.org/pid/12/3456.html"),
    Service("openreview", "OpenReview", r"~[^\W\d_][\w.'-]*\d+", r"openreview\.net",
            r"/profile/?", "https://openreview.net/profile?id={}",
            "~First_Last1, or https://openreview.net/profile?id=~First_Last1", query="id"),
    Service("huggingface", "Hugging Face", r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?",
            r"huggingface\.co", r"/(?P<id>[^/]+)/?", "https://huggingface.co/{}",
            "USER, or https://huggingface.co/USER", text="huggingface.co/{id}"),
    Service("x", "X", r"[A-Za-z0-9_]{1,15}", r"(?:mobile\.)?(?:x|twitter)\.com",
            r"/(?P<id>[^/]+)/?", "https://x.com/{}", "USER, @USER, or https://x.com/USER",
            text="@{id}", at=True),
    Service("bluesky", "Bluesky", _DOMAIN + r"|did:plc:[a-z2-7]{24}", r"bsky\.app",
            r"/profile/(?P<id>[^/]+)/?", "https://bsky.app/profile/{}",
            "NAME.bsky.social (or your domain), or https://bsky.app/profile/NAME.bsky.social",
            text="@{id}", at=True),
    Service("mastodon", "Mastodon", _MASTODON, _DOMAIN, r"/@(?P<id>[^/@]+)/?",
            "https://{host}/@{user}", "@USER@SERVER, or https://SERVER/@USER", text="@{id}"),
)
BY_KEY = {service.key: service for service in SERVICES}


def _name(service: Service) -> str:
    """The service's name after `a` or `an`, as it is said (`an ORCID`, `an X`)."""
    return ("an " if service.label[0] in "AEIOUX" else "a ") + service.label


def _refuse(service: Service, value: str, problem: str) -> PydanticCustomError:
    """The error for a value that is no `service` profile, with the accepted forms as hint."""
    return PydanticCustomError(
        "profile_link", "{problem}, got {value}",
        {"problem": problem, "value": repr(value), "hint": f"accepted: {service.forms}"})


def _from_url(service: Service, value: str) -> str:
    """The id inside a URL of `service`'s profile pages."""
    try:
        parts = urlsplit(value if "://" in value else "https://" + value)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # a bracketed host that is no IPv6 address
        raise _refuse(service, value, f"not {_name(service)} profile URL") from None
    match = re.fullmatch(service.path, parts.path) if parts.scheme in ("http", "https") else None
    if not re.fullmatch(service.hosts, host) or match is None:
        raise _refuse(service, value, f"not {_name(service)} profile URL")
    if service.query:
        found = parse_qs(parts.query).get(service.query, [])
        if not found:
            missing = f"not {_name(service)} profile URL (no '{service.query}=')"
            raise _refuse(service, value, missing)
        ident = found[0]
    else:
        ident = match["id"]
    return f"{ident}@{host}" if service.key == "mastodon" else ident


def _orcid_problem(ident: str) -> str | None:
    """Why an ORCID iD's check digit (ISO 7064 11,2) is wrong, if it is."""
    total = 0
    for digit in ident.replace("-", "")[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    expected = "X" if check == 10 else str(check)
    if ident[-1] == expected:
        return None
    return f"the ORCID iD's last digit (its checksum) should be {expected}"


def canonical_id(service: Service, value: str) -> str:
    """`value` (an id or a profile URL) as the service's id; raise a `profile_link` error."""
    value = value.strip()
    looks_like_url = "://" in value or value.lower().startswith(service.url.split("/")[2])
    if looks_like_url or ("/" in value and "." in value.split("/")[0]):
        ident = _from_url(service, value)
    else:
        ident = value
    if service.at:
        ident = ident.removeprefix("@")
    if service.key == "openreview" and not ident.startswith("~"):
        ident = "~" + ident
    if service.key == "bluesky":
        ident = ident.lower()
    elif service.key == "mastodon":
        user, _, host = ident.removeprefix("@").partition("@")
        ident = f"{user}@{host.lower()}"
    if not re.fullmatch(service.ident, ident):
        raise _refuse(service, value, f"not {_name(service)} profile id or URL")
    problem = _orcid_problem(ident) if service.key == "orcid" else None
    if problem:
        raise _refuse(service, value, problem)
    return ident


def profile_url(service: Service, ident: str) -> str:
    """The canonical URL of the profile `ident` (an id `canonical_id` returned)."""
    if service.key == "mastodon":
        user, _, host = ident.partition("@")
        return service.url.format(host=host, user=user)
    return service.url.format(ident)


@dataclass(frozen=True)
class ProfileLink:
    """One link of the person's profiles elsewhere, as the pages show it."""

    key: str
    """The service (`github`) or `other`; names the icon."""
    label: str
    url: str
    text: str
    """The short form the PDF shows (`github.com/USER`)."""


def profile_link(key: str, ident: str) -> ProfileLink:
    """The link to the `key` profile `ident` (an id `canonical_id` returned)."""
    service = BY_KEY[key]
    text = service.text.format(id=ident, label=service.label)
    return ProfileLink(key, service.label, profile_url(service, ident), text)


def json_schema(key: str) -> dict[str, object]:
    """The JSON Schema of a `key` profile field (the validator is the full check); an id of
    digits may be written as a number."""
    service = BY_KEY[key]
    kind: object = ["string", "integer"] if re.fullmatch(service.ident, "1234") else "string"
    return {"type": kind, "minLength": 1,
            "description": f"your {service.label} profile: {service.forms}"}


def checker(key: str) -> Callable[[str], str]:
    """The validator turning a `key` profile's handle or URL into its canonical id."""
    service = BY_KEY[key]

    def check(value: str) -> str:
        return canonical_id(service, value)

    return check
