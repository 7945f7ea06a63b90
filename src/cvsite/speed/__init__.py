"""Speed: caches of entries, pages, templates and sites, the no-change check, forked workers.

Used only by `cvsite.build` and `cvsite.commands`; may import every layer below them.
"""
