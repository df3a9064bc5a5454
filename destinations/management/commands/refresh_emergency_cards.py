from django.core.management.base import BaseCommand

from destinations.cards import card_languages, refresh_cards
from destinations.models import Destination
from home import pdf


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
        rendered = not_made = 0
        for place in places:
            before = {card.language: card.facts_version for card in place.cards.all()}
            after = {card.language: card.facts_version for card in refresh_cards(place)}
            rendered += sum(1 for language, version in after.items() if before.get(language) != version)
            not_made += len(card_languages()) - len(after)
        self.stdout.write(f"Rendered {rendered} emergency cards.")
        if not_made:
            self.stderr.write(
                f"{not_made} emergency cards were not made: they need the font {pdf.CJK_FONT_FAMILY!r} "
                f"(sudo apt-get install {pdf.CJK_FONT_PACKAGE}), then run this command again."
            )
