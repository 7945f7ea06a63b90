"""Sources: the project's files read with positions (YAML documents, BibTeX entries and names).

May import: `cvsite.models` (names become `Author`s), `cvsite.errors`, `cvsite.paths`,
`cvsite.richtext`.
"""
