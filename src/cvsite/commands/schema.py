"""`cvsite schema`: JSON Schema for each YAML content file, generated from the models."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel

from cvsite.errors import Diagnostic, display_path, error
from cvsite.models import CV, News, Profile, SiteConfig
from cvsite.output.write import OutputError, check_output_folder, write_site

SCHEMA_DIR = "schema"
CONTENT_MODELS: dict[str, type[BaseModel]] = {
    "site.yaml": SiteConfig, "profile.yaml": Profile, "cv.yaml": CV, "news.yaml": News}
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file(content_file: str) -> str:
    """`cv.yaml` → `cv.schema.json`."""
    return content_file.removesuffix(".yaml") + ".schema.json"


def modeline(content_file: str) -> str:
    """The first line of a content file that points YAML editors at its schema."""
    return f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{schema_file(content_file)}"


def generate() -> dict[str, str]:
    """Every schema file's text by its name, deterministic (same models, same bytes)."""
    schemas = {}
    for content_file, model in CONTENT_MODELS.items():
        body = model.model_json_schema(mode="validation")
        document = {"$schema": DIALECT, **body, "title": f"cvsite content/{content_file}"}
        schemas[schema_file(content_file)] = json.dumps(document, indent=2,
                                                        ensure_ascii=False) + "\n"
    return schemas


def write_schemas(source: Path) -> Path:
    """Write (replace) the project's `schema/` folder; returns the folder. Raises OutputError
    when it is a symbolic link out of the project (nothing outside the project is written)."""
    folder = source / SCHEMA_DIR
    real, root = Path(os.path.realpath(folder)), Path(os.path.realpath(source))
    if folder.is_symlink() and not real.is_relative_to(root):
        raise OutputError(f"refusing to write {display_path(folder)}/: it is a symbolic link to "
                          f"{os.readlink(folder)}, outside the project",
                          f"remove the link; 'cvsite schema' then makes {SCHEMA_DIR}/ itself")
    check_output_folder(folder, source)  # nor through a link to the project or content/
    write_site({name: text.encode("utf-8") for name, text in generate().items()}, folder)
    return folder


def stale_schemas(source: Path) -> list[Diagnostic]:
    """One error per schema file that is missing or differs from what the models give."""
    problems = []
    for name, text in generate().items():
        path = source / SCHEMA_DIR / name
        shown = display_path(path)
        if not path.is_file():
            problems.append(error(shown, 0, 0, "missing schema file", "run 'cvsite schema'"))
        elif path.read_text(encoding="utf-8") != text:
            problems.append(error(shown, 0, 0, "schema is out of step with the models",
                                  "run 'cvsite schema' and commit the result"))
    return problems
