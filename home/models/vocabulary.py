from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Audience(models.Model):
    """Who a piece of content or an event is for. A fixed set; labels are translated by gettext."""

    class Kind(models.TextChoices):
        COMMUNITY = "community", _("Community residents")
        EMPLOYEES = "employees", _("Company employees")
        STUDENTS = "students", _("Students")
        TRAVELLERS = "travellers", _("Travellers")

    slug = models.SlugField(_("audience"), max_length=32, unique=True, choices=Kind.choices)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return str(self.Kind(self.slug).label)


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject content is filed under (fraud and scams, mental health...). Translated per locale."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="home_topic_unique_slug_per_locale"),
        ]

    def __str__(self):
        return self.name
