"""The organisations room's records: an organisation and its people, what it uploads, what it assigns,
the certificate bundles its managers ask for, and the service requests it makes to the office.

Memberships, imports and assignments refer to training and quizzes by translation key (as training's
records do), so content edits never change them; nothing here cascades into a person's own records
(DESIGN.md rule 1): ending a membership sets an end date.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.private_storage import private_storage
from home.validators import validate_e164_phone

from .credit_code import validate_credit_code


class Organization(models.Model):
    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        SCHOOL = "school", _("School")
        COMMUNITY = "community", _("Community")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    # Companies only (GB 32100); stored normalised (capitals, no spaces).
    credit_code = models.CharField(
        _("unified social credit code"), max_length=18, blank=True, validators=[validate_credit_code]
    )
    contact_name = models.CharField(_("contact name"), max_length=100)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=20, validators=[validate_e164_phone])
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organization_applications",
        verbose_name=_("applicant"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    applied_at = models.DateTimeField(_("applied"), default=timezone.now)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]
        permissions = [
            ("approve_organization", _("Can approve or reject organisations")),
            ("view_all", _("Can open any organisation's dashboard")),
        ]
        constraints = [
            # One live application or organisation per credit code (a rejected one may apply again).
            models.UniqueConstraint(
                fields=["credit_code"],
                condition=~Q(credit_code="") & ~Q(status="rejected"),
                name="organizations_one_per_credit_code",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED


class JoinLink(models.Model):
    """A link and a short code that let a signed-in person join the organisation (or one of its
    groups). Managers rotate them (new token and code) or switch them off."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="join_links")
    group_label = models.CharField(_("group"), max_length=100, blank=True)
    token = models.CharField(max_length=64, unique=True)
    code = models.CharField(_("join code"), max_length=12, unique=True)
    enabled = models.BooleanField(_("on"), default=True)
    rotated_at = models.DateTimeField(_("made"), default=timezone.now)

    class Meta:
        verbose_name = _("join link")
        verbose_name_plural = _("join links")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "group_label"], name="organizations_one_link_per_group"
            ),
        ]

    def __str__(self):
        return f"{self.organization_id} / {self.group_label or '*'}"


class MembershipQuerySet(models.QuerySet):
    def current(self):
        """People who are in the organisation now: joined (consent recorded where needed), not ended."""
        return self.filter(user__isnull=False, joined_at__isnull=False, ended_at__isnull=True)

    def managers(self):
        return self.current().filter(role=Membership.Role.MANAGER)


