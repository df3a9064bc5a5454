"""The contract by which other rooms add sections to pages they do not own.

A function registered under a hook name (``my_portal_sections``, ``home_page_sections``) takes the
``request`` and returns a :class:`Section` or ``None``. It prepares everything its template needs in
one or two queries: its queries count toward the page's bound.

Under ``content_page_links`` a function takes the ``request`` and a :class:`ContentSubject` (what an
article, case, brochure or video is about) and returns a :class:`Section` leading on from it (a quiz
on the same topic, the next event on it, the destination a case happened in) or ``None``. Content
pages are read often: it answers from ``home.site_cache`` on a warm cache, with no query.
"""

from dataclasses import dataclass, field
from enum import IntEnum

from wagtail import hooks

MY_PORTAL_SECTIONS = "my_portal_sections"
HOME_PAGE_SECTIONS = "home_page_sections"
CONTENT_PAGE_LINKS = "content_page_links"


class HomeOrder(IntEnum):
    """Where each section stands on the home page (``Section.order``), for someone about to travel:
    where am I going, what is happening there, what to do in trouble, then learning, then events.

    Every room's home-page section takes its place from here, so the page's order is read in one spot.
    """

    DESTINATION_FINDER = 10  # destinations: "Where are you going?"
    SAFETY_ALERTS = 20  # destinations: alerts in force
    PAGE_BODY = 30  # home: the editor's body (the demo's one emergency box)
    FEATURED_QUIZ = 40  # quizzes
    FEATURED_CONTENT = 50  # home: articles and cases the editor features
    UPCOMING_EVENTS = 60  # events
    LATEST_CONTENT = 70  # home
    TOPICS = 80  # home: browse by topic


@dataclass(frozen=True)
class Section:
    order: int
    title: str
    template_name: str
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ContentSubject:
    """What a content page is about, for the rooms that lead on from it: its language, its topics (by
    translation key, the same in every language) and, for a case, its country (ISO code, else "")."""

    language_code: str
    topic_keys: frozenset
    country: str = ""


def collect_sections(hook_name, request, *args):
    """Every section the registered functions give for this request, in their order."""
    sections = [section_for(request, *args) for section_for in hooks.get_hooks(hook_name)]
    return sorted((s for s in sections if s is not None), key=lambda s: s.order)
