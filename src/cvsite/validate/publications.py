"""BibTeX entries to Publication models, every problem reported with its key and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import ValidationError

from cvsite.errors import Diagnostic, did_you_mean, error, has_errors, warning
from cvsite.models import Publication, SiteConfig
from cvsite.sources.bibtex.biblatex import FIELD_ALTERNATIVES, NOT_LISTED, SHOWN_AS
from cvsite.sources.bibtex.clean import clean_bibtex
from cvsite.sources.bibtex.crossref import resolve_crossrefs
from cvsite.sources.bibtex.fields import (
    DECODED,
    REQUIRED_BY_TYPE,
    VENUE_PARTS,
    VERBATIM,
    joined_title,
    normalise,
    pages,
    required,
    verbatim,
    written_field,
)
from cvsite.sources.bibtex.htmltags import untagged
from cvsite.sources.bibtex.latex import Decoder
from cvsite.sources.bibtex.links import clean_links
from cvsite.sources.bibtex.names import Owner, left_out_problem, list_problems, read_names
from cvsite.sources.bibtex.raw import RawEntry
from cvsite.sources.bibtex.values import collapse
from cvsite.sources.bibtex.xdata import resolve_xdata
from cvsite.texmath import math_text, unreadable
from cvsite.validate.latexcommands import unknown_command_problems
from cvsite.validate.pubdate import date_fields

TRUE, FALSE = ("true", "yes", "1"), ("false", "no", "0")


@dataclass(frozen=True)
class Context:
    """What decoding an entry depends on besides the entry."""

    file: str
    owner: Owner
    topics: tuple[str, ...] = ()
    decoder: Decoder = field(default_factory=Decoder)

    @classmethod
    def of(cls, config: SiteConfig, file: str) -> Context:
        """The context for a site configuration."""
        return cls(file, Owner(config.owner_aliases), tuple(config.publications.topics))


class _At(Protocol):
    """Makes a diagnostic about one field of the entry being decoded."""

    def __call__(self, name: str, message: str, hint: str | None = None,
                 warn: bool = False) -> Diagnostic: ...


def _checks(raw: RawEntry, fields: dict[str, str],
            at: _At) -> tuple[dict[str, Any], list[Diagnostic]]:
    """Type, required fields and flags: data for the model and the problems."""
    problems: list[Diagnostic] = []
    kind = SHOWN_AS.get(raw.entry_type, raw.entry_type)
    if kind not in REQUIRED_BY_TYPE:
        problems.append(at("", f"unknown entry type '@{kind}'; shown like @misc",
                           did_you_mean(kind, [*REQUIRED_BY_TYPE, *SHOWN_AS]), warn=True))
    if not fields.get("title", "").strip():
        problems.append(at("title", "missing required field 'title'"))
    if not (fields.get("author", "").strip() or fields.get("editor", "").strip()):
        problems.append(at("author", "missing required field 'author' (or 'editor')"))
    for name in required(kind, fields):
        if not any(fields.get(n, "").strip() for n in FIELD_ALTERNATIVES.get(name, (name,))):
            problems.append(at(name, f"@{raw.entry_type} entries need a '{name}' field",
                               warn=True))
    data: dict[str, Any] = {"key": raw.key, "entry_type": kind, "line": raw.line,
                            "bibtex": clean_bibtex(raw)}
    if "selected" in fields:
        flag = fields["selected"].strip().lower()
        if flag not in TRUE + FALSE:
            problems.append(at("selected", f"selected must be true or false, not {flag!r}"))
        data["selected"] = flag in TRUE
    return data, problems


def decode_entry(raw: RawEntry, context: Context) -> tuple[Publication | None, list[Diagnostic]]:
    """One entry as a Publication, or the reasons it cannot be one (a pure function)."""
    def at(name: str, message: str, hint: str | None = None, warn: bool = False) -> Diagnostic:
        make = warning if warn else error
        return make(context.file, raw.field_lines.get(name, raw.line), 0,
                    f"entry '{raw.key}': {message}", hint, raw.key)

    data, problems = _entry_data(raw, context, at)
    if data is None:
        return None, problems
    try:
        return Publication.model_validate(data), problems
    except ValidationError as exc:
        named = [(written_field(str(e["loc"][0]), raw.fields), e["msg"]) for e in exc.errors()]
        return None, problems + [at(name, f"{name}: {msg[0].lower()}{msg[1:]}")
                                 for name, msg in named]


def _entry_data(raw: RawEntry, context: Context,
                at: _At) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """The data of the entry's Publication (None when in error) and the problems found."""
    fields, notes = normalise(raw.fields, SHOWN_AS.get(raw.entry_type, raw.entry_type))
    fields, tagged = untagged(fields)
    decode = context.decoder.decode
    data, problems = _checks(raw, fields, at)
    dates, found = date_fields(fields, decode, lambda n, m, h: at(n, m, h, warn=True))
    data, problems = {**data, **dates}, problems + found
    problems += [at(name, message, hint, warn=True) for name, message, hint in notes + tagged]
    if fields.get("title", "").strip():
        data["title"] = joined_title(*(decode(fields.get(name, ""))
                                       for name in ("title", "subtitle", "titleaddon")))
        data["title_text"] = context.decoder.math_as_text(data["title"])
        if not data["title"]:
            problems.append(at("title", "the title is empty once its LaTeX is removed"))
    for name, value in fields.items():
        if name in DECODED and value.strip() and (text := decode(value)):
            data[DECODED[name]] = text
        elif name in VERBATIM and value.strip() and (text := verbatim(value)):
            data[VERBATIM[name]] = text
    for name, parts in VENUE_PARTS.items():  # `Book: Subtitle. Addon`, as the title
        if name in data:
            data[name] = joined_title(data[name], *(decode(fields.get(p, "")) for p in parts))
    problems += [at(name, message, hint, warn) for name, message, hint, warn
                 in clean_links(data, raw.fields)]
    problems += _math_problems(data, raw.fields, at)
    problems += [at(name, message, hint, warn=True) for name, message, hint
                 in unknown_command_problems(fields, raw.fields, context.decoder)]
    if data.get("pdf"):
        data["pdf_line"] = raw.field_lines.get("pdf", raw.line)
    if fields.get("pages", "").strip():
        data["pages"] = pages(decode(fields["pages"]))
    topic = data.get("topic")
    if topic and context.topics and topic not in context.topics:
        problems.append(at("topic", f"unknown topic '{topic}'", did_you_mean(
            topic, context.topics) or f"topics: {', '.join(context.topics)}"))
    for name in ("author", "editor"):
        written = collapse(fields.get(name, ""))
        problems += [at(name, message, hint, warn=True)
                     for message, hint in list_problems(name, written)]
        if written:
            people, et_al, left_out = read_names(written, context.owner)
            problems += [at(name, *left_out_problem(name, person), warn=True)
                         for person in left_out]
            data["authors" if name == "author" else "editors"] = people
            data["et_al"] = data.get("et_al", False) or (et_al and name == "author")
    data.setdefault("authors", data.get("editors", ()))
    written = fields.get("author", "").strip() or fields.get("editor", "").strip()
    if written and not data["authors"]:
        problems.append(at("author" if fields.get("author", "").strip() else "editor",
                           "no names in the author list"))
    return (None if has_errors(problems) else data), problems


