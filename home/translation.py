"""A translated page points at its own language's topics and pages.

``copy_for_translation`` copies relations as they are, so a new English page would still point at
the Chinese topics, related pages and featured pages. This maps each to its translation in the new
page's language (dropping what has none yet), before the editor first sees the copy.

A translation's slug comes from its translated title: wagtail-localize keeps the source page's slug
(a pinyin or numeric one) unless the translator translates the slug too. When the translator saves
the title, a page in that language that has never been published gets the title's slug (free among
its siblings) as the slug's translation, unless the translator wrote one. Once the page has been
published its slug never changes this way (printed QR codes point at it).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

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


# Marks the slug translations made from a title here (the translator's own have no tool name).
SLUG_FROM_TITLE = "slug from title"
# Short enough for a link in WeChat or a QR code; cut at a word boundary.
SLUG_MAX_LENGTH = 60


def slug_of(title):
    slug = slugify(title)
    if len(slug) > SLUG_MAX_LENGTH:
        cut = slug[: SLUG_MAX_LENGTH + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[:SLUG_MAX_LENGTH]
    return slug.strip("-")


def slug_from_title(title_translation):
    """Give the slug segment the translated title's slug, for a translation never published yet."""
    context = title_translation.context
    locale_id = title_translation.locale_id
    page = Page.objects.filter(translation_key=context.object_id, locale_id=locale_id).first()
    if page is None or page.live or page.first_published_at is not None:
        return
    segment = (
        StringSegment.objects.filter(context__object_id=context.object_id, context__path="slug")
        .select_related("string", "context")
        .order_by("-pk")
        .first()
    )
    if segment is None:
        return
    existing = StringTranslation.objects.filter(
        translation_of=segment.string, locale_id=title_translation.locale_id, context=segment.context
    ).first()
    if existing is not None and existing.tool_name != SLUG_FROM_TITLE:
        return  # the translator chose the slug
    base = slug_of(StringValue(title_translation.data).render_text())
    if not base:
        return
    slug = find_available_slug(page.get_parent(), base, ignore_page_id=page.pk)
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale_id=title_translation.locale_id,
        context=segment.context,
        defaults={
            "data": StringValue.from_plaintext(slug).data,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": SLUG_FROM_TITLE,
            "last_translated_by": title_translation.last_translated_by,
            "has_error": False,
            "field_error": "",
        },
    )


@receiver(post_save, sender=StringTranslation)
def slug_follows_translated_title(sender, instance, raw=False, **kwargs):
    if not raw and instance.context_id is not None and instance.context.path == "title":
        slug_from_title(instance)
