"""A ZIP of the current members' certificates for a manager who asks (the one exception to "only the
owner downloads a certificate", for the courses the organisation assigned).

The manager's request makes a `CertificateBundle` row; a task on `settings.PORTAL_TASK_BACKEND`
writes the ZIP into the private storage (certificates never rendered are rendered first). Only the
manager who asked downloads it; `purge_old_bundles` (run by `send_assignment_reminders`) deletes bundles
older than seven days, file and row.
"""

import datetime
import logging
import re
import tempfile
import zipfile

from django.conf import settings
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from home import pdf
from training.certificates import CJKFontMissingError, ensure_rendered, valid_certificates_of
from training.completion import beijing_today

from .models import Assignment, CertificateBundle, Membership

KEEP_DAYS = 7
NOT_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')

logger = logging.getLogger(__name__)


def _file_part(text):
    return NOT_IN_FILE_NAME.sub("_", text or "").strip(" .")[:60] or "_"


def bundle_certificates(organization, today=None):
    """The certificates in force of the organisation's current members for the courses it assigned."""
    course_keys = set(
        Assignment.objects.filter(
            organization=organization, kind=Assignment.Kind.COURSE, ended_at__isnull=True
        )
        .values_list("course_key", flat=True)
        .distinct()
    )
    members = Membership.objects.current().filter(organization=organization).values("user_id")
    return valid_certificates_of(members, course_keys, today or beijing_today())


def request_bundle(organization, user):
    """The manager's bundle being prepared (one at a time per manager and organisation), queued now."""
    with transaction.atomic():
        bundle = CertificateBundle.objects.filter(
            organization=organization, requested_by=user, status=CertificateBundle.Status.PREPARING
        ).first()
        if bundle is not None:
            return bundle, False
        bundle = CertificateBundle.objects.create(organization=organization, requested_by=user)
        transaction.on_commit(
            lambda: prepare_bundle_task.using(backend=settings.PORTAL_TASK_BACKEND).enqueue(bundle.pk)
        )
    return bundle, True


def write_zip(bundle, target):
    """Write the bundle's certificates into the open file `target`; returns how many went in."""
    count = 0
    names = set()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        for certificate in bundle_certificates(bundle.organization).iterator(chunk_size=200):
            try:
                certificate = ensure_rendered(certificate)
            except CJKFontMissingError:
                continue
            if not certificate.file.name:
                continue
            holder, course = (
                _file_part(certificate.holder_name),
                _file_part(certificate.completion.course_title),
            )
            name = f"{holder}-{course}-{certificate.display_code}.pdf"
            if name in names:
                continue
            names.add(name)
            with certificate.file.open("rb") as source:
                archive.writestr(name, source.read())
            count += 1
    return count


def prepare_bundle(bundle_id):
    bundle = CertificateBundle.objects.select_related("organization").filter(pk=bundle_id).first()
    if bundle is None or bundle.status != CertificateBundle.Status.PREPARING:
        return bundle
    try:
        with tempfile.TemporaryFile() as target:
            count = write_zip(bundle, target)
            target.seek(0)
            stamp = timezone.localtime(bundle.requested_at).strftime("%Y%m%d-%H%M")
            bundle.file.save(f"certificates-{bundle.organization_id}-{stamp}.zip", File(target), save=False)
        bundle.certificate_count = count
        bundle.status = CertificateBundle.Status.READY
    except Exception:
        logger.exception("Certificate bundle %s could not be prepared.", bundle_id)
        bundle.status = CertificateBundle.Status.FAILED
    finally:
        pdf.release_pdf_memory()
    bundle.save(update_fields=["file", "certificate_count", "status"])
    return bundle


@task()
def prepare_bundle_task(bundle_id):
    bundle = prepare_bundle(bundle_id)
    return bundle is not None and bundle.status == CertificateBundle.Status.READY


def latest_bundle(organization, user):
    """The manager's latest bundle for the organisation still kept, or None."""
    return (
        CertificateBundle.objects.filter(organization=organization, requested_by=user)
        .filter(requested_at__gte=timezone.now() - datetime.timedelta(days=KEEP_DAYS))
        .first()
    )


def purge_old_bundles(now=None):
    """Delete the bundles requested more than seven days ago: their files, then their rows."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=KEEP_DAYS)
    old = list(CertificateBundle.objects.filter(requested_at__lt=cutoff))
    for bundle in old:
        if bundle.file.name:
            bundle.file.storage.delete(bundle.file.name)
    CertificateBundle.objects.filter(pk__in=[bundle.pk for bundle in old]).delete()
    return len(old)
