from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from accounts.sections import HOME_PAGE_SECTIONS, HomeOrder, Section, collect_sections

from ..blocks import BodyBlock
from ..search import SearchWeight, SegmentedSearchMixin, stream_text

HOME_FEATURED_MAX = 4


class HomePage(SegmentedSearchMixin, Page):
    """The root of each language's site. Other rooms add their sections through a hook."""

    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        InlinePanel("featured", label=_("Featured articles and cases"), max_num=HOME_FEATURED_MAX),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + SegmentedSearchMixin.search_fields
    search_kind = _("Home page")
    search_weight = SearchWeight.SECTION

    parent_page_types = ["wagtailcore.Page"]
    # Other rooms' index pages by name only: home imports none of them.
    subpage_types = [
        "home.StandardPage",
        "home.ContentIndexPage",
        "destinations.DestinationIndexPage",
        "destinations.AlertIndexPage",
        "events.EventIndexPage",
        "quizzes.QuizIndexPage",
        "training.CourseIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def search_text(self):
        return " ".join([self.hero_title, self.hero_text, stream_text(self.body)])

    def get_context(self, request, *args, **kwargs):
        # The page's views module (home/listing.py) imports this module back.
        from ..listing import home_page_content

        context = super().get_context(request, *args, **kwargs)
        content = home_page_content(self, request)
        context["sections"] = sorted(
            self.own_sections(content) + collect_sections(HOME_PAGE_SECTIONS, request),
            key=lambda section: section.order,
        )
        return context

    def own_sections(self, content):
        """The home page's own sections that have something to show, to stand in HomeOrder between
        the other rooms' sections."""
        sections = []
        if self.body:
            sections.append(
                Section(HomeOrder.PAGE_BODY, "", "home/includes/home_body.html", {"body": self.body})
            )
        if content["featured"]:
            sections.append(
                Section(
                    HomeOrder.FEATURED_CONTENT,
                    _("Featured"),
                    "home/includes/home_content_cards.html",
                    {"items": content["featured"], "columns": "col-12 col-md-6"},
                )
            )
        if content["latest"]:
            sections.append(
                Section(
                    HomeOrder.LATEST_CONTENT,
                    pgettext_lazy("home page section", "Latest"),
                    "home/includes/home_content_cards.html",
                    {
                        "items": content["latest"],
                        "columns": "col-12 col-md-6 col-lg-4",
                        "content_index": content["content_index"],
                    },
                )
            )
        if content["topic_tiles"]:
            sections.append(
                Section(
                    HomeOrder.TOPICS,
                    _("Browse by topic"),
                    "home/includes/home_topics.html",
                    {"tiles": content["topic_tiles"]},
                )
            )
        return sections


class HomePageFeature(Orderable):
    """An article or case an editor puts on the home page."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured")
    page = models.ForeignKey(
        "home.ContentPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("article or case")
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured content")


class StandardPage(SegmentedSearchMixin, Page):
    """About, privacy notice, accessibility statement, contact: a title, an introduction and a body."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + SegmentedSearchMixin.search_fields
    search_kind = _("Site information")

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def search_text(self):
        return " ".join([self.intro, stream_text(self.body)])
