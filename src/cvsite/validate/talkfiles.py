"""Talk materials given as files of the site: each must be in `static/`, which is published."""

from __future__ import annotations

from pathlib import Path
from posixpath import normpath

from cvsite.errors import Diagnostic, error
from cvsite.models import CV
from cvsite.paths import static_dirs
from cvsite.sources.yaml import YamlDoc

FIELDS = ("slides", "poster")


def site_file(href: str) -> str | None:
    """The site path a link names when it is a path (`slides/a.pdf`, `/slides/a.pdf`); None
    for an http(s) link."""
    if href.startswith(("http://", "https://")):
        return None
    return normpath(href.lstrip("/"))


def check_talk_files(cv: CV, doc: YamlDoc, source: Path) -> tuple[CV, list[Diagnostic]]:
    """An error at each talk's `slides` or `poster` that names a site path no file in
    `static/` has (the project's or the theme's); the CV without those links."""
    folders = static_dirs(source)
    problems = []
    sections = list(cv.sections)
    for i, section in enumerate(sections):
        if section.type != "talks":
            continue
        talks = list(section.entries)
        for j, talk in enumerate(talks):
            paths = {field: _path(getattr(talk, field)) for field in FIELDS}
            missing = {field: path for field, path in paths.items()
                       if path and not any((d / path).is_file() for d in folders)}
            for field, path in missing.items():
                line, col = doc.position(("sections", i, "entries", j, field))
                problems.append(error(
                    doc.file, line, col, f"no file static/{path} for the {field} of "
                    f"'{talk.title}'", f"put the file in static/{path} (static/ is published "
                    "as it is), or give an http(s) link"))
            talks[j] = talk.model_copy(update=dict.fromkeys(missing)) if missing else talk
        sections[i] = section.model_copy(update={"entries": tuple(talks)})
    return (cv.model_copy(update={"sections": tuple(sections)}) if problems else cv), problems


def _path(href: str | None) -> str | None:
    """`site_file` of a link that is given."""
    return site_file(href) if href else None
