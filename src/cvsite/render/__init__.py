"""Render: pure functions from a `Site` to texts: pages, citation text, JSON-LD, feeds.

`render_pages(site, make_environment(project))` gives every output file by path. May import
`cvsite.validate` (Scholar paths), `cvsite.models` and the base modules; never `cvsite.sources`,
`cvsite.speed` or the cache, and it writes nothing.
"""
