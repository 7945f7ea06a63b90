"""`xdata`: an entry takes every field of the `@xdata` entries it names (biblatex §3.13.6).

As Biber resolves them: the named entries' fields replace the entry's own, a later name's
replace an earlier one's (`xdata = {a, b}`: b over a), and an `@xdata` entry's own `xdata` is
resolved first, by the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cvsite.errors import Diagnostic, warning
from cvsite.sources.bibtex.crossref import MAX_DEPTH
from cvsite.sources.bibtex.raw import RawEntry

NOT_INHERITED = frozenset({"ids", "xdata"})
"""Fields never taken from an `@xdata` entry: its aliases (as Biber), its own `xdata` (followed
instead)."""


def named(entry: RawEntry) -> list[str]:
    """The keys the entry's `xdata` field names, in order (`{a, b}`, `{a,b}`)."""
    return [key.strip() for key in entry.fields.get("xdata", "").split(",") if key.strip()]


@dataclass
class _Containers:
    """The file's `@xdata` entries, each resolved once; a loop or a chain deeper than
    MAX_DEPTH is cut where it is named, with a warning."""

    by_key: dict[str, RawEntry]
    file: str
    problems: list[Diagnostic] = field(default_factory=list)
    done: dict[str, RawEntry] = field(default_factory=dict)
    open: list[str] = field(default_factory=list)
    """The keys being resolved, outermost first (a key named again among them is a loop)."""

    def resolve(self, entry: RawEntry) -> tuple[RawEntry, dict[str, str]]:
        """The entry with the fields of the `@xdata` entries it names, and for each field taken
        the key that gave it."""
        fields, lines, given = dict(entry.fields), dict(entry.field_lines), {}
        for key in named(entry):
            source = self._container(entry, key)
            if source is None:
                continue
            for name in (n for n in source.fields if n not in NOT_INHERITED):
                fields[name], given[name] = source.fields[name], key
                lines[name] = source.field_lines.get(name, source.line)
        return replace(entry, fields=fields, field_lines=lines), given

    def _container(self, entry: RawEntry, key: str) -> RawEntry | None:
        """The `@xdata` entry `key` resolved, or None with a warning at the `xdata` field of
        `entry` when it cannot be used."""
        source = self.by_key.get(key.lower())
        problem = self._problem(key, source)
        if problem or source is None:
            self.problems.append(warning(self.file, entry.field_lines.get("xdata", entry.line),
                                         0, f"entry '{entry.key}': {problem}", entry=entry.key))
            return None
        if source.key.lower() not in self.done:
            self.open.append(source.key)
            self.done[source.key.lower()] = self.resolve(source)[0]
            self.open.pop()
        return self.done[source.key.lower()]

    def _problem(self, key: str, source: RawEntry | None) -> str:
        """Why `key` cannot be used here (missing, not `@xdata`, a loop, too deep), or ""."""
        if source is None:
            return f"xdata '{key}' is not an entry of this file"
        if source.entry_type != "xdata":
            return f"xdata '{key}' is a @{source.entry_type} entry, not @xdata: not used"
        if source.key.lower() in (k.lower() for k in self.open):
            return f"xdata '{key}' loops back ({' -> '.join((*self.open, source.key))}); not " \
                "followed again"
        if len(self.open) == MAX_DEPTH:
            return f"xdata '{key}' is more than {MAX_DEPTH} xdata entries deep; not followed"
        return ""


def resolve_xdata(entries: list[RawEntry],
                  file: str) -> tuple[list[RawEntry], list[Diagnostic]]:
    """Entries completed from the `@xdata` entries they name (and theirs); an entry's own
    field that one of them replaces is a warning at that field."""
    containers = _Containers({e.key.lower(): e for e in entries}, file)
    out: list[RawEntry] = []
    for entry in entries:
        if entry.entry_type == "xdata" or not named(entry):
            out.append(entry)
            continue
        resolved, given = containers.resolve(entry)
        for name, key in given.items():
            if name in entry.fields and entry.fields[name] != resolved.fields[name]:
                containers.problems.append(warning(
                    file, entry.field_lines.get(name, entry.line), 0,
                    f"entry '{entry.key}': xdata '{key}' replaces its own '{name}' (biblatex "
                    "shows the xdata entry's)", "remove one of the two", entry=entry.key))
        out.append(resolved)
    return out, containers.problems
