"""A project whose every text field holds hostile text, and how that text must read."""

from __future__ import annotations

from pathlib import Path

import yaml

HOSTILE = ("<script>alert(1)</script> \"><img src=x onerror=alert(1)> &amp; ]]> </title> "
           "' \" {{ 7*7 }} \\x3c")
"""Markup, an attribute break-out, an entity, a CDATA end, quotes, a template and a JS escape."""
MARKUP = ("<script>alert", "<img", "</title> '")
"""What the hostile text would put in a page's source if it were not escaped."""
NAME = HOSTILE.replace("7*7", "7+7")  # `*` in a BibTeX name marks equal contribution
BASE = "https://example.org/"
SITE = {"sitetitle", "heading", "topic", "pdftitle", "pdflabel"}
PROFILE = {"name", "preferred", "honorific", "location", "summary", "interest"}
CV = {"role", "organization", "team", "mentor", "joblocation", "highlight", "degree", "field",
      "institution", "schoollocation", "advisor", "advisorrole", "thesis", "thesisaward",
      "course", "teachrole", "teachinst", "award", "awardorg", "service", "servicedetail",
      "sectiontitle", "item", "datedtext", "talk", "event", "place", "project", "projectrole",
      "projectline"}
PAPER = {"hostile2025": {"title", "author", "journal", "volume", "publisher", "note",
                         "abstract", "pubaward"},
         "hostile2024": {"title2", "author2", "editor", "booktitle", "series", "address",
                         "organization2"},
         "hostile2023": {"title3", "reporttype", "institution3", "number"},
         "hostile2022": {"title4", "school"},
         "hostile2021": {"title5", "howpublished", "edition", "chapter"}}
TITLES = {"hostile2025": "title", "hostile2024": "title2", "hostile2023": "title3",
          "hostile2022": "title4", "hostile2021": "title5"}
AUTHORS = {"hostile2025": ("author", "Ann"), "hostile2024": ("author2", "Bo")}
"""The hostile author of a paper, and her given name."""
NAMES = {"author", "author2", "editor"}
# Markdown reads `&amp;` as the entity it is
MARKDOWN = {"summary", "item", "datedtext", "projectline"}


def shown(label: str) -> str:
    """How a field labelled `label` must read: its label, then the hostile text, as text."""
    text = NAME if label in NAMES else HOSTILE
    return f"Q{label} " + (text.replace("&amp;", "&") if label in MARKDOWN else text)


def bibtex(text: str) -> str:
    """`text` as a BibTeX value that decodes to it (LaTeX's special characters escaped)."""
    special = {"\\": r"\textbackslash{}", "&": r"\&", "{": r"\{", "}": r"\}"}
    return "".join(special.get(c, c) for c in text)


def _yaml(label: str) -> str:
    """The YAML value of the field labelled `label`."""
    return f"Q{label} {HOSTILE}"


def bibtex_of(label: str) -> str:
    """The BibTeX value of the field labelled `label`."""
    return bibtex(f"Q{label} {NAME if label in NAMES else HOSTILE}")


def write_hostile_project(root: Path) -> None:
    """A project whose every text field holds the hostile text after a label naming it."""
    h = _yaml
    site = {"title": h("sitetitle"), "base_url": BASE, "owner_aliases": ["Ann Hostile"],
            "publications": {"heading": h("heading"), "topics": [h("topic")]},
            "pdf": {"variants": [{"name": "cv", "title": h("pdftitle"), "label": h("pdflabel")}]}}
    profile = {"name": f"{h('name')} Hostile", "preferred_name": h("preferred"),
               "honorific": h("honorific"), "location": h("location"),
               "email": "ann@example.org", "summary": h("summary"), "interests": [h("interest")]}
    job = {"role": h("role"), "organization": h("organization"), "team": h("team"),
           "mentor": h("mentor"), "location": h("joblocation"), "start": "2020-01",
           "end": "present", "highlights": [h("highlight")]}
    degree = {"degree": h("degree"), "field": h("field"), "institution": h("institution"),
              "location": h("schoollocation"), "start": "2014-08", "end": "2019-12",
              "advisors": [{"name": h("advisor"), "role": h("advisorrole")}],
              "thesis": {"title": h("thesis"), "award": h("thesisaward")}}
    def section(title: str, kind: str, *entries: object) -> dict[str, object]:
        return {"title": title, "type": kind, "entries": list(entries)}

    cv = {"sections": [
        section("Experience", "positions", job), section("Education", "degrees", degree),
        section("Teaching", "courses", {"course": h("course"), "role": h("teachrole"),
                                        "institution": h("teachinst"), "terms": ["Fall 2015"]}),
        section("Awards", "awards", {"title": h("award"), "organization": h("awardorg"),
                                     "years": [2019]}),
        section("Service", "service", {"role": h("service"), "details": [h("servicedetail")]}),
        section(h("sectiontitle"), "items", h("item")),
        section("News", "dated", {"date": "2021-03-04", "text": h("datedtext")}),
        section("Talks", "talks", {"title": h("talk"), "event": h("event"), "place": h("place"),
                                   "date": 2022, "slides": "https://example.org/s.pdf"}),
        section("Projects", "projects", {"name": h("project"), "role": h("projectrole"),
                                         "link": "https://example.org/p",
                                         "description": h("projectline")})]}
    (root / "content").mkdir(parents=True)
    for name, data in (("site", site), ("profile", profile), ("cv", cv)):
        (root / "content" / f"{name}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), "utf-8")
    b = bibtex_of
    (root / "content" / "publications.bib").write_text(f"""
@article{{hostile2025,
  author = {{{{{b("author")}}}, Ann and Hostile, Ann}}, title = {{{b("title")}}},
  journal = {{{b("journal")}}}, volume = {{{b("volume")}}}, pages = {{1--2}},
  publisher = {{{b("publisher")}}}, note = {{{b("note")}}}, abstract = {{{b("abstract")}}},
  award = {{{b("pubaward")}}}, year = {{2025}}, month = {{jul}}, topic = {{{b("topic")}}},
  selected = {{true}},
}}

@inproceedings{{hostile2024,
  author = {{Hostile, Ann and {{{b("author2")}}}, Bo}}, editor = {{{{{b("editor")}}}, Cy}},
  title = {{{b("title2")}}}, booktitle = {{{b("booktitle")}}}, series = {{{b("series")}}},
  address = {{{b("address")}}}, organization = {{{b("organization2")}}}, year = {{2024}},
  topic = {{{b("topic")}}},
}}

@techreport{{hostile2023,
  author = {{Hostile, Ann}}, title = {{{b("title3")}}}, institution = {{{b("institution3")}}},
  type = {{{b("reporttype")}}}, number = {{{b("number")}}}, year = {{2023}},
  topic = {{{b("topic")}}},
}}

@phdthesis{{hostile2022,
  author = {{Hostile, Ann}}, title = {{{b("title4")}}}, school = {{{b("school")}}}, year = {{2022}},
  topic = {{{b("topic")}}},
}}

@misc{{hostile2021,
  author = {{Hostile, Ann}}, title = {{{b("title5")}}}, howpublished = {{{b("howpublished")}}},
  edition = {{{b("edition")}}}, chapter = {{{b("chapter")}}}, year = {{2021}},
  topic = {{{b("topic")}}},
}}
""", "utf-8")
