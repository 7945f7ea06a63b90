"""Load `content/` into a validated Site, collecting every problem from every file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from cvsite.cache import remembered
from cvsite.errors import Diagnostic, display_path, error, has_errors, warning
from cvsite.models import CV, News, Profile, Publication, Site, SiteConfig
from cvsite.sources.bibtex.reader import (
    MAX_BIB_BYTES,
    Strings,
    decode_text,
    holds_only_strings,
    parse_bib,
    strings_of,
)
from cvsite.sources.text import read_source
from cvsite.sources.yaml import MAX_BYTES, YamlDoc, load_yaml, parse_yaml
from cvsite.validate.bibfiles import DEFAULT, Group, across_files, bib_files, unmatched
from cvsite.validate.cvsections import check_sections
from cvsite.validate.documents import validate_doc
from cvsite.validate.language import check_language
from cvsite.validate.paperfiles import resolve_files
from cvsite.validate.paperkeys import check_keys
from cvsite.validate.photo import check_photo
from cvsite.validate.publications import convert_all
from cvsite.validate.scholar import scholar_warnings
from cvsite.validate.talkfiles import check_talk_files

CONTENT = "content"
M = TypeVar("M", bound=BaseModel)


def _load_model(folder: Path, name: str, model: type[M], optional: bool = False,
                check: Callable[[M, YamlDoc], tuple[M, list[Diagnostic]]] | None = None
                ) -> tuple[M | None, list[Diagnostic]]:
    """Read and validate one YAML file of `content/`; `check` looks further at a valid one
    (the files it names) and returns it without what is in error."""
    found, problems, _ = _load_doc(folder, name, model, optional, check)
    return found, problems


def _load_doc(folder: Path, name: str, model: type[M], optional: bool = False,
              check: Callable[[M, YamlDoc], tuple[M, list[Diagnostic]]] | None = None
              ) -> tuple[M | None, list[Diagnostic], YamlDoc]:
    """`_load_model`, and the document too (for positions)."""
    path = folder / name
    shown = display_path(path)
    empty = YamlDoc(shown)
    if not path.exists() and not path.is_symlink():
        if optional:
            return model(), [], empty
        return None, [error(shown, 0, 0, f"missing content file '{name}'",
                            "run 'cvsite new DIR' to see an example of every file")], empty
    data, problems = read_source(path, shown, MAX_BYTES)
    if data is None:
        return None, problems, empty
    doc, problems = parse_yaml(data, shown)
    if doc.data is None:
        return None, problems, doc
    model_found, found = validate_doc(model, doc)
    marked = {(d.line, d.col) for d in problems}  # a value in error is not also a wrong type
    problems += [d for d in found if (d.line, d.col) not in marked]
    if model_found is not None and check is not None and not problems:
        return (*check(model_found, doc), doc)
    return (None if problems else model_found), problems, doc


@remembered(size=2)
def _read_bib(data: bytes, shown: str, config: SiteConfig, shared: Strings = ()
              ) -> tuple[tuple[Publication, ...], tuple[Diagnostic, ...]]:
    """The publications in the bytes of a .bib file, checked against `config`, with the
    `shared` @strings of the files that hold only @strings."""
    text, problems = decode_text(data, shown)
    entries, found = parse_bib(text, shown, shared)
    problems += found
    publications, found = convert_all(entries, config, shown)
    publications, clashes = check_keys(publications, shown)
    return publications, (*problems, *found, *clashes)


def _with_owner(config: SiteConfig, profile: Profile | None) -> SiteConfig:
    """The configuration whose owner names are `owner_aliases`, or else the profile's name."""
    if config.owner_aliases or profile is None:
        return config
    return config.model_copy(update={"owner_aliases": (profile.name,)})


