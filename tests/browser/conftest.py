"""Browser gates: the built site served on loopback, one Chromium, every page audited once."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_tools import PIP_HINT, Require, chromium_path, package_file

from cvsite.build import build
from cvsite.models import Site
from cvsite.render import base_path

ROOT = Path(__file__).resolve().parents[2]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files from the output folder, mounted at the site's base path; no logging."""

    base = "/"

    def translate_path(self, path: str) -> str:
        inside = path.startswith(self.base)
        return super().translate_path("/" + path[len(self.base):] if inside else "/\0missing")

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once into a temporary output folder."""
    out = tmp_path_factory.mktemp("browser") / "_site"
    build(ROOT, out)
    return out


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[str]:
    """Every HTML page the build wrote, found in the output folder: new pages join by themselves."""
    return sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))


@pytest.fixture(scope="session")
def site_base(site: Site) -> str:
    """The base path the site is served from (`/` or `/repo/`)."""
    return base_path(site.config.base_url)


@pytest.fixture(scope="session")
def server(built_site: Path, site_base: str) -> Iterator[str]:
    """The built site served from a thread on a free loopback port; yields its origin."""
    handler = type("Handler", (_Handler,), {"base": site_base})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(built_site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def axe_js(require_tool: Require) -> str:
    """axe-core's browser script, as bundled by the axe-playwright-python test dependency."""
    path = package_file("axe_playwright_python", "axe.min.js")
    require_tool(path, "axe-core (axe_playwright_python/axe.min.js)", PIP_HINT)
    assert path is not None
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser(require_tool: Require) -> Iterator[Any]:
    """One headless Debian Chromium for the whole session, driven by Playwright."""
    require_tool(importlib.util.find_spec("playwright"), "Playwright for Python", PIP_HINT)
    executable = chromium_path()
    require_tool(executable, "Chromium (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshots() -> Path | None:
    """Where to save desktop, phone and dark screenshots (CVSITE_SCREENSHOTS), if anywhere."""
    folder = os.environ.get("CVSITE_SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def audits(browser: Any, axe_js: str, server: str, site_base: str, site_pages: list[str],
           screenshots: Path | None) -> dict[str, Any]:
    """Every page visited once: axe at 1280/390 px in light and dark, console, requests, links."""
    from browser_audit import audit_page

    return {path: audit_page(browser, axe_js, server, site_base, path, screenshots)
            for path in site_pages}
