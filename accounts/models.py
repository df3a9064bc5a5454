from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .validators import validate_romanised_name


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        """Emails are kept in lower case: allauth looks them up that way, and they are unique that way."""
        return (email or "").strip().lower()

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account: signs in with their email address."""

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    name = models.CharField(pgettext_lazy("of a person", "name"), max_length=150)
    # Printed on certificates beside `name` (which may be in Chinese characters), for readers abroad.
    romanised_name = models.CharField(
        _("name in Latin letters"),
        max_length=150,
        blank=True,
        validators=[validate_romanised_name],
        help_text=_(
            "Optional. Your name in Latin letters, for example “Zhang San”. Certificates print it "
            "beside your name as you wrote it above, for readers abroad."
        ),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    privacy_notice_revision = models.PositiveIntegerField(
        _("privacy notice version accepted"),
        null=True,
        blank=True,
        help_text=_("The revision of the privacy notice page the person agreed to."),
    )
    privacy_notice_accepted_at = models.DateTimeField(_("privacy notice accepted at"), null=True, blank=True)
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Can sign in to the administration site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.name or self.email

    def clean(self):
        super().clean()
        self.email = UserManager.normalize_email(self.email)

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name

    def record_privacy_consent(self, revision_id):
        self.privacy_notice_revision = revision_id
        self.privacy_notice_accepted_at = timezone.now()


@register_setting(icon="lock")
class AccountSettings(BaseSiteSetting):
    """Which page is the privacy notice people agree to when they sign up."""

    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice page"),
        help_text=_(
            "People agree to the live version of this page when they sign up; "
            "the version is recorded with their account."
        ),
    )

    class Meta:
        verbose_name = _("account settings")
