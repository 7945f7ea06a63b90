"""Checks across cv.yaml and site.yaml: section ids, the PDF variants' sections, queried topics."""

from __future__ import annotations

from cvsite.errors import Diagnostic, did_you_mean, error
from cvsite.models import CV, SUMMARY, SiteConfig
from cvsite.sources.yaml import YamlDoc


def _ids(cv: CV, doc: YamlDoc) -> list[Diagnostic]:
    """Each section id once; `summary` is the profile's."""
    problems = []
    first: dict[str, int] = {}
    for index, section in enumerate(cv.sections):
        loc = ("sections", index, "id")
        line, col = doc.position(loc if loc in doc.values else ("sections", index, "title"))
        if section.id == SUMMARY:
            problems.append(error(doc.file, line, col, "the section id 'summary' is the "
                                  "profile's summary", "give this section another `id:`"))
        elif section.id in first:
            shown = doc.position(("sections", first[section.id]))[0]
            problems.append(error(doc.file, line, col, f"two sections have the id "
                                  f"'{section.id}' (first at line {shown})",
                                  "give one of them another `id:` (or title)"))
        else:
            first[section.id] = index
    return problems


def _topics(cv: CV, config: SiteConfig, doc: YamlDoc) -> list[Diagnostic]:
    """A query's topic must be one of site.yaml's topics."""
    problems = []
    topics = list(config.publications.topics)
    for index, section in enumerate(cv.sections):
        topic = section.query.topic if section.type == "publications" else None
        if topic is not None and topic not in topics:
            line, col = doc.position(("sections", index, "query", "topic"))
            near = did_you_mean(topic, topics)
            listed = f"site.yaml's topics: {', '.join(topics)}" if topics else (
                "site.yaml's `publications.topics` lists none")
            problems.append(error(doc.file, line, col, f"unknown topic {topic!r}",
                                  f"{near} {listed}" if near else listed))
    return problems


def _variants(cv: CV, config: SiteConfig, site_doc: YamlDoc) -> list[Diagnostic]:
    """Every section a PDF variant names is one of cv.yaml's (or `summary`)."""
    problems = []
    ids = cv.ids
    for index, variant in enumerate(config.pdf.variants):
        for at, name in enumerate(variant.sections or ()):
            if name in ids:
                continue
            line, col = site_doc.position(("pdf", "variants", index, "sections", at))
            near = did_you_mean(name, ids)
            listed = f"the sections are: {', '.join(dict.fromkeys(ids))}"
            problems.append(error(site_doc.file, line, col,
                                  f"unknown section {name!r} in PDF variant '{variant.name}'",
                                  f"{near} {listed}" if near else listed))
    return problems


def check_sections(cv: CV, config: SiteConfig, cv_doc: YamlDoc,
                   site_doc: YamlDoc) -> list[Diagnostic]:
    """Every problem that needs both cv.yaml and site.yaml to be seen."""
    return [*_ids(cv, cv_doc), *_topics(cv, config, cv_doc), *_variants(cv, config, site_doc)]
