"""Ordering and finding names the way readers expect: Chinese by pinyin, other languages by their
letters; a destination is found by typing its Chinese or English name, its pinyin or its ISO code.

The same rule runs in the browser (static/js/destination-match.js): text to match is lower-cased
names joined by spaces, and a query matches when it occurs in it.
"""

import unicodedata

from django.core.cache import cache
from django.utils import translation


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


def names_in_every_language(country):
    """The Chinese and the English name of a django-countries Country."""
    names = []
    for code in ("zh-hans", "en"):
        with translation.override(code):
            names.append(str(country.name))
    return names


def match_text(*names):
    """What a reader's typing is matched against: every name once, lower-cased, in one string."""
    unique = dict.fromkeys(name.strip().casefold() for name in names if name and name.strip())
    return " ".join(unique)


def normalise_query(query):
    return (query or "").strip().casefold()


def matches(query, text):
    """Whether a (normalised) query finds a match text; an empty query finds everything."""
    return query in text


def destination_match_texts(rows):
    """The match text of each row of names (Chinese name first, then the English name, the ISO code,
    a page title...), with the Chinese name's pinyin: "泰国 thailand th taiguo"."""
    pinyin = pinyin_keys(sorted({row[0] for row in rows}))
    return [match_text(*row, pinyin[row[0]]) for row in rows]
