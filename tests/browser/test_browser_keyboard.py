"""Keyboard use on every page: a skip link first, visible focus, a logical tab order."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from browser.browser_keys import contrast

MIN_OUTLINE_PX = 2
MIN_OUTLINE_CONTRAST = 3.0  # WCAG 2.2 non-text contrast for the focus indicator


def _reads_after(a: list[float], b: list[float]) -> bool:
    """Box b follows box a in reading order: to its right on the same line, or on a later line."""
    same_line = b[1] < a[3] and a[1] < b[3]
    return b[0] >= a[2] if same_line else b[1] >= a[3]


def test_the_first_tab_stop_is_a_visible_skip_link_to_the_main_content(
        audits: dict[str, Any]) -> None:
    for path, audit in audits.items():
        link = audit.tab_order[0]
        assert "skip" in link["label"].lower() and link["target_is_main"], path
        assert audit.skip[0]["index"] == 0, path
        left, top, right, bottom = link["box"]
        width, height = link["viewport"]
        assert 0 <= left < right <= width and 0 <= top < bottom <= height, (path, link["box"])


def test_the_skip_link_moves_the_keyboard_into_the_main_content(audits: dict[str, Any]) -> None:
    for path, audit in audits.items():
        link, after = audit.skip
        assert after["hash"] == link["href"], path
        assert after["in_main"], f"{path}: Tab after the skip link went to {after['label']!r}"


def test_tab_order_follows_the_page_through_the_navigation(audits: dict[str, Any]) -> None:
    for path, audit in audits.items():
        order = audit.tab_order
        assert order[0]["positive_tabindex"] == 0, f"{path}: tabindex > 0 reorders the page"
        assert [stop["index"] for stop in order] == list(range(len(order))), path
        assert order[-1]["in_main"], f"{path}: Tab never reached the main content"
        nav = [stop for stop in order if stop["in_nav"]]
        assert nav, f"{path}: no navigation links before the main content"
        # Reading order on a 1280 px screen: each link to the right of, or below, the previous one.
        boxes = [stop["box"] for stop in nav]
        assert all(_reads_after(a, b) for a, b in pairwise(boxes)), (path, boxes)


def test_focus_is_visible_on_every_stop_in_light_and_dark(audits: dict[str, Any]) -> None:
    weak = []
    for path, audit in audits.items():
        for stop in audit.tab_order:
            for scheme, facts in (("light", stop), ("dark", stop["dark"])):
                style, width, colour = facts["outline"]
                ratio = contrast(colour, facts["background"])
                if (not stop["focus_visible"] or style == "none" or width < MIN_OUTLINE_PX
                        or ratio < MIN_OUTLINE_CONTRAST):
                    weak.append(f"{path} {stop['label']!r} ({scheme}): outline {style} {width}px "
                                f"{colour}, contrast {ratio:.2f} on {facts['background']}")
    assert weak == []
