from django.core.management.base import BaseCommand

from destinations.cards import refresh_cards
from destinations.models import Destination


class Command(BaseCommand):
    help = (
        "Render the emergency card PDFs of every destination (or of the ISO codes given) whose stored "
        "cards no longer show their facts or layout. Safe to run twice: up-to-date cards are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("codes", nargs="*", help="ISO 3166 codes, e.g. FR JP; all destinations if none.")

    def handle(self, *args, codes=(), **options):
        places = Destination.objects.prefetch_related("contacts").order_by("pk")
        if codes:
            places = places.filter(country__in=[code.upper() for code in codes])
        rendered = 0
        for place in places:
            before = {card.language: card.facts_version for card in place.cards.all()}
            after = {card.language: card.facts_version for card in refresh_cards(place)}
            rendered += sum(1 for language, version in after.items() if before.get(language) != version)
        self.stdout.write(f"Rendered {rendered} emergency cards.")