def _load_bibs(source: Path, config: SiteConfig | None,
               profile: Profile | None) -> tuple[list[Group], list[Diagnostic]]:
    """The publications of every .bib file of content/, by file, and their problems."""
    folder = source / CONTENT
    # With site.yaml in error, still check the entries against an empty configuration.
    checked_with = _with_owner(
        config or SiteConfig(title="-", base_url="https://example.invalid/"), profile)
    groups: list[Group] = []
    globs = checked_with.publications.bib_files
    found_bibs = bib_files(folder, globs)
    problems = _unmatched(folder, globs, found_bibs) if config else []
    read_in: list[tuple[str, bytes]] = []
    for bib in found_bibs:
        shown = display_path(bib)
        bib_data, found = read_source(bib, shown, MAX_BIB_BYTES)
        problems += found
        if bib_data is not None:
            read_in.append((shown, bib_data))
    shared, read_in, found = _shared_strings(read_in)
    problems += found
    for shown, bib_data in read_in:
        publications, read = _read_bib(bib_data, shown, checked_with, shared)
        problems += read
        publications, missing = resolve_files(publications, shown, (folder, source / "static"),
                                              config.base_url if config else None)
        problems += missing
        gone = {d.entry for d in missing}
        groups.append((shown, tuple(p for p in publications if p.key not in gone)))
    groups, found = across_files(groups)
    return groups, problems + found


def _shared_strings(files: list[tuple[str, bytes]]
                    ) -> tuple[Strings, list[tuple[str, bytes]], list[Diagnostic]]:
    """The @strings of the files holding nothing else (IEEEabrv.bib beside one's own .bib, as
    `\\bibliography{IEEEabrv,refs}` reads it), for every other file; those others; problems."""
    shared: dict[str, str] = {}
    others, problems = [], []
    for shown, data in files:
        if not holds_only_strings(data):
            others.append((shown, data))
            continue
        text, found = decode_text(data, shown)
        strings, defined = strings_of(text, shown, tuple(shared.items()))
        shared.update(strings)
        problems += found + defined
    return tuple(shared.items()), others, problems


def _unmatched(folder: Path, globs: tuple[str, ...], found: list[Path]) -> list[Diagnostic]:
    """A warning at each glob of `publications.bib_files` that names no file."""
    if globs == DEFAULT or not unmatched(folder, globs, found):
        return []  # with the default, the build says "no publications" when there are none
    problems = []
    doc, _ = load_yaml(folder / "site.yaml", display_path(folder / "site.yaml"))
    for index in unmatched(folder, globs, found):
        line, col = doc.position(("publications", "bib_files", index))
        problems.append(warning(doc.file, line, col, f"no file in content/ matches the glob "
                                f"'{globs[index]}'", "globs are relative to content/: "
                                "'publication/*/cite.bib' reads content/publication/*/cite.bib"))
    return problems


def _exists_in(folders: tuple[Path, ...]) -> Callable[[str], bool]:
    """Whether a site path names a file in one of `folders`."""
    return lambda path: any((d / path).is_file() for d in folders)


def load_config(source: Path) -> SiteConfig | None:
    """site.yaml's configuration, or None when it is missing or invalid (`load_site` says why)."""
    return _load_model(source / CONTENT, "site.yaml", SiteConfig)[0]


def load_site(source: Path, *, keep_going: bool = False,
              scholar: bool = False) -> tuple[Site | None, list[Diagnostic]]:
    """The whole record, or None, with every problem; `keep_going` leaves out entries in error;
    `scholar` warns about Google Scholar readiness even when site.yaml switches it off."""
    folder = source / CONTENT
    config, problems, site_doc = _load_doc(folder, "site.yaml", SiteConfig, check=check_language)
    profile, found = _load_model(folder, "profile.yaml", Profile,
                                 check=lambda profile, doc: check_photo(profile, doc, folder))
    problems += found
    cv, found, cv_doc = _load_doc(folder, "cv.yaml", CV, optional=True,
                                  check=lambda cv, doc: check_talk_files(cv, doc, source))
    problems += found
    news, found = _load_model(folder, "news.yaml", News, optional=True)
    problems += found
    if cv is not None and config is not None:
        problems += check_sections(cv, config, cv_doc, site_doc)
    groups, found = _load_bibs(source, config, profile)
    problems += found
    publications = tuple(pub for _, pubs in groups for pub in pubs)
    if (has_errors(problems) and not keep_going) or config is None or profile is None \
            or cv is None or news is None:
        return None, problems
    exists = _exists_in((folder, source / "static"))
    for shown, pubs in groups if scholar or config.scholar_warnings else ():  # once valid
        problems += scholar_warnings(pubs, config, shown, exists)
    site = Site(config=config, profile=profile, cv=cv, publications=publications, news=news)
    return site, problems
