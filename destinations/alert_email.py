"""What an alert or change email says: rendered once per language for a fan-out, previewed, test-sent.

Each subscriber gets the alert in their language when that translation is live, otherwise in the
source language (the first copy of the page), with the email's own words in their language. An
email is rendered once per language; each subscriber's own unsubscribe link is put in afterwards.
"""

from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.utils import translation

import outbox
from home.links import absolute_reverse, absolute_url
from home.reader_language import copy_for_reader

from .models import DestinationPage, SafetyAlertPage

ALERT_TEMPLATE = "destinations/email/alert"
CHANGE_TEMPLATE = "destinations/email/change"
# Stand-in for a subscriber's token while an email is rendered once for everyone of a language.
TOKEN_PLACEHOLDER = "SUBSCRIBER-TOKEN-PLACEHOLDER"  # noqa: S105 (not a secret)


def dedupe_prefix(fanout):
    """The start of the outbox key of every message of a fan-out; the subscription's id ends it."""
    if fanout.alert_key is not None:
        return f"destinations-alert:{fanout.alert_key}:"
    return f"destinations-change:{fanout.change_note_id}:"


def page_path(page):
    """The page's path with its language prefix, for a link built without a request."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def links_for(language, token):
    return (
        absolute_reverse(language, "destinations:unsubscribe", token=token),
        absolute_reverse(language, "destinations:preferences", token=token),
    )


@dataclass
class Rendered:
    language: str
    subject: str
    body_text: str
    body_html: str


class Mailing:
    """The email of one fan-out, rendered once per subscriber language."""

    def __init__(self, fanout, template, context_for, key_prefix):
        self.fanout = fanout
        self.template = template
        self.context_for = context_for
        self.key_prefix = key_prefix
        self.rendered = {}

    @classmethod
    def for_fanout(cls, fanout):
        if fanout.alert_key is not None:
            copies = list(
                SafetyAlertPage.objects.live()
                .filter(translation_key=fanout.alert_key)
                .select_related("locale")
                .prefetch_related("destinations")
            )
            if not copies:
                return None
            return cls(fanout, ALERT_TEMPLATE, partial(alert_context, copies), dedupe_prefix(fanout))
        note = fanout.change_note
        copies = list(
            DestinationPage.objects.live().filter(destination_id=note.destination_id).select_related("locale")
        )
        return cls(fanout, CHANGE_TEMPLATE, partial(change_context, note, copies), dedupe_prefix(fanout))

    def language_for(self, subscription):
        return self.render(subscription.language).language

    def render(self, language):
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        if language not in self.rendered:
            unsubscribe, preferences = links_for(language, TOKEN_PLACEHOLDER)
            context = self.context_for(language) | {
                "unsubscribe_url": unsubscribe,
                "preferences_url": preferences,
            }
            subject, body_text, body_html = outbox.render_email(self.template, context, language)
            self.rendered[language] = Rendered(language, subject, body_text, body_html)
        return self.rendered[language]

    def message_for(self, subscription):
        rendered = self.render(subscription.language)
        token = subscription.token

        def personal(text):
            return text.replace(TOKEN_PLACEHOLDER, token)

        unsubscribe, _preferences = links_for(rendered.language, token)
        return {
            "to": subscription.email,
            "subject": rendered.subject,
            "body_text": personal(rendered.body_text),
            "body_html": personal(rendered.body_html),
            "language": rendered.language,
            "dedupe_key": f"{self.key_prefix}{subscription.pk}",
            "headers": unsubscribe_headers(unsubscribe),
        }


def unsubscribe_headers(url):
    """RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe (a POST to the URL)."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def place_names(places, language):
    with translation.override(language):
        return sorted(str(place.country.name) for place in places)


def alert_context(copies, language):
    copy = copy_for_reader(copies, language)
    path = page_path(copy)
    return {
        "alert": copy,
        "alert_url": absolute_url(path) if path else absolute_url(),
        "is_fallback": copy.locale.language_code != language,
        "destination_names": place_names(copy.destinations.all(), language),
    }


def change_context(note, copies, language):
    copy = copy_for_reader(copies, language)
    path = page_path(copy) if copy else None
    return {
        "note": note,
        "summary": note.summary_in(language),
        "destination_name": place_names([note.destination], language)[0],
        "destination_url": absolute_url(path or f"/{language}/"),
        "level": note.get_risk_level_display,
    }


# Staff: preview and test ----------------------------------------------------------------------------------


def preview_alert_email(page, language):
    """(subject, body_text, body_html) of the email about `page` (a draft too) in `language`.

    The other language copies that are live stand in where they exist; links to manage a
    subscription show as examples.
    """
    copies = [page]
    if page.translation_key:
        copies += list(
            SafetyAlertPage.objects.live()
            .filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
            .select_related("locale")
        )
    copies.sort(key=lambda copy: (copy.locale.language_code != language, copy.pk != page.pk))
    chosen = copies[0] if copies[0].locale.language_code == language else page
    unsubscribe, preferences = links_for(language, "example")
    path = page_path(chosen) if chosen.pk and chosen.live else None
    context = {
        "alert": chosen,
        "alert_url": absolute_url(path) if path else absolute_url(),
        "is_fallback": chosen.locale.language_code != language,
        "destination_names": place_names(chosen.destinations.all(), language),
        "unsubscribe_url": unsubscribe,
        "preferences_url": preferences,
    }
    return outbox.render_email(ALERT_TEMPLATE, context, language)


def send_test_email(page, user, language):
    """Queue the alert's email to the member of staff who asked for it (no subscription, no delivery)."""
    subject, body_text, body_html = preview_alert_email(page, language)
    with translation.override(language):
        prefix = translation.gettext("[Test]")
    return outbox.queue_message(
        to=user.email,
        subject=f"{prefix} {subject}",
        body_text=body_text,
        body_html=body_html,
        language=language,
    )
