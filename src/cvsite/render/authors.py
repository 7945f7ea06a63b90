"""A publication's author list as the pages and the PDFs show it: HTML, pure.

Written in Python rather than as a template macro: every list of 1,000 papers shows 1,000 of
them, and each paper's page its own (a sixth of a site's rendering time as a macro).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable

from markupsafe import Markup, escape

from cvsite import texmath
from cvsite.models import Author, Publication
from cvsite.render.filters import shortened
from cvsite.render.venue import editor_mark
from cvsite.scripts import cjk_language

AuthorList = Callable[..., Markup]
_NAMES_ITS_KIND = re.compile(r"\b(?:collaborations?|consortium|forum|group|team|project)$",
                             re.IGNORECASE)
"""The last word of a collaboration's name that already says what it is (`ATLAS Collaboration`,
`LHC Reinterpretation Forum`): shown as written, not followed by "Collaboration"."""


def collaboration(pub: Publication, labels: gettext.NullTranslations) -> str:
    """`ATLAS Collaboration` (`ATLAS, CMS Collaborations`) for INSPIRE's `collaboration`; empty
    when there is none or an author is already named for it."""
    name = texmath.plain(pub.collaboration or "").strip()  # `$\\alpha$` as α, as in the PDF
    if not name:
        return ""
    if _NAMES_ITS_KIND.search(name):
        phrase = name
    else:
        count = 2 if re.search(r",|\sand\s", name) else 1
        phrase = labels.ngettext("%(name)s Collaboration", "%(name)s Collaborations",
                                 count) % {"name": name}
    named = {a.display.casefold() for a in pub.authors}
    return "" if {name.casefold(), phrase.casefold()} & named else phrase


def _name(author: Author, pub: Publication) -> str:
    """One author: the owner in bold, a Chinese, Japanese or Korean name with its `lang`, an
    equal contributor marked with an asterisk."""
    code = cjk_language(author.display, pub.language, pub.title_text)
    lang = f' lang="{escape(code)}"' if code else ""
    name = escape(author.display)
    shown = f'<strong class="owner"{lang}>{name}</strong>' if author.owner else \
        f"<span{lang}>{name}</span>" if code else str(name)
    return shown + '<sup class="equal">*</sup>' if author.equal else shown


def author_list(labels: gettext.NullTranslations) -> AuthorList:
    """`author_list(pub, limit)` in the words of `labels`: the first `limit` authors (and the
    owner after them, past an ellipsis), then "et al." and how many there are, then the
    collaboration (`(ATLAS Collaboration)`)."""
    et_al = Markup(labels.gettext("et al.")).replace(" ", Markup("&nbsp;"))  # as `_()` gives it

    def authors(pub: Publication, limit: int | None = None) -> Markup:
        shown, left_out = shortened(pub, limit)
        text = ", ".join("…" if a is None else _name(a, pub) for a in shown)
        if left_out:
            count = len(pub.authors)
            total = labels.ngettext("%(num)s+ author", "%(num)s+ authors", count) if pub.et_al \
                else labels.ngettext("%(num)s author", "%(num)s authors", count)
            text += f", {et_al} ({Markup(total) % {'num': count}})"
        elif pub.et_al:
            text += f", {et_al}"
        if group := collaboration(pub, labels):
            text += f" ({escape(group)})"
        mark = editor_mark(pub, labels)
        return Markup(f"{text} {escape(mark)}" if mark else text)

    return authors
