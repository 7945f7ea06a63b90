"""Validate: raw sources -> `cvsite.models.Site`, every problem collected as a diagnostic at its
file:line:col (YAML documents, BibTeX entries, paper keys, Scholar warnings); no I/O beyond
reading `content/` and checking that linked files exist.

May import: `cvsite.sources`, `cvsite.models`, `cvsite.richtext`, `cvsite.paths`, `cvsite.errors`.
"""
