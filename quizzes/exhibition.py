"""Exhibition mode: a quiz's short link (/q/<code>/) and a printable A4 poster with its QR code.

At a community exhibition a stand puts the poster on a table; visitors scan the QR code and take the
quiz on their phone in their own language. The link is one per quiz (keyed by the page's
translation key, so every language shares it) and never changes once printed.

The poster is rendered like the emergency card (destinations/cards.py): Noto Sans CJK SC named
explicitly, every value autoescaped, and WeasyPrint may load only our own static files. The QR code
is inline SVG made by `segno`, so it needs no fetch at all. A poster is about 240 kB and renders in
about 0.5 s (3 s the first time in a process, loading the fonts): it is rendered on request in the
admin, not cached (a poster is printed a few times, never served to the public).

At the stand a volunteer looks up the result code from a visitor's result screen and gives the small
prize, once per attempt however often the button is pressed.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from wagtail.models import Site

from home import pdf, reader_language
from home.links import absolute_url
from home.models import PortalSettings
from home.qr import qr_svg
from home.text_input import strip_control_characters

from .models import Attempt, ExhibitionLink, QuizPage

POSTER_TEMPLATE = "quizzes/exhibition/poster.html"
CODE_ATTEMPTS = 5  # a clash of two random 6-character codes is one in a billion; try again anyway
DEFAULT_HOTLINE = "12308"


def clean_code(code):
    """The form a code is stored in: codes are upper case; people type them any way (control
    characters, which the database refuses, are dropped)."""
    return "".join(strip_control_characters(code or "").split()).upper()


def link_for(quiz):
    """The quiz's exhibition link, made the first time it is asked for.

    Two admins asking at once end with one link: the unique quiz key makes the second insert fail,
    and then the first one's link is read back.
    """
    key = quiz.translation_key
    link = ExhibitionLink.objects.filter(quiz_key=key).first()
    if link is not None:
        return link
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                return ExhibitionLink.objects.create(quiz_key=key)
        except IntegrityError:
            link = ExhibitionLink.objects.filter(quiz_key=key).first()
            if link is not None:
                return link
            # Otherwise the random code clashed with another quiz's: draw again.
    raise IntegrityError("Could not make a unique exhibition code.")


def short_path(link):
    return reverse("quiz_short_link", args=[link.code])


def short_url(link):
    """The absolute short URL printed on the poster and encoded in its QR code."""
    return absolute_url(short_path(link))


def short_url_label(url):
    """The URL as printed under the QR code: without the scheme, easier to type."""
    return url.split("://", 1)[-1].rstrip("/")


def live_copies(quiz):
    """The quiz's live pages by language code, in the order of LANGUAGES (one query)."""
    by_language = {
        page.locale.language_code: page
        for page in reader_language.live_copies(QuizPage, quiz.translation_key)
    }
    return {code: by_language[code] for code, _name in settings.LANGUAGES if code in by_language}


def quiz_in_language(quiz_key, language):
    """The live copy of the quiz in `language`, else in the default language, else the first made."""
    return reader_language.copy_for_reader(reader_language.live_copies(QuizPage, quiz_key), language)


def html_lang(code):
    return "zh-Hans" if code == "zh-hans" else code


def portal_settings_for(quiz):
    site = quiz.get_site() or Site.objects.filter(is_default_site=True).first()
    return PortalSettings.for_site(site) if site else None


def poster_context(quiz):
    """Everything printed on the poster, as plain values (titles of every live language copy)."""
    copies = live_copies(quiz) or {quiz.locale.language_code: quiz}
    link = link_for(quiz)
    url = short_url(link)
    portal = portal_settings_for(quiz)
    titles = [
        {"lang": html_lang(code), "title": page.title, "primary": number == 0}
        for number, (code, page) in enumerate(copies.items())
    ]
    # The call to action and the hotline in every language, whichever copies are live.
    lines = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(
                {
                    "lang": html_lang(code),
                    "call": translation.gettext("Scan to take the safety quiz"),
                    "hotline": translation.gettext(
                        "Global Emergency Call Centre for Consular Protection and Services"
                    ),
                    "abroad": translation.gettext("from abroad"),
                }
            )
    return {
        "titles": titles,
        "lines": lines,
        "languages": list(copies),
        "code": link.code,
        "url": url,
        "url_label": short_url_label(url),
        "qr_svg": mark_safe(qr_svg(url)),  # noqa: S308 - made by segno from our own URL
        "campaign_zh": portal.campaign_name_zh if portal else "",
        "campaign_en": portal.campaign_name_en if portal else "",
        "hotline": (portal.hotline if portal else "") or DEFAULT_HOTLINE,
        "hotline_abroad": portal.hotline_abroad_display if portal else "",
    }


def render_poster_html(context):
    language = context["languages"][0] if context["languages"] else settings.LANGUAGE_CODE
    with translation.override(language):
        return render_to_string(POSTER_TEMPLATE, {"poster": context, "static_base": pdf.STATIC_BASE})


def poster_pdf(quiz):
    """The A4 poster of `quiz` as PDF bytes (one page)."""
    return pdf.render_pdf(render_poster_html(poster_context(quiz)))


def poster_filename(quiz, link=None):
    link = link or link_for(quiz)
    return f"quiz-poster-{link.code.lower()}.pdf"


def find_attempt(code):
    """The submitted attempt with this result code, or None (one query)."""
    return (
        Attempt.objects.filter(result_code=code, status=Attempt.Status.SUBMITTED)
        .only(
            "pk",
            "quiz_title",
            "language",
            "score",
            "max_score",
            "percent",
            "passed",
            "pass_mark",
            "submitted_at",
            "result_code",
            "prize_given_at",
        )
        .first()
    )


def give_prize(attempt_pk, now=None):
    """Mark the prize given, once: True if this call did it, False if it had been given before."""
    now = now or timezone.now()
    updated = Attempt.objects.filter(
        pk=attempt_pk, status=Attempt.Status.SUBMITTED, prize_given_at__isnull=True
    ).update(prize_given_at=now)
    return updated == 1
