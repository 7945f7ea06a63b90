"""Models: the typed record as frozen pydantic models; data only (no I/O, no formatting).

One module per content file (`config` for site.yaml, `profile` for profile.yaml, `cv` for cv.yaml,
`news` for news.yaml, `publication` for the BibTeX file) and `site` for the whole; `scalars`
holds the checked field types. Import them from here. May import only `cvsite.richtext`,
`cvsite.paths`, `cvsite.errors`.
"""

from cvsite.models.base import Model
from cvsite.models.config import (
    PageSize,
    PdfConfig,
    PdfFileName,
    PdfVariant,
    PublicationsConfig,
    SiteConfig,
)
from cvsite.models.cv import (
    CV,
    SECTION_TYPES,
    SUMMARY,
    Advisor,
    Award,
    Degree,
    Position,
    Publications,
    Section,
    Service,
    Talk,
    Teaching,
    Thesis,
)
from cvsite.models.dates import CvDate
from cvsite.models.news import News, NewsItem
from cvsite.models.profile import Profile
from cvsite.models.publication import Author, Publication, newest_first
from cvsite.models.site import Site

__all__ = [
    "CV", "SECTION_TYPES", "SUMMARY", "Advisor", "Author", "Award", "CvDate", "Degree", "Model",
    "News", "NewsItem", "PageSize", "PdfConfig", "PdfFileName", "PdfVariant", "Position",
    "Profile", "Publication", "Publications", "PublicationsConfig", "Section", "Service", "Site",
    "SiteConfig", "Talk", "Teaching", "Thesis", "newest_first",
]
