"""The shape every room's index page shares (knowledge, destinations, alerts, quizzes, events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ..search import SearchWeight, SegmentedSearchMixin


class SectionIndexPage(SegmentedSearchMixin, Page):
    """A room's index under the home page (knowledge, destinations, alerts, quizzes, events): an
    introduction, its room's pages below it, found in search as a section."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + SegmentedSearchMixin.search_fields
    search_kind = _("Section")
    search_weight = SearchWeight.SECTION
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def search_text(self):
        return self.intro
