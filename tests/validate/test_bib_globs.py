"""Hugo Academic's `content/publication/*/cite.bib`: `publications.bib_files` in site.yaml names
the .bib files by globs inside content/ (issue 17, "Files found")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bibcorpus import CORPUS
from conftest import FIXTURES
from cvsite.build import build
from cvsite.errors import ContentError
from cvsite.validate.bibfiles import bib_files
from pagetext import text_of

HUGO = {"bhatt-2013-apr": "hugo-academic-bhatt.bib", "journal-article": "hugo-academic-example.bib"}
"""A real Hugo Academic pair (tests/bib/, provenance there), by their publication folders."""


def _hugo_project(tmp_path: Path, globs: str | None) -> Path:
    """The minimal project with the Hugo pair in content/publication/*/cite.bib."""
    project = Path(shutil.copytree(FIXTURES / "minimal", tmp_path / "project"))
    for folder, name in HUGO.items():
        (project / "content/publication" / folder).mkdir(parents=True)
        shutil.copy(CORPUS / name, project / "content/publication" / folder / "cite.bib")
    if globs is not None:
        site = project / "content/site.yaml"
        site.write_text(site.read_text("utf-8") + f"  bib_files: {globs}\n", encoding="utf-8")
    return project


def _list_page(project: Path) -> str:
    return text_of((project / "_site/publications/index.html").read_text("utf-8"))


def test_hugo_academic_cite_bib_folders_are_read_through_the_glob(tmp_path: Path) -> None:
    project = _hugo_project(tmp_path, '["publications.bib", "publication/*/cite.bib"]')
    result = build(project, project / "_site", use_cache=False, pdf=False)
    page = _list_page(project)
    for title in ("On Examples", "The global distribution and burden of dengue",
                  "The purported square ice in bilayer graphene"):
        assert title in page
    assert not result.failed
    assert (project / "_site/publications/Bhatt2013Apr/index.html").is_file()


def test_without_the_glob_only_the_bib_files_directly_in_content_are_read(
        tmp_path: Path) -> None:
    project = _hugo_project(tmp_path, None)
    build(project, project / "_site", use_cache=False, pdf=False)
    assert "On Examples" in _list_page(project)
    assert "dengue" not in _list_page(project)


def test_a_key_in_two_cite_bib_files_names_both(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    project = _hugo_project(tmp_path, '["**/*.bib"]')
    copy = project / "content/publication/zz-copy"
    copy.mkdir()
    shutil.copy(CORPUS / HUGO["bhatt-2013-apr"], copy / "cite.bib")
    monkeypatch.chdir(project)
    with pytest.raises(ContentError) as caught:
        build(project, project / "_site", use_cache=False, pdf=False)
    assert [d.format() for d in caught.value.diagnostics if d.severity == "error"] == [
        "content/publication/zz-copy/cite.bib:3: error: key 'Bhatt2013Apr' is also in "
        "content/publication/bhatt-2013-apr/cite.bib:3 ('Bhatt2013Apr'), which is kept\n"
        "  hint: rename one of the keys, or delete the copy"]


@pytest.mark.parametrize(("glob", "why"), [
    ("../*.bib", "may not step out of content/ with '..'"),
    ("publication/../../x.bib", "may not step out of content/ with '..'"),
    ("/home/*.bib", "must be a relative path inside content/"),
    ("publication/*/index.md", "must name .bib files"),
])
def test_a_glob_leaving_content_is_an_error_at_its_line(tmp_path: Path, glob: str, why: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    project = _hugo_project(tmp_path, f'["{glob}"]')
    monkeypatch.chdir(project)
    with pytest.raises(ContentError) as caught:
        build(project, project / "_site", use_cache=False, pdf=False)
    shown = [d.format() for d in caught.value.diagnostics]
    assert len(shown) == 1
    assert shown[0].startswith("content/site.yaml:6:")
    assert f"the glob '{glob}' {why}" in shown[0]


def test_a_folder_reached_through_a_link_is_not_searched(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "publication/a").mkdir(parents=True)
    (content / "publication/a/cite.bib").write_text("@misc{a, title={A}}", encoding="utf-8")
    (content / "publication/linked").symlink_to(content / "publication/a")
    (content / "Main.BIB").write_text("", encoding="utf-8")
    assert bib_files(content, ("**/*.bib",)) == [content / "Main.BIB",
                                                 content / "publication/a/cite.bib"]


def test_a_glob_naming_no_file_is_a_warning_at_its_line(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    project = _hugo_project(tmp_path, '["publications.bib", "publications/*/cite.bib"]')
    monkeypatch.chdir(project)
    result = build(project, project / "_site", use_cache=False, pdf=False)
    assert [d.format() for d in result.diagnostics if "glob" in d.message] == [
        "content/site.yaml:6:35: warning: no file in content/ matches the glob "
        "'publications/*/cite.bib'\n  hint: globs are relative to content/: "
        "'publication/*/cite.bib' reads content/publication/*/cite.bib"]
    assert "On Examples" in _list_page(project)
