"""Compiled templates kept in the cache: a later build compiles only the templates that changed."""

from __future__ import annotations

import marshal
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import Environment
from test_build_cache import edit_title, tree

from cvsite.build import build
from cvsite.cache import CACHE_DIR, Cache
from cvsite.render import environment as render
from cvsite.speed import templatedeps
from cvsite.speed.templatecache import PREFIX
from cvsite.validate.load import load_site
from cvsite.validate.scholar import paper_path


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the templates compiled, each build starting as a new process would (no
    environment nor parsed template kept from an earlier build)."""
    names: list[str] = []
    original = Environment.compile

    def counting(env: Environment, source: str, name: str | None = None,
                 *args: object, **kwargs: object) -> object:
        names.append(str(name))
        return original(env, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Environment, "compile", counting)
    monkeypatch.setattr(render, "_ENVIRONMENTS", {})
    yield names


def compiled_afresh(project: Path, tmp_path: Path) -> dict[str, bytes]:
    """The output of the same build in a copy of the project with a cache of its own: every
    template compiled from its source."""
    copy = tmp_path / "copy"
    for name in ("content", "templates", "static"):
        shutil.copytree(project / name, copy / name)
    render._ENVIRONMENTS.clear()
    build(copy, copy / "_site", pdf=False)
    return tree(copy / "_site")


def new_process(monkeypatch: pytest.MonkeyPatch, compiled: list[str]) -> None:
    """Forget what this process compiled and parsed, as a new `cvsite build` would not know."""
    monkeypatch.setattr(render, "_ENVIRONMENTS", {})
    templatedeps._REFERENCES.clear()
    compiled.clear()


def test_a_build_after_an_edit_compiles_no_template_and_writes_the_same_pages(
        project: Path, tmp_path: Path, compiled: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = project / "_site"
    build(project, out, pdf=False)
    assert compiled  # the first build compiled the theme
    edit_title(project, "Someone Else Entirely")
    new_process(monkeypatch, compiled)
    parsed: list[bytes] = []
    monkeypatch.setattr(templatedeps, "_references",
                        lambda env, data: parsed.append(data) or None)
    build(project, out, pdf=False)
    assert compiled == [] and parsed == []
    assert tree(out) == compiled_afresh(project, tmp_path)
    assert "Someone Else Entirely" in (out / "index.html").read_text("utf-8")


def test_an_edited_template_is_compiled_again_and_its_pages_show_the_edit(
        project: Path, compiled: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    out = project / "_site"
    page = project / "templates" / "publication.html"
    build(project, out, pdf=False)
    page.write_text(page.read_text("utf-8").replace(
        "{% block content %}", "{% block content %}<p>Edited template</p>", 1), "utf-8")
    new_process(monkeypatch, compiled)
    build(project, out, pdf=False)
    assert compiled == ["publication.html"]
    site, _ = load_site(project)
    assert site is not None and site.publications
    for pub in site.publications:
        page = out / (paper_path(pub) + "index.html")
        assert "<p>Edited template</p>" in page.read_text("utf-8")


@pytest.mark.parametrize("damage", ["bytes", "shape"])
def test_a_damaged_or_foreign_store_is_a_miss(project: Path, tmp_path: Path, damage: str,
                                              compiled: list[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = project / "_site"
    build(project, out, pdf=False)
    [stored] = (project / CACHE_DIR).glob(f"{PREFIX}*")
    if damage == "bytes":
        stored.write_bytes(stored.read_bytes()[:-100] + b"\0" * 100)
    else:  # checked bytes, but not what the store writes
        Cache(project / CACHE_DIR).write_checked(stored.name, marshal.dumps({"key": "code"}))
    edit_title(project, "Someone Else Entirely")
    new_process(monkeypatch, compiled)
    build(project, out, pdf=False)
    assert "publication.html" in compiled  # compiled again, not taken from the damaged store
    assert tree(out) == compiled_afresh(project, tmp_path)
    new_process(monkeypatch, compiled)
    edit_title(project, "Someone Else Again")
    build(project, out, pdf=False)
    assert compiled == []  # the store was written anew
