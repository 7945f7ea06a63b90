"""The PDF step's pure parts: print HTML per variant, file names, page budgets, the downloads."""

from __future__ import annotations

import gettext
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from cvsite.epoch import source_moment
from cvsite.errors import Diagnostic, display_path, error, warning
from cvsite.language import N_
from cvsite.models import SUMMARY, PdfVariant, Site
from cvsite.paths import slug
from cvsite.pdf.document import Pdf, RenderedPdf
from cvsite.pdf.glyphs import glyphless, unshown_text
from cvsite.render.environment import PRINT_TEMPLATE
from cvsite.sources.yaml import load_yaml
from cvsite.validate.load import CONTENT

TEMPLATE = PRINT_TEMPLATE
SUMMARY_TITLE = N_("Professional Summary")


@dataclass(frozen=True)
class Download:
    """A PDF of the site, as the pages link to it."""

    name: str
    title: str
    label: str
    file: str
    bytes: int
    pages: int

    @property
    def size(self) -> str:
        """`85 KB` (1 KB = 1000 bytes, as file browsers show it), or `1.2 MB`."""
        if self.bytes >= 1_000_000:
            return f"{self.bytes / 1_000_000:.1f} MB"
        return f"{max(1, round(self.bytes / 1000))} KB"


@dataclass
class PdfOutput:
    """What the PDF step adds to the build."""

    files: dict[str, bytes] = field(default_factory=dict)
    downloads: tuple[Download, ...] = ()
    diagnostics: list[Diagnostic] = field(default_factory=list)
    rendered: tuple[str, ...] = ()
    """Names of the variants that were rendered (not taken from the cache)."""
    skipped: tuple[str, ...] = ()
    """Names of the variants left out because rendering was not allowed (`render=False`)."""


NAME_LENGTH = 40
"""Characters of the name and of the variant in a PDF's file name, at most."""


def file_name(variant: PdfVariant, site: Site) -> str:
    """`xiaoxia-shirley-wu-cv.pdf`: the configured name, or her name and the variant's (each
    cut to `NAME_LENGTH` at a hyphen: a file name has a length limit)."""
    return variant.file or f"{_cut(slug(site.profile.display_name))}-{_cut(slug(variant.name))}.pdf"


def _cut(name: str) -> str:
    """A slug of at most `NAME_LENGTH` characters, cut after a whole word where there is one."""
    if len(name) <= NAME_LENGTH:
        return name
    cut = name[:NAME_LENGTH + 1].rsplit("-", 1)[0]
    return cut if len(cut) >= NAME_LENGTH // 2 else name[:NAME_LENGTH].rstrip("-")


def source_date() -> str | None:
    """The document date from SOURCE_DATE_EPOCH (W3C format), never from the clock."""
    moment = source_moment()
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def section_titles(site: Site, variant: PdfVariant,
                   words: Callable[[str], str] = str) -> dict[str, str]:
    """The heading of every section by id, as printed in this variant (`words` translates
    cvsite's own headings)."""
    titles = {SUMMARY: words(SUMMARY_TITLE)}
    for section in site.cv.all_sections:
        title = section.title or site.config.publications.heading or words(N_("Publications"))
        if section.type == "publications" and variant.selected_publications_only:
            title = words(N_("Selected Publications"))
        titles[section.id] = title
    return titles


def chosen_sections(site: Site, variant: PdfVariant) -> tuple[str, ...]:
    """The ids of the sections this variant prints, in its order (all of them by default)."""
    return variant.sections if variant.sections is not None else site.cv.ids


def _words(env: Environment) -> Callable[[str], str]:
    """The environment's translation of cvsite's own words (`make_environment` sets it)."""
    labels = env.globals.get("labels")
    return labels.gettext if isinstance(labels, gettext.NullTranslations) else str


def print_html(site: Site, env: Environment, variant: PdfVariant) -> str:
    """The print HTML of one variant."""
    groups = site.publications_by_topic(selected_only=variant.selected_publications_only)
    by_id = {section.id: section for section in site.cv.all_sections}
    return env.get_template(TEMPLATE).render(
        site=site, variant=variant, sections=chosen_sections(site, variant), by_id=by_id,
        groups=groups, titles=section_titles(site, variant, _words(env)), created=source_date(),
        page_size=variant.page_size or site.config.pdf.page_size)


