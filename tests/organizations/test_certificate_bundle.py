"""The certificates ZIP: a manager asks, a task (settings.PORTAL_TASK_BACKEND) writes a ZIP of the
current members' certificates in force for the assigned courses into the private storage; only the
manager who asked downloads it; bundles older than seven days are deleted, file and row."""

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from organizations.bundles import prepare_bundle, purge_old_bundles, request_bundle
from organizations.models import CertificateBundle
from tests.organizations import factories as f
from tests.organizations.training_world import course_and_quiz
from tests.training.certify import complete_course

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_pdfs(monkeypatch):
    """Certificates as tiny stand-in PDFs (rendering is training's, tested there)."""
    monkeypatch.setattr("training.certificates.certificate_pdf", lambda certificate: b"%PDF-1.7 test")


@pytest.fixture
def world(organization, manager, home_zh):
    course, quiz = course_and_quiz(home_zh)
    other_course, other_quiz = course_and_quiz(home_zh)
    f.AssignmentFactory(organization=organization, course=course)
    holders = [f.member_of(organization).user for _ in range(2)]
    for holder in holders:
        complete_course(course, quiz, holder)
    complete_course(other_course, other_quiz, f.member_of(organization).user)  # not assigned: not in the ZIP
    gone = f.member_of(organization, ended_at=timezone.now()).user
    complete_course(course, quiz, gone)  # no longer a member: not in the ZIP
    outsider = f.member_of(f.OrganizationFactory()).user
    complete_course(course, quiz, outsider)
    return holders


def download_url(bundle):
    with translation.override("zh-hans"):
        return reverse(
            "organizations:bundle_download",
            kwargs={"organization_id": bundle.organization_id, "bundle_id": bundle.pk},
        )


def request_url(organization):
    with translation.override("zh-hans"):
        return reverse("organizations:bundle_request", kwargs={"organization_id": organization.pk})


def test_the_manager_asks_and_the_task_prepares_the_zip(
    client, organization, manager, world, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(request_url(organization)).status_code == 302
    bundle = CertificateBundle.objects.get()
    assert bundle.status == CertificateBundle.Status.READY and bundle.certificate_count == 2
    assert Path(bundle.file.path).is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    response = client.get(download_url(bundle))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert len(names) == 2 and all(name.endswith(".pdf") for name in names)
    assert archive.read(names[0]).startswith(b"%PDF")


def test_only_the_manager_who_asked_downloads_it(client, organization, manager, world):
    bundle, _created = request_bundle(organization, manager)
    prepare_bundle(bundle.pk)
    co_manager = f.manager_of(organization).user
    client.force_login(co_manager)
    assert client.get(download_url(bundle)).status_code == 404
    officer_like_member = f.member_of(organization).user
    client.force_login(officer_like_member)
    assert client.get(download_url(bundle)).status_code == 404
    client.force_login(manager)
    assert client.get(download_url(bundle)).status_code == 200


def test_a_second_request_while_preparing_makes_no_second_bundle(organization, manager):
    first, created = request_bundle(organization, manager)
    second, created_again = request_bundle(organization, manager)
    assert created and not created_again and first == second


def test_bundles_older_than_seven_days_are_deleted_file_and_row(organization, manager, world):
    old, _created = request_bundle(organization, manager)
    prepare_bundle(old.pk)
    old.refresh_from_db()
    old_path = Path(old.file.path)
    CertificateBundle.objects.filter(pk=old.pk).update(
        requested_at=timezone.now() - datetime.timedelta(days=8)
    )
    recent = CertificateBundle.objects.create(organization=organization, requested_by=manager)
    prepare_bundle(recent.pk)
    recent.refresh_from_db()
    assert old_path.exists()
    assert purge_old_bundles() == 1
    assert not old_path.exists()
    assert list(CertificateBundle.objects.all()) == [recent]
    assert Path(recent.file.path).exists()


def test_the_cron_command_purges_old_bundles(organization, manager):
    bundle = CertificateBundle.objects.create(organization=organization, requested_by=manager)
    CertificateBundle.objects.filter(pk=bundle.pk).update(
        requested_at=timezone.now() - datetime.timedelta(days=7, hours=1)
    )
    out = io.StringIO()
    call_command("send_assignment_reminders", stdout=out)
    assert "certificate bundles deleted: 1" in out.getvalue()
    assert not CertificateBundle.objects.exists()
