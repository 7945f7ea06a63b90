"""cvsite: an academic website and PDF CV from one set of YAML and BibTeX files."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`__version__`, looked up only when asked for (importlib.metadata is slow to import)."""
    if name != "__version__":
        raise AttributeError(f"module 'cvsite' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cvsite")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0.0.0+source"
