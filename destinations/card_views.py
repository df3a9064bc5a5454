"""Serving the emergency card: the stored PDF, rendered here only when none shows the current facts."""

from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from .cards import CJKFontMissingError, card_language, card_offer, current_card
from .models import Destination

CARD_MAX_AGE = 300  # seconds: a changed number reaches readers within minutes
RETRY_AFTER = 3600  # seconds: the CJK font is a package for the server's administrator to install


@require_safe
def emergency_card(request, code):
    """The emergency card of the destination with ISO code `code`, in the reader's language.

    When it cannot be made (Chinese text and no CJK font on the server), a page in the reader's
    language says so and offers the English card: never a card with the Chinese left out.
    """
    language = card_language(get_language())
    if len(code) != 2 or not code.isalpha() or language is None:
        raise Http404
    destination = Destination.objects.prefetch_related("contacts").filter(country=code.upper()).first()
    if destination is None:
        raise Http404
    try:
        card = current_card(destination, language)
    except CJKFontMissingError:
        context = {"destination": destination, "offer": card_offer(destination, language)}
        response = TemplateResponse(request, "destinations/card/unavailable.html", context, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
    response = FileResponse(
        card.file.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"emergency-card-{destination.country.code.lower()}-{language}.pdf",
    )
    response["Cache-Control"] = f"public, max-age={CARD_MAX_AGE}"
    response["ETag"] = f'"{card.facts_version}"'
    return response
