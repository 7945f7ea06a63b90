"""Output: static assets and the one writer of the output folder (staging, swap, manifest).

May import the layers below it: `cvsite.pdf`, `cvsite.render`, `cvsite.validate`,
`cvsite.sources`, `cvsite.models` and the base modules.
"""
