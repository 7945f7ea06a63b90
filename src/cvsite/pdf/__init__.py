"""PDF: the CV's HTML -> PDF bytes with WeasyPrint, its variants and page budgets.

May import: `cvsite.render`, `cvsite.validate`, `cvsite.models` and the base modules; never
`cvsite.output` (the build writes what it returns).
"""
