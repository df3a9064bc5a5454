"""Course pages, one per language: the index of a language's courses, a course with its rules (final
quiz, validity, enrolment, required lessons and events) and its lessons as ordered child pages. Rules
are synchronised to every translation; what learners make is keyed on the pages' translation keys
(training/models/records.py). The pages hand their requests to training/views.py."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail_localize.fields import SynchronizedField

from home.models import Audience, SectionIndexPage
from home.search import SearchWeight, SegmentedSearchMixin, text_of_html

from ..blocks import LessonBodyBlock
from ..outline import cached_outline


def views():
    """The pages' views module (training/views.py). It imports this module, so it is imported when the
    first request comes, not at the top."""
    from training import views as page_views

    return page_views


class CourseIndexPage(SectionIndexPage):
    """Lists the live courses of its language."""

    subpage_types = ["training.CoursePage"]

    class Meta:
        verbose_name = _("course index page")

    def get_context(self, request, *args, **kwargs):
        return super().get_context(request, *args, **kwargs) | views().course_index_context(self, request)

    def route(self, request, path_components):
        """A course and its own fields in one query (Wagtail's default takes two): every child is one."""
        if not path_components:
            return super().route(request, path_components)
        slug, *remaining = path_components
        course = CoursePage.objects.child_of(self).filter(slug=slug).first()
        if course is None:
            raise Http404
        course._cached_parent_obj = self
        return course.route(request, remaining)


class CoursePage(RoutablePageMixin, SegmentedSearchMixin, Page):
    """A course in one language: what it is, and its rules (synchronised to every translation)."""

    summary = models.TextField(_("summary"), max_length=300, blank=True, help_text=_("For lists and search."))
    description = RichTextField(
        _("description"), features=["bold", "italic", "link", "ul", "ol", "h2", "h3"], blank=True
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(6000)],
    )
    audiences = ParentalManyToManyField(
        Audience,
        blank=True,
        related_name="courses",
        verbose_name=_("audiences"),
        help_text=_("None chosen: for everyone."),
    )
    final_quiz = models.ForeignKey(
        "quizzes.QuizPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("final quiz"),
        help_text=_("Passing it (after every required lesson) completes the course."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Empty: a completion never expires."),
    )
    enrolment_open = models.BooleanField(
        _("enrolment open"), default=True, help_text=_("Whether learners may enrol themselves.")
    )
    enrolled_only = models.BooleanField(
        _("lessons for enrolled learners only"),
        default=False,
        help_text=_("Otherwise anyone may read the lessons; only enrolled learners' progress is kept."),
    )
    recommended_for_risky_trips = models.BooleanField(
        _("recommend before trips to risky destinations"),
        default=False,
        help_text=_("Recommended to learners going to a destination at “travel with caution” or higher."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("estimated_minutes"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                PageChooserPanel("final_quiz", "quizzes.QuizPage"),
                FieldPanel("validity_months"),
                FieldRowPanel([FieldPanel("enrolment_open"), FieldPanel("enrolled_only")]),
                FieldPanel("recommended_for_risky_trips"),
                InlinePanel(
                    "required_events",
                    heading=_("Events of which the learner must have attended one"),
                    label=_("Event"),
                ),
            ],
            heading=_("Rules"),
        ),
    ]
    search_fields = Page.search_fields + SegmentedSearchMixin.search_fields
    override_translatable_fields = [
        SynchronizedField("estimated_minutes"),
        SynchronizedField("audiences"),
        SynchronizedField("final_quiz"),
        SynchronizedField("validity_months"),
        SynchronizedField("enrolment_open"),
        SynchronizedField("enrolled_only"),
        SynchronizedField("recommended_for_risky_trips"),
        SynchronizedField("required_events"),
    ]
    search_kind = _("Course")
    search_weight = SearchWeight.LEARNING
    parent_page_types = ["training.CourseIndexPage"]
    subpage_types = ["training.LessonPage"]

    class Meta:
        verbose_name = _("course page")

    def clean(self):
        super().clean()
        quiz = self.final_quiz
        if self.validity_months and quiz is None:
            raise ValidationError(
                {"final_quiz": _("A course whose completions expire needs a final quiz to retake.")}
            )
        if self.validity_months and quiz is not None and quiz.attempts_allowed:
            # QuizPage.attempts_allowed counts every attempt forever: after expiry, nobody could retake.
            raise ValidationError(
                {
                    "final_quiz": _(
                        "Completions of this course expire, so its final quiz must allow unlimited attempts "
                        "(learners retake it to renew)."
                    )
                }
            )

    def search_text(self):
        return " ".join([self.summary, text_of_html(self.description)])

    def route(self, request, path_components):
        """Its own sub-routes (enrol/) first, then a lesson and its fields in one query, knowing its
        course (the lesson's views need it: LessonPage.get_course)."""
        if not path_components or not self.live:
            return super().route(request, path_components)
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            slug, *remaining = path_components
            lesson = LessonPage.objects.child_of(self).filter(slug=slug).first()
            if lesson is None:
                raise
            lesson._cached_parent_obj = self
            return lesson.route(request, remaining)
        return super().route(request, path_components)

    def outline(self, request=None):
        """Its lessons in order and its rules, cached per revision (training/outline.py)."""
        return cached_outline(self, LessonPage, request)

    @path("")
    def course_page(self, request):
        return views().course_page(request, self)

    @path("enrol/")
    def enrol(self, request):
        return views().enrol(request, self)


class CourseEvent(Orderable):
    """An event that counts for the course: a learner must have attended one of them. The event's
    translation key is kept, so the rule holds after the event page is unpublished or deleted."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="required_events")
    event_page = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("event"),
    )
    event_key = models.UUIDField(null=True, blank=True, editable=False)

    panels = [PageChooserPanel("event_page", "events.EventPage")]

    def save(self, *args, **kwargs):
        if self.event_page_id is not None:
            self.event_key = self.event_page.translation_key
        super().save(*args, **kwargs)


class LessonPage(RoutablePageMixin, Page):
    """A lesson of its parent course, in one language. Not in search: it is read within its course
    (whose lessons may be for enrolled learners only)."""

    summary = models.TextField(_("summary"), max_length=300, blank=True)
    body = StreamField(LessonBodyBlock(), blank=True, verbose_name=_("body"))
    is_required = models.BooleanField(
        _("required"), default=True, help_text=_("Required lessons must be done to complete the course.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("is_required"),
    ]
    override_translatable_fields = [SynchronizedField("is_required")]
    parent_page_types = ["training.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson page")

    def get_indexed_instance(self):
        return None

    def get_course(self):
        """Its course (the parent page): the one routing came through, else read in one query."""
        parent = getattr(self, "_cached_parent_obj", None)
        if isinstance(parent, CoursePage):
            return parent
        return CoursePage.objects.get(path=self.path[: -CoursePage.steplen])

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.none()

    @path("")
    def lesson_page(self, request):
        return views().lesson_page(request, self)

    @path("done/")
    def mark_done(self, request):
        return views().mark_done(request, self)
