"""Output: static assets and the one writer of the output folder (staging, swap, manifest).

May import: `cvsite.render`, `cvsite.validate`, `cvsite.models` and the base modules.
"""
