"""The build, top to bottom: load, render, collect static files, write.

The rendering stack is imported only when there is work to do: a build whose inputs and output
are unchanged since the last one returns after hashing its inputs (see `uptodate`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING

from cvsite.cache import Cache, inputs_key
from cvsite.errors import (
    ContentError,
    Diagnostic,
    Severity,
    display_path,
    error,
    has_errors,
    left_out,
)
from cvsite.output.manifest import Managed, locked
from cvsite.output.write import Data, InPlace, check_output_folder, write_site
from cvsite.paths import outside_files
from cvsite.speed.cachecheck import usable
from cvsite.speed.collector import frozen, held
from cvsite.speed.pdfworkers import PdfWorkers
from cvsite.speed.uptodate import last_build, remember, unchanged

if TYPE_CHECKING:
    from jinja2 import Environment, TemplateError

    from cvsite.models import Site


SAVE_ALONGSIDE = 1000
"""Pages from which the cache is written in a forked process while the output is written."""


@dataclass
class BuildResult:
    """What a successful build made."""

    out: Path
    pages: int
    files: int
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: int = 0
    """Files written or replaced in the output folder (0 when nothing changed)."""
    failed: bool = False
    """True when `keep_going` wrote the site despite errors (exit status 1)."""
    left_out: tuple[str, ...] = ()
    """Keys of the BibTeX entries left out because of errors (with `keep_going`)."""
    site: Site | None = None
    """The site as built (None when the no-change fast path skipped the build)."""
    pdf_pending: bool = False
    """True when `pdf=False` left out PDFs that must still be rendered."""


def _template_problem(exc: TemplateError) -> Diagnostic:
    """A template error located at the template's file and line."""
    import traceback

    from jinja2 import TemplateSyntaxError

    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        return error(display_path(Path(exc.filename)), exc.lineno, 0, f"template: {exc.message}")
    for frame, line in reversed(list(traceback.walk_tb(sys.exc_info()[2]))):
        name = frame.f_code.co_filename
        if name.endswith((".html", ".xml", ".txt")):
            return error(display_path(Path(name)), line, 0, f"template: {exc}")
    return error("templates", 0, 0, f"template: {exc}")


def _compile_templates(env: Environment, source: Path) -> None:
    """Compile every template and note what it reads now (the pages then render quickly, once
    the PDFs are in); errors show when a template is used."""
    from jinja2 import TemplateError

    from cvsite.render.environment import template_dirs
    from cvsite.speed.templatedeps import template_key

    for name in env.list_templates(extensions=["html", "xml", "txt"]):
        with contextlib.suppress(TemplateError):
            env.get_template(name)
            template_key(env, name, template_dirs(source))  # remembered by its bytes


def with_base_url(site: Site, base_url: str) -> Site:
    """The site published at another address (the `--base-url` override); raises ContentError."""
    from cvsite.paths import base_url_problem

    problem = base_url_problem(base_url)
    if problem:
        raise ContentError([error("--base-url", 0, 0, f"{problem}, got {base_url!r}",
                                  "for example https://user.github.io/repo/")])
    return site.model_copy(update={"config": site.config.model_copy(update={"base_url": base_url})})


def build(source: Path, out: Path, *, strict: bool = False, use_cache: bool = True,
          keep_going: bool = False, base_url: str | None = None,
          pdf: bool = True, adopt: bool = False) -> BuildResult:
    """Build the site from `source` into `out`; raise ContentError and write nothing on errors.

    With `keep_going` (like `make -k`), the site is written with whatever could be read, and the
    result says it `failed`; only unreadable YAML still raises. `base_url` overrides site.yaml's.
    With `pdf=False` only cached PDFs are used (serve shows the HTML first, then renders them).
    With `adopt`, a folder cvsite did not make is published into, keeping every file it holds.
    A second build into the same folder waits for the first (raises OutputError).
    """
    started = perf_counter()
    check_output_folder(out, source)
    outside = outside_files(source)  # before any file is read, even to be hashed
    if outside:
        raise ContentError(outside)
    cache = Cache.for_project(source, enabled=use_cache and usable(source))
    with locked(out), PdfWorkers(cache, render=pdf) as workers:
        return _build(source, out, cache, workers, strict=strict, keep_going=keep_going,
                      base_url=base_url, pdf=pdf, adopt=adopt, started=started)


