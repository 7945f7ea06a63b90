"""`cvsite serve` renders the pages open in a browser first: the reload stream names them."""

from __future__ import annotations

import contextlib
import queue
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from test_serve_hardening import DEADLINE, PAGE, Running, site, start

__all__ = ["site", "start"]


def test_the_reload_stream_tells_which_page_is_open(start: Callable[..., Running]) -> None:
    server = start()
    with socket.create_connection(("127.0.0.1", server.port), timeout=DEADLINE) as sock:
        sock.sendall(b"GET /__cvsite/events?since=0&page=%2Fcv%2F HTTP/1.1\r\n"
                     b"Host: 127.0.0.1\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 200 ")
        assert server.state.open_pages() == ["cv/index.html"]
    while server.finished.empty():  # the tab is gone: the server hears so when it writes
        server.state.publish("/", [], False)
        with contextlib.suppress(queue.Empty):
            server.finished.put(server.finished.get(timeout=0.05))
    assert server.state.open_pages() == []


@pytest.mark.parametrize("query", ["page=cv/", "page=%2F&page=%2Fcv%2F", "page=%2F" + "a" * 2001])
def test_a_page_that_is_not_one_path_is_400(start: Callable[..., Running], query: str) -> None:
    status, head, _ = start().get(f"/__cvsite/events?since=0&{query}")
    assert status == 400 and b"text/event-stream" not in head


def test_a_page_rendered_first_is_served_at_once_and_reloads_the_tab(
        start: Callable[..., Running]) -> None:
    server = start()
    before = server.state.generation
    server.state.publish_first({"index.html": PAGE.replace("Home page", "Edited").encode()})
    assert server.state.generation == before + 1
    assert b"Edited" in server.get("/")[2] and b"Edited" not in server.get("/cv/")[2]


def test_a_build_that_makes_the_page_shown_first_does_not_reload_it_again(
        start: Callable[..., Running], site: Path) -> None:
    server = start()
    server.state.publish_first({"index.html": PAGE.encode()})  # what the build then writes
    shown = server.state.generation
    server.state.publish("/", [], False, texts_only=True)
    assert server.state.generation == shown and b"Home page" in server.get("/")[2]
    server.state.publish_first({"index.html": b"<p>Not what the build makes</p>"})
    server.state.publish("/", [], False, texts_only=True)
    assert server.state.generation == shown + 2 and b"Home page" in server.get("/")[2]


def test_a_build_that_wrote_a_stylesheet_reloads_the_page_shown_first(
        start: Callable[..., Running]) -> None:
    server = start()
    server.state.publish_first({"index.html": PAGE.encode()})
    shown = server.state.generation
    server.state.publish("/", [], False, texts_only=False)  # the tab has the old stylesheet
    assert server.state.generation == shown + 1


def test_a_stream_that_names_no_page_opens_none(start: Callable[..., Running]) -> None:
    server = start()
    with socket.create_connection(("127.0.0.1", server.port), timeout=DEADLINE) as sock:
        sock.sendall(b"GET /__cvsite/events?since=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 200 ")
        assert server.state.open_pages() == []


def test_a_build_at_another_base_path_reloads_the_tab(start: Callable[..., Running]) -> None:
    server = start()
    server.state.publish_first({"index.html": PAGE.encode()})
    shown = server.state.generation
    server.state.publish("/repo/", [], False, texts_only=True)  # base_url changed too
    assert server.state.generation == shown + 1
