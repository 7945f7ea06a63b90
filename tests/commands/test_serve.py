"""`cvsite serve`: builds, serves on loopback, rebuilds on change, reloads, shows errors, exits."""

from __future__ import annotations

import http.client
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar
from urllib.parse import urljoin

import pytest

from cvsite.validate.load import load_site

DEADLINE = 300.0
"""How long any one wait may take before the test fails: a safety net for a hang, never a timing
assertion (every wait ends on an event: a log line, or a build announced on the reload stream)."""
T = TypeVar("T")


class Server:
    """A `cvsite serve` child process on a free loopback port, with its log."""

    def __init__(self, project: Path, tmp: Path) -> None:
        env = {**os.environ, "TMPDIR": str(tmp)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cvsite", "serve", "--port", "0", "--source", str(project)],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        match = re.search(r"serving http://127\.0\.0\.1:(\d+)(/\S*)", self.wait_for("serving"))
        assert match
        self.port, self.base = int(match[1]), match[2]

    def _read(self) -> None:
        assert self.proc.stderr
        for line in self.proc.stderr:
            self.lines.put(line)
        self.lines.put(None)  # the server has ended

    def wait_for(self, text: str) -> str:
        """The next log line containing `text`."""
        try:
            while (line := self.lines.get(timeout=DEADLINE)) is not None:
                self.log.append(line)
                if text in line:
                    return line
        except queue.Empty:
            pass
        raise AssertionError(f"no {text!r} in the log:\n{''.join(self.log)}")

    def get(self, path: str) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=DEADLINE)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read().decode()
        finally:
            conn.close()

    def generation(self) -> int:
        """The number of the build being served (each page's reload script names it)."""
        since = re.search(r"events\?since=(\d+)", self.get(self.base)[1])
        assert since, "no reload script in the page"
        return int(since[1])

    def next_build(self, since: int) -> None:
        """Return once a build newer than `since` is published (the reload stream says so)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=DEADLINE)
        try:
            conn.request("GET", f"/__cvsite/events?since={since}")
            response = conn.getresponse()
            while (line := response.readline()) != b"event: reload\n":
                if not line:
                    raise AssertionError(f"the reload stream ended:\n{''.join(self.log)}")
        except TimeoutError:
            raise AssertionError(f"no build after {since}:\n{''.join(self.log)}") from None
        finally:
            conn.close()

    def until(self, check: Callable[[], T | None]) -> T:
        """`check()` once it gives something, asked again after each new build."""
        while True:
            since = self.generation()  # before checking, so that no build is missed
            found = check()
            if found:
                return found
            self.next_build(since)

    def page_until(self, path: str, predicate: Callable[[str], bool]) -> str:
        """The page at `path` once `predicate` holds for it."""
        return self.until(lambda: body if predicate(body := self.get(path)[1]) else None)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise


def edit(project: Path, name: str, text: str) -> None:
    """Save `text` into the project's file `name` at once, as most editors do: written aside
    (outside the watched folders) and renamed over it, so no half-written file is seen."""
    aside = project / ".edit.tmp"
    aside.write_text(text)
    os.replace(aside, project / name)


@pytest.fixture
def server(project: Path, tmp_path: Path) -> Iterator[Server]:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    running = Server(project, tmp)
    try:
        yield running
    finally:
        running.stop()


def _replace_summary(project: Path, new: str) -> str:
    profile = project / "content" / "profile.yaml"
    site, _ = load_site(project)
    assert site is not None
    text = profile.read_text()
    word = next(w for w in site.profile.summary.split() if w.isalpha() and text.count(w) == 1)
    edit(project, "content/profile.yaml", text.replace(word, new))
    return word


def test_serve_rebuilds_after_a_change_and_serves_the_new_page(server: Server,
                                                               project: Path) -> None:
    status, home = server.get(server.base)
    assert status == 200 and "__cvsite/events" in home
    assert "cvsite-errors" not in home
    _replace_summary(project, "Changedword")
    page = server.page_until(server.base, lambda body: "Changedword" in body)
    assert "cvsite-errors" not in page
    assert server.get(server.base + "css/site.css")[0] == 200


def test_the_pdf_is_rebuilt_after_the_html_is_served(server: Server, project: Path) -> None:
    server.wait_for("(PDF)")  # the first build: HTML first, then the PDF
    _replace_summary(project, "Pdfword")
    html_line = server.wait_for("changed)")
    assert "the PDF follows" in html_line
    server.wait_for("(PDF)")
    cv = server.page_until(server.base + "cv/", lambda body: "Pdfword" in body and ".pdf" in body)
    link = re.search(r'href="([^"]+\.pdf)"', cv)
    assert link
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=DEADLINE)
    conn.request("GET", urljoin(server.base + "cv/", link[1]))
    response = conn.getresponse()
    assert response.status == 200 and response.read().startswith(b"%PDF-")
    conn.close()


def test_serve_announces_a_rebuild_on_the_reload_stream(server: Server, project: Path) -> None:
    server.wait_for("(PDF)")  # the first build is complete
    _, home = server.get(server.base)
    since = re.search(r"events\?since=(\d+)", home)
    assert since
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=DEADLINE)
    conn.request("GET", f"/__cvsite/events?since={since[1]}")
    response = conn.getresponse()
    assert response.getheader("Content-Type") == "text/event-stream"
    _replace_summary(project, "Reloadword")
    line = response.readline()
    while line.startswith(b":"):  # keep-alive comments while the rebuild runs
        line = response.readline()
    assert line == b"event: reload\n"
    conn.close()


def test_a_content_error_is_shown_while_the_last_good_build_is_served(server: Server,
                                                                     project: Path) -> None:
    profile = project / "content" / "profile.yaml"
    good = profile.read_text()
    edit(project, "content/profile.yaml", good + "interests: [unclosed\n")
    error_line = server.wait_for("error:")
    assert "content/profile.yaml:" in error_line
    page = server.page_until(server.base, lambda body: "cvsite-errors" in body)
    assert "profile.yaml:" in page and "last good build" in page
    assert 'class="site-name"' in page  # the previous build is still what is shown
    edit(project, "content/profile.yaml", good)
    _replace_summary(project, "Recoveredword")
    page = server.page_until(server.base, lambda body: "Recoveredword" in body)
    assert "cvsite-errors" not in page


def test_a_template_edit_is_served(server: Server, project: Path) -> None:
    template = project / "templates" / "index.html"
    text = template.read_text()
    edit(project, "templates/index.html",
         text.replace("{% block content %}", "{% block content %}<p>Templateword</p>", 1))
    page = server.page_until(server.base, lambda body: "Templateword" in body)
    assert "cvsite-errors" not in page
    edit(project, "templates/index.html",
         text.replace("{% block content %}", "{% block content %}{{", 1))
    page = server.page_until(server.base, lambda body: "cvsite-errors" in body)
    assert "templates/index.html:" in page and "Templateword" in page
    edit(project, "templates/index.html", text)
    page = server.page_until(server.base, lambda body: "cvsite-errors" not in body)
    assert "Templateword" not in page


def test_ctrl_c_stops_cleanly_and_removes_the_temporary_build(project: Path,
                                                              tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    server = Server(project, tmp)
    assert server.get(server.base)[0] == 200
    assert list(tmp.iterdir())
    assert server.stop() == 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
    assert server.wait_for("cvsite: interrupted") == "cvsite: interrupted\n"
    assert "Traceback" not in "".join(server.log)
    assert list(tmp.iterdir()) == []
    with pytest.raises(OSError):
        server.get("/")


def _fetch(server: Server, path: str, tag: str = "") -> tuple[int, str, bytes]:
    """(status, ETag, body) of a GET, sent with If-None-Match `tag` when given."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=DEADLINE)
    try:
        conn.request("GET", path, headers={"If-None-Match": tag} if tag else {})
        response = conn.getresponse()
        return response.status, response.getheader("ETag") or "", response.read()
    finally:
        conn.close()


