"""The printable emergency card: one PDF per destination and language, rendered by the worker, served stored.

A card shows the facts that matter in an emergency (the level, the local emergency numbers, the
embassy's and consulates' 24-hour numbers, 12308) and blank lines for the traveller's own details.
Its ``facts_version`` is a fingerprint of everything printed on it (and of the layout and the fonts),
so a save that changes nothing printed renders nothing, a stored card is never older than the facts,
and installing or updating the fonts renders it again.

Without the CJK font, WeasyPrint writes a card whose Chinese characters are simply missing: such a
card is never rendered or stored (CJKFontMissingError), and the pages offer the English card instead,
saying why (`card_offer`).
"""

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from home import pdf
from home.reader_language import in_reader_language
from home.site_cache import default_site_settings
from home.validators import format_phone_for_display

from .levels import RiskLevel, level_style

# Not the models package, which holds the page models: the page views import this module.
from .models.cards import EmergencyCard
from .models.facts import Destination

CARD_TEMPLATE = "destinations/card/emergency_card.html"
CARD_STYLESHEET = "css/emergency-card.css"
CARD_MAX_CONTACTS = 8  # what fits on one page beside everything else
FALLBACK_LANGUAGE = "en"
# Han, kana, Hangul, CJK punctuation and full-width forms: what only the CJK font draws.
CJK_TEXT = re.compile(
    "[\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)

logger = logging.getLogger(__name__)


class CJKFontMissingError(Exception):
    """The card has Chinese (or other CJK) text and the server has no CJK font: it cannot be made."""


def card_languages():
    return [code for code, _name in settings.LANGUAGES]


def card_language(language):
    """The card language for a reader's language code (``en-gb`` reads English), or None."""
    language = (language or "").lower()
    for code in card_languages():
        if language == code or language.split("-")[0] == code.split("-")[0]:
            return code
    return None


def card_context(destination, language, portal=None):
    """Everything printed on the card, as plain values: the same data feeds the fingerprint. The hotline
    is the site's (`portal`: PortalSettings, the default site's when not given)."""
    portal = portal or default_site_settings()
    with translation.override(language):
        level = RiskLevel(destination.risk_level)
        style = level_style(level)
        contacts = [
            {
                "kind": str(contact.get_kind_display()),
                "name": in_reader_language(contact.name_zh, contact.name_en, language),
                "address": contact.address,
                "phone": format_phone_for_display(contact.phone),
                "emergency_phone": format_phone_for_display(contact.emergency_phone),
                "email": contact.email,
            }
            for contact in destination.contacts.all()
        ]
        shown = contacts[:CARD_MAX_CONTACTS]
        return {
            "language": language,
            "code": destination.country.code,
            "name": str(destination.country.name),
            "level": int(level),
            "level_label": str(level.label),
            "level_class": style.css_class,
            "police": destination.police_number,
            "ambulance": destination.ambulance_number,
            "fire": destination.fire_number,
            "contacts": shown,
            "more_contacts": len(contacts) - len(shown),
            "is_demo": destination.is_demo,
            "hotline": portal.hotline,
            "hotline_from_abroad": portal.hotline_abroad_display,
        }


def layout_fingerprint():
    """The card's template and stylesheet: a new layout makes every card out of date."""
    digest = hashlib.sha256()
    digest.update(Path(get_template(CARD_TEMPLATE).origin.name).read_bytes())
    stylesheet = finders.find(CARD_STYLESHEET)
    if stylesheet:
        digest.update(Path(stylesheet).read_bytes())
    return digest.hexdigest()


def facts_version(context):
    data = json.dumps(context, sort_keys=True, ensure_ascii=False).encode()
    rendering = (layout_fingerprint() + pdf.fonts_fingerprint()).encode()
    return hashlib.sha256(data + rendering).hexdigest()[:32]


def needs_cjk_font(context):
    """Whether the card prints CJK text: its language's words, or a name or address in Chinese."""
    if context["language"].startswith(("zh", "ja", "ko")):
        return True
    return any(isinstance(value, str) and CJK_TEXT.search(value) for value in _texts(context))


def _texts(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    else:
        yield value


def can_render(context):
    return not needs_cjk_font(context) or pdf.cjk_font_available()


def render_card_html(context):
    with translation.override(context["language"]):
        return render_to_string(CARD_TEMPLATE, {"card": context, "static_base": pdf.STATIC_BASE})


def render_card_pdf(context):
    return pdf.render_pdf(render_card_html(context))


def _with_contacts(destination):
    return Destination.objects.prefetch_related("contacts").get(pk=destination.pk)


def store_card(destination, language, *, force=False):
    """Render and store the card unless the stored one already shows these facts. Returns the card.

    The old file is removed once the new one is committed; two workers racing end with one row.
    Raises CJKFontMissingError, storing nothing, when the card has CJK text and the font is missing.
    """
    context = card_context(destination, language)
    version = facts_version(context)
    card = EmergencyCard.objects.filter(destination=destination, language=language).first()
    if card and card.facts_version == version and not force:
        return card
    if not can_render(context):
        raise CJKFontMissingError(f"{destination.country.code} ({language})")
    pdf = render_card_pdf(context)
    old_name = card.file.name if card else None
    try:
        with transaction.atomic():
            if card is None:
                card = EmergencyCard(destination=destination, language=language)
            card.facts_version = version
            card.size = len(pdf)
            card.file.save(f"{destination.country.code.lower()}-{language}.pdf", ContentFile(pdf), save=False)
            card.save()
    except IntegrityError:
        # Another worker stored this card at the same moment: keep theirs, drop our file.
        if card.file.name:
            card.file.storage.delete(card.file.name)
        return EmergencyCard.objects.get(destination=destination, language=language)
    if old_name and old_name != card.file.name:
        storage = card.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return card


def refresh_cards(destination):
    """Bring the cards of `destination` in every language up to date with its facts: the cards stored.

    A card that cannot be made without the CJK font is left out (and logged); the deploy check says
    which package to install, and the next refresh after that renders it.
    """
    started = timezone.now()
    destination = _with_contacts(destination)
    stored = []
    for language in card_languages():
        try:
            stored.append(store_card(destination, language))
        except CJKFontMissingError:
            logger.warning(
                "Emergency card %s (%s) not rendered: no CJK font.", destination.country.code, language
            )
    if any(card.rendered_at >= started for card in stored):
        pdf.release_pdf_memory()  # once per destination, not per card
    return stored


@task()
def refresh_cards_task(destination_id):
    destination = Destination.objects.filter(pk=destination_id).first()
    if destination is None:  # deleted before the worker came to it
        return 0
    return len(refresh_cards(destination))


def refresh_cards_later(destination):
    """Queue the re-rendering of the destination's cards for the worker (at once in tests)."""
    return refresh_cards_task.using(backend=settings.PORTAL_TASK_BACKEND).enqueue(destination.pk)


def current_card(destination, language):
    """The stored card if it shows the destination's current facts, else render and store it now.

    Also when the stored file has gone missing (media restored from an older backup, say). Raises
    CJKFontMissingError when it cannot be made.
    """
    card = store_card(destination, language)
    if not card.file.storage.exists(card.file.name):
        card = store_card(destination, language, force=True)
    return card


def stored_card(destination, language=None):
    """The stored card in the reader's language (for its size next to the download link), or None."""
    language = card_language(language or translation.get_language())
    return EmergencyCard.objects.filter(destination=destination, language=language).only("size").first()


@dataclass(frozen=True)
class CardOffer:
    """What a page offers when the card in the reader's language cannot be made (no CJK font):
    the card in `language` instead, or none for now (`language` None)."""

    destination_code: str
    language: str | None

    @property
    def url(self):
        return card_url(self.destination_code, self.language) if self.language else ""


def card_url(code, language):
    with translation.override(language):
        return reverse("destinations:emergency_card", kwargs={"code": code.lower()})


def card_offer(destination, language=None):
    """None when the card in the reader's language can be made (the usual case: no work at all);
    else a CardOffer of the English card, or of none when that one needs the CJK font too."""
    language = card_language(language or translation.get_language())
    if language is None or pdf.cjk_font_available():
        return None
    if not needs_cjk_font(card_context(destination, language)):
        return None
    code = destination.country.code
    if language != FALLBACK_LANGUAGE and can_render(card_context(destination, FALLBACK_LANGUAGE)):
        return CardOffer(code, FALLBACK_LANGUAGE)
    return CardOffer(code, None)
