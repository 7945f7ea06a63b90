"""What `serve` remembers between builds in one process is never stale, even after an edit
that keeps a file's size and modification time (two saves within one timestamp tick)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from cvsite.build import build
from cvsite.validate.load import load_site
from test_build import reference, tree


def rewrite_keeping_size_and_mtime(path: Path, old: str, new: str) -> None:
    """Replace `old` with `new` (same length) and put the modification time back."""
    assert len(old) == len(new)
    info = path.stat()
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def test_profile_edit_within_one_tick_is_loaded(project: Path) -> None:
    site, _ = load_site(project)
    assert site is not None
    word = next(w for w in site.profile.summary.split() if w.isalpha() and len(w) > 4)
    rewrite_keeping_size_and_mtime(project / "content" / "profile.yaml", word, "Q" * len(word))
    again, _ = load_site(project)
    assert again is not None and "Q" * len(word) in again.profile.summary


def test_bibtex_edit_within_one_tick_is_loaded(project: Path) -> None:
    site, _ = load_site(project)
    assert site is not None
    title = site.publications[0].title
    word = next(w for w in title.split() if w.isalpha() and len(w) > 4)
    bib = project / "content" / "publications.bib"
    assert bib.read_text("utf-8").count(word) >= 1
    rewrite_keeping_size_and_mtime(bib, word, "Q" * len(word))
    again, _ = load_site(project)
    assert again is not None
    assert any("Q" * len(word) in p.title for p in again.publications)


def test_template_edit_within_one_tick_is_rendered(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(project, out)
    template = project / "templates" / "index.html"
    text = template.read_text("utf-8")
    old = next(w for w in ("<section", "<h2", "<p") if w in text)
    rewrite_keeping_size_and_mtime(template, old, old.upper())
    build(project, out)
    assert old.upper() in (out / "index.html").read_text("utf-8")
    assert tree(out) == reference(project, tmp_path)


def test_an_included_template_edit_reaches_every_page_that_includes_it(
        project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(project, out)
    before = tree(out)
    contact = project / "templates" / "_contact.html"
    contact.write_text(contact.read_text("utf-8") + "<!-- contact edited -->\n", "utf-8")
    build(project, out)
    after = tree(out)
    assert after == reference(project, tmp_path)
    changed = {name for name in after if after[name] != before.get(name)}
    assert {"index.html", "cv/index.html"} <= changed
    assert "publications/index.html" not in changed


def test_a_theme_template_shadowed_by_the_project_is_used(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.rmtree(project / "templates")
    build(project, out, pdf=False)
    (project / "templates").mkdir()
    base = Path(__file__).resolve().parents[2] / "templates" / "404.html"
    (project / "templates" / "404.html").write_text(
        base.read_text("utf-8").replace("{% block content %}",
                                        "{% block content %}<!-- project 404 -->", 1), "utf-8")
    build(project, out, pdf=False)
    assert "<!-- project 404 -->" in (out / "404.html").read_text("utf-8")

