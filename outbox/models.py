from django.db import models
from django.utils.translation import gettext_lazy as _


class Message(models.Model):
    """One email: stored before it is sent, so nothing is lost when the mail server is down."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        # Gave up after OUTBOX_MAX_TRIES attempts; `send_outbox --include-failed` tries again.
        FAILED = "failed", _("Failed")
        # Withdrawn before it was sent (e.g. staff stopped an alert): never sent.
        CANCELLED = "cancelled", _("Cancelled")

    recipient = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=10, default="zh-hans")
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("plain text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    # Extra headers of this one email, e.g. List-Unsubscribe with the recipient's own link.
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # Files sent with the email (a calendar entry, a QR code): a list of
    # {"filename", "mimetype", "content_base64"}, stored so a retry sends the same files.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    # An email written when it is sent (outbox/composing.py): the name of its composer and what it is
    # given; the composer is cleared once the words and files above are written.
    composer = models.CharField(_("composer"), max_length=100, blank=True, default="")
    composer_arguments = models.JSONField(_("composer's arguments"), default=dict, blank=True)
    dedupe_key = models.CharField(
        _("de-duplication key"),
        max_length=255,
        null=True,
        blank=True,
        help_text=_("A message whose key already exists is not created again."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    tries = models.PositiveIntegerField(_("tries"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_tried_at = models.DateTimeField(_("last tried at"), null=True, blank=True)
    # After a failed try: not tried again before this time (outbox.delivery.retry_delay); the worker
    # has a task waiting for it, and `send_outbox` skips the message until then.
    next_try_at = models.DateTimeField(_("next try at"), null=True, blank=True)
    # Set while one process is delivering the message, so that the task and `send_outbox` never
    # send it twice; a claim that outlives this time (a crashed worker) may be taken over.
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("email message")
        verbose_name_plural = _("email messages")
        ordering = ["-created_at", "-pk"]
        # Read-only in the admin: messages are only ever created by code.
        default_permissions = ("view",)
        indexes = [models.Index(fields=["status", "created_at"], name="outbox_msg_status_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["dedupe_key"],
                condition=models.Q(dedupe_key__isnull=False),
                name="outbox_message_dedupe_key_unique",
            ),
        ]

    def __str__(self):
        return f"{self.subject or self.composer} → {self.recipient}"

    def subject_as_listed(self):
        """The subject, or that the worker writes it when it sends the email (outbox/composing.py)."""
        return self.subject or _("(written when sent)")

    subject_as_listed.short_description = _("subject")
