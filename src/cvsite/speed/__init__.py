"""Speed: caches of entries, pages, templates and sites, the no-change check, forked workers.

Meant to be used only by `cvsite.build` and `cvsite.commands`, wrapping the domain from the
outside; it may import every layer below them. The domain modules that still call into it are
listed, one import each, in pyproject.toml's import contracts ("speed debt: issue 16").
"""
