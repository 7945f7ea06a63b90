"""Keyboard use of one page: the tab order up to the content, the focus ring, the skip link."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.async_api import Page

FOCUSABLE = ("a[href], area[href], button:not([disabled]), input:not([disabled]), select, "
             "textarea, summary, iframe, [tabindex]:not([tabindex='-1'])")

# The focused element as a keyboard user meets it: where it sits and how its focus ring looks.
FOCUSED = """(selector) => {
  const el = document.activeElement;
  const all = [...document.querySelectorAll(selector)];
  const main = document.querySelector("main");
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const href = el.getAttribute("href") || "";
  const target = href.startsWith("#") ? document.getElementById(href.slice(1)) : null;
  return {
    index: all.indexOf(el),
    before_main: all.filter((e) => main && (e.compareDocumentPosition(main) & 4)).length,
    positive_tabindex: all.filter((e) => e.tabIndex > 0).length,
    label: (el.innerText || el.getAttribute("aria-label") || "").trim(),
    href: href,
    target_is_main: !!target && (target === main || target.contains(main)),
    in_main: !!main && main.contains(el) && el !== main,
    in_nav: !!el.closest("nav"),
    focus_visible: el.matches(":focus-visible"),
    outline: [style.outlineStyle, parseFloat(style.outlineWidth) || 0, style.outlineColor],
    background: getComputedStyle(document.body).backgroundColor,
    box: [box.left, box.top, box.right, box.bottom],
    viewport: [innerWidth, innerHeight],
    hash: location.hash,
  };
}"""


def luminance(css_colour: str) -> float:
    """Relative luminance (WCAG 2) of a computed `rgb(r, g, b)` / `rgba(...)` colour."""
    channels = [float(c) / 255 for c in re.findall(r"[\d.]+", css_colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two computed colours."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


async def _focused(page: Page) -> dict[str, Any]:
    """The focused element's facts in light and in dark colours."""
    facts: dict[str, Any] = await page.evaluate(FOCUSED, FOCUSABLE)
    await page.emulate_media(color_scheme="dark")
    dark = await page.evaluate(FOCUSED, FOCUSABLE)
    await page.emulate_media(color_scheme="light")
    facts["dark"] = {"outline": dark["outline"], "background": dark["background"]}
    return facts


async def walk(page: Page) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Tab from the top to the first stop in <main>; then Enter on the first stop, and Tab."""
    await page.emulate_media(color_scheme="light")
    await page.keyboard.press("Tab")
    order = [await _focused(page)]
    for _ in range(order[0]["before_main"]):
        await page.keyboard.press("Tab")
        order.append(await _focused(page))
    await page.evaluate("(selector) => document.querySelector(selector).focus()", FOCUSABLE)
    skip = [await page.evaluate(FOCUSED, FOCUSABLE)]
    await page.keyboard.press("Enter")
    await page.keyboard.press("Tab")
    skip.append(await page.evaluate(FOCUSED, FOCUSABLE))
    await page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    return order, skip
