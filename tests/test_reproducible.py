"""The same sources give the same bytes at any time, on any machine (issue 15, finding 9)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cvsite.paths import static_dirs
from cvsite.pdf.document import WARM_UP, render_pdf

ROOT = Path(__file__).resolve().parents[1]
YEARS = 10 * 365 * 24 * 3600
"""The clock jump between two builds: ten years."""
FAKETIME_HINT = "install it with `make system-deps` (Debian: faketime)"
LOCALES_HINT = "install it with `make system-deps` (Debian: locales)"


def files(folder: Path) -> dict[str, str]:
    """Every file of a folder with the hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_project(to: Path) -> Path:
    """A fresh copy of the real project (content, templates, static), no cache."""
    for name in ("content", "templates", "static"):
        shutil.copytree(ROOT / name, to / name)
    return to


def cold_build(project: Path, cwd: Path, env: dict[str, str], clock: list[str]) -> Path:
    """Build `project` with no cache in a new process started from `cwd`; the output folder."""
    out = project / "_site"
    command = [*clock, sys.executable, "-m", "cvsite", "build", "--no-cache",
               "--source", str(project), "--out", str(out)]
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert not (project / ".cvsite-cache").exists()
    return out


def environment(**changes: str) -> dict[str, str]:
    """This process's environment without SOURCE_DATE_EPOCH and locale settings, with changes."""
    dropped = ("SOURCE_DATE_EPOCH", "TZ", "LANG", "LANGUAGE", "PYTHONHASHSEED", "PYTHONUTF8")
    env = {k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("LC_")}
    return {**env, **changes}


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """A folder holding the de_DE.UTF-8 locale, compiled for the test (None if it cannot be)."""
    folder = tmp_path_factory.mktemp("locales")
    localedef = shutil.which("localedef")
    if localedef is None:
        return None
    made = subprocess.run([localedef, "-i", "de_DE", "-f", "UTF-8", str(folder / "de_DE.UTF-8")],
                          capture_output=True, check=False)
    return folder if made.returncode == 0 and (folder / "de_DE.UTF-8").is_dir() else None


@pytest.mark.parametrize("epoch", [None, "1700000000"], ids=["no-epoch", "epoch"])
def test_two_cold_builds_a_clock_jump_and_a_machine_apart_give_identical_bytes(
        tmp_path: Path, epoch: str | None, german: Path | None,
        require_tool: Callable[..., None]) -> None:
    faketime = shutil.which("faketime")
    require_tool(faketime, "faketime (libfaketime)", FAKETIME_HINT)
    require_tool(german, "the de_DE locale's definition", LOCALES_HINT)
    assert faketime is not None and german is not None
    dated = {"SOURCE_DATE_EPOCH": epoch} if epoch else {}
    here = copy_project(tmp_path / "first")
    first = cold_build(here, here, environment(TZ="UTC", LANG="C.UTF-8", PYTHONHASHSEED="0",
                                               **dated), [])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    later = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time() + YEARS))
    # Ten years on, at UTC+12:45, in German (dates, numbers, collation) but with ASCII as the
    # encoding (LC_CTYPE=C, no UTF-8 mode), with another hash seed, from another folder:
    second = cold_build(copy_project(tmp_path / "second"), elsewhere, environment(
        TZ="<+1245>-12:45", LANG="de_DE.UTF-8", LC_CTYPE="C", LOCPATH=str(german),
        PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", PYTHONHASHSEED="4242", **dated),
        [faketime, later])
    made = files(first)
    assert any(name.endswith(".pdf") for name in made)
    assert files(second) == made


@pytest.mark.parametrize("subsetter", ["harfbuzz", "fonttools"])
def test_a_pdf_rendered_years_later_is_the_same_bytes(monkeypatch: pytest.MonkeyPatch,
                                                      subsetter: str) -> None:
    import weasyprint.pdf.fonts

    if subsetter == "fonttools":  # WeasyPrint's fallback where HarfBuzz-Subset is missing
        monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    roots = list(reversed(static_dirs(ROOT)))
    now = render_pdf(WARM_UP, roots).data
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + YEARS)
    assert render_pdf(WARM_UP, roots).data == now
    assert "SOURCE_DATE_EPOCH" not in os.environ  # rendering left the environment as it was


@pytest.mark.parametrize("epoch", ["", "yesterday"])
def test_an_unusable_source_date_epoch_still_embeds_the_fonts(monkeypatch: pytest.MonkeyPatch,
                                                               epoch: str) -> None:
    roots = list(reversed(static_dirs(ROOT)))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    unset = render_pdf(WARM_UP, roots).data
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    out = render_pdf(WARM_UP, roots)
    assert out.warnings == () and out.data == unset  # not "Font-face cannot be loaded"
    assert os.environ["SOURCE_DATE_EPOCH"] == epoch
