"""PyYAML's safe loader, bounded, with YAML 1.2's whole numbers and true/false in place of
YAML 1.1's.

YAML 1.1 reads `010` as 8 (octal), `1:01` as 61 (base 60) and `2_0` as 20, so `home: 010` in
news.yaml would show 8 items without a word; and `yes`, `no`, `on`, `off` as true or false, so
`language: no` (Norwegian) or a talk titled `On` stopped being text. Here only `20`, `-3`,
`0x14`, `0o17` are numbers and only `true`/`false` (any case) are true or false; anything else
is text, which a number or true/false field then refuses at its line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_DEPTH = 64
MAX_NODES = 20_000
"""Values in one file (a CV of 200 items has about 250), each alias counted again wherever
it is used. PyYAML in Python composes about 30,000 a second."""
INT = "tag:yaml.org,2002:int"
WHOLE = re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+|0o[0-7]+)$")
BOOL = "tag:yaml.org,2002:bool"
TRUE_OR_FALSE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class TooMuch(yaml.MarkedYAMLError):
    """Nesting deeper than `MAX_DEPTH`, or more than `MAX_NODES` values."""


class BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader (with YAML 1.2's whole numbers), refusing nesting deeper than
    `MAX_DEPTH` (it composes recursively) and more than `MAX_NODES` values (it composes the
    whole file before we see any)."""

    depth = nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Compose one node, counting how deep it is and how many came before."""
        self.depth += 1
        self.nodes += 1
        try:
            if self.depth > MAX_DEPTH or self.nodes > MAX_NODES:
                problem = (f"nested more than {MAX_DEPTH} levels deep" if self.depth > MAX_DEPTH
                           else f"more than {MAX_NODES:,} values in one file")
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise TooMuch(problem=problem, problem_mark=mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


BoundedLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in (INT, BOOL)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
BoundedLoader.add_implicit_resolver(INT, WHOLE, list("-+0123456789"))
BoundedLoader.add_implicit_resolver(BOOL, TRUE_OR_FALSE, list("tTfF"))
