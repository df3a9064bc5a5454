"""What every public form and token link shares: rate limits and the headers of a private page.

Rate limits (DESIGN.md) key on the client address *and* the email, never the address alone: a campus
or an exhibition hall shares one address. Counters live in the cache (shared by every host when
REDIS_URL is set).

`client_address` is the one way the project reads a client's address.
"""

import hashlib
from dataclasses import dataclass
from functools import wraps

from django.core.cache import cache
from django.views.decorators.cache import never_cache

from accounts.lockout import client_address

__all__ = ["RateLimits", "client_address", "private_page", "within_rate_limit"]


@dataclass(frozen=True)
class RateLimits:
    """(count, seconds) for one form: per address and email, per email, per address."""

    scope: str
    address_and_email: tuple
    email: tuple
    address: tuple


def _counter_key(scope, kind, *parts):
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return f"rate:{scope}:{kind}:{digest}"


def _count_against(key, limit, seconds):
    """Count one more attempt under `key`; True while the count stays within `limit`."""
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count <= limit


def within_rate_limit(limits, client_address, email):
    """Count this attempt against every limit; False when it may not go ahead now."""
    email = (email or "").strip().lower()
    client_address = client_address or "unknown"
    checks = [
        (_counter_key(limits.scope, "address-email", client_address, email), *limits.address_and_email),
        (_counter_key(limits.scope, "email", email), *limits.email),
        (_counter_key(limits.scope, "address", client_address), *limits.address),
    ]
    # Every counter counts the attempt, so trying other addresses or emails does not reset one.
    within = [_count_against(key, limit, seconds) for key, limit, seconds in checks]
    return all(within)


def private_page(view):
    """For pages reached by a personal token: never cached, not indexed, no Referer to other sites.

    "same-origin", not "no-referrer": with no referrer at all, Chromium posts the page's own forms
    with `Origin: null`, which Django's CSRF check refuses.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex"
        return response

    return never_cache(wrapper)
