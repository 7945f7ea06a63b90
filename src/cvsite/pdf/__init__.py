"""PDF: the CV's HTML -> PDF bytes with WeasyPrint, its variants and page budgets.

May import the layers below it: `cvsite.render`, `cvsite.validate`, `cvsite.sources`,
`cvsite.models` and the base modules; never `cvsite.output` (the build writes what it returns).
"""
