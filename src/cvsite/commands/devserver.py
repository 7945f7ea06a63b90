"""The preview's HTTP side: files of the last good build, plus live reload and an error overlay.

The stdlib ThreadingHTTPServer is enough for one local reader (one thread per connection, so the
long-lived reload stream never blocks a page). Pages are never cached (they carry the reload
script for the build they show); other files carry an ETag, so a reload revalidates the
stylesheets and fonts instead of fetching them again.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from cvsite.commands.livereload import EVENTS, PreviewState, inject, overlay, reload_script
from cvsite.commands.previewserver import GONE, IDLE_SECONDS, refusal

__all__ = ["PreviewHandler", "PreviewState"]
BUILD_NUMBER = re.compile(r"[0-9]{1,18}")
KEEPALIVE_SECONDS = 10.0
MAX_PAGE = 2000
"""The longest page path a reload stream may name."""


class PreviewHandler(BaseHTTPRequestHandler):
    """Serves the last good build under its base path; `EVENTS` streams reload notices."""

    state: PreviewState
    protocol_version = "HTTP/1.1"
    timeout = IDLE_SECONDS
    head_only = False

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the terminal is for build messages."""

    def do_GET(self) -> None:
        """Answer one request from this machine's browser; refuse anything else."""
        problem = refusal(self.headers.get_all("Host") or [], self.path)
        if problem is not None:
            self._plain(*problem)
            return
        url = urlsplit(self.path)
        if url.path == EVENTS:
            query = parse_qs(url.query)
            since, page = query.get("since", ["0"]), query.get("page", [""])
            if len(since) != 1 or not BUILD_NUMBER.fullmatch(since[0]):
                self._plain(HTTPStatus.BAD_REQUEST, "since= takes a build number")
                return
            if len(page) != 1 or len(page[0]) > MAX_PAGE or page[0][:1] not in ("", "/"):
                self._plain(HTTPStatus.BAD_REQUEST, "page= takes the path of one page")
                return
            self._events(int(since[0]), page[0])
            return
        base = self.state.base_path
        path = unquote(url.path)
        if not path.startswith(base) and path + "/" != base:
            self._redirect(base) if path == "/" else self._page(None, HTTPStatus.NOT_FOUND)
            return
        relative = path[len(base):]
        target = (self.state.out / relative).resolve()
        if not target.is_relative_to(self.state.out.resolve()):
            self._page(None, HTTPStatus.NOT_FOUND)
        elif target.is_dir() and relative and not relative.endswith("/"):
            self._redirect(path + "/")
        elif target.is_dir():
            self._file(target / "index.html")
        else:
            self._file(target)

    def do_HEAD(self) -> None:
        """Answer like GET, without the body."""
        self.head_only = True
        self.do_GET()

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", quote(location, safe="/!$&'()*+,;=:@-._~"))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _plain(self, status: HTTPStatus, text: str) -> None:
        """A refusal in a line of text; the connection is closed after it."""
        self.close_connection = True
        body = f"{status.value} {status.phrase}: {text}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if not self.head_only:
            self.wfile.write(body)

    def _file(self, path: Path) -> None:
        if path.suffix == ".html" or not path.is_file():
            self._page(path if path.is_file() else None,
                       HTTPStatus.OK if path.is_file() else HTTPStatus.NOT_FOUND)
            return
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = path.read_bytes()
        tag = f'"{hashlib.blake2b(data, digest_size=16).hexdigest()}"'
        if self.headers.get("If-None-Match") == tag:  # the tab revalidates: fonts are not resent
            self._send(HTTPStatus.NOT_MODIFIED, kind, b"", tag)
        else:
            self._send(HTTPStatus.OK, kind, data, tag)

    def _page(self, path: Path | None, status: HTTPStatus) -> None:
        with self.state.changed:
            problems, stale, generation = (self.state.problems, self.state.stale,
                                           self.state.generation)
        if path is None:
            path = self.state.out / "404.html"
        try:
            first = self.state.shown_first(path)
            text = first.decode("utf-8") if first else path.read_text(encoding="utf-8")
        except OSError:
            text = "<!doctype html><title>cvsite</title><body><p>Nothing built yet.</p></body>"
        body = inject(text, overlay(problems, stale) + reload_script(generation))
        self._send(status, "text/html; charset=utf-8", body.encode("utf-8"))

    def _send(self, status: HTTPStatus, kind: str, body: bytes, tag: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if status is not HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Length", str(len(body)))
        if tag:
            self.send_header("ETag", tag)
        self.send_header("Cache-Control", "no-cache" if tag else "no-store")
        self.end_headers()
        if not self.head_only:
            self.wfile.write(body)

    def _events(self, since: int, page: str) -> None:
        state = self.state
        with state.changed:
            state.watching[page] += 1  # open before the tab hears so
        try:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            while True:
                with state.changed:
                    state.changed.wait_for(partial(state.moved_on, since), KEEPALIVE_SECONDS)
                    if state.stopping:
                        return
                    newer, since = state.generation != since, state.generation
                self.wfile.write(b"event: reload\ndata: \n\n" if newer else b": alive\n\n")
                self.wfile.flush()
        except GONE:
            return
        finally:
            self.close_connection = True
            with state.changed:
                state.watching[page] -= 1
                if state.watching[page] <= 0:
                    del state.watching[page]
