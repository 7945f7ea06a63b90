"""Edit-to-reload latency of `cvsite serve`: save a content file, poll until the page changes."""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path

from measure import Stats


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


def reload_latency(project: Path, cvsite: str, runs: int) -> Stats | str:
    """Median seconds from saving profile.yaml to `serve` answering with the new HTML."""
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
        profile = project / "content" / "profile.yaml"
        original = profile.read_text("utf-8")
        times = []
        for i in range(runs):
            marker = f"Benchmark marker {i} {time.time_ns()}"
            text = original.replace("summary: >-\n", f"summary: >-\n  {marker}\n", 1)
            time.sleep(0.5)  # let the watcher settle after the previous reload
            started = time.perf_counter()
            with open(profile, "w", encoding="utf-8") as handle:
                handle.write(text)
            while marker not in (_get(url) or ""):
                if time.perf_counter() - started > 10:
                    return "not measured (page did not change within 10 s)"
                time.sleep(0.002)
            times.append(time.perf_counter() - started)
        profile.write_text(original, "utf-8")
        return Stats(statistics.median(times), min(times), max(times), 0.0, runs)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
