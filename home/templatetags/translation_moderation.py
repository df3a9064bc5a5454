"""The translation editor's "Submit for moderation" panel.

Used by templates/wagtail_localize/admin/edit_translation.html.
"""

from django import template

from ..translation_workflow import SUBMIT_ACTION, moderation_status

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_moderation(context, page):
    return {**moderation_status(page, context["request"].user), "action": SUBMIT_ACTION}
