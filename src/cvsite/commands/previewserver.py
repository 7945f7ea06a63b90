"""The preview's HTTP server: loopback only, a bounded number of connections, quiet clients.

What the request may say is checked before anything is looked up: the Host header must name
this machine's loopback address (a page elsewhere that rebinds its DNS name to 127.0.0.1 would
otherwise read the preview), and the path must hold no control characters, raw or
percent-encoded (they would end up in a `Location` header or a file name).
"""

from __future__ import annotations

import contextlib
import re
import socket
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

MAX_CONNECTIONS = 64
"""Connections served at once (a browser opens six, plus one reload stream per tab); more are
answered 503 at once, so that idle or half-open ones cannot pile up threads."""
IDLE_SECONDS = 10.0
"""How long a connection may send nothing (or take to accept a reply) before it is closed."""
LOOPBACK_HOST = re.compile(r"(?:127\.0\.0\.1|localhost|\[::1\])(?::[0-9]{1,5})?", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
BUSY = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Length: 25\r\nConnection: close\r\nRetry-After: 1\r\n\r\n"
        b"cvsite: too many clients\n")
GONE = (ConnectionError, TimeoutError)
"""A client that went away or stopped reading: nothing to report."""


def loopback_host(host: str) -> bool:
    """True when a Host header names 127.0.0.1, localhost or [::1], with or without a port."""
    return LOOPBACK_HOST.fullmatch(host.strip()) is not None


def safe_path(path: str) -> bool:
    """True when a request path holds no control character, raw or percent-encoded."""
    return not CONTROL.search(path) and not CONTROL.search(unquote(path))


def refusal(hosts: list[str], target: str) -> tuple[HTTPStatus, str] | None:
    """Why a request with these Host headers and this target is not answered, if it is not."""
    authority = urlsplit(target).netloc  # a target may name its host: GET http://host/
    if len(hosts) != 1 or not all(map(loopback_host, (hosts[0], authority or hosts[0]))):
        return HTTPStatus.MISDIRECTED_REQUEST, "cvsite serve answers http://127.0.0.1 only"
    if not safe_path(target):
        return HTTPStatus.BAD_REQUEST, "control characters in the path"
    return None


class PreviewServer(ThreadingHTTPServer):
    """One thread per connection, at most `MAX_CONNECTIONS`; quiet about clients that leave."""

    daemon_threads = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int],
                 handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request: socket.socket | tuple[bytes, socket.socket],
                        client_address: object) -> None:
        """Serve the connection in a thread of its own, or answer 503 when all are taken."""
        if not self.slots.acquire(blocking=False):
            assert isinstance(request, socket.socket)
            request.setblocking(False)  # the refusal never waits for the client
            with contextlib.suppress(OSError):
                request.send(BUSY)
                request.recv(65536)  # what the client already sent: closing on unread bytes
            self.shutdown_request(request)  # would reset the connection, losing the 503
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request: socket.socket | tuple[bytes, socket.socket],
                               client_address: object) -> None:
        """Serve one connection, then free its place."""
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket],
                     client_address: object) -> None:
        """Stay quiet about a client that disconnected or stalled; report anything else."""
        if not isinstance(sys.exc_info()[1], GONE):
            super().handle_error(request, client_address)
