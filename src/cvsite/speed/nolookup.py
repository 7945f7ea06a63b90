"""Preloaded first in the PDF fork server: an empty PATH, so WeasyPrint loads ~0.3 s sooner.

WeasyPrint starts no programs, but cffi looks up each name it tries for a library (several
exist only on other systems) through `ctypes.util.find_library`, which runs `gcc` and `ld` for
every name `/sbin/ldconfig` does not know: about 20 programs. Without PATH they are not found
and the lookups fail at once; the libraries themselves are still found through ldconfig.
"""

import os

os.environ["PATH"] = "/nonexistent"
