"""Home room models: the shared vocabulary, site settings, the home and standard pages, and content."""

from .content import (
    ArticlePage,
    BrochurePage,
    CaseStudyPage,
    ContentIndexPage,
    ContentPage,
    RelatedContent,
    VideoPage,
    reading_minutes,
)
from .pages import HomePage, HomePageFeature, StandardPage
from .search_log import UnansweredSearch
from .sections import SectionIndexPage
from .settings import PortalSettings
from .vocabulary import Audience, Topic

__all__ = [
    "ArticlePage",
    "Audience",
    "BrochurePage",
    "CaseStudyPage",
    "ContentIndexPage",
    "ContentPage",
    "HomePage",
    "HomePageFeature",
    "PortalSettings",
    "RelatedContent",
    "SectionIndexPage",
    "StandardPage",
    "Topic",
    "UnansweredSearch",
    "VideoPage",
    "reading_minutes",
]
