"""Models: the typed record as frozen pydantic models; data only (no I/O, no formatting).

One module per content file (`config` for site.yaml, `profile` for profile.yaml, `cv` for cv.yaml,
`news` for news.yaml, `publication` for the BibTeX file) and `site` for the whole; `scalars`
holds the checked field types. Import them from here. May import only `cvsite.richtext`,
`cvsite.paths`, `cvsite.errors`.
"""

from cvsite.models.base import Model
from cvsite.models.config import (
    CV_SECTIONS,
    PageSize,
    PdfConfig,
    PdfFileName,
    PdfVariant,
    PublicationsConfig,
    SectionName,
    SiteConfig,
)
from cvsite.models.cv import CV, Advisor, Award, Degree, Position, Service, Teaching, Thesis
from cvsite.models.news import News, NewsItem
from cvsite.models.profile import Profile
from cvsite.models.publication import Author, Publication, newest_first
from cvsite.models.site import Site

__all__ = [
    "CV", "CV_SECTIONS", "Advisor", "Author", "Award", "Degree", "Model", "News", "NewsItem",
    "PageSize",
    "PdfConfig", "PdfFileName", "PdfVariant", "Position", "Profile", "Publication",
    "PublicationsConfig", "SectionName", "Service", "Site", "SiteConfig", "Teaching", "Thesis",
    "newest_first",
]
