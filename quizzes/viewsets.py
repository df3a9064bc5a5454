"""The quizzes room in the admin menu: one "Quizzes" group with the question bank (a snippet listing
with filters and search, an edit form that checks the choices fit the question's kind, and a delete
that refuses answered questions: retire them), the reports and the result-code look-up (each shown to
holders of its permission only).
"""

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, LocaleColumn
from wagtail.snippets.views.snippets import DeleteView, IndexView, SnippetViewSet, SnippetViewSetGroup

from home.spreadsheets import StaffExportMixin
from home.staff import PermissionViewSet, SnippetChooserViewSetInEditorsLanguage

from .models import Question, QuestionKind
from .permissions import CHECK_CODES, VIEW_REPORTS

RETIRE_HINT = gettext_lazy(
    "It has been answered in past attempts, so it cannot be deleted: their results keep it. "
    "Retire it instead (tick “retired” and save): it is then never drawn again."
)


class QuestionForm(WagtailAdminModelForm):
    """Checks the choices against the kind: at least two, none empty; single choice and true/false
    have exactly one right answer, true/false exactly two choices, multiple choice at least one right."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("choices")
        if formset is None or not formset.is_valid():
            return cleaned  # the formset shows its own errors (an empty text among them)
        kept = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data
            and not (formset.can_delete and formset._should_delete_form(form))
            and (form.instance.pk or form.has_changed())
        ]
        errors = choice_errors(cleaned.get("kind"), kept)
        if errors:
            formset._non_form_errors.extend(errors)
            self.add_error(None, _("Check the choices: %(problems)s") % {"problems": " ".join(errors)})
        return cleaned


def choice_errors(kind, choices):
    """What is wrong with `choices` ([{"text", "is_correct"}]) for a question of `kind`, as messages."""
    errors = []
    texts = [(choice.get("text") or "").strip() for choice in choices]
    correct = sum(1 for choice in choices if choice.get("is_correct"))
    if any(not text for text in texts):
        errors.append(_("Every choice needs a text."))
    if len(choices) < 2:
        errors.append(_("Give at least two choices."))
    if kind == QuestionKind.TRUE_FALSE and len(choices) != 2:
        errors.append(_("A true-or-false question has exactly two choices (true and false)."))
    if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE) and correct != 1:
        errors.append(_("Mark exactly one choice as correct."))
    if kind == QuestionKind.MULTIPLE and correct < 1:
        errors.append(_("Mark at least one choice as correct."))
    return errors


def refuse_answered(request, questions, back_url):
    """A response refusing to delete answered questions (None when none of them was answered)."""
    keys = Question.answered_keys(questions)
    answered = [question for question in questions if question.translation_key in keys]
    if not answered:
        return None
    for question in answered[:5]:
        messages.error(request, f"“{question}”: {RETIRE_HINT}")
    return redirect(back_url)


class QuestionDeleteView(DeleteView):
    def run_before_hook(self):
        edit_url = reverse(self.edit_url_name, args=[self.object.pk]) if self.edit_url_name else None
        refused = refuse_answered(self.request, [self.object], edit_url or reverse(self.index_url_name))
        return refused or super().run_before_hook()

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            # Answered (or put in a quiz) between the check above and the delete: the database's
            # PROTECT refused it, and nothing was deleted.
            messages.error(self.request, f"“{self.object}”: {RETIRE_HINT}")
            return redirect(reverse(self.edit_url_name, args=[self.object.pk]))


class KindColumn(Column):
    def get_value(self, instance):
        return instance.get_kind_display()


class DifficultyColumn(Column):
    def get_value(self, instance):
        return instance.get_difficulty_display()


class QuestionIndexView(StaffExportMixin, IndexView):
    """The question bank's list, exported through the shared staff export (XLSX first)."""


class QuestionViewSet(SnippetViewSet):
    chooser_viewset_class = SnippetChooserViewSetInEditorsLanguage
    model = Question
    index_view_class = QuestionIndexView
    index_results_template_name = StaffExportMixin.results_template_name
    icon = "help"
    menu_label = gettext_lazy("Quiz questions")
    menu_name = "quiz_questions"
    # The model's panels, with the form that checks the choices against the kind.
    edit_handler = ObjectList(Question.panels, base_form_class=QuestionForm)
    delete_view_class = QuestionDeleteView
    list_filter = ["kind", "topic", "difficulty", "is_retired"]
    list_per_page = 50
    # Substring search in the database: Chinese has no spaces for a full-text index to split on.
    search_fields = ["text"]
    search_backend_name = None
    list_display = [
        "__str__",
        LocaleColumn(),
        KindColumn("kind", label=gettext_lazy("Kind"), sort_key="kind"),
        Column("topic", label=gettext_lazy("Topic")),
        DifficultyColumn("difficulty", label=gettext_lazy("Difficulty"), sort_key="difficulty"),
        BooleanColumn("is_retired", label=gettext_lazy("Retired"), sort_key="is_retired"),
    ]
    list_export = ["text", "kind", "topic", "difficulty", "is_retired", "locale"]

    def get_queryset(self, request):
        return Question.objects.select_related("topic", "locale")


class StaffScreen(PermissionViewSet):
    """A staff screen in the group's menu. Its views keep their URL names (quizzes_report_index,
    quizzes_result_codes: wagtail_hooks.py), which links elsewhere use."""


class QuizReportsScreen(StaffScreen):
    name = "quiz_reports"
    icon = "doc-full"
    menu_label = gettext_lazy("Quiz reports")
    menu_url = reverse_lazy("quizzes_report_index")
    permission = VIEW_REPORTS


class ResultCodesScreen(StaffScreen):
    name = "quiz_result_codes"
    icon = "tick-inverse"
    menu_label = gettext_lazy("Quiz result codes")
    menu_url = reverse_lazy("quizzes_result_codes")
    permission = CHECK_CODES


class QuizzesViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Quizzes")
    menu_icon = "help"
    menu_name = "quizzes"
    items = (QuestionViewSet, QuizReportsScreen, ResultCodesScreen)
