"""`xdata`: an entry takes every field of the `@xdata` entries it names (biblatex §3.13.6).

As Biber resolves them: the named entries' fields replace the entry's own, a later name's
replace an earlier one's (`xdata = {a, b}`: b over a), and an `@xdata` entry's own `xdata` is
resolved first, by the same rule. A chain is followed at most MAX_DEPTH `@xdata` entries below
the listed entry (as crossref's), and not back into a key already on it (a loop); each listed
entry whose chain is cut there is warned, whatever the order of the entries in the file.
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
    """The keys the entry's `xdata` field names, each once where last named (`{a, b, a}` reads
    as Biber's `{b, a}`: a's fields are copied again, over b's)."""
    keys = [key.strip() for key in entry.fields.get("xdata", "").split(",") if key.strip()]
    last = {key.lower(): at for at, key in enumerate(keys)}
    return [key for at, key in enumerate(keys) if last[key.lower()] == at]


@dataclass
class _Resolved:
    """An `@xdata` entry with its own `xdata` resolved: its fields, their lines, and where its
    chains were cut (the path from it to the key not followed, by cut link)."""

    fields: dict[str, str]
    lines: dict[str, int]
    cuts: dict[tuple[str, str, bool], tuple[str, ...]] = field(default_factory=dict)


def _overlay(target: _Resolved, source: _Resolved) -> None:
    """Copy every field of `source` over `target` (the merge step, once per name followed)."""
    target.fields.update(source.fields)
    target.lines.update(source.lines)


def _components(links: dict[str, list[str]]) -> dict[str, int]:
    """Each key's strongly connected component (keys whose chains lead to each other share
    one): Tarjan's algorithm, without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    component: dict[str, int] = {}
    stack: list[str] = []
    for root in links:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        work = [(root, iter(links[root]))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    work.append((child, iter(links[child])))
                    break
                if child not in component:  # on the stack: in the chain being walked
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    while (key := stack.pop()) != node:
                        component[key] = index[node]
                    component[node] = index[node]
    return component


@dataclass
class _Containers:
    """The file's `@xdata` entries. A container's resolution depends only on itself, how deep
    it is reached and which of the keys above it its own chains lead back to, and is kept by
    those: the same whichever entry asks first."""

    by_key: dict[str, RawEntry]
    file: str
    problems: list[Diagnostic] = field(default_factory=list)
    warned: set[tuple[str, str]] = field(default_factory=set)
    links: dict[str, list[str]] = field(default_factory=dict)
    component: dict[str, int] = field(default_factory=dict)
    done: dict[tuple[str, int, frozenset[str]], _Resolved] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Each `@xdata` entry's usable links, and the loops among them."""
        for key, entry in self.by_key.items():
            if entry.entry_type == "xdata":
                self.links[key] = [name.lower() for name in named(entry)
                                   if not self._problem(name, self.by_key.get(name.lower()))]
        self.component = _components(self.links)

    def source(self, entry: RawEntry, key: str) -> RawEntry | None:
        """The `@xdata` entry `key` names, or None with a warning (once) at the `xdata` field
        of `entry` when it names none."""
        source = self.by_key.get(key.lower())
        problem = self._problem(key, source)
        if problem and (entry.key.lower(), key.lower()) not in self.warned:
            self.warned.add((entry.key.lower(), key.lower()))
            self.problems.append(warning(self.file, entry.field_lines.get("xdata", entry.line),
                                         0, f"entry '{entry.key}': {problem}", entry=entry.key))
        return None if problem else source

    @staticmethod
    def _problem(key: str, source: RawEntry | None) -> str:
        """Why `key` names no usable entry (missing, not `@xdata`), or ""."""
        if source is None:
            return f"xdata '{key}' is not an entry of this file"
        if source.entry_type != "xdata":
            return f"xdata '{key}' is a @{source.entry_type} entry, not @xdata: not used"
        return ""

    def resolve(self, key: str, path: tuple[str, ...] = ()) -> _Resolved:
        """The `@xdata` entry `key` (lower case) with its own `xdata` resolved, reached through
        the `@xdata` entries `path` (outermost first)."""
        loops = frozenset(k.lower() for k in path
                          if self.component[k.lower()] == self.component[key])
        if (key, len(path), loops) not in self.done:
            self.done[key, len(path), loops] = self._resolve(self.by_key[key], path)
        return self.done[key, len(path), loops]

    def _resolve(self, container: RawEntry, path: tuple[str, ...]) -> _Resolved:
        """`resolve` without the cache."""
        out = _Resolved({n: v for n, v in container.fields.items() if n not in NOT_INHERITED},
                        {n: container.field_lines.get(n, container.line)
                         for n in container.fields if n not in NOT_INHERITED})
        here = (*path, container.key)
        for name in named(container):
            if (source := self.source(container, name)) is None:
                continue
            looped = source.key.lower() in (k.lower() for k in here)
            if looped or len(here) == MAX_DEPTH:
                cut = (container.key.lower(), source.key.lower(), looped)
                out.cuts.setdefault(cut, (container.key, source.key))
                continue
            inner = self.resolve(source.key.lower(), here)
            _overlay(out, inner)
            for cut, below in inner.cuts.items():
                out.cuts.setdefault(cut, (container.key, *below))
        return out


def _cut(entry: RawEntry, path: tuple[str, ...], looped: bool) -> str:
    """The warning for `entry` whose chain `path` is cut at its last key."""
    chain = " -> ".join(path)
    if looped:
        return f"entry '{entry.key}': xdata '{path[-1]}' loops back ({chain}); not followed again"
    return f"entry '{entry.key}': xdata '{path[-1]}' is more than {MAX_DEPTH} xdata entries " \
        f"deep ({chain}); not followed"


def resolve_xdata(entries: list[RawEntry],
                  file: str) -> tuple[list[RawEntry], list[Diagnostic]]:
    """Entries completed from the `@xdata` entries they name (and theirs); an entry's own
    field that one of them replaces, and a chain cut by a loop or MAX_DEPTH, are warnings at
    its `xdata` field."""
    containers = _Containers({e.key.lower(): e for e in entries}, file)
    out: list[RawEntry] = []
    for entry in entries:
        if entry.entry_type == "xdata" or not named(entry):
            out.append(entry)
            continue
        got, given = _Resolved(dict(entry.fields), dict(entry.field_lines)), {}
        cuts: dict[tuple[str, str, bool], tuple[str, ...]] = {}
        for key in named(entry):
            if (source := containers.source(entry, key)) is not None:
                inner = containers.resolve(source.key.lower())
                _overlay(got, inner)
                given.update(dict.fromkeys(inner.fields, key))
                cuts.update((cut, path) for cut, path in inner.cuts.items() if cut not in cuts)
        line = entry.field_lines.get("xdata", entry.line)
        for (_, _, looped), path in cuts.items():
            containers.problems.append(warning(file, line, 0, _cut(entry, path, looped),
                                               entry=entry.key))
        for name, key in given.items():
            if name in entry.fields and entry.fields[name] != got.fields[name]:
                containers.problems.append(warning(
                    file, entry.field_lines.get(name, entry.line), 0,
                    f"entry '{entry.key}': xdata '{key}' replaces its own '{name}' (biblatex "
                    "shows the xdata entry's)", "remove one of the two", entry=entry.key))
        out.append(replace(entry, fields=got.fields, field_lines=got.lines))
    return out, containers.problems
