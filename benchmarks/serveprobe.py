"""Edit-to-reload latency of `cvsite serve`: save a file, wait until the page shows the edit.

By default the probe does what the browser tab does: it listens on the page's reload stream
and fetches the page when told to (a reload that still shows the old page, say a PDF pass,
is followed by waiting for the next). With `poll=True` it fetches the page every 2 ms instead,
which also measures how the server copes with the extra requests.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from measure import Stats

THEME = Path(__file__).resolve().parents[1] / "templates"
Edit = Callable[[Path, str], tuple[Path, str]]


def _free_port() -> int:
    """A free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    """The body at `url`, or None when nothing answers yet."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except OSError:
        return None


def edit_profile(project: Path, marker: str) -> tuple[Path, str]:
    """profile.yaml with `marker` in the summary (the home page and the PDFs change)."""
    path = project / "content" / "profile.yaml"
    return path, path.read_text("utf-8").replace("summary: >-\n", f"summary: >-\n  {marker}\n", 1)


def edit_template(project: Path, marker: str) -> tuple[Path, str]:
    """A project copy of the home page template with `marker` in it (the PDFs do not change)."""
    path = project / "templates" / "index.html"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        shutil.copy(THEME / "index.html", path)
    text = path.read_text("utf-8")
    text = re.sub(r"\nBenchmark marker [^\n]*", "", text)
    return path, text.replace("{% block content %}", "{% block content %}" + f"\n{marker}", 1)


def _listen(port: int, page: str) -> http.client.HTTPResponse:
    """The reload stream the page `page` (its HTML) would open."""
    since = re.search(r"events\?since=(\d+)", page)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", f"/__cvsite/events?since={since[1] if since else 0}")
    return conn.getresponse()


def _reloaded(stream: http.client.HTTPResponse, url: str, marker: str, started: float) -> bool:
    """Wait for reload notices, fetching the page after each, until it shows `marker`."""
    while time.perf_counter() - started < 10:
        line = stream.readline()
        if not line:
            return False
        if line.startswith(b"event: reload") and marker in (_get(url) or ""):
            return True
    return False


def reload_latency(project: Path, cvsite: str, runs: int,
                   edit: Edit = edit_profile, poll: bool = False) -> Stats | str:
    """Median seconds from saving a file to `serve` answering with the new HTML."""
    path, _ = edit(project, "")  # creates the file to edit before the watcher starts
    original = path.read_bytes()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen([cvsite, "serve", "--port", str(port)], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while _get(url) is None:
            if time.monotonic() > deadline or server.poll() is not None:
                return "not measured (serve did not answer on --port)"
            time.sleep(0.05)
        times = []
        for i in range(runs):
            marker = f"Benchmark marker {i} {time.time_ns()}"
            path, text = edit(project, marker)
            time.sleep(1.0)  # let the watcher settle after the previous reload
            stream = None if poll else _listen(port, _get(url) or "")
            started = time.perf_counter()
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            if stream is not None:
                seen = _reloaded(stream, url, marker, started)
                stream.close()
            else:
                while not (seen := marker in (_get(url) or "")):
                    if time.perf_counter() - started > 10:
                        break
                    time.sleep(0.002)
            if not seen:
                return "not measured (page did not change within 10 s)"
            times.append(time.perf_counter() - started)
        path.write_bytes(original)
        return Stats(statistics.median(times), min(times), max(times), 0.0, runs)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
