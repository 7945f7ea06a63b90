"""The PDF worker process (see `pdfpool`): import WeasyPrint, warm up, render, fork per PDF."""

from __future__ import annotations

import os
import pickle
import queue
from typing import IO, Any

from cvsite.pdfpool import Job


def serve(jobs: IO[bytes], results: IO[bytes]) -> None:
    """The worker: import WeasyPrint, warm up, render the jobs (forking for all but the first)."""
    import threading

    inbox: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
    reader = threading.Thread(target=_read, args=(jobs, inbox))
    reader.start()  # so that the build never waits to hand over the print HTML
    import weasyprint  # noqa: F401  (meanwhile)

    from cvsite.pdf import Fonts, warm_up

    fonts: Fonts | None = None
    kind, value = inbox.get()
    if kind == "warm":
        fonts = warm_up(value)
        kind, value = inbox.get()
    reader.join()  # no thread may run when forking
    if kind != "jobs":
        return  # the build needs no PDFs after all
    names = list(value)
    children = [_fork(name, value[name], fonts) for name in names[1:]]
    out = {names[0]: _attempt(value[names[0]], fonts)}
    for pid, pipe in children:
        with pipe:
            out.update(pickle.load(pipe))
        os.waitpid(pid, 0)
    pickle.dump(out, results, protocol=pickle.HIGHEST_PROTOCOL)
    results.flush()


def _read(jobs: IO[bytes], inbox: queue.SimpleQueue[tuple[str, Any]]) -> None:
    """Take the build's messages as they come, until the jobs (or the end)."""
    while True:
        try:
            message: tuple[str, Any] = pickle.load(jobs)
        except (EOFError, OSError, pickle.UnpicklingError):
            message = ("end", None)
        inbox.put(message)
        if message[0] != "warm":
            return


def _attempt(job: Job, fonts: Any) -> tuple[bool, Any]:
    """(True, the rendered PDF) or (False, the exception it raised)."""
    from cvsite.pdf import render_pdf

    html, roots, tagged = job
    try:
        return True, render_pdf(html, roots, tagged=tagged, fonts=fonts)
    except Exception as exc:  # raised again in the build
        return False, exc


def _fork(name: str, job: Job, fonts: Any) -> tuple[int, IO[bytes]]:
    """Render one job in a child of the worker; its pid and the pipe its result comes through."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as pipe:
                pickle.dump({name: _attempt(job, fonts)}, pipe,
                            protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, os.fdopen(read, "rb")
