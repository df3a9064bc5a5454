"""The emergency card's download link: what to offer when the card in the reader's language cannot be made."""

from django import template

from ..cards import card_offer

register = template.Library()


@register.simple_tag
def emergency_card_offer(destination):
    """None when the card in the reader's language can be made (no query); else a CardOffer."""
    return card_offer(destination)
