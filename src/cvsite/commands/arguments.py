"""The command line's arguments: every command and option, with its help."""

from __future__ import annotations

import argparse
import errno
import os
from pathlib import Path

import cvsite
from cvsite.epoch import VARIABLE, epoch_problem
from cvsite.paths import base_url_problem

_USABLE = (errno.ENOENT, errno.ENOTDIR, errno.EACCES)
"""What may be wrong with a path before the command runs (it says so itself, in its terms)."""
NAME_MAX, PATH_MAX = 255, 4096
"""The longest name and path (in bytes) Linux file systems take."""
TOO_LONG = "it is too long for the file system (at most 255 bytes a name, 4096 a path)"


class _Version(argparse.Action):
    """`--version`, looking the version up only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"cvsite {cvsite.__version__}")
        parser.exit()


def _port(text: str) -> int:
    """A TCP port number (0 for any free one), else a usage error."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0 to 65535)")
    return port


def _reason(exc: OSError | RuntimeError) -> str:
    """Why a path cannot be used, in words."""
    if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
        return "its symbolic links point round in a loop"
    return TOO_LONG if exc.errno == errno.ENAMETOOLONG else exc.strerror or str(exc)


def _problem(path: Path) -> str | None:
    """Why `path` cannot be a folder of the command's, or None (it need not exist yet)."""
    if len(os.fsencode(os.path.abspath(path))) >= PATH_MAX or any(
            len(os.fsencode(part)) > NAME_MAX for part in path.parts):  # also in a new folder
        return TOO_LONG
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno not in _USABLE:
            return _reason(exc)
    try:
        path.resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop, before Python 3.13
        return _reason(exc)
    return None


def _folder(text: str) -> Path:
    """A folder named on the command line, else a usage error naming it and what is wrong."""
    if not text:
        raise argparse.ArgumentTypeError("the folder name is empty")
    problem = _problem(Path(text))
    if problem:
        raise argparse.ArgumentTypeError(f"cannot use {text!r}: {problem}")
    return Path(text)


def _base_url(text: str) -> str:
    """An address to publish at, else a usage error saying what is wrong with it."""
    problem = base_url_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem}, got {text!r} "
                                         "(for example https://user.github.io/repo/)")
    return text


def environment_problem() -> tuple[str, str] | None:
    """What is wrong with the environment a build reads (`SOURCE_DATE_EPOCH`), and what to do;
    None when nothing is."""
    problem = epoch_problem(os.environ.get(VARIABLE, ""))
    if problem is None:
        return None
    return (f"{VARIABLE}: {problem}",
            f"unset it, or date the build by the last commit: "
            f"{VARIABLE}=$(git log -1 --format=%ct)")


def _source(command: argparse.ArgumentParser) -> None:
    command.add_argument("--source", type=_folder, default=Path("."), metavar="DIR",
                         help="project folder holding content/ (default: current folder)")


def parser() -> argparse.ArgumentParser:
    """The parser of `cvsite COMMAND [OPTIONS]`."""
    parser = argparse.ArgumentParser(
        prog="cvsite",
        description="An academic website and PDF CV from content/ (YAML and BibTeX).",
        epilog="Exit status: 0 ok, 1 content errors (nothing written), 2 usage errors.")
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = commands.add_parser("build", help="build the website into the output folder")
    _source(b)
    b.add_argument("--out", type=_folder, default=None, metavar="DIR",
                   help="output folder (default: SOURCE/_site)")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("-k", "--keep-going", action="store_true",
                   help="on errors, still write the site without the entries in error (exit 1)")
    b.add_argument("--no-cache", dest="use_cache", action="store_false",
                   help="neither use nor update .cvsite-cache/ (the output is the same either way)")
    b.add_argument("--base-url", type=_base_url, default=None, metavar="URL",
                   help="publish at this address instead of site.yaml's base_url")
    b.add_argument("--adopt", action="store_true",
                   help="publish into an existing folder cvsite did not make (a user.github.io "
                        "checkout), keeping every file it holds")
    b.add_argument("--no-pdf", dest="pdf", action="store_false",
                   help="render no PDF: the HTML only, linking PDFs already in .cvsite-cache/")
    s = commands.add_parser("serve", help="preview on 127.0.0.1, rebuilding as files change")
    _source(s)
    s.add_argument("--port", type=_port, default=8000,
                   help="port to listen on, 0 for any free one (default: 8000)")
    c = commands.add_parser("check", help="validate everything and check the built site's links")
    _source(c)
    c.add_argument("--strict", action="store_true",
                   help="treat warnings as errors (Scholar readiness too with --scholar)")
    c.add_argument("--scholar", action="store_true",
                   help="list each paper Google Scholar may skip or misread, with why "
                        "(builds summarise them in one line)")
    c.add_argument("--base-url", type=_base_url, default=None, metavar="URL",
                   help="check as if published at this address")
    n = commands.add_parser("new", help="create a starter project in DIR")
    n.add_argument("dir", type=_folder, metavar="DIR",
                   help="folder to create (must be new or empty)")
    sc = commands.add_parser("schema", help="write JSON Schema for the content files to schema/")
    _source(sc)
    sc.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 when schema/ is out of step with the models")
    return parser
