"""A PDF worker forked before the build imports anything heavy, so WeasyPrint loads meanwhile.

Importing WeasyPrint takes a third of a second or more, and its first document pays for
decoding the web fonts and for cffi parsing C declarations. A cold build forks a worker at once
(the command line, before importing the build); it imports WeasyPrint and, once told the static
folders (`warm`), loads the print fonts, while this process imports the rest and loads the site.
Given the print HTML (`submit`), the worker forks itself once per extra PDF (copy-on-write: the
children start warm) and the PDFs render side by side; the results come back through a pipe.
Forking is safe only in a process without threads (not in `serve`) and where fork exists;
otherwise there is no worker and the caller renders. The worker leads its own process group,
so that stopping it (`kill_all`, after Ctrl-C) stops the children it forked too.
Stdlib only: this module is imported before anything heavy.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from cvsite.pdf.worker import Job, serve  # stdlib only at import time


class _Worker:
    """The forked worker: its process id and both ends of the conversation."""

    def __init__(self, pid: int, jobs: IO[bytes], results: IO[bytes],
                 cache_folder: Path | None) -> None:
        self.pid, self.jobs, self.results = pid, jobs, results
        self.cache_folder = cache_folder
        self.taken = False
        """True once a build told it the static folders (`warm`)."""
        self.closed = False

    def send(self, message: tuple[str, Any]) -> None:
        pickle.dump(message, self.jobs, protocol=pickle.HIGHEST_PROTOCOL)
        self.jobs.flush()

    def close(self, kill: bool) -> None:
        """Close the pipes and reap the process (stopping it first when `kill`)."""
        if self.closed:
            return
        self.closed = True
        for pipe in (self.jobs, self.results):
            with contextlib.suppress(OSError):
                pipe.close()
        if kill:  # the worker and the children it forked: they lead and share its group
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        _RENDERING.discard(self)


_WORKER: list[_Worker] = []
_RENDERING: set[_Worker] = set()
"""Workers given PDFs, until their results are read."""


def can_fork() -> bool:
    """True when this process may fork a worker: fork exists, is safe here, and no thread runs."""
    threading = sys.modules.get("threading")
    return (hasattr(os, "fork") and sys.platform != "darwin" and (os.cpu_count() or 1) >= 2
            and (threading is None or threading.active_count() == 1))


def prestart(cache_folder: Path | None) -> None:
    """Fork the worker, unless PDFs are probably cached or WeasyPrint is already here.

    Called again for the same project before the worker was told anything (the command line
    forks it before importing the build), it keeps that worker.
    """
    if _WORKER and not _WORKER[0].taken and _WORKER[0].cache_folder == cache_folder:
        return
    stop()  # one left by an earlier build in this process that failed before its PDFs
    if "weasyprint" in sys.modules or not can_fork():
        return
    if cache_folder is not None and cache_folder.is_dir():
        return  # a rebuild: its PDFs are most likely cached (or it has none, PDFs switched off)
    jobs_read, jobs_write = os.pipe()
    results_read, results_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        code = 1
        try:
            os.setpgid(0, 0)
            os.close(jobs_write)
            os.close(results_read)
            serve(os.fdopen(jobs_read, "rb"), os.fdopen(results_write, "wb"))
            code = 0
        finally:
            os._exit(code)  # never return into the build, nor run its exit handlers
    with contextlib.suppress(OSError):  # here too, so that no kill comes before the child's own
        os.setpgid(pid, pid)
    os.close(jobs_read)
    os.close(results_write)
    _WORKER.append(_Worker(pid, os.fdopen(jobs_write, "wb"), os.fdopen(results_read, "rb"),
                           cache_folder))
    atexit.register(kill_all)  # not left running when the build ends in an error


def warm(roots: list[Path]) -> None:
    """Tell the worker the static folders, so it loads the print fonts before the HTML comes."""
    if _WORKER:
        _WORKER[0].taken = True
        _send(("warm", roots))


def submit(jobs: dict[str, Job]) -> Callable[[], dict[str, Any]] | None:
    """Start rendering `jobs` in the worker; None when there is no worker (render them here).

    The returned function waits for the results, {name: RenderedPdf}, and raises the exception
    of a rendering that failed.
    """
    if not _WORKER or not jobs or not _send(("jobs", jobs)):
        stop()
        return None
    worker = _WORKER.pop()
    _RENDERING.add(worker)

    def results() -> dict[str, Any]:
        try:
            done: dict[str, tuple[bool, Any]] = pickle.load(worker.results)
        except EOFError:
            done = {}
        except BaseException:  # Ctrl-C: stop the renderings
            worker.close(kill=True)
            raise
        worker.close(kill=False)
        if set(done) != set(jobs):
            raise RuntimeError("the PDF worker ended without rendering every PDF")
        for ok, value in done.values():
            if not ok:
                raise value
        return {name: value for name, (_, value) in done.items()}

    return results


def _send(message: tuple[str, Any]) -> bool:
    """Send to the worker; False (and the worker is gone) when it cannot be reached."""
    try:
        _WORKER[0].send(message)
    except OSError:
        stop()
        return False
    return True


def stop() -> None:
    """Stop a worker nobody gave PDFs to (the build ended early or needs none)."""
    while _WORKER:
        _WORKER.pop().close(kill=True)


def kill_all() -> None:
    """Stop every worker at once, rendering or not (after Ctrl-C, and at exit)."""
    stop()
    while _RENDERING:
        _RENDERING.pop().close(kill=True)
