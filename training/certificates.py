"""Certificates: issued with a completion, rendered to PDF by the worker, verified by anyone.

`issue_certificate(completion)` runs inside the transaction that records the completion
(training.completion) and queues the render for when it commits. The PDF is rendered like the
emergency card (destinations/cards.py): a task on the `portal` backend, an autoescaped template with
"Noto Sans CJK SC" named explicitly, WeasyPrint loading only our own static files (the seal comes as a
data: URL, the QR code as inline SVG from home.qr), `release_pdf_memory()` after rendering. One A4 page
in Chinese and English. The file goes into the private storage; a certificate never rendered is
rendered on its owner's first download (`ensure_rendered`).

The QR code and the printed link lead to /verify/<code>/ on PORTAL_BASE_URL (the worker has no
request), which opens the verification page in the visitor's language.
"""

import base64
import logging
import re

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django_tasks import task
from wagtail.models import Site

from home import pdf
from home.codes import CODE_ALPHABET, new_code
from home.links import absolute_url
from home.qr import qr_svg
from home.site_cache import default_site_settings
from home.times import in_beijing

from .models.certificates import CODE_LENGTH, Certificate, TrainingSettings, format_code

CERTIFICATE_TEMPLATE = "training/certificates/certificate.html"
CODE_ATTEMPTS = 5  # two random 80-bit codes clash next to never; draw again anyway
SEAL_RENDITION = "max-400x400|format-png"
NOT_CODE = re.compile(r"[\s\-‐‑‒–—―_.·]+")

logger = logging.getLogger(__name__)


class CJKFontMissingError(Exception):
    """The server has no "Noto Sans CJK SC": a certificate (always partly Chinese) cannot be made."""


# Codes ---------------------------------------------------------------------------------------------


def clean_code(text):
    """A code as stored (16 upper-case characters) from what someone typed or scanned: case, spaces
    and hyphens ignored. "" when it cannot be a code."""
    code = NOT_CODE.sub("", text or "").upper()
    if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
        return ""
    return code


def verify_path(code):
    """The short path printed and encoded in the QR code: /verify/XXXX-XXXX-XXXX-XXXX/."""
    return reverse("certificate_verify_short", args=[format_code(code)])


def verify_url(code):
    return absolute_url(verify_path(code))


# Issuing -------------------------------------------------------------------------------------------


def issue_certificate(completion):
    """The completion's certificate, made now if it has none; its render queued for the commit.

    Call it inside the transaction that records the completion: both are kept, or neither.
    """
    existing = Certificate.objects.filter(completion=completion).first()
    if existing is not None:
        return existing
    user = completion.user
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    completion=completion,
                    code=new_code(CODE_LENGTH),
                    holder_name=user.name,
                    holder_romanised_name=user.romanised_name,
                )
        except IntegrityError:
            existing = Certificate.objects.filter(completion=completion).first()
            if existing is not None:  # made by another request for the same completion
                return existing
            continue  # the code clashed: draw again
        transaction.on_commit(lambda made=certificate: render_certificate_later(made))
        return certificate
    raise IntegrityError("Could not make a unique certificate code.")


# Rendering -----------------------------------------------------------------------------------------


def default_training_settings():
    """The default site's TrainingSettings (the worker has no request), or None without a site."""
    site = Site.objects.filter(is_default_site=True).first()
    return TrainingSettings.for_site(site) if site is not None else None


def seal_data_url(training_settings):
    """The seal as a data: URL (WeasyPrint may fetch nothing else but our static files), or ""."""
    seal = training_settings.seal if training_settings else None
    if seal is None:
        return ""
    try:
        rendition = seal.get_rendition(SEAL_RENDITION)
        with rendition.file.open("rb") as image:
            data = image.read()
    except (OSError, ValueError):
        logger.warning("Certificate seal image %s could not be read.", seal.pk)
        return ""
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def beijing_date(value):
    return in_beijing(value).date() if value else None


def certificate_context(certificate):
    """Everything printed on the certificate, as plain values (the QR code as SVG from our own URL)."""
    completion = certificate.completion
    portal = default_site_settings()
    training_settings = default_training_settings()
    url = verify_url(certificate.code)
    return {
        "name": certificate.holder_name,
        "romanised_name": certificate.holder_romanised_name,
        "course_title": completion.course_title,
        "completed_on": beijing_date(completion.completed_at),
        "valid_until": completion.valid_until,
        "office_zh": portal.office_name_zh if portal else "",
        "office_en": portal.office_name_en if portal else "",
        "signatory_name_zh": training_settings.signatory_name_zh if training_settings else "",
        "signatory_name_en": training_settings.signatory_name_en if training_settings else "",
        "signatory_title_zh": training_settings.signatory_title_zh if training_settings else "",
        "signatory_title_en": training_settings.signatory_title_en if training_settings else "",
        "seal": seal_data_url(training_settings),
        "code": certificate.display_code,
        "url": url,
        "url_label": url.split("://", 1)[-1].rstrip("/"),
        "qr_svg": mark_safe(qr_svg(url)),  # noqa: S308 - made by segno from our own URL
    }


