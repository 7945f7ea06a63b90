"""Measuring commands: wall time and peak memory of a child process, medians of several runs."""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent
CVSITE = str(BIN / "cvsite") if (BIN / "cvsite").exists() else "cvsite"


@dataclass(frozen=True)
class Sample:
    """One run: seconds of wall time and peak resident memory in MiB."""

    seconds: float
    mib: float


@dataclass(frozen=True)
class Stats:
    """The median (and spread) of several runs."""

    seconds: float
    low: float
    high: float
    mib: float
    runs: int

    def cell(self) -> str:
        """`1.23 s (1.20–1.30), 85 MiB` (no memory when it was not sampled)."""
        memory = f", {self.mib:.0f} MiB" if self.mib else ", memory not sampled"
        return f"{self.seconds:.3f} s ({self.low:.3f}–{self.high:.3f}){memory}"


TIME = Path("/usr/bin/time")
"""GNU time: its child starts small, so its peak RSS is the command's own."""


def run(command: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None) -> Sample:
    """Run a command to its end; its wall time and peak RSS (its own or its workers').

    Linux counts the parent's resident set at fork in a child's peak, so a command forked from
    this (large) process would report at least this process's size; GNU time, a small process,
    starts the command instead when it is installed (else wait4's figure, a ceiling).
    """
    with tempfile.TemporaryFile() as log, tempfile.NamedTemporaryFile("r") as peak:
        wrapped = [str(TIME), "-f", "%M", "-o", peak.name, *command] if TIME.exists() \
            else list(command)
        started = time.perf_counter()  # a pipe would fill up with warnings and block: a file
        child = subprocess.Popen(wrapped, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                 stderr=log)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        error = log.read().decode(errors="replace")
        kib = int(peak.read().split()[-1]) if TIME.exists() else usage.ru_maxrss
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({child.returncode}): {error[-2000:]}")
    return Sample(seconds, kib / 1024)


@dataclass(frozen=True)
class Job:
    """A command to time: `prepare` (untimed) before each run, then `command` in `cwd`."""

    prepare: Callable[[], object]
    command: Sequence[str]
    cwd: Path
    env: Mapping[str, str] | None = None


def _stats(samples: Sequence[Sample]) -> Stats:
    """Median, spread and peak memory of some runs."""
    times = [s.seconds for s in samples]
    return Stats(statistics.median(times), min(times), max(times),
                 max(s.mib for s in samples), len(samples))


def interleaved(runs: int, jobs: Sequence[Job]) -> list[Stats]:
    """`runs` rounds of every job in turn (a, b, a, b...), so changing load hits them alike."""
    samples: list[list[Sample]] = [[] for _ in jobs]
    for _ in range(runs):
        for job, taken in zip(jobs, samples, strict=True):
            job.prepare()
            taken.append(run(job.command, job.cwd, job.env))
    return [_stats(taken) for taken in samples]


def median(runs: int, prepare: Callable[[], object], command: Sequence[str],
           cwd: Path) -> Stats:
    """Median of `runs` runs of `command`, calling `prepare` (untimed) before each."""
    return interleaved(runs, [Job(prepare, command, cwd)])[0]


def remove(*paths: Path) -> None:
    """Delete folders (untimed preparation), then flush so their cost is not charged later."""
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)
    os.sync()


def _mount(path: Path) -> str:
    """`device on mountpoint type fs (options)` for the mount holding `path`."""
    best = ("", "")
    with open("/proc/mounts", encoding="utf-8") as mounts:
        for line in mounts:
            device, point, kind, options = line.split()[:4]
            where = str(path.resolve())
            inside = where == point or where.startswith(point.rstrip("/") + "/")
            if inside and len(point) > len(best[0]):
                best = (point, f"{device} on {point} ({kind}, {options})")
    return best[1]


def machine(places: Sequence[Path]) -> list[str]:
    """Lines describing the machine, Python and the file systems measured on."""
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        total = int(info.readline().split()[1]) / 1024 / 1024
    lines = [f"CPU: {model}, {os.cpu_count()} cores; memory {total:.0f} GiB",
             f"OS: {platform.system()} {platform.release()}; Python {platform.python_version()}"]
    lines += [f"{p}: {_mount(p)}" for p in places]
    return lines
