"""What every room's factories share: a page factory that publishes, and a page's translation.

A room's page factory derives from ``PublishedPageFactory`` and is called with ``parent=``:
``EventPageFactory(parent=index, capacity=3)`` adds the page under ``parent`` and publishes a revision,
so it is live, has a live revision and has sent ``page_published`` (what the rooms' receivers listen to).
``translate(page)`` then makes its live copy in another language.
"""

import wagtail_factories
from wagtail.models import Locale


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under ``parent`` and published through a revision, as an editor's "Publish" does."""

    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        if parent is None:
            raise TypeError(f"{cls.__name__} needs parent=, the page to add it under")
        page = super()._create_instance(model_class, parent, kwargs)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


def publish(parent, page):
    """Adds a page built by hand (of a type without a factory) under `parent` and publishes it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, language_code="en", publish_it=True, **fields):
    """The page's copy in another language (its parents are copied too if they have none yet), with
    `fields` changed; live unless `publish_it` is false."""
    locale = Locale.objects.get(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    if publish_it:
        copy.save_revision().publish()
        copy.refresh_from_db()
    return copy
