"""Keys safe (issue 17): any key gives a valid, readable page folder and file name; two keys
giving one folder are an error naming both lines; a paper without a title is an error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import minimal_with_entries
from cvsite.build import build
from cvsite.errors import ContentError
from pagetext import text_of

ENTRY = "@article{%s, author = {Example, Ada}, title = {%s}, journal = {J}, year = {2021}}\n"


def _built(tmp_path: Path, entries: str) -> Path:
    project = minimal_with_entries(tmp_path / "project", entries)
    build(project, project / "_site", use_cache=False, pdf=False)
    return project / "_site"


def test_download_link_shows_the_name_of_the_file_it_saves(tmp_path: Path) -> None:
    site = _built(tmp_path, ENTRY % ("DBLP:conf/icml/WuWW20", "A DBLP Paper"))
    html = (site / "publications/DBLP-conf-icml-WuWW20/index.html").read_text("utf-8")
    link = re.search(r'<a href="([^"]+)" download>([^<]+)</a>', html)
    assert link is not None
    assert link[1].endswith("/publications/DBLP-conf-icml-WuWW20/DBLP-conf-icml-WuWW20.bib")
    assert link[2] == "Download DBLP-conf-icml-WuWW20.bib"


def test_list_and_paper_pages_link_each_other_for_a_key_with_colons_and_slashes(
        tmp_path: Path) -> None:
    site = _built(tmp_path, ENTRY % ("DBLP:conf/icml/WuWW20", "A DBLP Paper"))
    listing = (site / "publications/index.html").read_text("utf-8")
    paper = (site / "publications/DBLP-conf-icml-WuWW20/index.html").read_text("utf-8")
    assert 'id="DBLP:conf/icml/WuWW20"' in listing
    assert 'href="../publications/DBLP-conf-icml-WuWW20/index.html"' in listing  # relative
    assert 'href="../../publications/index.html#DBLP:conf/icml/WuWW20"' in paper


@pytest.mark.parametrize(("key", "folder"), [("müller2020", "muller2020"),
                                             ("Łukasz:2020", "-ukasz-2020"),
                                             ("García/Ñandú", "Garcia-Nandu")])
def test_accents_are_dropped_from_page_folders(tmp_path: Path, key: str, folder: str) -> None:
    site = _built(tmp_path, ENTRY % (key, "An Accented Key"))
    assert "An Accented Key" in text_of(
        (site / "publications" / folder / "index.html").read_text("utf-8"))
    assert (site / "publications" / folder / f"{folder}.bib").is_file()


def test_keys_giving_one_folder_are_an_error_naming_both_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = minimal_with_entries(tmp_path / "project", ENTRY % ("müller2020", "First")
                                   + ENTRY % ("muller2020", "Second"))
    monkeypatch.chdir(project)
    with pytest.raises(ContentError) as caught:
        build(project, project / "_site", use_cache=False, pdf=False)
    assert [d.format() for d in caught.value.diagnostics if d.severity == "error"] == [
        "content/publications.bib:11: error: key 'muller2020' gives the same page folder "
        "'publications/muller2020/' as key 'müller2020' (line 10)\n  hint: rename the key "
        "(letters, digits, '-', '_' and '.' keep their meaning in page addresses)"]


def test_keys_in_two_files_giving_one_folder_name_both_places(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = minimal_with_entries(tmp_path / "project", ENTRY % ("DBLP:conf/x/Y20", "First"))
    (project / "content/papers.bib").write_text(ENTRY % ("DBLP-conf-x-Y20", "Second"), "utf-8")
    monkeypatch.chdir(project)
    with pytest.raises(ContentError) as caught:
        build(project, project / "_site", use_cache=False, pdf=False)
    assert [d.format() for d in caught.value.diagnostics if d.severity == "error"] == [
        "content/papers.bib:1: error: key 'DBLP-conf-x-Y20' gives the same page folder "
        "'publications/DBLP-conf-x-Y20/' as a key in content/publications.bib:10 "
        "('DBLP:conf/x/Y20'), which is kept\n  hint: rename one of the keys, or delete the copy"]


def test_an_entry_without_a_title_is_an_error_not_a_title_made_from_its_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = minimal_with_entries(
        tmp_path / "project",
        "@article{wu2023zeroquant, author = {Wu, Xiaoxia}, journal = {J}, year = {2023}}\n")
    monkeypatch.chdir(project)
    with pytest.raises(ContentError) as caught:
        build(project, project / "_site", use_cache=False, pdf=False)
    assert [d.format() for d in caught.value.diagnostics if d.severity == "error"] == [
        "content/publications.bib:10: error: entry 'wu2023zeroquant': missing required field "
        "'title'"]
    result = build(project, project / "_site", use_cache=False, pdf=False, keep_going=True)
    assert result.left_out == ("wu2023zeroquant",)
