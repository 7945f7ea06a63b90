"""PDF: the CV's HTML -> PDF bytes with WeasyPrint, its variants and page budgets.

Pure: no processes, no cache (`cvsite.speed.pdfs` runs it in workers and caches what it makes).
May import the layers below it: `cvsite.render`, `cvsite.validate`, `cvsite.sources`,
`cvsite.models` and the base modules; never `cvsite.output` (the build writes what it returns).
"""
