"""The short link of exhibition posters: /q/<code>/ (outside the language prefix) opens the quiz in
the visitor's language (language cookie, then Accept-Language), else in Chinese."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_safe

from home.reader_language import visitor_language

from .exhibition import clean_code, quiz_in_language
from .models import ExhibitionLink, QuizIndexPage

NO_PREFIX_URLCONF = "quizzes.short_link_urls"


def not_available(request, language):
    """A friendly 404 in the visitor's language, with a way on to the other quizzes."""
    with translation.override(language):
        index = QuizIndexPage.objects.live().filter(locale__language_code=language).first()
        context = {"index_url": index.get_url(request) if index else ""}
        response = TemplateResponse(
            request, "quizzes/exhibition/short_link_missing.html", context, status=404
        )
        response.render()
    # LocaleMiddleware would turn a 404 outside the language prefix into a redirect to
    # /<language>/q/<code>/ (Wagtail's catch-all makes any such path look valid), losing this page:
    # for the middleware, this request's URLconf has no language prefixes.
    request.urlconf = NO_PREFIX_URLCONF
    return response


@require_safe
def short_link(request, code):
    language = visitor_language(request)
    link = ExhibitionLink.objects.filter(code=clean_code(code)[:12]).first()
    quiz = quiz_in_language(link.quiz_key, language) if link else None
    if quiz is None:
        return not_available(request, language)
    response = redirect(quiz.get_url(request))
    # The same code may lead elsewhere in another language: caches must not share the answer.
    response["Vary"] = "Accept-Language, Cookie"
    response["Cache-Control"] = "private, max-age=0"
    return response