def _budget(site: Site, source: Path, index: int, variant: PdfVariant,
            pdf: Pdf) -> Diagnostic | None:
    """The over-budget error, at the variant's `max_pages` in site.yaml, naming the section."""
    if variant.max_pages is None or pdf.pages <= variant.max_pages:
        return None
    shown, line, col = _config_position(source, ("pdf", "variants", index, "max_pages"))
    crossing = next((s for s, _, last in pdf.section_pages if last > variant.max_pages), None)
    hint = None
    if crossing:
        title = section_titles(site, variant).get(crossing, crossing)
        hint = (f"the section '{title}' runs onto page {variant.max_pages + 1}; shorten it, "
                f"leave it out of this variant's `sections`, or raise `max_pages`")
    return error(shown, line, col,
                 f"{variant.label} is {pdf.pages} pages; the budget is {variant.max_pages}", hint)


def _config_position(source: Path, loc: tuple[str | int, ...]) -> tuple[str, int, int]:
    """Where `loc` is written in content/site.yaml (file as shown, line, column)."""
    path = source / CONTENT / "site.yaml"
    doc, _ = load_yaml(path, display_path(path))
    return (doc.file, *doc.position(loc))


def _shadowed(source: Path, index: int, name: str) -> Diagnostic | None:
    """An error when the project's own static/ holds a file the PDF would silently replace."""
    if not (source / "static" / name).is_file():
        return None
    shown, line, col = _config_position(source, ("pdf", "variants", index))
    return error(shown, line, col, f"static/{name} and this PDF variant are both written to "
                 f"'{name}'", "delete the hand-kept file (cvsite renders the PDF), or give the "
                 "variant another `file`")


def _unshown(site: Site, source: Path, rendered: Mapping[str, RenderedPdf],
             missing: set[str]) -> list[Diagnostic]:
    """One warning for the text no installed font shows, naming the papers printed with it."""
    lists = {s.id for s in site.cv.all_sections if s.type == "publications"}
    printed = [v for v in site.config.pdf.variants
               if v.name in rendered and lists & set(chosen_sections(site, v))]
    every = any(not v.selected_publications_only for v in printed)
    papers = [p for p in site.publications if printed and (every or p.selected)]
    return unshown_text(missing, papers, display_path(source / CONTENT))


def pdf_output(site: Site, source: Path, pdfs: Mapping[str, Pdf],
               rendered: Mapping[str, RenderedPdf], skipped: Sequence[str] = ()) -> PdfOutput:
    """What the PDF step adds to the build, from the PDFs found (`pdfs`) and just `rendered`.

    A variant in `skipped` has no PDF of its own yet: one in `pdfs` is a stand-in (its last
    rendering), whose budget is checked once it is rendered.
    """
    out = PdfOutput(rendered=tuple(rendered), skipped=tuple(skipped))
    template = display_path(source / "templates" / TEMPLATE)
    boxes: set[str] = set()  # characters drawn as empty boxes: one warning, not one each
    for name, new in rendered.items():
        others, missing = glyphless(new.problems())
        boxes |= missing
        out.diagnostics += [warning(template, 0, 0, f"{name} PDF: {p}") for p in others]
    out.diagnostics += _unshown(site, source, rendered, boxes)
    made: dict[str, Pdf] = {**pdfs, **rendered}
    downloads = []
    for index, variant in enumerate(site.config.pdf.variants):
        pdf = made.get(variant.name)
        if pdf is None:
            continue
        name = file_name(variant, site)
        late = variant.name in out.skipped
        checks = [None if late else _budget(site, source, index, variant, pdf),
                  _shadowed(source, index, name)]
        out.diagnostics += [d for d in checks if d is not None]
        out.files[name] = pdf.data
        downloads.append(Download(variant.name, variant.title, variant.label, name,
                                  len(pdf.data), pdf.pages))
    out.downloads = tuple(downloads)
    return out
