"""YAML files read safely, with the line and column of every key and value kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cvsite.errors import Diagnostic, error

Loc = tuple[str | int, ...]


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

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.doc.values[loc] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self.constructor.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.constructor.construct_object(key_node, deep=True)
            line, col = _mark(key_node)
            if not isinstance(key, str):
                self.problems.append(error(self.doc.file, line, col,
                                           f"keys must be text, got {key!r}"))
                continue
            if key in result:
                first = self.doc.keys[(*loc, key)][0]
                self.problems.append(error(self.doc.file, line, col,
                                           f"duplicate key '{key}' (first at line {first})"))
                continue
            self.doc.keys[(*loc, key)] = (line, col)
            result[key] = self.build(value_node, (*loc, key))
        return result


def load_yaml(path: Path, display: str) -> tuple[YamlDoc, list[Diagnostic]]:
    """Read one YAML file; problems are returned, never raised."""
    return parse_yaml(path.read_bytes(), display)


def parse_yaml(data: bytes, display: str) -> tuple[YamlDoc, list[Diagnostic]]:
    """Parse the bytes of one YAML file (shown as `display`); problems are returned."""
    doc = YamlDoc(display)
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        return doc, [error(display, 0, 0, f"not valid UTF-8 ({exc.reason} at byte {exc.start})")]
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return doc, [error(display, line, col, f"invalid YAML: {exc.problem or exc}")]
    if node is None:
        doc.data = {}
        return doc, []
    builder = _Builder(doc)
    try:
        doc.data = builder.build(node, ())
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return doc, [error(display, line, col, f"invalid YAML value: {exc.problem}")]
    return doc, builder.problems
