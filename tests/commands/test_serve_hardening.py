"""`cvsite serve`'s HTTP side against hostile or careless clients: other Host names, control
characters, bad query values, early disconnects, idle and too many connections, bad ports."""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cvsite.commands import previewserver
from cvsite.commands.devserver import PreviewHandler, PreviewState
from cvsite.commands.previewserver import PreviewServer

DEADLINE = 60.0  # a safety net for a hang, not a timing assertion
PAGE = "<!doctype html><title>home</title><body><p>Home page</p></body>"


class Running:
    """A preview server in this process, and a queue told each time a connection is done."""

    def __init__(self, out: Path, handler: type[PreviewHandler]) -> None:
        self.state = PreviewState(out)
        self.finished: queue.Queue[None] = queue.Queue()
        finished = self.finished

        class Server(PreviewServer):
            def process_request_thread(self, request: socket.socket | tuple[bytes, socket.socket],
                                       client_address: object) -> None:
                try:
                    super().process_request_thread(request, client_address)
                finally:
                    finished.put(None)

        bound = type("Handler", (handler,), {"state": self.state})
        self.server = Server(("127.0.0.1", 0), bound)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,))
        self.thread.start()

    def raw(self, request: bytes) -> bytes:
        """Send `request` as it is; everything the server answers until it closes."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=DEADLINE) as sock:
            sock.sendall(request)
            with contextlib.suppress(OSError):  # the server may have answered and closed first
                sock.shutdown(socket.SHUT_WR)
            answer = b""
            while data := sock.recv(65536):
                answer += data
        return answer

    def get(self, target: str, host: str | None = "127.0.0.1") -> tuple[int, bytes, bytes]:
        """(status, head, body) of a GET with the given Host header (none when None)."""
        lines = [f"GET {target} HTTP/1.1", "Connection: close"]
        lines += [f"Host: {host}"] if host is not None else []
        answer = self.raw(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        head, _, body = answer.partition(b"\r\n\r\n")
        return int(head.split(b" ", 2)[1]), head, body

    def stop(self) -> None:
        self.state.stop()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(DEADLINE)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A built site: a home page, a folder with a page, and a stylesheet."""
    out = tmp_path / "site"
    (out / "cv").mkdir(parents=True)
    (out / "index.html").write_text(PAGE)
    (out / "cv" / "index.html").write_text(PAGE.replace("Home", "CV"))
    (out / "日本").mkdir()
    (out / "日本" / "index.html").write_text(PAGE)
    (out / "site.css").write_text("body { color: black }\n")
    return out


@pytest.fixture
def start(site: Path) -> Iterator[Callable[..., Running]]:
    """Start a server on `site` (with a handler subclass if given); stopped after the test."""
    started: list[Running] = []

    def run(handler: type[PreviewHandler] = PreviewHandler) -> Running:
        started.append(Running(site, handler))
        return started[-1]

    yield run
    for each in started:
        each.stop()


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:{port}", "localhost",
                                  "LocalHost:{port}", "[::1]", "[::1]:{port}"])
def test_a_loopback_host_header_is_answered(start: Callable[..., Running], host: str) -> None:
    server = start()
    status, _, body = server.get("/", host.format(port=server.port))
    assert status == 200 and b"Home page" in body


@pytest.mark.parametrize("host", ["evil.com", "evil.com:{port}", "127.0.0.1.evil.com",
                                  "localhost.evil.com:{port}", "127.0.0.2", "", None])
def test_another_host_header_is_refused_so_dns_rebinding_reads_nothing(
        start: Callable[..., Running], host: str | None) -> None:
    server = start()
    status, _, body = server.get("/", host.format(port=server.port) if host else host)
    assert status == 421
    assert b"Home page" not in body


