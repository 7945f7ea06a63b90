"""Saves every HTML document handed to WeasyPrint into $CVSITE_CAPTURE (benchmarks/budget.py).

Put this folder on PYTHONPATH: the build (and every worker process it starts) then writes
`N.html` and `N.base` (the base URL) for each document it lays out. It patches WeasyPrint, not
cvsite, so it keeps working whatever cvsite's modules are called.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from pathlib import Path
from typing import Any

FOLDER = os.environ.get("CVSITE_CAPTURE")


def _patch(module: Any) -> None:
    """Wrap `module.HTML.__init__` to save its `string` and `base_url`."""
    original = module.HTML.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        if FOLDER and isinstance(kwargs.get("string"), str):
            stem = Path(FOLDER) / f"{os.getpid()}-{len(os.listdir(FOLDER))}"
            stem.with_suffix(".html").write_text(kwargs["string"], "utf-8")
            stem.with_suffix(".base").write_text(str(kwargs.get("base_url") or ""), "utf-8")
        original(self, *args, **kwargs)

    module.HTML.__init__ = init


class _Finder(importlib.abc.MetaPathFinder):
    """Patches `weasyprint` right after it is imported."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "weasyprint":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: Any) -> None:
            run(module)
            _patch(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if FOLDER:
    sys.meta_path.insert(0, _Finder())
