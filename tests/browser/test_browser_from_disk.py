"""A starter site opened from disk (`file://`) in Chromium: styled; every link names a file."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from cvsite.build import build
from cvsite.commands.linkcheck import check_folder
from cvsite.commands.new import scaffold

SERVED_ONLY = ("404.html",)
"""Pages a host serves for any missing address: their links start at the base path."""

# What the tests look at on one page, in one round trip.
FACTS = """async () => {
  await document.fonts.ready;
  const root = getComputedStyle(document.documentElement);
  const refs = [...document.querySelectorAll("a[href], link[href]")].map((el) => el.href)
    .concat([...document.querySelectorAll("script[src], img[src]")].map((el) => el.src));
  return {
    styled: root.getPropertyValue("--serif").trim() !== "",
    sheets: document.styleSheets.length,
    links: refs,
    fonts: [...document.fonts].filter((f) => f.status === "error").map((f) => f.family),
  };
}"""


@pytest.fixture(scope="module")
def starter_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`cvsite new`'s project, built into its `_site` folder."""
    project = tmp_path_factory.mktemp("disk") / "my-site"
    scaffold(project)
    build(project, project / "_site")
    return project / "_site"


async def _visit_all(executable: str, site: Path, pages: list[str]) -> dict[str, Any]:
    """Open every page from its file:// address; record what loaded and what failed."""
    from playwright.async_api import async_playwright

    found: dict[str, Any] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable)
        try:
            tab = await browser.new_page()
            failed: list[str] = []
            # A file that is missing fails as ERR_FILE_NOT_FOUND; ERR_ABORTED is a request the
            # next navigation cancelled (Chromium's low-priority favicon fetch, at random).
            tab.on("requestfailed", lambda request: None if request.failure == "net::ERR_ABORTED"
                   else failed.append(request.url))
            for page in pages:
                failed.clear()
                await tab.goto((site / page).as_uri(), wait_until="load")
                found[page] = {**await tab.evaluate(FACTS), "failed": list(failed)}
        finally:
            await browser.close()
    return found


@pytest.fixture(scope="module")
def from_disk(chromium: str, starter_site: Path) -> dict[str, Any]:
    """Every page of the starter (but the 404 page) as Chromium shows it from disk."""
    pages = sorted(p.relative_to(starter_site).as_posix() for p in starter_site.rglob("*.html")
                   if p.name not in SERVED_ONLY or p.parent != starter_site)
    return asyncio.run(_visit_all(chromium, starter_site, pages))


def test_every_page_opened_from_disk_loads_its_stylesheets_fonts_and_scripts(
        from_disk: dict[str, Any]) -> None:
    assert len(from_disk) >= 4
    unstyled = [page for page, facts in from_disk.items()
                if not facts["styled"] or facts["sheets"] < 2]
    assert unstyled == []
    assert {page: facts["failed"] + facts["fonts"] for page, facts in from_disk.items()
            if facts["failed"] or facts["fonts"]} == {}


def test_every_internal_link_opened_from_disk_names_a_file(from_disk: dict[str, Any],
                                                           starter_site: Path) -> None:
    """A folder address (`publications/`) shows a directory listing from disk, not the page."""
    root = starter_site.resolve()
    broken, checked = [], 0
    for page, facts in from_disk.items():
        for url in facts["links"]:
            parts = urlsplit(url)
            if parts.scheme != "file":
                continue
            checked += 1
            target = Path(unquote(parts.path))
            if not target.is_relative_to(root) or not target.is_file():
                broken.append(f"{page}: {url}")
    assert broken == []
    assert checked > 10 * len(from_disk)


def test_the_same_files_pass_the_link_checker_at_a_domain_root_and_under_a_path(
        starter_site: Path) -> None:
    """The 404 page alone starts its links at the configured base path (Pages' --base-url)."""
    assert [d.format() for d in check_folder(starter_site, "https://ada-example.github.io/")] == []
    elsewhere = check_folder(starter_site, "https://example.org/me/site/")
    assert [d.format() for d in elsewhere if not d.file.endswith(SERVED_ONLY)] == []
