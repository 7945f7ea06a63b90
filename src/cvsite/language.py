"""The interface language: fixed labels from gettext catalogs, dates in the language's words.

Catalogs are `cvsite/locale/<language>/LC_MESSAGES/cvsite.po`, read with Babel (compiled in
memory: no binary files in the repository). Month and year formats come from CLDR through
Babel, so a language without a catalog still gets its own month names.
"""

from __future__ import annotations

import gettext
from datetime import date
from io import BytesIO
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, get_month_names
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES = Path(__file__).resolve().parent / "locale"
DOMAIN = "cvsite"
SOURCE_LANGUAGE = "en"
"""The language the templates are written in (it needs no catalog)."""


def catalog_languages() -> tuple[str, ...]:
    """The languages the labels are translated to, the source language first."""
    found = sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *found)


def locale_of(language: str) -> Locale | None:
    """The CLDR locale of a BCP 47 tag (`en`, `de-CH`, `zh-Hans`), or None when unknown."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


def catalog_for(language: str) -> str | None:
    """The catalog that serves `language` (`de-CH` is served by `de`), or None."""
    locale = locale_of(language)
    if locale is None:
        return None
    tags = [str(locale), locale.language]
    return next((tag for tag in tags if tag in catalog_languages()), None)


def translations(language: str) -> gettext.NullTranslations:
    """The labels of `language` (untranslated ones, and unknown languages, stay English)."""
    found = catalog_for(language)
    if found is None or found == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    path = LOCALES / found / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale=found, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def month_year(value: date, language: str) -> str:
    """`Jul 2024` (English), `Juli 2024` (German), `2024年7月` (Chinese)."""
    return format_skeleton("yMMM", value, locale=locale_of(language) or SOURCE_LANGUAGE)


def day_month_year(value: date, language: str) -> str:
    """`Jul 3, 2024` (English), `3. Juli 2024` (German)."""
    return format_skeleton("yMMMd", value, locale=locale_of(language) or SOURCE_LANGUAGE)


def month_names(language: str) -> tuple[str, ...]:
    """January to December as the language writes them in a date (`Juni 2020`)."""
    names = get_month_names("wide", context="format", locale=locale_of(language) or SOURCE_LANGUAGE)
    return tuple(names[m] for m in range(1, 13))


def long_date(value: date, language: str) -> str:
    """The day in the language's long form (`December 6, 2026`, `6. Dezember 2026`)."""
    return format_date(value, "long", locale=locale_of(language) or SOURCE_LANGUAGE)


def year(value: date, language: str) -> str:
    """The year as the language writes it alone (`2024`)."""
    return format_skeleton("y", value, locale=locale_of(language) or SOURCE_LANGUAGE)


def N_(label: str) -> str:  # gettext's name for it, which the extractor knows
    """Mark `label` for the catalogs where it is made; it is translated where it is shown."""
    return label
