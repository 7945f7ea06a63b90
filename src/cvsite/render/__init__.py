"""Render: pure functions from a `Site` to page texts (pages, citation text, JSON-LD, feeds).

May import `cvsite.validate` (Scholar paths), `cvsite.models` and the base modules; never
`cvsite.sources`, and it writes nothing. (Its remaining calls into `cvsite.speed` are listed as
exceptions in pyproject.toml's import contracts.)
"""