def render_certificate_html(context):
    # Both languages are on the page; the template picks each line's words with {% language %}.
    with translation.override("zh-hans"):
        context = {"certificate": context, "static_base": pdf.STATIC_BASE}
        return render_to_string(CERTIFICATE_TEMPLATE, context)


def certificate_pdf(certificate):
    """The certificate as PDF bytes. Raises CJKFontMissingError when the CJK font is missing."""
    if not pdf.cjk_font_available():
        raise CJKFontMissingError(certificate.display_code)
    return pdf.render_pdf(render_certificate_html(certificate_context(certificate)))


def file_exists(certificate):
    return bool(certificate.file.name) and certificate.file.storage.exists(certificate.file.name)


def render_certificate(certificate_id, *, force=False):
    """Render and store the certificate unless its file is there (`force`: again). Returns it, or None
    when it has gone. The row is locked meanwhile: a download and the worker render it once."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("completion")
            .filter(pk=certificate_id)
            .first()
        )
        if certificate is None:
            return None
        if file_exists(certificate) and not force:
            return certificate
        content = certificate_pdf(certificate)
        old_name = certificate.file.name
        certificate.file.save(f"{certificate.code.lower()}.pdf", ContentFile(content), save=False)
        certificate.size = len(content)
        certificate.rendered_at = timezone.now()
        certificate.save(update_fields=["file", "size", "rendered_at"])
        if old_name and old_name != certificate.file.name:
            storage = certificate.file.storage
            transaction.on_commit(lambda: storage.delete(old_name))
    return certificate


@task()
def render_certificate_task(certificate_id):
    try:
        certificate = render_certificate(certificate_id)
    except CJKFontMissingError:
        logger.warning("Certificate %s not rendered: no CJK font.", certificate_id)
        return False
    finally:
        pdf.release_pdf_memory()
    return certificate is not None


def render_certificate_later(certificate):
    """Queue the certificate's render for the worker (at once in tests)."""
    return render_certificate_task.using(backend=settings.PORTAL_TASK_BACKEND).enqueue(certificate.pk)


def ensure_rendered(certificate):
    """The certificate with its file: rendered now if it never was (or the file has gone missing), as
    emergency cards are. Raises CJKFontMissingError when it cannot be made."""
    if file_exists(certificate):
        return certificate
    try:
        return render_certificate(certificate.pk) or certificate
    finally:
        pdf.release_pdf_memory()


def certificates_for(user):
    """The person's certificates with their completions, newest first (one query): for "My learning".
    Each one's page is `reverse("certificates:mine", args=[pk])`; `file` empty: still being prepared."""
    return list(
        Certificate.objects.filter(completion__user=user)
        .select_related("completion")
        .order_by("-completion__completed_at", "-pk")
    )


def valid_certificates_of(user_ids, course_keys, today):
    """The certificates in force on `today` (a Beijing date: not revoked, completion not expired) that
    the people `user_ids` (ids or a queryset of them) hold for the courses `course_keys`, with their
    completions (one query): for an organisation's bundle of its members' certificates."""
    return (
        Certificate.objects.filter(
            completion__user__in=user_ids,
            completion__course_key__in=list(course_keys),
            revoked_at__isnull=True,
        )
        .filter(Q(completion__valid_until__isnull=True) | Q(completion__valid_until__gte=today))
        .select_related("completion")
        .order_by("holder_name", "completion__course_title", "pk")
    )


@receiver(post_delete, sender=Certificate, dispatch_uid="training_certificate_file_deleted")
def delete_certificate_file(sender, instance, **kwargs):
    """A certificate deleted (its holder's account deleted, say) takes its PDF, which holds their
    name, with it once the deletion commits."""
    if instance.file.name:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))


# Revoking ------------------------------------------------------------------------------------------


def revoke(certificate, *, by, reason):
    """Revoke the certificate (the record stays, with who, when and why). A second call changes nothing."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A reason is needed to revoke a certificate.")
    updated = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by, revoke_reason=reason
    )
    certificate.refresh_from_db()
    return bool(updated)


# Verifying -----------------------------------------------------------------------------------------


def find_certificate(code):
    """The certificate with this (cleaned) code and its completion, in one query, or None."""
    if not code:
        return None
    return Certificate.objects.select_related("completion").filter(code=code).first()


def mask_word(word):
    """张三 → 张*; 张小三 → 张*三; Zhang → Z****."""
    if len(word) <= 1:
        return word
    if all(ord(char) > 0x2E7F for char in word):  # CJK: keep the family name and the last character
        return word[0] + "*" if len(word) == 2 else word[0] + "*" * (len(word) - 2) + word[-1]
    return word[0] + "*" * (len(word) - 1)


def mask_name(name):
    """The holder's name partly masked (holders may be minors): each word's first letter kept."""
    return " ".join(mask_word(word) for word in (name or "").split())
