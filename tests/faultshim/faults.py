"""Test-only fault injection: in a child Python (see `sitecustomize`), or a forked test process.

An audit hook counts the file system calls of interest (renames, links, unlinks, folder changes,
opens, mode changes, the `cvsite.output.swap` event before `renameat2`) once armed, and at the
Nth one either kills the process with SIGKILL or raises an OSError. Settings, from the environment:

- CVSITE_FAULT_AT: N (1-based); unset: the shim does nothing but count.
- CVSITE_FAULT_ACTION: `kill` (default) or an errno name such as `ENOSPC` (raised from then on).
- CVSITE_FAULT_ARM: count only from the first call whose arguments contain this text (default:
  from the `cvsite-fault-arm` audit event, or from the start when empty).
- CVSITE_FAULT_MATCH: count only calls whose arguments contain this text.
- CVSITE_FAULT_EVENTS: comma-separated audit events to count (default: the mutating ones).
- CVSITE_FAULT_COUNT: a file the number of calls counted is written to at exit.
"""

from __future__ import annotations

import atexit
import errno
import os
import signal
import sys

EVENTS = ("os.rename", "os.link", "os.remove", "os.rmdir", "os.mkdir", "open", "os.chmod",
          "os.symlink", "os.utime", "cvsite.output.swap", "shutil.rmtree", "os.truncate")


def install(at: int = 0, action: str = "kill", arm: str | None = None, match: str = "",
            events: tuple[str, ...] = EVENTS, count_file: str | None = None) -> None:
    """Count the calls of interest from now on; kill or fail at the `at`th (see the module)."""
    state = {"count": 0, "pid": os.getpid() if arm == "" else 0}

    def hook(event: str, args: tuple[object, ...]) -> None:
        if state.get("off"):
            return
        if not state["pid"]:
            if event == "cvsite-fault-arm" or (arm and event in events and arm in repr(args)):
                state["pid"] = os.getpid()
            else:
                return
        if state["pid"] != os.getpid() or event not in events:
            return  # a forked worker, or a call of no interest
        if match and match not in repr(args):
            return
        state["count"] += 1
        if at and state["count"] >= at:
            if action == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            code = getattr(errno, action)
            raise OSError(code, os.strerror(code), str(args[0]) if args else None)

    def report() -> None:
        state["off"] = 1
        if count_file and state["pid"] == os.getpid():
            with open(count_file, "w") as file:
                file.write(str(state["count"]))

    sys.addaudithook(hook)
    atexit.register(report)



def install_from_environment() -> None:
    """`install` with the settings of the environment (see the module)."""
    install(int(os.environ.get("CVSITE_FAULT_AT", "0") or 0),
            os.environ.get("CVSITE_FAULT_ACTION", "kill"), os.environ.get("CVSITE_FAULT_ARM"),
            os.environ.get("CVSITE_FAULT_MATCH", ""),
            tuple(os.environ.get("CVSITE_FAULT_EVENTS", ",".join(EVENTS)).split(",")),
            os.environ.get("CVSITE_FAULT_COUNT"))
