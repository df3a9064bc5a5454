from django import template

from ..adapter import privacy_notice_page

register = template.Library()


@register.simple_tag(takes_context=True)
def privacy_notice_url(context):
    """The privacy notice in the language being read, or its source language when untranslated."""
    request = context["request"]
    page = privacy_notice_page(request)
    if page is None:
        return ""
    return page.localized.get_url(request)
