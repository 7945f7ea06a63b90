"""Live reload for the preview: the build state the handlers read, and what each page gets.

The reload script and the error overlay are added to HTML responses in serve mode only; the
built site itself stays free of JavaScript.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path

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

    def publish(self, base_path: str, problems: list[str], stale: bool) -> None:
        """Record a finished build attempt and wake every open reload stream."""
        with self.changed:
            self.base_path, self.problems, self.stale = base_path, problems, stale
            self.generation += 1
            self.changed.notify_all()

    def moved_on(self, since: int) -> bool:
        """True once a build newer than `since` is published, or the server stops."""
        return self.generation != since or self.stopping

    def stop(self) -> None:
        """Tell the reload streams to close."""
        with self.changed:
            self.stopping = True
            self.changed.notify_all()


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
    """Reload the tab when a newer build than the one it shows is published."""
    return (f'<script>new EventSource("{EVENTS}?since={generation}")'
            f'.addEventListener("reload",()=>location.reload())</script>')


def inject(page: str, extra: str) -> str:
    """Put `extra` just before `</body>` (or at the end)."""
    at = page.lower().rfind("</body>")
    return page + extra if at < 0 else page[:at] + extra + page[at:]
