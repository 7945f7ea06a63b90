"""cvsite: an academic website and PDF CV from one set of YAML and BibTeX files."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cvsite")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+source"