class Membership(models.Model):
    """A person in an organisation. Before they have an account it is an invitation (email and name,
    no user); a school member under 14 joins only once a guardian's consent is recorded; a member who
    leaves or is removed gets an end date, and their records stay."""

    class Role(models.TextChoices):
        MANAGER = "manager", _("Manager")
        MEMBER = "member", _("Member")

    class Source(models.TextChoices):
        APPLICATION = "application", _("Applied for the organisation")
        JOIN_LINK = "join-link", _("Join link or code")
        IMPORT = "import", _("Uploaded list")
        MANAGER = "manager", _("Added by a manager")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    # An invitation's address and name (kept after sign-up, for the record of who was invited).
    email = models.EmailField(_("email"), blank=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    invite_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    group_label = models.CharField(_("group"), max_length=100, blank=True)
    member_number = models.CharField(_("staff or student number"), max_length=50, blank=True)
    source = models.CharField(_("joined through"), max_length=20, choices=Source.choices)
    # Under 14 is recorded, never guessed: a birth year, or the flag a manager or an import sets.
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    under_14 = models.BooleanField(_("under 14"), default=False)
    guardian_name = models.CharField(_("guardian who consented"), max_length=100, blank=True)
    guardian_consent_at = models.DateTimeField(_("guardian consented"), null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consent recorded by"),
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)
    ended_at = models.DateTimeField(_("left"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("removed by"),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["group_label", "name", "id"]
        indexes = [models.Index(fields=["organization", "group_label"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"],
                condition=Q(user__isnull=False, ended_at__isnull=True),
                name="organizations_one_live_membership",
            ),
            models.UniqueConstraint(
                fields=["organization", "email"],
                condition=Q(user__isnull=True, ended_at__isnull=True),
                name="organizations_one_open_invitation",
            ),
        ]

    def __str__(self):
        return f"{self.organization_id} / {self.user_id or self.email}"

    @property
    def is_current(self):
        return self.user_id is not None and self.joined_at is not None and self.ended_at is None


class MemberImport(models.Model):
    """One uploaded member list: its preview (an outcome for every row) and, once confirmed, what was
    applied. Rows are kept as JSON: [{"row": 2, "name": ..., "email": ..., "group": ..., "number": ...,
    "under_14": bool, "outcome": ..., "message": ...}]."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Awaiting confirmation")
        APPLIED = "applied", _("Applied")
        DISCARDED = "discarded", _("Discarded")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="imports")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    file_name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(_("file"), storage=private_storage, upload_to="member-imports/", blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREVIEW)
    rows = models.JSONField(_("rows"), default=list)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)

    class Meta:
        verbose_name = _("member import")
        verbose_name_plural = _("member imports")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self):
        return self.file_name


class Assignment(models.Model):
    """Training the organisation (or one of its groups) must complete by a Beijing calendar date: a
    course (by its translation key) or a quiz (by its quiz key)."""

    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        QUIZ = "quiz", _("Quiz")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="assignments")
    # Empty: everyone in the organisation.
    group_label = models.CharField(_("group"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    course_key = models.UUIDField(_("course"), null=True, blank=True)
    quiz_key = models.UUIDField(_("quiz"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=255)
    due_on = models.DateField(_("due"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    # The Beijing day a manager last reminded everyone not yet complete (at most once a day).
    reminded_on = models.DateField(_("last reminded"), null=True, blank=True)
    ended_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="course", course_key__isnull=False, quiz_key__isnull=True))
                | Q(kind="quiz", quiz_key__isnull=False, course_key__isnull=True),
                name="organizations_assignment_course_or_quiz",
            ),
        ]

    def __str__(self):
        return self.title


class CertificateBundle(models.Model):
    """A ZIP of the current members' certificates that one manager asked for: prepared by a task in
    private storage, downloaded only by that manager, deleted after seven days."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be prepared")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="certificate_bundles"
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREPARING)
    file = models.FileField(_("file"), storage=private_storage, upload_to="certificate-bundles/", blank=True)
    certificate_count = models.PositiveIntegerField(_("certificates"), default=0)

    class Meta:
        verbose_name = _("certificate bundle")
        verbose_name_plural = _("certificate bundles")
        ordering = ["-requested_at", "-id"]

    def __str__(self):
        return f"{self.organization_id} / {self.requested_at:%Y-%m-%d}"


class ServiceRequest(models.Model):
    """An organisation asks the office for an on-site briefing, a lecture or an exhibition (服务包)."""

    class Kind(models.TextChoices):
        BRIEFING = "briefing", _("On-site briefing")
        LECTURE = "lecture", _("Lecture")
        EXHIBITION = "exhibition", _("Exhibition")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        SCHEDULED = "scheduled", _("Scheduled")
        DONE = "done", _("Done")
        DECLINED = "declined", _("Declined")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="service_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    preferred_dates = models.CharField(_("preferred dates"), max_length=200)
    audience_size = models.PositiveIntegerField(_("audience size"))
    topics = models.ManyToManyField("home.Topic", blank=True, related_name="+", verbose_name=_("topics"))
    notes = models.TextField(_("notes"), blank=True, max_length=2000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned officer"),
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)
    event_page = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("event"),
    )
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        ordering = ["-created_at", "-id"]
        permissions = [("handle_service_request", _("Can handle organisations' service requests"))]

    def __str__(self):
        return f"{self.organization} / {self.get_kind_display()}"
