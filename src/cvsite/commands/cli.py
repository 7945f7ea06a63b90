"""Command line: arguments in, messages and exit status out (0 ok, 1 content errors, 2 usage)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from time import perf_counter
from typing import Any

from cvsite.commands.arguments import environment_problem, parser
from cvsite.commands.summary import counts, report, without_advice
from cvsite.errors import ContentError, display_path, refused
from cvsite.output.result import BuildResult


def _fail(message: str, hint: str | None = None) -> int:
    """Say what stops the command (a usage or environment error) and return its status, 2."""
    print(f"cvsite: error: {message}", file=sys.stderr)
    if hint:
        print(f"  hint: {hint}", file=sys.stderr)
    return 2


def _no_content(source: Path) -> bool:
    """Say so and return True when `source` has no content/ folder."""
    if (source / "content").is_dir():
        return False
    _fail(f"no content/ folder in {display_path(source.resolve())}")
    return True


def _build(args: argparse.Namespace) -> int:
    from cvsite.output.write import OutputError

    source: Path = args.source
    out: Path = args.out if args.out is not None else source / "_site"
    if _no_content(source):
        return 2
    options = {"strict": args.strict, "keep_going": args.keep_going, "base_url": args.base_url,
               "pdf": args.pdf, "adopt": args.adopt, "scholar": False}
    try:
        if args.pdf:
            _warm_pdf_workers(args)
        result = _unchanged(source, out, options) if args.use_cache else None
        if result is None:
            from cvsite.build import build

            result = build(source, out, use_cache=args.use_cache, **options)
    except ContentError as exc:
        report(exc.diagnostics)
        print(f"cvsite: {counts(exc.diagnostics)}; nothing written", file=sys.stderr)
        return 1
    except OutputError as exc:
        return _fail(str(exc), exc.hint)
    report(result.diagnostics)
    if result.failed:
        count = len(result.left_out)
        without = (f" without {count} entr{'ies' if count != 1 else 'y'}"
                   f" ({', '.join(result.left_out)})" if count else "")
        print(f"cvsite: {counts(result.diagnostics)}; wrote {result.pages} pages{without} "
              f"into {display_path(result.out)}/", file=sys.stderr)
        return 1
    skipped = "; PDFs not rendered (--no-pdf)" if result.pdf_pending else ""
    if result.site is not None and not result.site.publications:
        skipped += "; no publications (put a .bib file in content/ to list them)"
    print(f"cvsite: built {result.pages} pages ({result.files} files) into "
          f"{display_path(result.out)}/ in {result.seconds:.2f} s{skipped}")
    return 0


def _unchanged(source: Path, out: Path, options: dict[str, Any]) -> BuildResult | None:
    """The last build's result when nothing changed since, asked before the build (and its
    ~0.3 s of imports) is loaded: the speed layer's no-change record. The Scholar summary is
    not said again: the last build said it, and nothing changed since."""
    started = perf_counter()
    from cvsite.speed.unchanged import build_options, last_result

    previous = last_result(source, out, build_options(out, **options))
    if previous is None:
        return None
    return BuildResult(out, previous.pages, previous.files, perf_counter() - started,
                       without_advice(previous.diagnostics))


def _serve(args: argparse.Namespace) -> int:
    from cvsite.commands.serve import serve  # imported here: only `serve` needs the watcher

    if _no_content(args.source):
        return 2
    try:
        serve(args.source, args.port, log=lambda text: print(text, file=sys.stderr, flush=True))
    except OSError as exc:
        return _fail(f"cannot serve on 127.0.0.1:{args.port}: {exc.strerror}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from cvsite.commands.check import check_project

    if _no_content(args.source):
        return 2
    result = check_project(args.source, strict=args.strict, base_url=args.base_url,
                           scholar=args.scholar)
    report(result.diagnostics, summarise=not args.scholar)
    if refused(result.diagnostics, args.strict, advice=args.scholar):
        print(f"cvsite: {counts(result.diagnostics, args.scholar)}", file=sys.stderr)
        return 1
    print(f"cvsite: checked {result.pages} pages ({result.files} files): "
          f"{counts(result.diagnostics, args.scholar)}")
    return 0


def _new(args: argparse.Namespace) -> int:
    from cvsite.commands.installed import installed
    from cvsite.commands.new import ScaffoldError, scaffold
    from cvsite.output.write import OutputError

    try:
        files = scaffold(args.dir)
    except (ScaffoldError, OutputError) as exc:
        return _fail(str(exc), getattr(exc, "hint", None))
    shown = display_path(args.dir.resolve())
    print(f"cvsite: created {len(files)} files in {shown}/; next: cd {shown} && cvsite serve")
    note = installed().note
    if note:
        print(f"{shown}/requirements.txt: warning: {note}", file=sys.stderr)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from cvsite.commands.schema import stale_schemas, write_schemas
    from cvsite.output.write import OutputError

    if _no_content(args.source):
        return 2
    if args.check:
        problems = stale_schemas(args.source)
        report(problems)
        return 1 if problems else 0
    try:
        folder = write_schemas(args.source)
    except OutputError as exc:
        return _fail(str(exc), exc.hint)
    print(f"cvsite: wrote the content schemas into {display_path(folder.resolve())}/")
    return 0


COMMANDS = {"build": _build, "serve": _serve, "check": _check, "new": _new, "schema": _schema}
DATED = ("build", "serve", "check")
"""The commands that read `SOURCE_DATE_EPOCH` (checked before they do any work)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `cvsite` command."""
    from cvsite.commands.interrupt import interrupted, terminate_as_interrupt

    args = parser().parse_args(argv)
    problem = environment_problem() if args.command in DATED else None
    if problem:
        return _fail(*problem)
    try:
        with terminate_as_interrupt():
            return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return interrupted()


def _warm_pdf_workers(args: argparse.Namespace) -> None:
    """Have WeasyPrint load while the build's own modules are imported (speed layer), when
    PDFs will likely render: not for a rebuild, whose PDFs are most likely cached (nor for a
    build with nothing to do, whose check comes next)."""
    from cvsite.cache import CACHE_DIR, Cache
    from cvsite.speed.pdfcache import holds_pdfs

    cache = Cache(args.source / CACHE_DIR if args.use_cache else None)
    if not holds_pdfs(cache):
        from cvsite.speed.pdfworkers import warm_early

        warm_early(cache)


if __name__ == "__main__":
    sys.exit(main())
