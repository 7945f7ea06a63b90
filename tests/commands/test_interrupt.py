"""Ctrl-C: `cvsite build` and `cvsite serve` stop, say so in one line, and leave no process.

Each command runs in a child process whose PDF renderings (in whichever process they happen)
announce themselves on stderr and then never return: the test interrupts a command that is
surely busy, and a worker that outlived it would still be there. Every process the command
starts inherits a marker in its environment; once the command has exited, each process still
carrying it must be on its way out (a pidfd says when it has exited).
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

DEADLINE = 300.0  # a safety net for a hang, not a timing assertion
KILLED = 30.0
"""How long a killed process may take to exit (milliseconds, unless the machine is swamped)."""
SHIM = '''
import importlib.abc, importlib.machinery, os, sys, threading


class _Stall(importlib.abc.MetaPathFinder):
    """Once cvsite.pdf.document is imported, its render_pdf says where it runs and never returns."""

    def find_spec(self, name, path, target=None):
        if name != "cvsite.pdf.document":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)

            def render_pdf(*args, **kwargs):
                os.write(2, f"cvsite-test: rendering in {os.getpid()}\\n".encode())  # one write
                threading.Event().wait()

            module.render_pdf = render_pdf

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _Stall())
'''


class Command:
    """`cvsite ARGS` in a session of its own, renderings stalled, stderr read as it comes."""

    def __init__(self, tmp: Path, *args: str) -> None:
        shim = tmp / "shim"
        shim.mkdir(exist_ok=True)
        (shim / "sitecustomize.py").write_text(SHIM)
        self.marker = uuid.uuid4().hex
        env = {**os.environ, "CVSITE_TEST_MARKER": self.marker, "TMPDIR": str(tmp),
               "PYTHONPATH": os.pathsep.join([str(shim), os.environ.get("PYTHONPATH", "")])}
        self.proc = subprocess.Popen([sys.executable, "-m", "cvsite", *args],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True, env=env, start_new_session=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr
        for line in self.proc.stderr:
            self.lines.put(line)
        self.lines.put(None)

    def wait_for(self, text: str) -> str:
        """The next stderr line holding `text` (fails if the command ends first)."""
        while (line := self.lines.get(timeout=DEADLINE)) is not None:
            self.log.append(line)
            if text in line:
                return line
        raise AssertionError(f"no {text!r} on stderr:\n{''.join(self.log)}")

    def interrupt(self, target: str) -> tuple[int, str]:
        """Ctrl-C, sent to the process or (as a terminal does) to its whole group, or SIGTERM
        (taken as Ctrl-C); the exit status and the rest of stderr."""
        if target == "group":
            os.killpg(self.proc.pid, signal.SIGINT)
        else:
            self.proc.send_signal(signal.SIGTERM if target == "terminate" else signal.SIGINT)
        try:
            status = self.proc.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        while (line := self.lines.get(timeout=DEADLINE)) is not None:
            self.log.append(line)
        return status, "".join(self.log)

    def survivors(self) -> list[int]:
        """Processes started by the command that have not exited."""
        left = []
        for pid in _marked(self.marker):
            try:
                fd = os.pidfd_open(pid)
            except ProcessLookupError:
                continue
            try:
                if not select.select([fd], [], [], KILLED)[0]:  # readable once it exited
                    left.append(pid)
            finally:
                os.close(fd)
        return left

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        for pid in _marked(self.marker):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def _marked(marker: str) -> list[int]:
    """The processes whose environment holds the marker."""
    found = []
    needle = f"CVSITE_TEST_MARKER={marker}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.fixture
def command(tmp_path: Path) -> Iterator[list[Command]]:
    """Started commands, killed with everything they started at the end of the test."""
    started: list[Command] = []
    yield started
    for each in started:
        each.kill()


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _assert_interrupted(status: int, stderr: str) -> None:
    assert status == 130, stderr
    assert stderr.strip().splitlines()[-1] == "cvsite: interrupted", stderr
    assert stderr.count("cvsite: interrupted") == 1
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert "Warning" not in stderr, stderr


needs_linux = pytest.mark.skipif(not hasattr(os, "pidfd_open") or not Path("/proc/self").exists(),
                                 reason="looks for leftover processes with /proc and pidfds")


@needs_linux
@pytest.mark.parametrize(("where", "target"), [
    ("early worker", "process"), ("early worker", "group"), ("early worker", "terminate"),
    ("spawned pool", "process"), ("spawned pool", "group")])
def test_ctrl_c_stops_a_build_rendering_pdfs_and_every_worker_it_started(
        project: Path, tmp_path: Path, command: list[Command], where: str,
        target: str) -> None:
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "cvsite", "build", "--no-pdf", "--source",
                           str(project), "--out", str(out)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    before = _tree(out)
    # With a cache folder the PDFs render in spawned processes; without, in the forked worker.
    cache = ["--no-cache"] if where == "early worker" else []
    build = Command(tmp_path, "build", "--source", str(project), "--out", str(out), *cache)
    command.append(build)
    build.wait_for("cvsite-test: rendering in")
    status, stderr = build.interrupt(target)
    _assert_interrupted(status, stderr)
    assert build.survivors() == []
    assert _tree(out) == before  # the previous output, untouched


@needs_linux
@pytest.mark.parametrize("target", ["process", "group"])
def test_ctrl_c_stops_serve_with_idle_connections_open_and_its_pdf_worker(
        project: Path, tmp_path: Path, command: list[Command], target: str) -> None:
    serve = Command(tmp_path, "serve", "--port", "0", "--source", str(project))
    command.append(serve)
    port = int(re.findall(r"127\.0\.0\.1:(\d+)", serve.wait_for("serving http://"))[0])
    serve.wait_for("cvsite-test: rendering in")
    idle = []  # more than it serves at once, each sending half a request and then nothing
    try:
        for _ in range(100):
            sock = socket.create_connection(("127.0.0.1", port), timeout=DEADLINE)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            idle.append(sock)
        status, stderr = serve.interrupt(target)
    finally:
        for sock in idle:
            sock.close()
    _assert_interrupted(status, stderr)
    assert serve.survivors() == []
    assert list((tmp_path).glob("cvsite-serve-*")) == []  # the temporary build is removed
