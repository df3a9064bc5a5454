from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UnansweredSearch(models.Model):
    """A search that found nothing, counted, so editors see what people look for and do not find."""

    query_string = models.CharField(_("search"), max_length=100)
    language = models.CharField(_("language"), max_length=10)
    count = models.PositiveIntegerField(_("times searched"), default=1)
    last_searched_at = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")
        ordering = ["-count", "-last_searched_at"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "language"], name="home_unanswered_search_unique"
            ),
        ]

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string, language):
        """Count one more search for this text in this language (safe when two come at once)."""
        query_string = " ".join(query_string.lower().split())[:100]
        found = cls.objects.filter(query_string=query_string, language=language)
        if found.update(count=F("count") + 1, last_searched_at=timezone.now()):
            return
        try:
            with transaction.atomic():
                cls.objects.create(query_string=query_string, language=language)
        except IntegrityError:
            found.update(count=F("count") + 1, last_searched_at=timezone.now())
