"""Structured data for search engines: JSON-LD `Person` and `ScholarlyArticle`, safely encoded."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from cvsite.models import Profile, Publication, Site
from cvsite.validate.scholar import absolute, paper_path, pdf_url, publication_date

JsonLd = dict[str, Any]
_STRING: Callable[[str], str] = getattr(json.encoder, "c_encode_basestring", None) or \
    json.encoder.py_encode_basestring


_KEYS: dict[str, str] = {}
_SMALL: dict[tuple[object, ...], str] = {}
"""`_indented` of small dicts of strings by (pad, items): the authors of the papers as people."""


def _indented(value: object, pad: str) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)` for strings, dicts and lists of them
    (json's indenting encoder is pure Python: this one is several times faster; a string
    member is encoded in place, not through a call of its own; a small dict of strings once)."""
    if type(value) is str:
        return _STRING(value)
    inner = pad + "  "
    if type(value) is dict:
        if not value:
            return "{}"
        items = []
        for key, item in value.items():
            name = _KEYS.get(key) if type(key) is str else None
            if name is None:
                name = _key(key)
            items.append(name + _STRING(item) if type(item) is str else name + _member(item, inner))
        return "{" + inner + ("," + inner).join(items) + pad + "}"
    if type(value) is list or type(value) is tuple:
        if not value:
            return "[]"
        return "[" + ",".join([inner + _STRING(item) if type(item) is str
                               else inner + _member(item, inner) for item in value]) + pad + "]"
    if isinstance(value, str):
        return _STRING(value)
    raise TypeError(type(value).__name__)


def _key(key: object) -> str:
    """A dict key as JSON followed by `: ` (the few keys of JSON-LD are encoded once)."""
    if type(key) is not str:
        raise TypeError("non-string key")
    text = _STRING(key) + ": "
    if len(_KEYS) < 1024:
        _KEYS[key] = text
    return text


def _member(value: object, pad: str) -> str:
    """`_indented` of a member of a list or dict: a small dict of strings encoded once."""
    if type(value) is not dict or len(value) > 4:
        return _indented(value, pad)
    key = (pad, *value.items())
    try:
        known = _SMALL.get(key)
    except TypeError:  # a list or dict among the values
        return _indented(value, pad)
    if known is None:
        known = _indented(value, pad)
        if len(_SMALL) < 8192 and all(type(v) is str for v in value.values()):
            _SMALL[key] = known  # only strings: no 1 == True == 1.0 among the keys
    return known


def jsonld(data: JsonLd) -> Markup:
    """JSON for an `application/ld+json` script: `<`, `>`, `&` escaped, so no `</script>`."""
    try:
        text = _indented(data, "\n")
    except TypeError:  # numbers, booleans, …: json's own encoder
        text = json.dumps(data, ensure_ascii=False, indent=2)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # JSON with every markup-significant character escaped


def profile_links(profile: Profile) -> list[str]:
    """Full URLs of the person's profiles elsewhere."""
    handles = ((profile.linkedin, "https://www.linkedin.com/in/{}/"),
               (profile.scholar, "https://scholar.google.com/citations?user={}"),
               (profile.github, "https://github.com/{}"), (profile.orcid, "https://orcid.org/{}"))
    found = [profile.website] if profile.website else []
    return found + [pattern.format(handle) for handle, pattern in handles if handle]


def person(site: Site) -> JsonLd:
    """schema.org `Person` for the home page."""
    p, now = site.profile, site.current_position
    data: JsonLd = {"@context": "https://schema.org", "@type": "Person", "name": p.name,
                    "url": absolute(site.config)}
    if p.preferred_name:
        data["alternateName"] = p.display_name
    if p.honorific:
        data["honorificPrefix"] = p.honorific
    if now:
        data["jobTitle"] = now.role
        data["worksFor"] = {"@type": "Organization", "name": now.organization}
    schools = dict.fromkeys(d.institution for d in site.cv.education)
    if schools:
        data["alumniOf"] = [{"@type": "CollegeOrUniversity", "name": s} for s in schools]
    if p.email:
        data["email"] = f"mailto:{p.email}"
    if p.location:
        data["homeLocation"] = {"@type": "Place", "name": p.location}
    if p.interests:
        data["knowsAbout"] = list(p.interests)
    same = [u for u in profile_links(p) if u.rstrip("/") != absolute(site.config).rstrip("/")]
    if same:
        data["sameAs"] = same
    return data


def article(pub: Publication, site: Site) -> JsonLd:
    """schema.org `ScholarlyArticle` for a paper page."""
    url = absolute(site.config, paper_path(pub))
    data: JsonLd = {"@context": "https://schema.org", "@type": "ScholarlyArticle",
                    "@id": url, "url": url, "headline": pub.title_text, "name": pub.title_text,
                    "author": [{"@type": "Person", "name": a.display} for a in pub.authors],
                    "datePublished": publication_date(pub, "-")}
    if pub.journal:
        data["isPartOf"] = {"@type": "Periodical", "name": pub.journal}
    elif pub.booktitle:
        data["publication"] = {"@type": "PublicationEvent", "name": pub.booktitle}
    if pub.abstract:
        data["abstract"] = pub.abstract
    if pub.award:
        data["award"] = pub.award.capitalize()
    same = [u for u in (pub.eprint_url, f"https://doi.org/{pub.doi}" if pub.doi else None) if u]
    if same:
        data["sameAs"] = same
    if pub.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": pub.doi}
    pdf = pdf_url(pub, site.config)
    if pdf:
        data["encoding"] = {"@type": "MediaObject", "contentUrl": pdf,
                            "encodingFormat": "application/pdf"}
    return data
