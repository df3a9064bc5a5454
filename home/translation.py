"""A translated page points at its own language's topics and pages.

``copy_for_translation`` copies relations as they are, so a new English page would still point at
the Chinese topics, related pages and featured pages. This maps each to its translation in the new
page's language (dropping what has none yet), before the editor first sees the copy.
"""

from django.core.exceptions import FieldDoesNotExist
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done

from .models import ContentPage, HomePage, Topic


def translations_in(locale_id, pages):
    """Each page's translation in that language, by the source page's id."""
    keys = {page.translation_key: page.pk for page in pages}
    found = Page.objects.filter(locale_id=locale_id, translation_key__in=keys)
    return {keys[page.translation_key]: page for page in found}


def files_under_topics(page):
    """Whether the page's type has topics (content, and pages of other rooms such as events)."""
    try:
        field = page._meta.get_field("topics")
    except FieldDoesNotExist:
        return False
    return field.many_to_many and field.related_model is Topic


def localise_relations(page):
    changed = False
    if files_under_topics(page):
        keys = [topic.translation_key for topic in page.topics.all()]
        page.topics.set(Topic.objects.filter(locale_id=page.locale_id, translation_key__in=keys))
        changed = True
    if isinstance(page, ContentPage):
        links = list(page.related_links.all())
        mapped = translations_in(page.locale_id, [link.page for link in links if link.page is not None])
        page.related_links = [link for link in links if link.page_id in mapped]
        for link in page.related_links.all():
            link.page = mapped[link.page_id]
        changed = True
    if isinstance(page, HomePage):
        features = list(page.featured.all())
        mapped = translations_in(page.locale_id, [feature.page for feature in features])
        page.featured = [feature for feature in features if feature.page_id in mapped]
        for feature in page.featured.all():
            feature.page = mapped[feature.page_id].specific
        changed = True
    return changed


@receiver(copy_for_translation_done)
def localise_copied_relations(sender, source_obj, target_obj, **kwargs):
    page = target_obj.specific if isinstance(target_obj, Page) else None
    if page is not None and localise_relations(page):
        page.save()
        page.save_revision(log_action=False)
