"""Every page of the built site, in Chromium: axe-core, layout, console, requests and images."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from browser.browser_audit import SCHEMES, WIDTHS

GENERIC_ALT = re.compile(r"^(image|img|picture|photo|graphic|icon|logo|untitled|\W*)$", re.I)


def _violations(audits: dict[str, Any]) -> list[str]:
    """One line per axe violation: page, width and scheme, rule, impact and the offending nodes."""
    found = []
    for path, audit in audits.items():
        for where, violations in audit.axe.items():
            for v in violations:
                nodes = "; ".join(" ".join(n["target"]) + " -> " + n["failureSummary"]
                                  .replace("\n", " ") for n in v["nodes"][:5])
                found.append(f"{path} at {where}: {v['id']} ({v['impact']}): {v['help']}: {nodes}")
    return found


def test_axe_finds_no_violations_at_either_width_in_light_or_dark(audits: dict[str, Any]) -> None:
    for audit in audits.values():
        assert len(audit.axe) == len(WIDTHS) * len(SCHEMES)
    assert _violations(audits) == []


def test_axe_could_measure_the_contrast_of_all_text_in_light_and_dark(
        audits: dict[str, Any]) -> None:
    """Text over an image, a gradient or another element is "needs review" in axe, not a pass."""
    unmeasured = {f"{path} at {where}": nodes for path, audit in audits.items()
                  for where, nodes in audit.unmeasured.items() if nodes}
    assert unmeasured == {}


def test_no_page_scrolls_sideways_on_a_phone_or_desktop(audits: dict[str, Any]) -> None:
    wide = {f"{path} at {where}": f"{scroll} px of content in a {client} px viewport"
            for path, audit in audits.items()
            for where, (scroll, client) in audit.overflow.items() if scroll > client}
    assert wide == {}


def test_pages_log_no_console_errors_and_load_every_resource(audits: dict[str, Any]) -> None:
    assert {path: sorted(set(audit.console + audit.broken)) for path, audit in audits.items()
            if audit.console or audit.broken} == {}


def test_no_request_leaves_the_site(audits: dict[str, Any]) -> None:
    assert {path: sorted(set(audit.outside)) for path, audit in audits.items()
            if audit.outside} == {}


def test_every_image_has_meaningful_alt_text(audits: dict[str, Any]) -> None:
    bad = []
    for path, audit in audits.items():
        for image in audit.images:
            alt = image["alt"].strip()
            name = Path(image["src"]).stem.lower()
            if image["tag"] == "svg" and image["hidden"]:
                continue  # decorative inline icons are hidden from assistive technology
            if GENERIC_ALT.match(alt) or (name and alt.lower() in (name, Path(image["src"]).name)):
                bad.append(f"{path}: <{image['tag']} src={image['src']!r}> alt={alt!r}")
    assert bad == []


def test_every_page_of_the_output_folder_was_audited(audits: dict[str, Any],
                                                     built_site: Path) -> None:
    assert set(audits) == {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert {"index.html", "cv/index.html", "publications/index.html"} <= set(audits)