def _math_problems(data: dict[str, Any], fields: dict[str, str], at: _At) -> list[Diagnostic]:
    """A warning for each math snippet no MathML can be made of (shown as plain text)."""
    found = []
    for attribute in ("title", *DECODED.values()):
        text = data.get(attribute)
        for snippet in unreadable(text) if isinstance(text, str) else ():
            name = written_field(attribute, fields)
            found.append(at(name, f"{name}: cannot read the math '{snippet}'; shown as plain "
                                  f"text '{math_text(snippet.strip('$'))}'",
                            "check its braces and commands: standard LaTeX math only, no "
                            "macros of your own", warn=True))
    return found


def convert(raw: RawEntry, config: SiteConfig, file: str) -> tuple[Publication | None,
                                                                    list[Diagnostic]]:
    """One raw entry as a Publication, with the site's owner names and topics."""
    return decode_entry(raw, Context.of(config, file))


def convert_all(entries: list[RawEntry], config: SiteConfig,
                file: str) -> tuple[tuple[Publication, ...], list[Diagnostic]]:
    """xdata and crossrefs resolved (as Biber: xdata first), every entry decoded; the ones in
    error left out."""
    entries, problems = resolve_xdata(entries, file)
    entries, found = resolve_crossrefs(entries, file)
    problems += found
    context = Context.of(config, file)
    publications = []
    for raw in (e for e in entries if e.entry_type not in NOT_LISTED):
        publication, found = decode_entry(raw, context)
        problems += found
        if publication is not None:
            publications.append(publication)
    return tuple(publications), problems
