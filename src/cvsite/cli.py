"""Command line: arguments in, messages and exit status out (0 ok, 1 content errors, 2 usage)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import cvsite
from cvsite.build import build
from cvsite.errors import ContentError, Diagnostic, Severity, display_path
from cvsite.write import OutputError


class _Version(argparse.Action):
    """`--version`, looking the version up only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"cvsite {cvsite.__version__}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cvsite", description=__doc__)
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = commands.add_parser("build", help="build the website into the output folder")
    b.add_argument("--source", type=Path, default=Path("."), metavar="DIR",
                   help="project folder holding content/ (default: current folder)")
    b.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help="output folder (default: SOURCE/_site)")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("-k", "--keep-going", action="store_true",
                   help="on errors, still write the site without the entries in error (exit 1)")
    b.add_argument("--no-cache", dest="use_cache", action="store_false",
                   help="neither use nor update .cvsite-cache/ (the output is the same either way)")
    return parser


def _report(diagnostics: Sequence[Diagnostic]) -> None:
    """Print every diagnostic to stderr, in file and line order."""
    for d in sorted(diagnostics, key=lambda d: (d.file, d.line, d.col)):
        print(d.format(), file=sys.stderr)


def _count(diagnostics: Sequence[Diagnostic]) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
    return ", ".join(parts) or "no problems"


def _build(args: argparse.Namespace) -> int:
    source: Path = args.source
    out: Path = args.out if args.out is not None else source / "_site"
    if not (source / "content").is_dir():
        print(f"cvsite: error: no content/ folder in {display_path(source.resolve())}",
              file=sys.stderr)
        return 2
    try:
        result = build(source, out, strict=args.strict, use_cache=args.use_cache,
                       keep_going=args.keep_going)
    except ContentError as exc:
        _report(exc.diagnostics)
        print(f"cvsite: {_count(exc.diagnostics)}; nothing written", file=sys.stderr)
        return 1
    except OutputError as exc:
        print(f"cvsite: error: {exc}", file=sys.stderr)
        return 2
    _report(result.diagnostics)
    if result.failed:
        count = len(result.left_out)
        without = (f" without {count} entr{'ies' if count != 1 else 'y'}"
                   f" ({', '.join(result.left_out)})" if count else "")
        print(f"cvsite: {_count(result.diagnostics)}; wrote {result.pages} pages{without} "
              f"into {display_path(result.out)}/", file=sys.stderr)
        return 1
    print(f"cvsite: built {result.pages} pages ({result.files} files) into "
          f"{display_path(result.out)}/ in {result.seconds:.2f} s")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `cvsite` command."""
    args = _parser().parse_args(argv)
    if args.command == "build":
        return _build(args)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
