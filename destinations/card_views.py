"""Serving the emergency card: the stored PDF, rendered here only when none shows the current facts."""

from django.http import FileResponse, Http404
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from .cards import card_language, current_card
from .models import Destination

CARD_MAX_AGE = 300  # seconds: a changed number reaches readers within minutes


@require_safe
def emergency_card(request, code):
    """The emergency card of the destination with ISO code `code`, in the reader's language."""
    language = card_language(get_language())
    if len(code) != 2 or not code.isalpha() or language is None:
        raise Http404
    destination = Destination.objects.prefetch_related("contacts").filter(country=code.upper()).first()
    if destination is None:
        raise Http404
    card = current_card(destination, language)
    response = FileResponse(
        card.file.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"emergency-card-{destination.country.code.lower()}-{language}.pdf",
    )
    response["Cache-Control"] = f"public, max-age={CARD_MAX_AGE}"
    response["ETag"] = f'"{card.facts_version}"'
    return response
