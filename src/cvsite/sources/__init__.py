"""Sources: the project's files read safely with positions (YAML documents; BibTeX in `bibtex/`).

Gives raw data and diagnostics, never models (but `Author`s for names). May import:
`cvsite.models`, `cvsite.paths`, `cvsite.errors`; never `validate` or anything above it.
"""
