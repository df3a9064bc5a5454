"""`{% email_names %}`: the portal's address and names in an email rendered by someone else's code.

Our own emails get them from `outbox.render_email`; allauth's through the account adapter. Wagtail's
moderation notifications are rendered by Wagtail with its own context: the layout and the
notification templates call this tag, which fills in what the context lacks, in the active language.
"""

from django import template
from django.utils import translation

from ..rendering import email_context

register = template.Library()


@register.simple_tag(takes_context=True)
def email_names(context):
    language = translation.get_language() or "zh-hans"
    for key, value in email_context({}, language).items():
        if not context.get(key):
            context[key] = value
    return ""
