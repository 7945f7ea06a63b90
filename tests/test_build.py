"""A build makes the same site with, without, a stale or a corrupt cache; edits reach every page."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cvsite.build import build, open_pages
from cvsite.cache import CACHE_DIR
from cvsite.errors import ContentError
from cvsite.output.write import OutputError


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def reference(project: Path, tmp_path: Path) -> dict[str, bytes]:
    """The output of a build that neither reads nor writes the cache."""
    out = tmp_path / "reference"
    build(project, out, use_cache=False)
    return tree(out)


def edit_title(project: Path, new: str) -> None:
    """Change the site title in content/site.yaml."""
    config = project / "content" / "site.yaml"
    lines = config.read_text("utf-8").splitlines(keepends=True)
    config.write_text("".join(f"title: {new}\n" if line.startswith("title:") else line
                              for line in lines), "utf-8")


def test_no_cache_writes_no_cache_folder(project: Path, tmp_path: Path) -> None:
    build(project, tmp_path / "out", use_cache=False)
    assert not (project / CACHE_DIR).exists()


def test_rebuild_without_changes_writes_nothing_and_reports_the_same(project: Path) -> None:
    out = project / "_site"
    first = build(project, out)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = build(project, out)
    assert again.written == 0
    assert (again.pages, again.files, again.diagnostics) == (first.pages, first.files,
                                                             first.diagnostics)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == stamps


def test_stale_cache_never_changes_the_output(project: Path, tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    before = tree(out)
    edit_title(project, "Someone Else Entirely")
    build(project, out)
    assert tree(out) == reference(project, tmp_path / "edited")
    assert tree(out) != before
    edit_title(project, "Xiaoxia (Shirley) Wu")
    build(project, out)
    assert tree(out) == before


@pytest.mark.parametrize("damage", [
    lambda out: (out / "index.html").write_text("edited by hand"),
    lambda out: (out / "index.html").unlink(),
])
def test_output_touched_by_hand_is_rebuilt(project: Path, tmp_path: Path,
                                           damage: Callable[[Path], object]) -> None:
    out = project / "_site"
    build(project, out)
    damage(out)
    build(project, out)
    assert tree(out) == reference(project, tmp_path)


@pytest.mark.parametrize("garbage", [b"", b"{not json", b"[1, 2]", b'{"format": 1, "key": 5}',
                                     b"\xff\xfe\x00binary"])
def test_corrupt_cache_is_ignored(project: Path, tmp_path: Path, garbage: bytes) -> None:
    out = project / "_site"
    build(project, out)
    for path in (project / CACHE_DIR).rglob("*"):
        if path.is_file():
            path.write_bytes(garbage)
    (out / "index.html").write_text("stale")
    build(project, out)
    assert tree(out) == reference(project, tmp_path)


def test_cache_record_from_another_output_folder_is_not_used(project: Path,
                                                            tmp_path: Path) -> None:
    build(project, project / "_site")
    other = tmp_path / "other"
    build(project, other)
    assert tree(other) == tree(project / "_site")


def test_refuses_to_write_into_the_cache(project: Path) -> None:
    with pytest.raises(OutputError):
        build(project, project / CACHE_DIR)


def test_cli_no_cache_flag(project: Path, run_cli: Callable[..., tuple[int, str, str]]) -> None:
    status, out, _ = run_cli("build", "--no-cache", cwd=project)
    assert status == 0 and "built" in out
    assert (project / "_site" / "index.html").is_file()
    assert not (project / CACHE_DIR).exists()


LATEX_BIB = r"""
@article{muller2020,
  author  = {M{\"u}ller, J{\"o}rg and Garc{\'\i}a, Ana and Dvo{\v{r}}{\'a}k, Ji{\v{r}}{\'\i}},
  title   = {Bounds of $\mathcal{O}(\log n)$ for {BERT} -- a \emph{careful} look},
  journal = {Journal of {\AA}lgebra \& Things},
  year    = {2020},
  abstract = {We show $O(n^2)$ bounds. ``Quoted'' text~here.},
}
"""


def test_latex_in_entries_gives_the_same_pages_rebuilt(project: Path, tmp_path: Path) -> None:
    bib = project / "content" / "publications.bib"
    bib.write_text(bib.read_text("utf-8") + LATEX_BIB, "utf-8")
    out = project / "_site"
    build(project, out)
    shutil.rmtree(out)
    build(project, out)
    expected = reference(project, tmp_path)
    assert tree(out) == expected
    page = next(v for k, v in expected.items() if "muller2020" in k and k.endswith(".html"))
    assert "Müller" in page.decode() and "Dvořák" in page.decode()


def edit_first_title(project: Path, text: str) -> None:
    """Prefix the first BibTeX title with `text`."""
    bib = project / "content" / "publications.bib"
    bib.write_text(bib.read_text("utf-8").replace("title", f"title = {{{text}}}, oldtitle", 1),
                   "utf-8")


def test_edited_entry_updates_its_page_and_the_lists(project: Path, tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    before = tree(out)
    edit_first_title(project, "A Retitled Paper")
    build(project, out)
    after = tree(out)
    assert after == reference(project, tmp_path)
    changed = {name for name in after if before.get(name) != after[name]}
    assert "publications/index.html" in changed
    assert any(name.endswith("/index.html") and "A Retitled Paper" in after[name].decode()
               for name in changed - {"publications/index.html", "index.html"})


def test_files_the_edit_does_not_change_keep_their_inode_and_time_unless_touched(
        project: Path, tmp_path: Path) -> None:
    out = project / "_site"
    build(project, out)
    touched = out / "robots.txt"  # a file that is not a page, edited by hand
    touched.write_bytes(b"#" * len(touched.read_bytes()))
    kept = next(p for p in sorted(out.rglob("*.bib")) if p.name != "publications.bib")
    stat = kept.stat()
    edit_first_title(project, "A Retitled Paper")
    build(project, out)
    assert tree(out) == reference(project, tmp_path)  # the touched file is written back
    assert (kept.stat().st_ino, kept.stat().st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)


def test_page_reading_other_papers_is_not_served_stale(project: Path, tmp_path: Path) -> None:
    """A theme whose paper page lists every paper: editing one paper changes all pages."""
    theme = project / "templates"
    theme.mkdir(exist_ok=True)
    (theme / "publication.html").write_text(
        "{{ pub.title }}|{% for p in site.publications %}{{ p.title }};{% endfor %}\n", "utf-8")
    assert_one_edit_reaches_every_paper_page(project, tmp_path)


def assert_one_edit_reaches_every_paper_page(project: Path, tmp_path: Path) -> None:
    """Build, edit the first title, build again: every paper page shows it, as uncached."""
    out = project / "_site"
    build(project, out)
    edit_first_title(project, "Only This One Changed")
    build(project, out)
    assert tree(out) == reference(project, tmp_path)
    pages = [data.decode() for name, data in tree(out).items()
             if name.startswith("publications/") and name.endswith("/index.html")]
    assert len(pages) > 2 and all("Only This One Changed" in page for page in pages)


def test_a_template_error_in_a_feed_is_reported_at_its_line(project: Path) -> None:
    (project / "templates").mkdir(exist_ok=True)
    (project / "templates" / "sitemap.xml").write_text("<urlset>\n{{ locations.nope }}\n")
    with pytest.raises(ContentError) as alone:
        build(project, project / "_site", use_cache=False)
    assert [(Path(d.file).parts[-2:], d.line) for d in alone.value.diagnostics
            if d.severity.value == "error"] == [(("templates", "sitemap.xml"), 2)]
    assert not (project / "_site").exists()


def test_an_include_of_a_missing_template_says_where_names_are_looked_up(project: Path) -> None:
    (project / "templates").mkdir(exist_ok=True)
    (project / "templates" / "404.html").write_text('{% include "../../../etc/passwd" %}\n')
    with pytest.raises(ContentError) as caught:
        build(project, project / "_site", use_cache=False, pdf=False)
    (problem,) = [d for d in caught.value.diagnostics if d.severity.value == "error"]
    assert (Path(problem.file).parts[-2:], problem.line) == (("templates", "404.html"), 1)
    assert problem.message == ("template: no template '../../../etc/passwd' in the project's "
                               "templates/ or the theme's (names are relative to those folders)")


def test_the_open_pages_are_what_the_next_build_writes(project: Path) -> None:
    profile = project / "content" / "profile.yaml"
    profile.write_text(profile.read_text("utf-8").replace(
        "summary: >-\n", "summary: >-\n  Edited just now.\n", 1), "utf-8")
    wanted = {"index.html", "cv/index.html", "publications/by-year/index.html"}
    first = open_pages(project, wanted)
    build(project, project / "_site", keep_going=True, pdf=False)
    assert set(first) == wanted and b"Edited just now." in first["index.html"]
    assert first == {path: (project / "_site" / path).read_bytes() for path in wanted}


def test_no_page_is_shown_first_while_the_content_has_errors(project: Path) -> None:
    profile = project / "content" / "profile.yaml"
    profile.write_text(profile.read_text("utf-8") + "\nunknown_field: 1\n", "utf-8")
    assert open_pages(project, {"index.html"}) == {}
