"""YAML files read safely, with the line and column of every key and value kept.

The work is bounded: nesting deeper than `MAX_DEPTH` and more than `MAX_NODES` values once
aliases are expanded are errors, so an alias bomb or a deep nest ends quickly with a message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cvsite.errors import Diagnostic, error
from cvsite.sources.text import MIB, read_source, strict_text
from cvsite.sources.yamlloader import MAX_NODES, BoundedLoader

Loc = tuple[str | int, ...]
MAX_BYTES = MIB
"""A YAML file larger than this is refused (a CV of 200 items is about 4 KiB)."""
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
_ENDS = ("end of stream", "<stream end>")


@dataclass
class YamlDoc:
    """A parsed YAML document and where each part of it stands (1-based line, col)."""

    file: str
    data: Any = None
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The position of `loc`, or of its nearest ancestor that exists."""
        if key and loc in self.keys:
            return self.keys[loc]
        while loc and loc not in self.values:
            loc = loc[:-1]
        return self.values.get(loc, (1, 1))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a composed node tree into plain data, recording positions as it goes."""

    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.problems: list[Diagnostic] = []
        self.constructor = yaml.SafeLoader("")
        self.left = MAX_NODES
        self.open: set[int] = set()

    def _problem(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        line, col = _mark(node)
        self.problems.append(error(self.doc.file, line, col, message, hint))

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.left -= 1
        if self.left < 0:
            raise _Stop(node, f"more than {MAX_NODES:,} values once aliases are expanded",
                        "an alias ('*name') used many times over, or nested aliases, multiply "
                        "the work: write the values out instead")
        if id(node) in self.open:
            raise _Stop(node, "an alias refers to a value that contains it",
                        "a value cannot include itself")
        self.doc.values[loc] = _mark(node)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            self.open.add(id(node))
            try:
                if isinstance(node, yaml.MappingNode):
                    return self._mapping(node, loc)
                return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
            finally:
                self.open.discard(id(node))
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        """A scalar's value; a problem (and None) when it cannot be made, e.g. `2024-13-01`."""
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self._problem(node, f"invalid YAML value: {exc.problem}")
            return None
        except (ValueError, OverflowError) as exc:
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            self._problem(node, f"invalid value {shown!r}: {str(exc).split(';')[0]}",
                          "a date must exist: check its month and day" if node.tag.endswith(
                              "timestamp") else "put it in quotes if it is meant as text")
            return None
        if isinstance(value, str) and _NON_PRINTABLE.search(value):
            self._problem(node, "the value holds a control character",
                          "remove it (an escape such as '\\x00' in double quotes makes one)")
        return value

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            before = len(self.problems)
            key = self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                if len(self.problems) == before:
                    shown = getattr(key_node, "value", "")
                    self._problem(key_node, f"keys must be text, got {shown!r}"
                                  if isinstance(key_node, yaml.ScalarNode)
                                  else "keys must be text, got a list or mapping")
                continue
            if key in result:
                first = self.doc.keys[(*loc, key)][0]
                self._problem(key_node, f"duplicate key '{key}' (first at line {first})")
                continue
            self.doc.keys[(*loc, key)] = _mark(key_node)
            result[key] = self.build(value_node, (*loc, key))
        return result


class _Stop(Exception):
    """Building must stop at `node`: the work would not be bounded."""

    def __init__(self, node: yaml.Node, message: str, hint: str) -> None:
        super().__init__(message)
        self.node, self.message, self.hint = node, message, hint


def load_yaml(path: Path, display: str) -> tuple[YamlDoc, list[Diagnostic]]:
    """Read one YAML file; problems are returned, never raised."""
    data, problems = read_source(path, display, MAX_BYTES)
    return (YamlDoc(display), problems) if data is None else parse_yaml(data, display)


def _syntax(display: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    """PyYAML's complaint at its own mark: where an unclosed quote or bracket opens when the
    file ends inside it, else where the problem is."""
    problem = exc.problem or str(exc)
    at_end = any(end in problem for end in _ENDS) and exc.context_mark is not None
    mark = exc.context_mark if at_end else exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    if at_end:
        return error(display, line, col, f"invalid YAML: the file ends {exc.context} that "
                                         "starts here", "is a closing quote or bracket missing?")
    where = exc.context_mark
    hint = (f"{exc.context} at line {where.line + 1}, column {where.column + 1}"
            if exc.context and where and where is not mark else None)
    return error(display, line, col, f"invalid YAML: {problem}", hint)


def parse_yaml(data: bytes, display: str) -> tuple[YamlDoc, list[Diagnostic]]:
    """Parse the bytes of one YAML file (shown as `display`); problems are returned."""
    doc = YamlDoc(display)
    text, problems = strict_text(data, display, _NON_PRINTABLE)
    if text is None:
        return doc, problems
    try:
        node = BoundedLoader(text).get_single_node()
    except yaml.MarkedYAMLError as exc:
        return doc, [_syntax(display, exc)]
    except yaml.YAMLError as exc:  # a reader error: the checks above should leave none
        return doc, [error(display, 0, 0, f"invalid YAML: {exc}")]
    if node is None or node.tag == "tag:yaml.org,2002:null":  # no fields yet: `~`, `---`
        doc.data = {}
        return doc, []
    builder = _Builder(doc)
    try:
        doc.data = builder.build(node, ())
    except _Stop as stop:
        line, col = _mark(stop.node)
        return doc, [error(display, line, col, stop.message, stop.hint)]
    return doc, builder.problems
