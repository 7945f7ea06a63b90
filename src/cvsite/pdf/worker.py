"""The PDF worker process (see `pool`): import WeasyPrint, warm up, render, fork per PDF."""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import re
import struct
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

Job = tuple[str, list[Path], bool]
"""(print HTML, static folders highest priority first, tagged PDF/UA) of one PDF."""


def serve(jobs: IO[bytes], results: IO[bytes]) -> None:
    """The worker: import WeasyPrint, warm up, render the jobs (forking for all but the first)."""
    import threading

    inbox: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
    reader = threading.Thread(target=_read, args=(jobs, inbox))
    reader.start()  # so that the build never waits to hand over the print HTML
    try:
        _import_weasyprint()  # meanwhile
    except Exception as exc:  # each rendering raises it in the build
        broken: Exception | None = exc
    else:
        broken = None

    from cvsite.pdf.document import Fonts, warm_up

    fonts: Fonts | None = None
    kind, value = inbox.get()
    if kind == "warm":
        if broken is None:
            with contextlib.suppress(Exception):  # only a head start: the renderings start cold
                fonts = warm_up(value)
        kind, value = inbox.get()
    reader.join()  # no thread may run when forking
    if kind != "jobs":
        return  # the build needs no PDFs after all
    if broken is not None:
        _reply(results, {name: (False, broken) for name in value})
        return
    _reply(results, _render_all(value, fonts))


def _render_all(jobs: dict[str, Job], fonts: Any) -> dict[str, tuple[bool, Any]]:
    """Every job rendered, one after the other."""
    return {name: _attempt(job, fonts) for name, job in jobs.items()}


def _reply(results: IO[bytes], out: dict[str, tuple[bool, Any]]) -> None:
    """Send the build every result."""
    pickle.dump(out, results, protocol=pickle.HIGHEST_PROTOCOL)
    results.flush()


def _import_weasyprint() -> None:
    """Import WeasyPrint, its libraries looked up in the dynamic linker's cache if possible."""
    try:
        with _libraries_from_ldconfig():
            import weasyprint
    except Exception:  # looked up as usual, as a first import would have
        import weasyprint  # noqa: F401


@contextmanager
def _libraries_from_ldconfig() -> Iterator[None]:
    """Answer ctypes' library lookups from one reading of `ldconfig -p` (Linux only).

    WeasyPrint tries several names for each of Pango's libraries, those of Windows and macOS
    first; ctypes runs gcc and ld for every name it does not find (~20 ms each, half of the
    import). CPython's own lookup reads ldconfig's list first, as this does, once; a library
    outside that list is still loaded under its file name (WeasyPrint's last candidate).
    """
    import ctypes.util

    listing = _ldconfig_listing() if sys.platform == "linux" else b""
    if not listing:
        yield
        return
    abi = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
           "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}.get(
        f"{os.uname().machine}-{struct.calcsize('l') * 8}", "libc6")

    def find_library(name: str) -> str | None:
        pattern = rb"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(os.fsencode(name)),
                                                  abi.encode())
        found = re.search(pattern, listing)
        return os.fsdecode(found.group(1)) if found else None

    original = ctypes.util.find_library
    ctypes.util.find_library = find_library
    try:
        yield
    finally:
        ctypes.util.find_library = original


def _ldconfig_listing() -> bytes:
    """`ldconfig -p`: the libraries the dynamic linker knows (empty when it cannot be run)."""
    import subprocess

    try:
        done = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, check=False,
                              env={"LC_ALL": "C", "LANG": "C"}, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return b""
    return done.stdout if done.returncode == 0 else b""


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
    from cvsite.pdf.document import render_pdf

    html, roots, tagged = job
    try:
        return True, render_pdf(html, roots, tagged=tagged, fonts=fonts)
    except Exception as exc:  # raised again in the build
        return False, exc
