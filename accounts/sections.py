"""The contract by which other rooms add sections to pages they do not own.

A function registered under a hook name (``my_portal_sections``, ``home_page_sections``) takes the
``request`` and returns a :class:`Section` or ``None``. It prepares everything its template needs in
one or two queries: its queries count toward the page's bound.
"""

from dataclasses import dataclass, field

from wagtail import hooks

MY_PORTAL_SECTIONS = "my_portal_sections"
HOME_PAGE_SECTIONS = "home_page_sections"


@dataclass(frozen=True)
class Section:
    order: int
    title: str
    template_name: str
    context: dict = field(default_factory=dict)


def collect_sections(hook_name, request):
    """Every section the registered functions give for this request, in their order."""
    sections = [section_for(request) for section_for in hooks.get_hooks(hook_name)]
    return sorted((s for s in sections if s is not None), key=lambda s: s.order)
