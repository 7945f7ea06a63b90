"""The build, top to bottom: load, render, collect static files, write."""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

from jinja2 import TemplateError, TemplateSyntaxError

from cvsite.assets import collect_static
from cvsite.errors import ContentError, Diagnostic, Severity, error, has_errors
from cvsite.load import display_path, load_site
from cvsite.render import make_environment, render_pages
from cvsite.write import check_output_folder, write_site


@dataclass
class BuildResult:
    """What a successful build made."""

    out: Path
    pages: int
    files: int
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _template_problem(exc: TemplateError) -> Diagnostic:
    """A template error located at the template's file and line."""
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        return error(display_path(Path(exc.filename)), exc.lineno, 0, f"template: {exc.message}")
    for frame, line in reversed(list(traceback.walk_tb(sys.exc_info()[2]))):
        name = frame.f_code.co_filename
        if name.endswith((".html", ".xml", ".txt")):
            return error(display_path(Path(name)), line, 0, f"template: {exc}")
    return error("templates", 0, 0, f"template: {exc}")


def build(source: Path, out: Path, *, strict: bool = False) -> BuildResult:
    """Build the site from `source` into `out`; raise ContentError and write nothing on errors."""
    started = perf_counter()
    check_output_folder(out, source)
    site, diagnostics = load_site(source)
    warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
    if site is None or has_errors(diagnostics) or (strict and warnings):
        raise ContentError(diagnostics)
    try:
        pages = render_pages(site, make_environment(source))
    except TemplateError as exc:
        raise ContentError([*diagnostics, _template_problem(exc)]) from exc
    files = collect_static(source)
    files.update({path: html.encode("utf-8") for path, html in pages.items()})
    write_site(files, out)
    return BuildResult(out, len(pages), len(files), perf_counter() - started, diagnostics)
