"""The build, top to bottom: check, load, render the PDFs and the pages, collect, write."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from time import perf_counter

from jinja2 import Environment, TemplateError

from cvsite.cache import Cache
from cvsite.errors import ContentError, Diagnostic, error, has_errors, left_out, refused
from cvsite.models import Site
from cvsite.output.assets import collect_papers, collect_static
from cvsite.output.manifest import Managed, frozen, locked
from cvsite.output.photo import collect_photo, pdf_photo
from cvsite.output.result import BuildResult
from cvsite.output.write import check_output_folder, write_site
from cvsite.outside import outside_files
from cvsite.paths import base_url_problem
from cvsite.render.environment import make_environment
from cvsite.render.pages import page_specs, render_page
from cvsite.render.problems import template_problem
from cvsite.speed.pages import render_site_pages
from cvsite.speed.pdfs import PdfWorkers, start_pdfs
from cvsite.speed.templates import CompiledTemplates, shipped
from cvsite.speed.unchanged import (
    build_options,
    inputs_key,
    known_files,
    last_record,
    remember,
    unchanged,
)
from cvsite.validate.load import load_site


def build(source: Path, out: Path, *, strict: bool = False, use_cache: bool = True,
          keep_going: bool = False, base_url: str | None = None,
          pdf: bool = True, adopt: bool = False, scholar: bool = False) -> BuildResult:
    """Build the site from `source` into `out`; raise ContentError and write nothing on errors.

    With `keep_going` (like `make -k`), the site is written with whatever could be read, and the
    result says it `failed`; only unreadable YAML still raises. `base_url` overrides site.yaml's.
    With `pdf=False` only cached PDFs are used (serve shows the HTML first, then renders them).
    With `adopt`, a folder cvsite did not make is published into, keeping every file it holds.
    `strict` refuses warnings but not Scholar readiness advice, unless `scholar` asks for it
    (which also makes that advice when site.yaml switches it off).
    A second build into the same folder waits for the first (raises OutputError).
    """
    started = perf_counter()
    check_output_folder(out, source)
    _stop_on(outside_files(source))  # before any file is read, even to be hashed
    with locked(out):
        cache = Cache.for_project(source, enabled=use_cache)
        notes = [cache.problem] if cache.problem else []
        options = build_options(out, strict=strict, keep_going=keep_going, base_url=base_url,
                                pdf=pdf, adopt=adopt, scholar=scholar)
        key = inputs_key(source, options) if cache.enabled else ""
        record = last_record(cache)
        previous = unchanged(record, key, out) if cache.enabled else None
        if previous is not None:
            return BuildResult(out, previous.pages, previous.files, perf_counter() - started,
                               notes + previous.diagnostics)
        with PdfWorkers(cache, render=pdf) as workers:  # loads WeasyPrint meanwhile
            site, diagnostics = load_site(source, keep_going=keep_going, scholar=scholar)
            failed = refused(diagnostics, strict, advice=scholar)
            if site is None or (failed and not keep_going):
                raise ContentError(notes + diagnostics)
            site = with_base_url(site, base_url) if base_url else site
            env, photo = _environment(source, site, cache)
            try:
                pdfs = start_pdfs(site, env, source, cache, workers, render=pdf).wait()
                env.globals["downloads"] = pdfs.downloads
                pages = render_site_pages(site, env)
            except TemplateError as exc:
                raise ContentError([*notes, *diagnostics, template_problem(exc)]) from exc
        diagnostics += pdfs.diagnostics
        pdf_failed = refused(pdfs.diagnostics, strict)
        if pdf_failed and not keep_going:
            _stop_on(notes + diagnostics)
        files = {**collect_static(source), **collect_papers(source, site.publications),
                 **photo, **pdfs.files, **pages}
        diagnostics += frozen(files, site.config.keep)
        managed = Managed(site.config.keep, adopt, known_files(record, out))
        report = write_site(files, out, managed, keep_spare=True)
        failed = failed or pdf_failed
        html = sum(path.endswith(".html") for path in pages)
        if not failed and not pdfs.skipped:
            remember(cache, key, out, html, diagnostics, report.state)
        return BuildResult(out, html, len(files), perf_counter() - started,
                           notes + diagnostics, len(report.written), failed,
                           tuple(left_out(diagnostics)), site, bool(pdfs.skipped),
                           report.written)


def _environment(source: Path, site: Site, cache: Cache) -> tuple[Environment, dict[str, bytes]]:
    """The templates' environment for `site`, and the files of the photo it shows."""
    env = make_environment(source, site.config.language)
    photo = collect_photo(source, site.profile)
    env.globals["photo_pdf"] = pdf_photo(photo, site.profile)
    env.bytecode_cache = CompiledTemplates(cache if cache.enabled else None, shipped(env))
    return env, photo


def open_pages(source: Path, wanted: Collection[str]) -> dict[str, bytes]:
    """The pages `wanted` (paths in the output folder) as the next `build(pdf=False,
    keep_going=True)` makes them, or none when the content has errors: `serve` shows the pages
    open in the browser before it builds the rest (like Hugo's fast render). Raises
    jinja2.TemplateError on a broken template."""
    if outside_files(source):
        return {}
    cache = Cache.for_project(source)
    site, diagnostics = load_site(source, keep_going=True)
    if site is None or has_errors(diagnostics):
        return {}
    env, _ = _environment(source, site, cache)
    env.globals["downloads"] = start_pdfs(site, env, source, cache, None, render=False
                                          ).wait().downloads
    return {spec[0]: render_page(site, env, spec).encode("utf-8")
            for spec in page_specs(site) if spec[0] in wanted}


def _stop_on(diagnostics: list[Diagnostic]) -> None:
    """Raise ContentError when there is anything to report (an empty list passes)."""
    if diagnostics:
        raise ContentError(diagnostics)


def with_base_url(site: Site, base_url: str) -> Site:
    """The site published at another address (the `--base-url` override); raises ContentError."""
    problem = base_url_problem(base_url)
    if problem:
        raise ContentError([error("--base-url", 0, 0, f"{problem}, got {base_url!r}",
                                  "for example https://user.github.io/repo/")])
    config = site.config.model_copy(update={"base_url": base_url})
    return site.model_copy(update={"config": config})

