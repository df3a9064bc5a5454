"""Staff screens about course completions in the Wagtail admin (permission `training.view_completions`).

Two Wagtail reports: every course (one row per course, whatever its languages) with how many learners
enrolled and how many hold a completion valid today; and one course's completions, newest first,
searchable and exported (XLSX first, CSV) through the shared staff export. Completions are read from
their snapshots, so a course whose page was deleted still lists them (by its key)."""

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import dateformat
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from home.spreadsheets import StaffExportMixin
from home.staff import require_perm
from home.times import beijing_time_note, in_beijing

from .completion import beijing_today, currently_valid
from .models.pages import CoursePage
from .models.records import Completion, Enrolment
from .permissions import VIEW_COMPLETIONS


def local_time(moment):
    """A moment in Beijing time, as the staff screens and their files show it."""
    return dateformat.format(in_beijing(moment), "Y-m-d H:i") if moment else ""


def completions_url(course):
    return reverse("training_completions", args=[course.translation_key])


class ViewCompletionsMixin:
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        require_perm(request.user, VIEW_COMPLETIONS)
        return super().dispatch(request, *args, **kwargs)


def _count(model, *conditions):
    rows = (
        model.objects.filter(*conditions, course_key=OuterRef("translation_key"))
        .order_by()
        .values("course_key")
        .annotate(total=Count("user", distinct=True))
        .values("total")
    )
    return Coalesce(Subquery(rows), 0)


class CourseCompletionReportView(ViewCompletionsMixin, StaffExportMixin, ReportView):
    """Every course (its first language copy stands for it), with enrolled and completed counts."""

    page_title = gettext_lazy("Course completions")
    index_url_name = "training_completion_report"
    index_results_url_name = "training_completion_report_results"
    is_searchable = True
    search_fields = ["title"]
    export_filename = "course-completions"
    columns = [
        TitleColumn("title", label=gettext_lazy("Course"), get_url=completions_url),
        Column("enrolled_count", label=gettext_lazy("Enrolled")),
        Column("valid_count", label=gettext_lazy("Completed (valid today)")),
        Column("completed_count", label=gettext_lazy("Ever completed")),
    ]
    list_export = ["title", "enrolled_count", "valid_count", "completed_count"]
    export_headings = {
        "title": gettext_lazy("Course"),
        "enrolled_count": gettext_lazy("Enrolled"),
        "valid_count": gettext_lazy("Completed (valid today)"),
        "completed_count": gettext_lazy("Ever completed"),
    }

    def get_queryset(self):
        first_copy = (
            CoursePage.objects.filter(translation_key=OuterRef("translation_key"))
            .order_by("pk")
            .values("pk")[:1]
        )
        return (
            CoursePage.objects.annotate(first_copy=Subquery(first_copy))
            .filter(pk=F("first_copy"))
            .annotate(
                enrolled_count=_count(Enrolment),
                valid_count=_count(Completion, currently_valid(beijing_today())),
                completed_count=_count(Completion),
            )
            .order_by("title", "pk")
        )


class LearnerColumn(Column):
    def get_value(self, instance):
        return instance.user.name or instance.user.email


class CompletionsView(ViewCompletionsMixin, StaffExportMixin, ReportView):
    """One course's completions (every language copy), newest first."""

    page_title = gettext_lazy("Course completions")
    index_url_name = "training_completions"
    index_results_url_name = "training_completions_results"
    is_searchable = True
    columns = [
        LearnerColumn("learner", label=gettext_lazy("Learner")),
        Column("email", label=gettext_lazy("Email"), accessor="user.email"),
        Column("completed", label=gettext_lazy("Completed"), accessor="completed_text"),
        Column("valid_until", label=gettext_lazy("Valid until"), accessor="valid_until_text"),
        Column("percent", label=gettext_lazy("Score (%)")),
        Column("status", label=gettext_lazy("Status"), accessor="status_text"),
        Column("course_title", label=gettext_lazy("Course title when completed")),
    ]
    list_export = ["learner_name", "learner_email", "completed_at", "valid_until", "percent", "status_text"]
    list_export += ["course_title", "attempt_public_id"]
    export_headings = {
        "learner_name": gettext_lazy("Learner"),
        "learner_email": gettext_lazy("Email"),
        "completed_at": gettext_lazy("Completed"),
        "valid_until": gettext_lazy("Valid until"),
        "percent": gettext_lazy("Score (%)"),
        "status_text": gettext_lazy("Status"),
        "course_title": gettext_lazy("Course title when completed"),
        "attempt_public_id": gettext_lazy("Qualifying attempt"),
    }
    custom_field_preprocess = {"completed_at": {"csv": local_time, "xlsx": local_time}}

    def setup(self, request, *args, course_key, **kwargs):
        super().setup(request, *args, course_key=course_key, **kwargs)
        self.course_key = course_key

    @cached_property
    def course_title(self):
        page = CoursePage.objects.filter(translation_key=self.course_key).order_by("pk").first()
        if page is not None:
            return page.title
        snapshot = Completion.objects.filter(course_key=self.course_key).values_list(
            "course_title", flat=True
        )
        title = snapshot.first()
        if title is None:
            raise Http404
        return title

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.course_key])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.course_key])

    def get_filename(self):
        return f"course-{self.course_key}-completions"

    def get_page_subtitle(self):
        return self.course_title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("training_completion_report"), "label": _("Course completions")},
            {"url": "", "label": self.course_title},
        ]

    def get_queryset(self):
        self.course_title  # noqa: B018 - a course nobody knows is a 404, before any listing
        return (
            Completion.objects.filter(course_key=self.course_key)
            .select_related("user")
            .order_by("-completed_at", "-pk")
        )

    def search_queryset(self, queryset):
        query = (self.search_query or "").strip()
        if not query:
            return queryset
        return queryset.filter(Q(user__name__icontains=query) | Q(user__email__icontains=query))

    def decorate(self, completion, today=None):
        today = today or beijing_today()
        completion.completed_text = local_time(completion.completed_at)
        completion.valid_until_text = (
            completion.valid_until.isoformat() if completion.valid_until else _("No expiry")
        )
        completion.status_text = _("Valid") if completion.is_valid_on(today) else _("Expired")
        completion.learner_name = completion.user.name
        completion.learner_email = completion.user.email
        return completion

    def get_table(self, object_list):
        today = beijing_today()
        return super().get_table([self.decorate(completion, today) for completion in object_list])

    def to_row_dict(self, item):
        return super().to_row_dict(self.decorate(item))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["times_note"] = beijing_time_note()
        return context
