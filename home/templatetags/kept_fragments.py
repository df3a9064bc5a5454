"""Rendered fragments kept per site version: `{% kept "name" part ... %}…{% endkept %}`.

A fragment that shows every visitor the same thing (the header's menu, the footer, a content page's
body, a listing's cards) is rendered once and kept under the site version of home/site_cache.py,
which every editorial change bumps, so an edit shows on the next request. The key is the name, the
request's site, the active language and the parts given: pass every other thing the fragment varies
on (the path, the page, a page number).

Never personal: inside the fragment `user`, `perms`, `messages` and `csrf_token` are hidden (a kept
fragment shows nobody as signed in, holds no message and no form token), whether it is kept or not,
so it renders alike for everyone. Keep what differs per visitor outside, or end the tag with
`anonymous_only`: a signed-in person then gets the fragment rendered fresh, as their own (the header,
with their name), and only what anonymous visitors see is kept.
Never stale: nothing that changes with the clock belongs in one (an alert in force, an event still
to come), and a preview renders its own draft, never a kept fragment.

A view whose paths or queries anyone can make up (the 404 page, search) sets `fresh_fragments` in
its context: its fragments that vary on more than the site and language (the header, on the path)
are rendered, never kept, so made-up addresses cannot fill the cache; the footer still is.
"""

import hashlib

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

from ..site_cache import cached_for_request

register = template.Library()

# Hidden inside a kept fragment: who is signed in, what they may do, their messages, their form token.
PERSONAL = ("user", "perms", "messages", "csrf_token")


class KeptNode(template.Node):
    def __init__(self, nodelist, name, parts, anonymous_only):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts
        self.anonymous_only = anonymous_only

    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        if self.anonymous_only and user is not None and user.is_authenticated:
            return self.nodelist.render(context)
        with context.push(dict.fromkeys(PERSONAL, "")):
            if self.parts and context.get("fresh_fragments"):
                return self.nodelist.render(context)
            parts = "\n".join(str(part.resolve(context)) for part in self.parts)
            return mark_safe(  # noqa: S308 (the nodelist's own output, escaped as it rendered)
                cached_for_request(
                    "fragment:" + self.name.resolve(context),
                    request,
                    lambda: self.nodelist.render(context),
                    translation.get_language() or "-",
                    hashlib.sha256(parts.encode()).hexdigest()[:32],
                )
            )


@register.tag
def kept(parser, token):
    """`{% kept "name" part ... %}…{% endkept %}`: see the module's docstring."""
    bits = token.split_contents()
    anonymous_only = bits[-1] == "anonymous_only"
    if anonymous_only:
        bits.pop()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'kept' takes a name and the parts the fragment varies on")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    parts = [parser.compile_filter(bit) for bit in bits[2:]]
    return KeptNode(nodelist, parser.compile_filter(bits[1]), parts, anonymous_only)
