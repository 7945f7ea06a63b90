"""URL and path helpers: the one link policy of the site, and links that leave the project.

Every link the site shows, from any source (BibTeX link fields, YAML URL fields, Markdown), is
decided by `link_problem`: `http`, `https`, `mailto` where it fits, and paths inside the site.
The scheme is read the way a browser reads it, after undoing HTML character references, so
`JaVaScRiPt:`, `&#106;avascript:` and a scheme hidden behind a control character are refused.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from posixpath import normpath
from urllib.parse import quote, urlsplit

from cvsite.errors import Diagnostic, display_path, error

_PACKAGED = Path(__file__).parent / "theme"
THEME = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parents[2]
"""The default theme: packaged in the wheel, or the checkout's own `templates/` and `static/`."""
PROJECT_DIRS = ("content", "static", "templates")
"""The project's folders that are read; the theme has the last two."""


def slug(text: str) -> str:
    """A URL/id-safe slug: `NLP and Multi-modal` → `nlp-and-multi-modal`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"


def template_dirs(source: Path) -> list[Path]:
    """Where templates are looked up: the project's own first, then the packaged theme."""
    return [d for d in (source / "templates", THEME / "templates") if d.is_dir()]


def static_dirs(source: Path) -> list[Path]:
    """Static folders, lowest priority first."""
    return [d for d in (THEME / "static", source / "static") if d.is_dir()]


WEB = frozenset({"http", "https"})
"""Schemes of pages and files on the web."""
ANY = WEB | {"mailto"}
"""Every scheme a link of the site may have."""
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
"""A URL scheme as browsers parse it (WHATWG URL standard, scheme state)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_UNSAFE_BASE = re.compile(r"""[\s"'<>`\\{}|^]""")
"""Characters that must be percent-encoded in a URL, and would break out of an attribute."""


def _readings(href: str) -> Iterator[str]:
    """`href` as written, then as a browser reads it once character references are undone."""
    import html  # only where links are checked: the build's no-change path needs none

    seen = href
    yield href
    for _ in range(3):  # `&amp;#106;` needs two rounds; more are refused as they are
        unescaped = html.unescape(seen)
        if unescaped == seen:
            return
        seen = unescaped
        yield seen


def _schemes_text(schemes: frozenset[str]) -> str:
    """`http://, https:// or mailto:`."""
    names = [f"{s}://" if s in WEB else f"{s}:" for s in sorted(schemes)]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def _one_problem(href: str, schemes: frozenset[str], relative: bool) -> str | None:
    """Why one reading of a link is refused, or None."""
    if _CONTROL.search(href):
        return "it contains a control character"
    if href != href.strip():
        return "it starts or ends with a space"
    if not href:
        return "it is empty"
    scheme = _SCHEME.match(href)
    allowed = _schemes_text(schemes) + (" link, or a path inside the site" if relative
                                        else " link")
    if scheme:
        name = scheme[1].lower()
        if name not in schemes:
            return f"expected an {allowed}"
        rest = href[scheme.end():]
        if name in WEB and (not rest.startswith("//") or not urlsplit(href).hostname):
            return f"a {name} link needs a host, as in {name}://example.org/"
        if not rest.strip("/"):
            return f"nothing follows '{name}:'"
        return None
    if not relative:
        return f"expected an {allowed}"
    if "\\" in href:
        return "it contains a backslash"
    if href.startswith("//"):
        return "a link starting with '//' leaves the site; write https:// in front"
    path = urlsplit(href).path
    if path and normpath(path).split("/")[0] == "..":
        return "it leads out of the site with '..'"
    return None


def link_problem(href: str, schemes: frozenset[str] = ANY, relative: bool = True) -> str | None:
    """Why `href` may not be a link of the site, or None when it may.

    `schemes` are the schemes that fit the field; `relative` allows paths inside the site.
    """
    for reading in _readings(href):
        problem = _one_problem(reading, schemes, relative)
        if problem:
            return problem
    return None


def encoded(href: str) -> str:
    """`href` with spaces and non-ASCII percent-encoded (a `%` already there kept as written)."""
    return quote(href, safe="/:?#[]@!$&'()*+,;=%~")


def base_url_problem(url: str) -> str | None:
    """Why `url` cannot be the address the site is published at, or None."""
    problem = link_problem(url, WEB, relative=False)
    if problem:
        return problem
    if _UNSAFE_BASE.search(url):
        return "it contains a space, a quote or another character a URL must encode"
    parts = urlsplit(url)
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        return "it has a query or a fragment ('?' or '#')"
    return None


_SPECIAL = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
            (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _special_kind(mode: int) -> str | None:
    """What a file that is neither a regular file nor a folder is ("a named pipe"), or None."""
    return next((name for test, name in _SPECIAL if test(mode)), None)


def _link_error(path: Path, root: Path) -> tuple[str, str] | None:
    """Why the symbolic link or special file `path` may not be read, and what to do; None for
    a link that stays inside `root` at a regular file or folder."""
    if not path.is_symlink():
        kind = _special_kind(path.lstat().st_mode)
        return (f"not a regular file ({kind}): reading it could wait forever",
                "remove it: cvsite reads and publishes regular files only")
    target = os.readlink(path)
    real = Path(os.path.realpath(path))
    if not real.exists():
        return (f"symbolic link points to nothing ({target})",
                "remove the link, or point it at a file inside the project")
    if not real.is_relative_to(root):
        return (f"symbolic link points outside the project ({target})",
                "copy the file into the project instead of linking to it")
    kind = _special_kind(real.stat().st_mode)
    if kind:
        return (f"symbolic link points to {kind} ({target})",
                "remove it: cvsite reads and publishes regular files only")
    return None


def _links_under(folder: Path) -> Iterator[Path]:
    """Every symbolic link and special file (pipe, socket, device) in `folder`, itself
    included, not followed; hidden links skipped (editors keep lock files there as dangling
    links, and nothing reads or publishes them).
    Listed with `scandir`, whose entries know whether they are links without a `stat`."""
    if folder.is_symlink():
        yield folder
        return
    todo = [str(folder)]
    while todo:
        try:
            with os.scandir(todo.pop()) as listing:
                entries = list(listing)
        except OSError:
            continue  # unreadable: whatever would read it reports that
        for entry in entries:
            if entry.is_symlink():
                if not (entry.name.startswith(".") and not entry.is_dir()):
                    yield Path(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                todo.append(entry.path)
            elif not entry.is_file(follow_symlinks=False):
                yield Path(entry.path)  # a pipe, socket or device: opening it may block


def outside_links(root: Path, folders: Iterable[Path]) -> list[Diagnostic]:
    """An error for every symbolic link in `folders` whose target is missing or outside `root`
    (so that no file from elsewhere on the machine is read or published)."""
    real_root = Path(os.path.realpath(root))
    found = []
    for folder in folders:
        if not folder.is_symlink() and not folder.is_dir():
            continue
        for path in sorted(_links_under(folder)):
            problem = _link_error(path, real_root)
            if problem:
                found.append(error(display_path(path), 0, 0, *problem))
    return found


def outside_files(source: Path) -> list[Diagnostic]:
    """`outside_links` of the project's folders and of the built-in theme's (each its own
    root): checked before anything in them is read."""
    found = outside_links(source, [source / name for name in PROJECT_DIRS])
    if Path(os.path.realpath(THEME)) != Path(os.path.realpath(source)):
        found += outside_links(THEME, [THEME / name for name in PROJECT_DIRS[1:]])
    return found
