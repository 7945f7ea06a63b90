"""BibTeX: split, read, evaluate values, resolve crossrefs, decode LaTeX, split names.

May import: the rest of `cvsite.sources`, `cvsite.models`, `cvsite.errors`, `cvsite.paths`.
"""
