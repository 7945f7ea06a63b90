"""Structured data for search engines: JSON-LD `Person` and `ScholarlyArticle`, safely encoded."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from cvsite.models import Profile, Publication, Site
from cvsite.texmath import plain
from cvsite.validate.scholar import absolute, paper_path, pdf_url, publication_date

JsonLd = dict[str, Any]

def jsonld(data: JsonLd) -> Markup:
    """JSON for an `application/ld+json` script: `<`, `>`, `&` escaped, so no `</script>`."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # compact: C-encoded
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # JSON with every markup-significant character escaped


def profile_links(profile: Profile) -> list[str]:
    """Full URLs of the person's profiles elsewhere: the website, then each profile link."""
    found = [profile.website] if profile.website else []
    return found + [link.url for link in profile.profile_links]


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
    schools = dict.fromkeys(d.institution for d in site.cv.degrees)
    if schools:
        data["alumniOf"] = [{"@type": "CollegeOrUniversity", "name": s} for s in schools]
    if p.email:
        data["email"] = f"mailto:{p.email}"
    if p.location:
        data["homeLocation"] = {"@type": "Place", "name": p.location}
    if p.interests:
        data["knowsAbout"] = list(p.interests)
    if p.photo:
        data["image"] = absolute(site.config, p.photo_files[640])
    same = [u for u in profile_links(p) if u.rstrip("/") != absolute(site.config).rstrip("/")]
    if same:
        data["sameAs"] = same
    return data


def article(pub: Publication, site: Site) -> JsonLd:
    """schema.org `ScholarlyArticle` for a paper page."""
    url = absolute(site.config, paper_path(pub))
    data: JsonLd = {"@context": "https://schema.org", "@type": "ScholarlyArticle",
                    "@id": url, "url": url, "headline": pub.title_text, "name": pub.title_text,
                    "author": [{"@type": "Person", "name": a.display} for a in pub.authors]}
    if date := publication_date(pub, "-"):
        data["datePublished"] = date
    if pub.journal:
        data["isPartOf"] = {"@type": "Periodical", "name": plain(pub.journal)}
    elif pub.booktitle:
        data["publication"] = {"@type": "PublicationEvent", "name": plain(pub.booktitle)}
    if pub.abstract:
        data["abstract"] = plain(pub.abstract)
    if pub.award:
        data["award"] = pub.award.capitalize()
    same = [u for u in (pub.eprint_url, pub.doi_url) if u]
    if same:
        data["sameAs"] = same
    if pub.doi_id:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": pub.doi_id}
    pdf = pdf_url(pub, site.config)
    if pdf:
        data["encoding"] = {"@type": "MediaObject", "contentUrl": pdf,
                            "encodingFormat": "application/pdf"}
    return data
