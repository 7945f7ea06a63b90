"""site.yaml's `language`: a tag the locale data knows, and whether the labels are translated."""

from __future__ import annotations

from cvsite.errors import Diagnostic, error, warning
from cvsite.language import catalog_for, catalog_languages, locale_of
from cvsite.models import SiteConfig
from cvsite.sources.yaml import YamlDoc


def check_language(config: SiteConfig, doc: YamlDoc) -> tuple[SiteConfig, list[Diagnostic]]:
    """The configuration, with an error for a tag no locale has, or a warning when cvsite's
    labels lack the language."""
    return config, _problems(config, doc)


def _problems(config: SiteConfig, doc: YamlDoc) -> list[Diagnostic]:
    """What `check_language` reports."""
    tag = config.language
    if catalog_for(tag) is not None:
        return []
    line, col = doc.position(("language",))
    translated = ", ".join(catalog_languages())
    if locale_of(tag) is None:
        return [error(doc.file, line, col, f"unknown language {tag!r}",
                      f"use a language tag such as {translated} or pt-BR")]
    return [warning(doc.file, line, col, f"cvsite's labels are not translated to {tag!r} yet: "
                    "headings and buttons stay in English (dates follow the language)",
                    f"labels exist in {translated}; a translation is a .po file under "
                    "src/cvsite/locale/ (see docs/TRANSLATING.md)")]
