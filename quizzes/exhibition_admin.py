"""Staff screens of exhibition mode in the Wagtail admin.

- Per quiz: its short link, the QR code and the A4 poster (for anyone who may edit the quiz page or
  read quiz reports).
- The result-code look-up (permission `quizzes.check_result_codes`): a volunteer at the stand types
  the code from a visitor's result screen, sees the result, and marks the small prize as given,
  exactly once however often the button is pressed.
"""

import re
import time

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.pdf import cjk_font_available, release_pdf_memory
from home.staff import require_perm
from home.times import in_beijing

from . import exhibition
from .models import QuizPage
from .permissions import CHECK_CODES, VIEW_REPORTS

CODE_MAX_LENGTH = 12
CODE_PATTERN = re.compile(r"^[A-Z0-9]{1,12}$")


def may_print(user, page):
    """Who may get a quiz's poster and short link: its editors, and those who read quiz reports."""
    return user.has_perm(VIEW_REPORTS) or page.permissions_for_user(user).can_edit()


def quiz_for(request, page_id):
    page = get_object_or_404(QuizPage.objects.select_related("locale"), pk=page_id)
    if not may_print(request.user, page):
        raise PermissionDenied
    return page


def with_offset(moment):
    """Beijing time with its offset, so nobody has to guess: 2026-05-01 14:02:05 UTC+08:00."""
    if not moment:
        return ""
    local = in_beijing(moment)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M:%S} UTC{offset[:3]}:{offset[3:]}"


def short_time(moment):
    """14:02 today, else 2026-05-01 14:02 (Beijing time)."""
    local = in_beijing(moment)
    return (
        f"{local:%H:%M}" if local.date() == in_beijing(timezone.now()).date() else f"{local:%Y-%m-%d %H:%M}"
    )


def poster_pdf_view(request, page_id):
    """The quiz's A4 poster as a PDF download."""
    page = quiz_for(request, page_id)
    if not cjk_font_available():  # WeasyPrint would print the Chinese title as nothing at all
        messages.error(
            request,
            _(
                "The poster cannot be made: this server has no Chinese font, so its Chinese text would "
                "come out blank. Ask the administrator to install fonts-noto-cjk (manage.py check "
                "--deploy names it)."
            ),
        )
        return redirect("quizzes_exhibition", page.pk)
    link = exhibition.link_for(page)
    started = time.perf_counter()
    pdf = exhibition.poster_pdf(page)
    elapsed = time.perf_counter() - started
    release_pdf_memory()  # a web worker must not keep WeasyPrint's font data
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{exhibition.poster_filename(page, link)}"'
    response["Cache-Control"] = "private, no-store"
    response["Server-Timing"] = f"render;dur={elapsed * 1000:.0f}"
    return response


class QuizExhibitionView(WagtailAdminTemplateMixin, TemplateView):
    """One quiz's short link, its QR code and the poster download."""

    template_name = "quizzes/admin/exhibition.html"
    page_title = gettext_lazy("Exhibition poster and short link")
    header_icon = "link"

    def dispatch(self, request, page_id, *args, **kwargs):
        self.quiz = quiz_for(request, page_id)
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_page_subtitle(self):
        return self.quiz.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_pages:edit", args=[self.quiz.pk]), "label": self.quiz.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        link = exhibition.link_for(self.quiz)
        url = exhibition.short_url(link)
        copies = exhibition.live_copies(self.quiz)
        context.update(
            {
                "quiz": self.quiz,
                "link": link,
                "short_url": url,
                "qr_svg": exhibition.qr_svg(url),
                "live_languages": [page.locale.get_display_name() for page in copies.values()],
                "poster_url": reverse("quizzes_poster", args=[self.quiz.pk]),
            }
        )
        return context


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Result code"),
        max_length=CODE_MAX_LENGTH * 3,
        help_text=gettext_lazy(
            "As shown on the visitor's result screen; upper or lower case, spaces do not matter."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        code = "".join(ch for ch in self.cleaned_data["code"] if not ch.isspace() and ch != "-").upper()
        if not CODE_PATTERN.match(code):
            raise forms.ValidationError(_("A result code has letters and digits only, like K7M2QX."))
        return code


class ResultCodeView(WagtailAdminTemplateMixin, TemplateView):
    """Look a result code up (GET ?code=...) and mark the prize given (POST)."""

    template_name = "quizzes/admin/result_codes.html"
    page_title = gettext_lazy("Quiz result codes")
    header_icon = "tick-inverse"

    def dispatch(self, request, *args, **kwargs):
        require_perm(request.user, CHECK_CODES)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def url_for(self, code):
        return reverse("quizzes_result_codes") + "?" + urlencode({"code": code})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = CodeForm(self.request.GET) if "code" in self.request.GET else CodeForm()
        attempt = None
        searched = False
        if form.is_bound and form.is_valid():
            searched = True
            attempt = exhibition.find_attempt(form.cleaned_data["code"])
        context.update(
            {
                "form": form,
                "searched": searched,
                "attempt": attempt,
                "code": form.cleaned_data["code"] if searched else "",
                "submitted_at": with_offset(attempt.submitted_at) if attempt else "",
                "prize_given_at": with_offset(attempt.prize_given_at) if attempt else "",
            }
        )
        return context

    def post(self, request):
        form = CodeForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("That is not a result code."))
            return redirect("quizzes_result_codes")
        code = form.cleaned_data["code"]
        attempt = exhibition.find_attempt(code)
        if attempt is None:
            messages.error(request, _("No submitted quiz has the result code %(code)s.") % {"code": code})
        elif exhibition.give_prize(attempt.pk):
            messages.success(
                request,
                _("Prize for %(code)s marked as given at %(time)s.")
                % {"code": code, "time": short_time(timezone.now())},
            )
        else:
            attempt.refresh_from_db(fields=["prize_given_at"])
            messages.warning(
                request,
                _("The prize for %(code)s was already given at %(time)s.")
                % {"code": code, "time": short_time(attempt.prize_given_at)},
            )
        return redirect(self.url_for(code))
