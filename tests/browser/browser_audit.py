"""Visit every page of the built site in Chromium; record what a person or a checker notices."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from browser.browser_keys import walk

if TYPE_CHECKING:  # Playwright itself is imported only once the browser fixture found it
    from playwright.async_api import Browser, Page, Request, Route

WIDTHS = {"desktop": 1280, "phone": 390}
SCHEMES = ("light", "dark")
HEIGHT = 900

# Everything about the page the tests look at, gathered in one round trip.
PAGE_FACTS = """() => {
  const root = document.documentElement;
  const visible = (el) => el.getClientRects().length > 0;
  return {
    scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth),
    clientWidth: root.clientWidth,
    links: [...document.querySelectorAll("a[href], area[href]")].map((a) => a.href),
    ids: [...document.querySelectorAll("[id]")].map((el) => el.id)
      .concat([...document.querySelectorAll("a[name]")].map((a) => a.name)),
    images: [...document.querySelectorAll("img, [role=img], input[type=image], svg")]
      .filter(visible)
      .map((el) => ({
        tag: el.tagName.toLowerCase(),
        src: el.getAttribute("src") || "",
        alt: el.getAttribute("alt") ?? el.getAttribute("aria-label") ?? "",
        hidden: el.getAttribute("aria-hidden") === "true",
      })),
  };
}"""


AXE_RUN = ("axe.run(document, {resultTypes: ['violations', 'incomplete'],"
           " rules: {'target-size': {enabled: true}}})")  # WCAG 2.2 AA, off by default


def _unmeasured_contrast(incomplete: list[dict[str, Any]]) -> list[str]:
    """Text whose contrast axe could not measure (symbol-only content like "★" is no text)."""
    return [" ".join(node["target"]) + ": " + check.get("message", "")
            for rule in incomplete if rule["id"] == "color-contrast"
            for node in rule["nodes"] for check in node["any"][:1]
            if (check.get("data") or {}).get("messageKey") != "nonBmp"]


@dataclass
class PageAudit:
    """What one page did in the browser."""

    path: str
    url: str
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    unmeasured: dict[str, list[str]] = field(default_factory=dict)
    console: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    overflow: dict[str, tuple[int, int]] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    images: list[dict[str, Any]] = field(default_factory=list)
    tab_order: list[dict[str, Any]] = field(default_factory=list)
    skip: list[dict[str, Any]] = field(default_factory=list)


def page_url(origin_base: str, path: str) -> str:
    """The URL a visitor uses for an output file: `cv/index.html` -> BASE + `cv/`."""
    return origin_base + (path[: -len("index.html")] if path.endswith("index.html") else path)


class _Tab:
    """One tab that audits pages one after another; its context keeps fonts and CSS cached."""

    def __init__(self, page: Page, origin: str) -> None:
        self.page, self.origin = page, origin
        self.audit = PageAudit("", "")

    async def watch(self) -> None:
        """Record console errors and failed requests; refuse every request that leaves the site."""
        inside = self.origin + "/"

        async def on_route(route: Route, request: Request) -> None:
            if request.url.startswith(inside):
                await route.continue_()
            else:
                self.audit.outside.append(request.url)
                await route.abort("blockedbyclient")

        await self.page.route("**/*", on_route)
        self.page.on("console", lambda msg: self.audit.console.append(f"{msg.type}: {msg.text}")
                     if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.audit.console.append(f"uncaught: {exc}"))
        self.page.on("requestfailed", lambda req: self.audit.broken.append(
            f"{req.url} ({req.failure})") if req.url.startswith(inside)
            and "ERR_ABORTED" not in str(req.failure) else None)
        # ERR_ABORTED is a request the tab itself cancelled (the favicon Chromium fetches after
        # `load`, when the tab moves on to the next page); a missing file is an HTTP 404 below.
        self.page.on("response", lambda res: self.audit.broken.append(
            f"{res.url} (HTTP {res.status})") if res.status >= 400 else None)

    async def visit(self, axe_js: str, base: str, path: str, shots: Path | None) -> PageAudit:
        """Load `path` once; run axe at each width and colour scheme; measure and screenshot."""
        page = self.page
        audit = self.audit = PageAudit(path, page_url(self.origin + base, path))
        await page.set_viewport_size({"width": WIDTHS["desktop"], "height": HEIGHT})
        await page.emulate_media(color_scheme="light")
        await page.goto(audit.url, wait_until="load")
        audit.tab_order, audit.skip = await walk(page)
        await page.add_script_tag(content=axe_js)
        for width_name, width in WIDTHS.items():
            await page.set_viewport_size({"width": width, "height": HEIGHT})
            for scheme in SCHEMES:
                where = f"{width} px, {scheme}"
                await page.emulate_media(color_scheme=scheme)
                result = await page.evaluate(AXE_RUN)
                audit.axe[where] = result["violations"]
                audit.unmeasured[where] = _unmeasured_contrast(result["incomplete"])
                facts = await page.evaluate(PAGE_FACTS)
                audit.overflow[where] = (facts["scrollWidth"], facts["clientWidth"])
                if shots is not None and (scheme == "light" or width_name == "desktop"):
                    name = "dark" if scheme == "dark" else width_name
                    stem = path.removesuffix(".html").replace("/", "-").removesuffix("-index")
                    await page.screenshot(path=shots / f"{stem or 'index'}-{name}.png",
                                          full_page=True)
        audit.links, audit.ids, audit.images = facts["links"], set(facts["ids"]), facts["images"]
        return audit


async def audit_site(executable: str, axe_js: str, origin: str, base: str, paths: list[str],
                     shots: Path | None, parallel: int = 2) -> dict[str, PageAudit]:
    """One Chromium for every page; `parallel` tabs, each in its own context, share the pages."""
    from playwright.async_api import async_playwright

    queue = list(reversed(paths))
    done: dict[str, PageAudit] = {}

    async def worker(browser: Browser) -> None:
        context = await browser.new_context()
        tab = _Tab(await context.new_page(), origin)
        await tab.watch()
        while queue:
            path = queue.pop()
            done[path] = await tab.visit(axe_js, base, path, shots)
        await context.close()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable)
        try:
            await asyncio.gather(*(worker(browser) for _ in range(max(1, parallel))))
        finally:
            await browser.close()
    return dict(sorted(done.items()))