def test_a_reload_revalidates_the_stylesheet_and_gets_it_again_once_edited(
        server: Server, project: Path) -> None:
    css = server.base + "css/site.css"
    status, tag, body = _fetch(server, css)
    assert status == 200 and tag and body == (project / "static" / "css" / "site.css").read_bytes()
    assert _fetch(server, css, tag)[:2] == (304, tag)
    stylesheet = project / "static" / "css" / "site.css"
    edit(project, "static/css/site.css", stylesheet.read_text() + "/* edited */\n")
    found = server.until(lambda: answer if (answer := _fetch(server, css, tag))[0] != 304 else None)
    assert found[0] == 200 and found[1] != tag and found[2].endswith(b"/* edited */\n")
    status, _, page = _fetch(server, server.base)
    assert status == 200 and b"__cvsite/events" in page


def test_the_open_page_shows_an_edit_on_its_first_reload(server: Server, project: Path) -> None:
    server.wait_for("(PDF)")  # the first build is complete
    since = server.generation()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=DEADLINE)
    conn.request("GET", f"/__cvsite/events?since={since}&page={server.base.replace('/', '%2F')}")
    stream = conn.getresponse()
    _replace_summary(project, "Firstword")
    while (line := stream.readline()) != b"event: reload\n":
        assert line, "the reload stream ended"
    assert "Firstword" in server.get(server.base)[1]  # rendered first, the rest built after
    conn.close()


def test_a_stylesheet_edit_reloads_the_open_page_once_it_is_published(server: Server,
                                                                      project: Path) -> None:
    server.wait_for("(PDF)")  # the first build is complete
    since = server.generation()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=DEADLINE)
    conn.request("GET", f"/__cvsite/events?since={since}&page={server.base.replace('/', '%2F')}")
    conn.getresponse()
    css = project / "static" / "css" / "site.css"
    edit(project, "static/css/site.css", css.read_text() + "\n.edited { color: red }\n")
    server.wait_for("changed)")
    # the page shown first, then again with the new stylesheet in place
    assert server.generation() == since + 2
    assert ".edited" in server.get(server.base + "css/site.css")[1]
    conn.close()