def _build(source: Path, out: Path, cache: Cache, workers: PdfWorkers, *, strict: bool,
           keep_going: bool, base_url: str | None, pdf: bool, adopt: bool,
           started: float) -> BuildResult:
    """`build`, once the output folder is this build's alone."""
    use_cache = cache.enabled
    options = {"strict": strict, "out": str(out.resolve()), "base_url": base_url, "pdf": pdf,
               "cwd": os.getcwd()}  # diagnostics show paths relative to it
    key = inputs_key(source, options) if use_cache else ""
    last = last_build(cache, out) if use_cache else None  # read once: 2 MB at 10,000 papers
    previous = unchanged(cache, last, key, out)
    if previous is not None:
        return BuildResult(out, previous.pages, previous.files, perf_counter() - started,
                           previous.diagnostics)
    from cvsite.speed.restore import keep, kept, restore, unchanged_in_place

    known = frozenset(last.files) if last is not None else frozenset()
    restored = restore(cache, last, key, out, Managed(adopt=adopt, known=known))
    if restored is not None:  # same inputs as the last build, output deleted or touched
        previous, report = restored
        return BuildResult(out, previous.pages, previous.files, perf_counter() - started,
                           previous.diagnostics, len(report.written))

    from jinja2 import TemplateError

    from cvsite.output.assets import collect_papers, collect_static
    from cvsite.render.environment import make_environment
    from cvsite.render.feeds import render_extras
    from cvsite.speed.forkwork import alongside
    from cvsite.speed.pagecache import render_cached
    from cvsite.speed.pdfs import start_pdfs
    from cvsite.speed.sitecache import load_cached
    from cvsite.speed.templatecache import attach, store_templates
    from cvsite.speed.textcache import recall, store

    recall(cache)
    # What the load makes (a million objects at 10,000 papers) is kept until the pages are
    # written: no collection walks it while it is made, and none after (each would take ~0.08 s)
    with frozen():
        with held():
            site, diagnostics = load_cached(source, cache, keep_going=keep_going)
        store(cache)
        warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
        failed = has_errors(diagnostics) or (strict and bool(warnings))
        if site is None or (failed and not keep_going):
            raise ContentError(diagnostics)
        if base_url:
            site = with_base_url(site, base_url)
        env = make_environment(source)
        templates = attach(env, cache)
        try:
            pdf_step = start_pdfs(site, env, source, cache, workers, render=pdf)
            if pdf_step.rendering:
                _compile_templates(env, source)  # while the PDFs render, so the pages are quick
            files: dict[str, Data] = dict(collect_static(source))
            files.update(collect_papers(source, site.publications))
            pdfs = pdf_step.wait()
            diagnostics += pdfs.diagnostics
            pdf_failed = has_errors(pdfs.diagnostics) or (strict and bool(pdfs.diagnostics))
            if pdf_failed and not keep_going:
                raise ContentError(diagnostics)
            failed = failed or pdf_failed
            env.globals["downloads"] = pdfs.downloads
            pages = render_cached(source, site, env, cache, last.settled(out) if last else None,
                                  lambda paths: render_extras(site, env, paths))
        except TemplateError as exc:
            raise ContentError([*diagnostics, _template_problem(exc)]) from exc
        files.update(pdfs.files)
        files.update(pages)
        files.update(pages.others)
        complete = not failed and not pdfs.skipped
        others = {name: data for name, data in files.items()
                  if name not in pages.refs and not isinstance(data, InPlace)}

        def save() -> None:
            pages.save()
            store_templates(cache, templates)
            if complete:
                keep(cache, key, others)
        # Files with the bytes the last build wrote are not read to be compared
        before = kept(cache, last) if last is not None and cache.enabled else {}
        placed = unchanged_in_place(files, last, before)
        managed = Managed(site.config.keep, adopt, known)
        if cache.enabled and len(pages) >= SAVE_ALONGSIDE:  # a second process writes the cache
            _, report = alongside(save, lambda: write_site(placed, out, managed, keep_spare=True))
        else:
            save()
            report = write_site(placed, out, managed, keep_spare=True)
        if complete:
            remember(cache, key, out, len(pages), diagnostics, report.state, pages.pack, pages.refs)
        return BuildResult(out, len(pages), len(files), perf_counter() - started, diagnostics,
                           len(report.written), failed, tuple(left_out(diagnostics)), site,
                           bool(pdfs.skipped))
