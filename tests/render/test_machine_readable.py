"""What machines read of a site published under a sub-path: Highwire names, robots.txt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cvsite.build import build
from scholar_helpers import read_head

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://user.github.io/repo/"
NAMES = """
@article{names2025,
  author  = {von Neumann, John and King, Jr., Martin Luther and Wu, Xiaoxia and
             Ludwig van Beethoven and de la Fontaine, Jean},
  title   = {Names with Particles and Suffixes},
  journal = {Journal of Names},
  year    = {2025},
  topic   = {Model Compression},
}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project under a sub-path, with a paper whose authors have von and Jr. parts."""
    project = tmp_path_factory.mktemp("subpath")
    for name in ("content", "templates", "static"):
        shutil.copytree(ROOT / name, project / name)
    config = project / "content" / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "https://xwushirley.github.io/", BASE), encoding="utf-8")
    with (project / "content" / "publications.bib").open("a", encoding="utf-8") as bib:
        bib.write(NAMES)
    out = project / "_site"
    build(project, out, pdf=False)
    return out


def test_citation_author_keeps_von_and_jr_parts(built: Path) -> None:
    head = read_head(built / "publications/names2025/index.html")
    assert head.values("citation_author") == [
        "von Neumann, John", "King, Jr., Martin Luther", "Wu, Xiaoxia", "van Beethoven, Ludwig",
        "de la Fontaine, Jean"]


def test_robots_txt_names_the_sitemap_under_the_base_path(built: Path) -> None:
    lines = (built / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {BASE}sitemap.xml" in lines
    assert (built / "sitemap.xml").is_file()
    rules = [line.split(":", 1)[1].strip() for line in lines
             if line.startswith(("Allow:", "Disallow:"))]
    assert all(rule == "/" or rule.startswith("/repo/") for rule in rules), rules


def test_sitemap_lists_pages_under_the_base_path(built: Path) -> None:
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}publications/names2025/</loc>" in sitemap
    assert "<loc>https://user.github.io/publications" not in sitemap
