"""Link and identifier fields as the exports write them, made into one address each."""

from __future__ import annotations

import re

from cvsite.paths import WEB, link_problem
from cvsite.sources.bibtex.fields import LINKS, link_problems, written_field

_DOI_PREFIX = re.compile(r"^(?:(?:https?://)?(?:dx\.)?doi\.org/|doi:\s*)", re.I)
_DOI = re.compile(r"10\.\d{4,}(?:\.\d+)*/\S+")
"""A DOI: `10.`, the registrant's number, `/`, then any suffix without spaces (the DOI
Handbook's syntax; Crossref's stricter pattern misses real ones such as SICIs with `<`)."""
_ARXIV_ID = re.compile(r"^(?:arxiv:\s*)?(\S+?)(?:\s*\[[\w.-]+\])?$", re.I)
"""`2210.15973 [cs]` (Zotero), `arXiv:2210.15973`, `hep-th/9901001`: the id, group 1."""
_SEPARATOR = re.compile(r"\s*[,;]?\s+(?=https?://)|\s*[,;]\s*(?=https?://)", re.I)
"""Between two URLs written in one field (by spaces, a comma or a semicolon)."""
_FULL_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S*\s")
"""A full URL followed by a space: what follows is not part of it (paths may hold spaces)."""

_FTP = re.compile(r"ftps?://", re.I)
"""An FTP address (old papers' `url`s): no browser opens one any more (Chrome 88, Firefox 90)."""

Note = tuple[str, str, str | None, bool]
"""(field as written, message, hint, is a warning)."""


def _ftp_left_out(data: dict[str, object], fields: dict[str, str]) -> list[Note]:
    """A warning for each link to an FTP address, which is left out (the entry is kept)."""
    notes: list[Note] = []
    for attribute in LINKS:
        value = data.get(attribute)
        if isinstance(value, str) and _FTP.match(value.strip()):
            del data[attribute]
            name = written_field(attribute, fields)
            notes.append((name, f"{name}: browsers no longer open ftp:// addresses; "
                                f"{value.strip()!r} is left out",
                          "link an https:// copy of the file, if there is one", True))
    return notes


def _first_of_several(data: dict[str, object], fields: dict[str, str]) -> list[Note]:
    """A warning for each link field holding several URLs; the first is kept."""
    notes: list[Note] = []
    for attribute in (*LINKS, "doi"):
        value = data.get(attribute)
        if not isinstance(value, str):
            continue
        parts = [p for p in _SEPARATOR.split(value.strip()) if p]
        if len(parts) == 1 and _FULL_URL.match(value.strip()):
            parts = [p.rstrip(",;") for p in value.split()]
        if len(parts) > 1:
            name = written_field(attribute, fields)
            data[attribute] = parts[0]
            notes.append((name, f"{name} holds {len(parts)} addresses; the first is used",
                          "keep one URL in the field; put others in their own fields "
                          "(pdf, code, slides, html, ...)", True))
    return notes


def clean_links(data: dict[str, object], fields: dict[str, str]) -> list[Note]:
    """Link fields of an entry's data made usable in place; the problems found as notes."""
    notes = _first_of_several(data, fields) + _ftp_left_out(data, fields)
    doi = data.get("doi")
    if isinstance(doi, str):
        doi = data["doi"] = _DOI_PREFIX.sub("", doi)
        problem = link_problem(doi, WEB, relative=False) if "://" in doi else None
        name = written_field("doi", fields)
        if problem:
            notes.append((name, f"{name}: {problem}, got {doi!r}", None, False))
        elif "://" not in doi and not _DOI.fullmatch(doi):
            del data["doi"]  # a link to https://doi.org/N/A would lead nowhere
            notes.append((name, f"{name} {doi!r} is not a DOI; it is left out",
                          "a DOI starts with '10.' and a number, as in "
                          "10.1145/3292500.3330701; put other addresses in 'url'", True))
    eprint = data.get("eprint")
    if isinstance(eprint, str) and (match := _ARXIV_ID.match(eprint.strip())):
        data["eprint"] = match[1]
    notes += [(name, message, None, False) for name, message in link_problems(data, fields)]
    return notes
