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
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping, Sequence
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


def _listen(port: int, url: str, page: str) -> http.client.HTTPResponse:
    """The reload stream the page at `url` (its HTML: `page`) would open: since the build it
    shows, naming itself (as the tab's script does, so that a rebuild renders it first)."""
    since = re.search(r"events\?since=(\d+)", page)
    shown = urllib.parse.quote(urllib.parse.urlsplit(url).path, safe="")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", f"/__cvsite/events?since={since[1] if since else 0}&page={shown}")
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


class Served:
    """`cvsite serve` running on `project` (started by `command`), probed by saving files."""

    def __init__(self, project: Path, command: Sequence[str],
                 env: Mapping[str, str] | None = None, edit: Edit = edit_profile,
                 poll: bool = False) -> None:
        self.project, self.edit, self.poll = project, edit, poll
        path, _ = edit(project, "")  # creates the file to edit before the watcher starts
        self.path, self.original = path, path.read_bytes()
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.server = subprocess.Popen([*command, "serve", "--port", str(self.port)],
                                       cwd=project, env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, start_new_session=True)
        self.problem = self._wait_for_answer()

    def _wait_for_answer(self) -> str:
        """Empty once the server answers, else why it did not."""
        deadline = time.monotonic() + 30
        while _get(self.url) is None:
            if time.monotonic() > deadline or self.server.poll() is not None:
                return "not measured (serve did not answer on --port)"
            time.sleep(0.05)
        return ""

    def reload(self) -> float | None:
        """Seconds from one save to the page showing it, or None past 10 s."""
        marker = f"Benchmark marker {time.time_ns()}"
        path, text = self.edit(self.project, marker)
        time.sleep(1.0)  # let the watcher settle after the previous reload
        stream = None if self.poll else _listen(self.port, self.url, _get(self.url) or "")
        started = time.perf_counter()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        if stream is not None:
            seen = _reloaded(stream, self.url, marker, started)
            stream.close()
        else:
            while not (seen := marker in (_get(self.url) or "")):
                if time.perf_counter() - started > 10:
                    break
                time.sleep(0.002)
        return time.perf_counter() - started if seen else None

    def close(self) -> None:
        """Stop the server (and its workers) and put the edited file back."""
        os.killpg(self.server.pid, signal.SIGTERM)
        self.server.wait(timeout=10)
        self.path.write_bytes(self.original)


def interleaved_latency(runs: int, servers: Sequence[Served]) -> list[Stats | str]:
    """Median reload seconds of each server, saving to each in turn (a, b, a, b...)."""
    times: list[list[float]] = [[] for _ in servers]
    problems = [served.problem for served in servers]
    for _ in range(runs):
        for i, served in enumerate(servers):
            if not problems[i]:
                seconds = served.reload()
                problems[i] = "not measured (page did not change within 10 s)" \
                    if seconds is None else ""
                times[i] += [] if seconds is None else [seconds]
    return [problem or Stats(statistics.median(taken), min(taken), max(taken), 0.0, runs)
            for problem, taken in zip(problems, times, strict=True)]


def reload_latency(project: Path, cvsite: str, runs: int,
                   edit: Edit = edit_profile, poll: bool = False) -> Stats | str:
    """Median seconds from saving a file to `serve` answering with the new HTML."""
    served = Served(project, [cvsite], edit=edit, poll=poll)
    try:
        return interleaved_latency(runs, [served])[0]
    finally:
        served.close()
