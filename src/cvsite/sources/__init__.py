"""Sources: the project's files read as raw data with positions (YAML, BibTeX), never models.

May import: `cvsite.models`, `cvsite.errors`, `cvsite.paths`, `cvsite.richtext`.
"""