def test_two_host_headers_are_refused(start: Callable[..., Running]) -> None:
    server = start()
    answer = server.raw(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.com\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 421 ") and b"Home page" not in answer


def test_a_target_naming_another_host_is_refused(start: Callable[..., Running]) -> None:
    server = start()
    assert server.get("http://evil.com/")[0] == 421
    assert server.get(f"http://127.0.0.1:{server.port}/")[0] == 200


@pytest.mark.parametrize("target", [
    "/cv%0d%0aSet-Cookie:%20stolen=1", "/cv%0aSet-Cookie:%20stolen=1", "/cv%0D%0ASet-Cookie:x",
    "/%00", "/cv%00/", "/site.css%00.html", "/cv/%1b[31m", "/cv%7f", "/?q=%0d%0aX:y"])
def test_control_characters_in_the_path_are_400_and_never_reach_a_header(
        start: Callable[..., Running], target: str) -> None:
    server = start()
    status, head, _ = server.get(target)
    assert status == 400
    assert b"stolen" not in head and b"Set-Cookie" not in head and b"Location" not in head


def test_a_raw_nul_in_the_path_is_400(start: Callable[..., Running]) -> None:
    server = start()
    answer = server.raw(b"GET /cv\x00/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400 ")


def test_a_folder_with_a_non_ascii_name_redirects_with_an_encoded_location(
        start: Callable[..., Running]) -> None:
    server = start()
    status, head, _ = server.get("/%E6%97%A5%E6%9C%AC")
    assert status == 302
    assert b"\r\nLocation: /%E6%97%A5%E6%9C%AC/" in head


@pytest.mark.parametrize("query", ["since=abc", "since=-1", "since=1.5", "since=%EF%BC%91",
                                   "since=1&since=2", "since=99999999999999999999999999"])
def test_a_bad_since_value_on_the_reload_stream_is_400(start: Callable[..., Running],
                                                       query: str) -> None:
    server = start()
    status, head, _ = server.get(f"/__cvsite/events?{query}")
    assert status == 400 and b"text/event-stream" not in head


def test_a_good_since_value_opens_the_reload_stream(start: Callable[..., Running]) -> None:
    server = start()
    with socket.create_connection(("127.0.0.1", server.port), timeout=DEADLINE) as sock:
        sock.sendall(b"GET /__cvsite/events?since=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        server.state.publish("/", [], False)  # a new build: the stream says reload
        answer = b""
        while b"event: reload" not in answer and (data := sock.recv(4096)):
            answer += data
    assert answer.startswith(b"HTTP/1.1 200 ") and b"text/event-stream" in answer
    assert b"event: reload" in answer


def test_clients_that_disconnect_early_leave_no_trace_on_stderr(
        start: Callable[..., Running], site: Path, capfd: pytest.CaptureFixture[str]) -> None:
    (site / "big.bin").write_bytes(b"x" * (64 << 20))  # more than the socket buffers hold
    server = start()
    with socket.create_connection(("127.0.0.1", server.port), timeout=DEADLINE) as sock:
        sock.sendall(b"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        sock.recv(1)  # the answer has started
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    stream = socket.create_connection(("127.0.0.1", server.port), timeout=DEADLINE)
    stream.sendall(b"GET /__cvsite/events?since=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    stream.recv(1)
    stream.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    stream.close()
    server.state.publish("/", [], False)  # the stream writes to a client that is gone
    server.finished.get(timeout=DEADLINE)
    server.finished.get(timeout=DEADLINE)
    assert capfd.readouterr().err == ""


def test_more_connections_than_the_bound_get_503_at_once_and_a_freed_place_serves_again(
        start: Callable[..., Running], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(previewserver, "MAX_CONNECTIONS", 4)
    server = start()
    idle = [socket.create_connection(("127.0.0.1", server.port), timeout=DEADLINE)
            for _ in range(4)]
    for sock in idle:  # each holds a place: half a request, then nothing
        sock.sendall(b"GET / HTTP/1.1\r\n")
    try:
        status, _, body = server.get("/")
        assert status == 503 and b"too many clients" in body
    finally:
        idle[0].close()
    server.finished.get(timeout=DEADLINE)  # the server saw it go and freed its place
    status, _, body = server.get("/")
    assert status == 200 and b"Home page" in body
    for sock in idle[1:]:
        sock.close()


def test_an_idle_connection_is_closed_by_the_server(start: Callable[..., Running]) -> None:
    handler = type("Impatient", (PreviewHandler,), {"timeout": 0.2})
    server = start(handler)
    with socket.create_connection(("127.0.0.1", server.port), timeout=DEADLINE) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\n")  # and nothing more
        assert sock.recv(4096) == b""  # closed by the server, not by this test's deadline
    server.finished.get(timeout=DEADLINE)


@pytest.mark.parametrize("port", ["70000", "-1", "65536", "http"])
def test_a_port_out_of_range_is_a_usage_error(run_cli: Callable[..., tuple[int, str, str]],
                                              project: Path, port: str) -> None:
    status, _, err = run_cli("serve", "--port", port, cwd=project)
    assert status == 2
    assert "argument --port" in err and "not a port number" in err
    assert "Traceback" not in err
