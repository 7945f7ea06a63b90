"""Validate: raw sources -> `cvsite.models`, every problem collected; Scholar warnings.

May import: `cvsite.sources`, `cvsite.models`, `cvsite.errors`, `cvsite.paths`, `cvsite.richtext`.
(Its remaining uses of the cache and `cvsite.speed` are listed as exceptions in pyproject.toml's
import contracts.)
"""
