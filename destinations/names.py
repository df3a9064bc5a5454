"""Ordering names the way readers expect: Chinese by pinyin, other languages by their letters."""

import unicodedata

from django.core.cache import cache


def pinyin_keys(names):
    """Pinyin of each Chinese name ("法国" -> "faguo"), cached: pypinyin's phrase dictionary is large,
    so a process loads it only when a name is not in the shared cache yet."""
    known = cache.get("destinations:pinyin") or {}
    missing = [name for name in names if name not in known]
    if missing:
        from pypinyin import lazy_pinyin  # loads the phrase dictionary: only when a name is missing

        known = known | {name: "".join(lazy_pinyin(name)).lower() for name in missing}
        cache.set("destinations:pinyin", known, None)
    return {name: known[name] for name in names}


def latin_key(name):
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def sorted_by_name(items, name_of, language_code):
    """Items in the order readers of the language expect their names: by pinyin in Chinese."""
    names = [name_of(item) for item in items]
    if language_code.startswith("zh"):
        pinyin = pinyin_keys(sorted(set(names)))
        return sorted(items, key=lambda item: (pinyin[name_of(item)], name_of(item)))
    return sorted(items, key=lambda item: (latin_key(name_of(item)), name_of(item)))
