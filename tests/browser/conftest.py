"""Browser gates: the built site served on loopback, one Chromium, every page audited once."""

from __future__ import annotations

import asyncio
import functools
import http.server
import importlib.util
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.browser_tools import (
    PIP_HINT,
    VNU_CHECKS,
    Require,
    chromium_path,
    package_file,
    vnu_jar,
)
from cvsite.build import build
from cvsite.models import Site
from cvsite.render.environment import base_path
from cvsite.validate.load import load_site

ROOT = Path(__file__).resolve().parents[2]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files from the output folder, mounted at the site's base path; no logging."""

    base = "/"

    def translate_path(self, path: str) -> str:
        inside = path.startswith(self.base)
        return super().translate_path("/" + path[len(self.base):] if inside else "/\0missing")

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


PROJECTS = {"real": ROOT, "every-section": ROOT / "tests" / "fixtures" / "every-section"}
"""What the gates check: her site, and a project using every section type of cv.yaml."""


@pytest.fixture(scope="session", params=sorted(PROJECTS))
def browser_project(request: pytest.FixtureRequest,
                    tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project whose built site the browser gates check (a fixture project is copied,
    so building it leaves no cache folder in the source tree)."""
    found: Path = PROJECTS[request.param]
    if found == ROOT:
        return found
    return Path(shutil.copytree(found, tmp_path_factory.mktemp("project") / request.param))


@pytest.fixture(scope="session")
def site(browser_project: Path) -> Site:
    """The checked project's record."""
    loaded, problems = load_site(browser_project)
    assert loaded is not None, [p.format() for p in problems]
    return loaded


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, browser_project: Path) -> Path:
    """The project built once into a temporary output folder."""
    out = tmp_path_factory.mktemp("browser") / "_site"
    build(browser_project, out)
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
def chromium(require_tool: Require) -> str:
    """Debian's Chromium, to be driven by Playwright for Python (never a downloaded browser)."""
    require_tool(importlib.util.find_spec("playwright"), "Playwright for Python", PIP_HINT)
    executable = chromium_path()
    require_tool(executable, "Chromium (/usr/bin/chromium)")
    assert executable is not None
    return executable


@pytest.fixture(scope="session")
def vnu_run(built_site: Path) -> Iterator[subprocess.Popen[str] | None]:
    """The Nu HTML Checker started once over every HTML, CSS and SVG file (None without it)."""
    java, jar = shutil.which("java"), vnu_jar()
    if java is None or jar is None:
        yield None
        return
    files = sorted(str(p) for pattern in VNU_CHECKS for p in built_site.rglob(pattern))
    with subprocess.Popen([java, "-jar", str(jar), "--format", "json", "--also-check-css",
                           "--also-check-svg", *files], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as process:
        yield process
        process.kill()


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
def audits(chromium: str, axe_js: str, server: str, site_base: str, site_pages: list[str],
           screenshots: Path | None, vnu_run: object) -> dict[str, Any]:
    """Every page visited once in one Chromium: axe at 1280/390 px, light and dark; keyboard;
    console; requests; links. (vnu_run is requested so the checker's JVM works meanwhile.)"""
    from browser.browser_audit import audit_site

    return asyncio.run(audit_site(chromium, axe_js, server, site_base, site_pages, screenshots,
                                  parallel=min(4, os.cpu_count() or 2)))
