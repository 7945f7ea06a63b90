"""A Hugo site with the same pages as a synthetic cvsite project (the budget's Hugo baseline).

From the project's `publications.bib` (bibtexparser, cvsite's own dependency): one page per
entry (title, authors, venue, year, links, abstract and the entry's BibTeX), the publication
list by topic and by year, the home page with the selected papers, and Hugo's RSS feed and
sitemap, as cvsite writes a feed and a sitemap.

    python benchmarks/hugosite.py PROJECT HUGO_DIR
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import bibtexparser

LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "publications/" | relURL }}">Publications</a>
<a href="{{ "publications/by-year/" | relURL }}">By year</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p class="authors">{{ range $i, $a := .Params.authors }}{{ if $i }}, {{ end }}"""
    """<span>{{ $a }}</span>{{ end }}</p>
<p class="venue"><em>{{ .Params.venue }}</em>, {{ .Params.year }}</p>
<ul class="links">{{ with .Params.doi }}<li><a href="https://doi.org/{{ . }}">DOI</a></li>{{ end }}
{{ with .Params.eprint }}<li><a href="https://arxiv.org/abs/{{ . }}">arXiv</a></li>{{ end }}</ul>
{{ with .Params.abstract }}<h2>Abstract</h2><p>{{ . }}</p>{{ end }}
<h2>Cite</h2><pre>{{ .Params.bibtex }}</pre>
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Site.Params.topics }}{{ $topic := . }}<h2>{{ $topic }}</h2><ol>
{{ range where (where $.Site.RegularPages "Section" "publications") "Params.topic" $topic }}
{{ partial "item.html" . }}{{ end }}</ol>{{ end }}{{ end }}
""",
    "partials/item.html": """<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>.
{{ range $i, $a := .Params.authors }}{{ if $i }}, {{ end }}{{ $a }}{{ end }}.
<em>{{ .Params.venue }}</em>, {{ .Params.year }}.</li>
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1><h2>Selected publications</h2><ol>
{{ range where .Site.RegularPages "Params.selected" true }}{{ partial "item.html" . }}{{ end }}
</ol>{{ end }}
""",
    "page/by-year.html": """{{ define "main" }}<h1>Publications by year</h1>
{{ range (where .Site.RegularPages "Section" "publications").GroupByParam "year" "desc" }}
<h2>{{ .Key }}</h2><ol>{{ range .Pages }}{{ partial "item.html" . }}{{ end }}</ol>{{ end }}
{{ end }}
""",
}


def _authors(field: str) -> list[str]:
    """`A and B and others` as a list of names, as written."""
    return [name.strip() for name in field.replace("\n", " ").split(" and ") if name.strip()]


def make_hugo_site(project: Path, out: Path) -> int:
    """Write the Hugo site for `project` into `out`; the number of publication pages."""
    library = bibtexparser.parse_string(  # type: ignore[attr-defined]
        (project / "content" / "publications.bib").read_text("utf-8"))
    content = out / "content"
    (content / "publications").mkdir(parents=True, exist_ok=True)
    topics: list[str] = []
    for entry in library.entries:
        fields = {key.lower(): str(field.value) for key, field in entry.fields_dict.items()}
        topic = fields.get("topic", "")
        if topic and topic not in topics:
            topics.append(topic)
        front = {"title": fields.get("title", entry.key),
                 "authors": _authors(fields.get("author", "")),
                 "year": fields.get("year", ""), "topic": topic,
                 "venue": fields.get("booktitle") or fields.get("journal") or "arXiv",
                 "doi": fields.get("doi", ""), "eprint": fields.get("eprint", ""),
                 "abstract": fields.get("abstract", ""),
                 "selected": fields.get("selected") == "true",
                 "bibtex": entry.raw, "slug": entry.key}
        page = content / "publications" / f"{entry.key}.md"
        page.write_text(json.dumps(front, ensure_ascii=False, indent=1) + "\n", "utf-8")
    (content / "publications" / "_index.md").write_text('{"title": "Publications"}\n', "utf-8")
    (content / "by-year.md").write_text(
        '{"title": "By year", "url": "/publications/by-year/", "layout": "by-year",'
        ' "type": "page"}\n', "utf-8")
    config = {"baseURL": "https://example.org/", "title": "Xiaoxia (Shirley) Wu",
              "languageCode": "en", "disableKinds": ["taxonomy", "term"],
              "params": {"topics": topics}}
    (out / "config.json").write_text(json.dumps(config, indent=1), "utf-8")
    for name, text in LAYOUTS.items():
        path = out / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    css = project / "static" / "css" / "site.css"
    (out / "static" / "css").mkdir(parents=True, exist_ok=True)
    (out / "static" / "css" / "site.css").write_text(
        css.read_text("utf-8") if css.exists() else "body { font-family: serif; }\n", "utf-8")
    return len(library.entries)


def main() -> None:
    """Command line: write the Hugo site for one project."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(make_hugo_site(args.project, args.out), "publication pages")


if __name__ == "__main__":
    main()
