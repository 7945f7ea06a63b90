"""Compiled templates: the theme ships compiled; edited and project templates still count."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest

import cvsite.speed.templates as templates
from cvsite.build import build
from cvsite.render.environment import make_environment
from test_build import tree


def compiled_names(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from now on (filled as it compiles them)."""
    names: list[str] = []
    compile_template = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str | None = None,
                *args: object, **kwargs: object) -> object:
        names.append(str(name))
        return compile_template(self, source, name, *args, **kwargs)  # type: ignore[arg-type]
    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return names


def test_the_shipped_theme_is_compiled_from_the_templates_as_they_are() -> None:
    shipped = json.loads(templates.SHIPPED.read_text("utf-8"))
    assert shipped == templates.theme_store(), \
        "a theme template changed: run 'make templates' to ship it compiled"


def test_a_cold_build_compiles_none_of_the_theme(project: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = compiled_names(monkeypatch)
    result = build(project, project / "_site", use_cache=False)
    assert result.pages > 10 and compiled == []


def test_an_edited_template_is_compiled_and_shown(project: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    page = project / "templates" / "index.html"
    page.write_text(page.read_text("utf-8").replace(
        "{% block content %}", "{% block content %}<p>Edited here</p>", 1), "utf-8")
    compiled = compiled_names(monkeypatch)
    build(project, project / "_site", use_cache=False)
    assert compiled == ["index.html"]
    assert "<p>Edited here</p>" in (project / "_site" / "index.html").read_text("utf-8")


def test_the_site_is_the_same_without_the_shipped_theme(project: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    build(project, tmp_path / "shipped", use_cache=False)
    monkeypatch.setattr(templates, "SHIPPED", tmp_path / "missing.json")
    build(project, tmp_path / "compiled", use_cache=False)
    assert tree(tmp_path / "shipped") == tree(tmp_path / "compiled")


def test_a_theme_compiled_by_another_jinja_is_not_used(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    env = make_environment(tmp_path)
    assert templates.shipped(env)
    store = json.loads(templates.SHIPPED.read_text("utf-8"))
    other = tmp_path / "theme.json"
    other.write_text(json.dumps({**store, "fingerprint": "jinja 2.0"}), "utf-8")
    monkeypatch.setattr(templates, "SHIPPED", other)
    assert templates.shipped(env) == {}


def test_another_filter_set_is_another_compiler(tmp_path: Path) -> None:
    env = make_environment(tmp_path)
    before = templates.fingerprint(env)
    env.filters["extra"] = str
    assert templates.fingerprint(env) != before
