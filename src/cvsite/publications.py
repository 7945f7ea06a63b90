"""BibTeX entries to Publication models, every problem reported with its key and line."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from cvsite.bibsource import RawEntry
from cvsite.citation import clean_bibtex
from cvsite.errors import Diagnostic, error
from cvsite.latex import to_text
from cvsite.models import Publication, SiteConfig
from cvsite.names import parse_authors
from cvsite.validate import did_you_mean

REQUIRED = ("title", "author", "year")
DECODED = ("title", "booktitle", "journal", "publisher", "volume", "number", "abstract", "award",
           "topic")
VERBATIM = {"eprint": "eprint", "archiveprefix": "archive_prefix", "doi": "doi", "url": "url",
            "pdf": "pdf", "code": "code", "slides": "slides", "project": "project"}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
TRUE, FALSE = ("true", "yes", "1"), ("false", "no", "0")


def _month(value: str) -> int | None:
    """1–12 from `3`, `mar`, `March`; None when unreadable."""
    value = value.strip().lower()
    if value.isdigit() and 1 <= int(value) <= 12:
        return int(value)
    return MONTHS.index(value[:3]) + 1 if value[:3] in MONTHS else None


def _pages(value: str) -> str:
    """`12--34` and `12-34` as an en-dash range."""
    return re.sub(r"\s*-+\s*", "\N{EN DASH}", value.strip())


def convert(raw: RawEntry, config: SiteConfig, file: str) -> tuple[Publication | None,
                                                                    list[Diagnostic]]:
    """One raw entry as a Publication, or the reasons it cannot be one."""
    def at(name: str, message: str, hint: str | None = None) -> Diagnostic:
        return error(file, raw.field_lines.get(name, raw.line), 0,
                     f"entry '{raw.key}': {message}", hint)

    fields = raw.fields
    problems = [at(name, f"missing required field '{name}'") for name in REQUIRED
                if not fields.get(name, "").strip()]
    data: dict[str, Any] = {"key": raw.key, "entry_type": raw.entry_type, "line": raw.line,
                            "bibtex": clean_bibtex(raw)}
    year = fields.get("year", "").strip()
    if year and not re.fullmatch(r"\d{4}", year):
        problems.append(at("year", f"year {year!r} is not a four-digit year"))
    data["year"] = int(year) if year.isdigit() else 0
    if "month" in fields:
        data["month"] = _month(fields["month"])
        if data["month"] is None:
            problems.append(at("month", f"month {fields['month']!r} is not a month",
                               "use 1-12, jan-dec or a month name"))
    for name in DECODED:
        if fields.get(name, "").strip():
            data[name] = to_text(fields[name])
    for name, attr in VERBATIM.items():
        if fields.get(name, "").strip():
            data[attr] = fields[name].strip()
    if "pages" in fields:
        data["pages"] = _pages(fields["pages"])
    if "selected" in fields:
        flag = fields["selected"].strip().lower()
        if flag not in TRUE + FALSE:
            problems.append(at("selected", f"selected must be true or false, not {flag!r}"))
        data["selected"] = flag in TRUE
    topics = list(config.publications.topics)
    topic = data.get("topic")
    if topic and topics and topic not in topics:
        problems.append(at("topic", f"unknown topic '{topic}'",
                           did_you_mean(topic, topics) or f"topics: {', '.join(topics)}"))
    if fields.get("author", "").strip():
        data["authors"], data["et_al"] = parse_authors(fields["author"], config.owner_aliases)
    if problems:
        return None, problems
    try:
        return Publication.model_validate(data), []
    except ValidationError as exc:
        return None, [at(str(e["loc"][0]), f"{e['loc'][0]}: {e['msg'][0].lower()}{e['msg'][1:]}")
                      for e in exc.errors()]


def convert_all(entries: list[RawEntry], config: SiteConfig,
                file: str) -> tuple[tuple[Publication, ...], list[Diagnostic]]:
    """Every entry converted; the ones in error are left out and reported."""
    publications, problems = [], []
    for raw in entries:
        publication, found = convert(raw, config, file)
        problems += found
        if publication is not None:
            publications.append(publication)
    return tuple(publications), problems
