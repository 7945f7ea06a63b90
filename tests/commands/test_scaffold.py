"""`cvsite new DIR`: a starter project for someone else that builds and checks at once."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT
from cvsite.commands.schema import CONTENT_MODELS, modeline, stale_schemas
from cvsite.errors import has_errors
from cvsite.models import SECTION_TYPES
from cvsite.validate.load import load_site

Run = Callable[..., tuple[int, str, str]]


def test_new_project_builds_and_checks_clean(run_cli: Run, tmp_path: Path) -> None:
    status, out, err = run_cli("new", "mysite", cwd=tmp_path)
    assert status == 0, err
    project = tmp_path / "mysite"
    assert "cvsite serve" in out
    for name in ("content/site.yaml", "content/profile.yaml", "content/cv.yaml",
                 "content/publications.bib", "templates/base.html", "static/css/site.css",
                 ".github/workflows/test.yml", ".github/workflows/pages.yml", "README.md",
                 "requirements.txt", "constraints.txt", ".gitignore"):
        assert (project / name).is_file(), name
    status, _, err = run_cli("check", "--strict", cwd=project)
    assert status == 0, err
    status, _, err = run_cli("build", "--strict", cwd=project)
    assert status == 0, err
    assert (project / "_site" / "index.html").is_file()
    assert stale_schemas(project) == []


def test_new_project_shows_every_section_type(tmp_path: Path, run_cli: Run) -> None:
    run_cli("new", "p", cwd=tmp_path)
    site, problems = load_site(tmp_path / "p")
    assert site is not None and not has_errors(problems), problems
    sections = site.cv.sections
    assert sorted({s.type for s in sections}) == sorted(SECTION_TYPES)
    assert all(s.entries for s in sections if s.type != "publications")
    assert site.publications and site.selected_publications
    assert site.profile.name == "Ada Example"


def test_new_project_holds_none_of_the_real_owners_data(tmp_path: Path, run_cli: Run) -> None:
    run_cli("new", "p", cwd=tmp_path)
    real, _ = load_site(ROOT)
    assert real is not None
    owner_facts = [real.profile.name, real.profile.email or "", real.profile.linkedin or "",
                   real.config.base_url.rstrip("/"), *(p.title for p in real.publications),
                   *(d.thesis.title for d in real.cv.degrees if d.thesis)]
    text = "\n".join(p.read_text(errors="replace") for p in (tmp_path / "p").rglob("*")
                     if p.is_file() and p.suffix in (".yaml", ".bib", ".md", ".yml", ".txt"))
    leaked = [fact for fact in owner_facts if fact and fact in text]
    assert not leaked


def test_new_refuses_a_folder_that_is_not_empty(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    status, _, err = run_cli("new", "taken", cwd=tmp_path)
    assert status == 2 and "not an empty folder" in err
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["notes.txt"]


def test_new_projects_description_is_text_not_markdown(tmp_path: Path, run_cli: Run) -> None:
    run_cli("new", "p", cwd=tmp_path)
    assert "**" in (tmp_path / "p/content/profile.yaml").read_text("utf-8")  # the summary's
    assert run_cli("build", "--no-pdf", cwd=tmp_path / "p")[0] == 0
    page = (tmp_path / "p/_site/index.html").read_text("utf-8")
    descriptions = re.findall(r'<meta (?:name|property)="(?:og:)?description" content="([^"]*)"',
                              page)
    assert len(descriptions) == 2 and all("**" not in d and d for d in descriptions)


def test_each_new_content_file_names_its_schema_once_on_its_first_line(
        run_cli: Run, tmp_path: Path) -> None:
    assert run_cli("new", "p", cwd=tmp_path)[0] == 0
    for name in CONTENT_MODELS:
        lines = (tmp_path / "p/content" / name).read_text("utf-8").splitlines()
        marked = [line for line in lines if "yaml-language-server" in line]
        assert marked == [modeline(name)] == lines[:1], name


def test_new_with_an_empty_folder_name_says_it_is_empty(run_cli: Run, tmp_path: Path) -> None:
    status, out, err = run_cli("new", "", cwd=tmp_path)
    assert (status, out) == (2, "")
    assert err.splitlines()[-1] == "cvsite new: error: argument DIR: the folder name is empty"
    assert list(tmp_path.iterdir()) == []
