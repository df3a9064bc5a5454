"""The reader's language: which of two texts, or which language copy of a page, a reader gets.

Facts edited apart from prose keep their texts in both languages side by side (`office_name_zh`,
`office_name_en`); pages are copies in each language that share a translation key. A reader gets their
own language where it exists, else the source language (DESIGN.md, "One thing in many languages").
"""

from collections import defaultdict

from django.conf import settings
from django.utils.translation import get_language, get_language_from_request


def reader_language(language=None):
    return (language or get_language() or settings.LANGUAGE_CODE).lower()


def in_reader_language(chinese, english, language=None):
    """The Chinese or English text for the reader, falling back to the other when one is empty."""
    first, second = (english, chinese) if reader_language(language).startswith("en") else (chinese, english)
    return first or second


def live_copies(page_model, translation_key):
    """Every live copy of the page with this translation key, with its locale (one query)."""
    return list(page_model.objects.live().filter(translation_key=translation_key).select_related("locale"))


def copy_for_reader(copies, language=None):
    """Of a page's `copies` (see `live_copies`), the one in the reader's language; else the one in the
    site's default language; else the source (the first made). None without copies."""
    by_language = {copy.locale.language_code: copy for copy in copies}
    for code in (reader_language(language), settings.LANGUAGE_CODE):
        if code in by_language:
            return by_language[code]
    return min(copies, key=lambda copy: copy.pk) if copies else None


def reader_copies(page_model, translation_keys, fields=(), language=None):
    """{translation key: `copy_for_reader` of its live copies} for many pages at once (one query);
    `fields` limits what is loaded. A key without a live copy is left out."""
    keys = set(translation_keys)
    if not keys:
        return {}
    pages = page_model.objects.live().filter(translation_key__in=keys).select_related("locale")
    if fields:
        pages = pages.only(*fields, "translation_key", "locale")
    copies = defaultdict(list)
    for page in pages:
        copies[page.translation_key].append(page)
    return {key: copy_for_reader(found, language) for key, found in copies.items()}


def visitor_language(request):
    """The language of a visitor on an address without a language prefix (a printed short link):
    their language cookie, then Accept-Language, else the site's default."""
    language = get_language_from_request(request, check_path=False)
    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE
