"""Edit-to-reload latency of `cvsite serve`: save a content file, poll until the page changes."""

from __future__ import annotations

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


def reload_latency(project: Path, cvsite: str, runs: int,
                   edit: Edit = edit_profile) -> Stats | str:
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
            started = time.perf_counter()
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            while marker not in (_get(url) or ""):
                if time.perf_counter() - started > 10:
                    return "not measured (page did not change within 10 s)"
                time.sleep(0.002)
            times.append(time.perf_counter() - started)
        path.write_bytes(original)
        return Stats(statistics.median(times), min(times), max(times), 0.0, runs)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
