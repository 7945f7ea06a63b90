"""Validate: raw sources -> `cvsite.models`, every problem collected; Scholar warnings.

May import: `cvsite.sources`, `cvsite.models`, `cvsite.errors`, `cvsite.paths`, `cvsite.richtext`.
"""
