"""A quiz under an article or case on the same topic, added through the ``content_page_links`` hook.

A quiz's topics are those it draws from (random selection) or those of its fixed questions still in
use. The live, public quizzes of a language and their topics are read in two queries and cached under
the site version (a publish, or a saved question, renews it), so a content page asks nothing for it.
"""

from dataclasses import dataclass

from django.db.models import F
from django.utils.translation import gettext as _

from accounts.sections import Section
from home.site_cache import cached_per_language
from home.visibility import public

from .models import QuizPage, QuizQuestion, QuizTopic

CONTENT_QUIZ_ORDER = 20  # after the destination of a case (10), before events (30)


@dataclass(frozen=True)
class QuizLink:
    """What a content page shows about a quiz: small enough to cache, no page object."""

    title: str
    summary: str
    url: str
    topic_keys: frozenset
    signed_in_only: bool


def quiz_topic_keys(quiz_ids):
    """{quiz page id: translation keys of its topics}: those it draws from and those of its fixed
    questions (one query). Training files a course under its final quiz's topics with it."""
    drawn = (
        QuizTopic.objects.filter(page_id__in=quiz_ids)
        .order_by()
        .values_list("page_id", "topic__translation_key")
    )
    fixed = (
        QuizQuestion.objects.filter(
            page_id__in=quiz_ids, question__is_retired=False, question__topic__isnull=False
        )
        .order_by()
        .values_list("page_id", "question__topic__translation_key")
    )
    topics = {}
    for page_id, key in drawn.union(fixed):
        topics.setdefault(page_id, set()).add(key)
    return topics


def quizzes_with_topics(request, language_code):
    """The live, public quizzes of a language with their topics, featured then newest first (cached)."""

    def build(language_code):
        quizzes = list(
            public(QuizPage.objects.live(), request)
            .filter(locale__language_code=language_code)
            .only("id", "title", "summary", "url_path", "path", "depth", "selection", "who_may_take")
            .order_by("-is_featured", F("first_published_at").desc(nulls_last=True), "-pk")
        )
        topics = quiz_topic_keys([quiz.pk for quiz in quizzes])
        return [
            QuizLink(
                title=quiz.title,
                summary=quiz.summary,
                url=quiz.get_url(request) or "",
                topic_keys=frozenset(topics.get(quiz.pk, ())),
                signed_in_only=quiz.signed_in_only,
            )
            for quiz in quizzes
        ]

    return cached_per_language("quizzes-with-topics", request, build, language_code)


def quiz_on_topics(quizzes, topic_keys):
    """The quiz sharing the most topics; among equals the one most about them (fewest other topics),
    then one anyone may take, then the first (featured, then newest)."""
    candidates = [quiz for quiz in quizzes if quiz.url and quiz.topic_keys & topic_keys]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda quiz: (
            len(quiz.topic_keys & topic_keys),
            -len(quiz.topic_keys - topic_keys),
            not quiz.signed_in_only,
        ),
    )


def content_page_links(request, subject):
    """A quiz on the content page's topics, in its language; nothing when no quiz shares one."""
    if not subject.topic_keys:
        return None
    quiz = quiz_on_topics(quizzes_with_topics(request, subject.language_code), subject.topic_keys)
    if quiz is None:
        return None
    return Section(
        order=CONTENT_QUIZ_ORDER,
        title=_("Test what you know"),
        template_name="quizzes/includes/content_quiz.html",
        context={"quiz": quiz},
    )
