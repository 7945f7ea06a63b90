"""BibTeX: split (bibtexparser), evaluate values and macros, resolve xdata and crossrefs, decode
LaTeX (`fastlatex`, with pylatexenc as its fallback), split names, write clean BibTeX for citing.

`reader` uses the other modules, never the reverse. May import: the rest of `cvsite.sources`,
`cvsite.models`, `cvsite.paths`, `cvsite.errors`.
"""
