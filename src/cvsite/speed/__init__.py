"""Speed: what makes a build quicker, wrapped around the pure layers from the outside.

Four modules, used only by `cvsite.build` and `cvsite.commands`: `unchanged` (the no-change
record), `pdfs` + `pdfcache` + `pdfworkers` (+ `nolookup`) (cached PDFs, the missing ones
rendered side by side in `concurrent.futures` workers), `pages` (`render_pages`' work on every
core above 400 papers). May import every layer below `cvsite.build`; no layer below imports it.
"""
