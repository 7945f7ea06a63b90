"""Live reload for the preview: the build state the handlers read, and what each page gets.

The reload script and the error overlay are added to HTML responses in serve mode only; the
built site itself stays free of JavaScript.
"""

from __future__ import annotations

import html
import threading
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

EVENTS = "/__cvsite/events"


class PreviewState:
    """What the builder publishes and the request handlers read: one lock guards it all."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.base_path = "/"
        self.generation = 0
        self.problems: list[str] = []
        self.stale = False
        self.stopping = False
        self.changed = threading.Condition()
        self.watching: Counter[str] = Counter()
        """The pages open in a browser (URL paths), by how many reload streams they hold."""
        self.first: dict[str, bytes] = {}
        """Pages rendered ahead of their build (paths in `out`), served until it is published."""

    def publish(self, base_path: str, problems: list[str], stale: bool,
                texts_only: bool = False) -> None:
        """Record a finished build attempt and wake every open reload stream; not when it only
        confirms the pages shown first: the same bytes at the same base path, no problems, and
        `texts_only` (the build wrote pages and text files only: no stylesheet, image or font
        that the pages shown first would have fetched from the last build)."""
        with self.changed:
            confirmed = bool(self.first) and texts_only and not problems and not stale and \
                base_path == self.base_path and all(
                    _holds(self.out / path, data) for path, data in self.first.items())
            self.base_path, self.problems, self.stale = base_path, problems, stale
            self.first = {}
            if not confirmed:
                self.generation += 1
                self.changed.notify_all()

    def publish_first(self, pages: dict[str, bytes]) -> None:
        """Show `pages` (paths in `out`) before their build is published, and reload them."""
        with self.changed:
            self.first = pages
            self.problems, self.stale = [], False
            self.generation += 1
            self.changed.notify_all()

    def open_pages(self) -> list[str]:
        """The pages open in a browser now, as paths in `out` (`publications/index.html`)."""
        with self.changed:
            pages, base = list(self.watching), self.base_path
        found = []
        for page in pages:
            path = unquote(page)
            if path and (path.startswith(base) or path + "/" == base):
                relative = path[len(base):]
                found.append(relative + "index.html" if relative.endswith("/") or not relative
                             else relative)
        return found

    def shown_first(self, path: Path) -> bytes | None:
        """The page at `path` (a file in `out`) when it was rendered ahead of its build."""
        with self.changed:
            first = self.first
        if not first:
            return None
        try:
            return first.get(path.resolve().relative_to(self.out.resolve()).as_posix())
        except ValueError:
            return None

    def moved_on(self, since: int) -> bool:
        """True once a build newer than `since` is published, or the server stops."""
        return self.generation != since or self.stopping

    def stop(self) -> None:
        """Tell the reload streams to close."""
        with self.changed:
            self.stopping = True
            self.changed.notify_all()


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file at `path` holds `data`."""
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def overlay(problems: list[str], stale: bool) -> str:
    """A fixed panel listing the build's errors (empty when there are none)."""
    if not problems:
        return ""
    shown = "the last good build" if stale else "what could still be built"
    text = html.escape("\n".join(problems))
    return (f'<div id="cvsite-errors" role="alert" style="position:fixed;left:0;right:0;bottom:0;'
            f"max-height:50vh;overflow:auto;margin:0;padding:1rem 1.25rem;z-index:2147483647;"
            f"background:#2b0b0b;color:#ffe9e9;border-top:4px solid #e5484d;white-space:pre-wrap;"
            f'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace">'
            f"<strong>cvsite: the sources have errors; this page shows {shown}.</strong>\n"
            f"{text}</div>")


def reload_script(generation: int) -> str:
    """Reload the tab when a newer build than the one it shows is published; the stream says
    which page the tab shows, so that a rebuild renders it first."""
    return (f'<script>new EventSource("{EVENTS}?since={generation}&page="'
            f'+encodeURIComponent(location.pathname))'
            f'.addEventListener("reload",()=>location.reload())</script>')


def inject(page: str, extra: str) -> str:
    """Put `extra` just before `</body>` (or at the end)."""
    at = page.lower().rfind("</body>")
    return page + extra if at < 0 else page[:at] + extra + page[at:]
