"""Command line: arguments in, messages and exit status out (0 ok, 1 content errors, 2 usage)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import cvsite
from cvsite.errors import ContentError, Diagnostic, Severity, display_path


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


def _source(command: argparse.ArgumentParser) -> None:
    command.add_argument("--source", type=Path, default=Path("."), metavar="DIR",
                         help="project folder holding content/ (default: current folder)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cvsite",
        description="An academic website and PDF CV from content/ (YAML and BibTeX).",
        epilog="Exit status: 0 ok, 1 content errors (nothing written), 2 usage errors.")
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = commands.add_parser("build", help="build the website into the output folder")
    _source(b)
    b.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help="output folder (default: SOURCE/_site)")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("-k", "--keep-going", action="store_true",
                   help="on errors, still write the site without the entries in error (exit 1)")
    b.add_argument("--no-cache", dest="use_cache", action="store_false",
                   help="neither use nor update .cvsite-cache/ (the output is the same either way)")
    b.add_argument("--base-url", default=None, metavar="URL",
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
    c.add_argument("--strict", action="store_true", help="treat warnings as errors")
    c.add_argument("--base-url", default=None, metavar="URL",
                   help="check as if published at this address")
    n = commands.add_parser("new", help="create a starter project in DIR")
    n.add_argument("dir", type=Path, metavar="DIR", help="folder to create (must be new or empty)")
    sc = commands.add_parser("schema", help="write JSON Schema for the content files to schema/")
    _source(sc)
    sc.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 when schema/ is out of step with the models")
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


def _no_content(source: Path) -> bool:
    """Say so and return True when `source` has no content/ folder."""
    if (source / "content").is_dir():
        return False
    print(f"cvsite: error: no content/ folder in {display_path(source.resolve())}",
          file=sys.stderr)
    return True


def _build(args: argparse.Namespace) -> int:
    from cvsite.build import build
    from cvsite.output.write import OutputError

    source: Path = args.source
    out: Path = args.out if args.out is not None else source / "_site"
    if _no_content(source):
        return 2
    try:
        result = build(source, out, strict=args.strict, use_cache=args.use_cache,
                       keep_going=args.keep_going, base_url=args.base_url, pdf=args.pdf,
                       adopt=args.adopt)
    except ContentError as exc:
        _report(exc.diagnostics)
        print(f"cvsite: {_count(exc.diagnostics)}; nothing written", file=sys.stderr)
        return 1
    except OutputError as exc:
        print(f"cvsite: error: {exc}", file=sys.stderr)
        if exc.hint:
            print(f"  hint: {exc.hint}", file=sys.stderr)
        return 2
    _report(result.diagnostics)
    if result.failed:
        count = len(result.left_out)
        without = (f" without {count} entr{'ies' if count != 1 else 'y'}"
                   f" ({', '.join(result.left_out)})" if count else "")
        print(f"cvsite: {_count(result.diagnostics)}; wrote {result.pages} pages{without} "
              f"into {display_path(result.out)}/", file=sys.stderr)
        return 1
    skipped = "; PDFs not rendered (--no-pdf)" if result.pdf_pending else ""
    print(f"cvsite: built {result.pages} pages ({result.files} files) into "
          f"{display_path(result.out)}/ in {result.seconds:.2f} s{skipped}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from cvsite.commands.serve import serve  # imported here: only `serve` needs the watcher

    if _no_content(args.source):
        return 2
    try:
        serve(args.source, args.port, log=lambda text: print(text, file=sys.stderr, flush=True))
    except OSError as exc:
        print(f"cvsite: error: cannot serve on 127.0.0.1:{args.port}: {exc.strerror}",
              file=sys.stderr)
        return 2
    return 0


def _check(args: argparse.Namespace) -> int:
    from cvsite.commands.check import check_project

    if _no_content(args.source):
        return 2
    result = check_project(args.source, strict=args.strict, base_url=args.base_url)
    _report(result.diagnostics)
    if any(d.severity is Severity.ERROR or args.strict for d in result.diagnostics):
        print(f"cvsite: {_count(result.diagnostics)}", file=sys.stderr)
        return 1
    print(f"cvsite: checked {result.pages} pages ({result.files} files): "
          f"{_count(result.diagnostics)}")
    return 0


def _new(args: argparse.Namespace) -> int:
    from cvsite.commands.new import ScaffoldError, scaffold
    from cvsite.output.write import OutputError

    try:
        files = scaffold(args.dir)
    except (ScaffoldError, OutputError) as exc:
        print(f"cvsite: error: {exc}", file=sys.stderr)
        return 2
    shown = display_path(args.dir.resolve())
    print(f"cvsite: created {len(files)} files in {shown}/; next: cd {shown} && cvsite serve")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from cvsite.commands.schema import stale_schemas, write_schemas

    if _no_content(args.source):
        return 2
    if args.check:
        problems = stale_schemas(args.source)
        _report(problems)
        return 1 if problems else 0
    folder = write_schemas(args.source)
    print(f"cvsite: wrote the content schemas into {display_path(folder.resolve())}/")
    return 0


COMMANDS = {"build": _build, "serve": _serve, "check": _check, "new": _new, "schema": _schema}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `cvsite` command."""
    from cvsite.commands.interrupt import interrupted, terminate_as_interrupt

    args = _parser().parse_args(argv)
    try:
        with terminate_as_interrupt():
            if args.command == "build" and args.pdf:
                _warm_pdf_workers(args)
            return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return interrupted()


def _warm_pdf_workers(args: argparse.Namespace) -> None:
    """Have WeasyPrint load while the build's own modules are imported (speed layer)."""
    from cvsite.cache import CACHE_DIR, Cache
    from cvsite.speed.pdfworkers import warm_early

    warm_early(Cache(args.source / CACHE_DIR if args.use_cache else None))


if __name__ == "__main__":
    sys.exit(main())
