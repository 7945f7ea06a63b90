"""A template error as a diagnostic at the template's file and line."""

from __future__ import annotations

import traceback
from pathlib import Path

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

from cvsite.errors import Diagnostic, display_path, error


def template_problem(exc: TemplateError) -> Diagnostic:
    """Where a template went wrong: its syntax error's line, or the template frame that raised."""
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        return error(display_path(Path(exc.filename)), exc.lineno, 0, f"template: {exc.message}")
    message = f"template: {exc}"
    if isinstance(exc, TemplateNotFound):  # its text is the name alone
        message = (f"template: no template {exc.name!r} in the project's templates/ or the "
                   "theme's (names are relative to those folders)")
    for frame, line in reversed(list(traceback.walk_tb(exc.__traceback__))):
        name = frame.f_code.co_filename
        if name.endswith((".html", ".xml", ".txt")):
            return error(display_path(Path(name)), line, 0, message)
    return error("templates", 0, 0, message)
