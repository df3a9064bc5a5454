"""Certificates: one per completion, issued in its transaction, rendered by the worker into the private
storage; a real bilingual A4 PDF (embedded Noto Sans CJK SC, the name and the code as text, a QR code to
the verify URL, the seal); served to its owner only; "being prepared" until the file exists; revoked by
staff with a reason."""

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from home import pdf
from home.codes import CODE_ALPHABET
from tests.accounts.factories import UserFactory, staff_user
from tests.concurrency import CONCURRENT, at_once
from tests.home.factories import ImageFactory
from tests.training import factories as f
from tests.training.certify import certified_learner
from training import certificates
from training.completion import record_completion
from training.enrolment import enrol, mark_done
from training.models import Certificate, Completion, CoursePage, LessonPage, TrainingSettings

pytestmark = pytest.mark.django_db

needs_poppler = pytest.mark.skipif(
    not shutil.which("pdftotext") or not shutil.which("pdffonts"), reason="needs poppler-utils"
)
needs_cjk_font = pytest.mark.skipif(not pdf.cjk_font_available(), reason="needs fonts-noto-cjk")


def poppler(tool, path, *arguments):
    command = [shutil.which(tool), *arguments, str(path)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


def download_url(certificate):
    with translation.override("zh-hans"):
        return reverse("certificates:download", args=[certificate.pk])


def page_url(certificate):
    with translation.override("zh-hans"):
        return reverse("certificates:mine", args=[certificate.pk])


# Issuing ------------------------------------------------------------------------------------------


def test_a_certificate_is_issued_with_the_completion(course, quiz):
    user, certificate = certified_learner(course, quiz, render=False)
    completion = Completion.objects.get(user=user)
    assert certificate.completion == completion
    assert len(certificate.code) == 16 and set(certificate.code) <= set(CODE_ALPHABET)  # 80 bits
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", certificate.display_code)
    assert (certificate.holder_name, certificate.holder_romanised_name) == ("张小三", "Zhang Xiaosan")
    assert certificate.status == Certificate.Status.VALID
    assert not certificate.file and certificate.rendered_at is None
    # Recording again changes nothing: still one completion, one certificate.
    record_completion(user, course)
    assert Certificate.objects.count() == 1


def test_codes_are_random_not_sequential(course, quiz):
    codes = {
        certified_learner(course, quiz, render=False, email=f"p{n}@example.org")[1].code for n in range(5)
    }
    assert len(codes) == 5
    assert len({code[:8] for code in codes}) == 5  # no shared prefix as a counter would give


def test_a_code_clash_draws_again(course, quiz, monkeypatch):
    _user, first = certified_learner(course, quiz, render=False)
    drawn = iter([first.code, "ABCDEFGHJKLMNPQR"])
    monkeypatch.setattr(certificates, "new_code", lambda length: next(drawn))
    _other, second = certified_learner(course, quiz, render=False, email="other@example.org")
    assert second.code == "ABCDEFGHJKLMNPQR"


@pytest.mark.parametrize(
    "typed",
    ["abcd-efgh-jkmn-pqrs", " ABCD EFGH JKMN PQRS ", "abcdefghjkmnpqrs", "ABCD–EFGH—JKMN_PQRS"],
)
def test_clean_code_ignores_case_spaces_and_hyphens(typed):
    assert certificates.clean_code(typed) == "ABCDEFGHJKMNPQRS"


@pytest.mark.parametrize(
    "typed", ["", "ABCD-EFGH", "ABCD-EFGH-JKMN-PQRS-T", "ABCD-EFGH-JKMN-PQR0", "<script>"]
)
def test_clean_code_refuses_what_cannot_be_a_code(typed):
    assert certificates.clean_code(typed) == ""


def test_verify_url_is_the_short_address_on_portal_base_url(course, quiz):
    _user, certificate = certified_learner(course, quiz, render=False)
    assert certificates.verify_url(certificate.code) == (
        f"{settings.PORTAL_BASE_URL}/verify/{certificate.display_code}/"
    )


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张*"), ("张小三", "张*三"), ("欧阳小明", "欧**明"), ("Zhang San", "Z**** S**"), ("", "")],
)
def test_names_are_partly_masked(name, masked):
    assert certificates.mask_name(name) == masked


# The PDF ------------------------------------------------------------------------------------------


@needs_poppler
@needs_cjk_font
def test_the_certificate_is_a_real_bilingual_a4_pdf(course, quiz, tmp_path, home_zh):
    from home.models import PortalSettings

    portal = PortalSettings.for_site(home_zh.get_site())
    portal.office_name_zh, portal.office_name_en = "某市外事办公室", "Municipal Foreign Affairs Office"
    portal.save()
    training = TrainingSettings.for_site(home_zh.get_site())
    training.signatory_name_zh, training.signatory_title_zh = "李四", "主任"
    training.seal = ImageFactory(title="公章", file__width=300, file__height=300)
    training.save()
    started = time.perf_counter()
    _user, certificate = certified_learner(course, quiz)
    seconds = time.perf_counter() - started
    certificate.refresh_from_db()
    assert certificate.rendered_at is not None and certificate.size > 0
    path = tmp_path / "certificate.pdf"
    path.write_bytes(certificate.file.open("rb").read())
    assert path.read_bytes().startswith(b"%PDF")
    info = poppler("pdfinfo", path)
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert re.search(r"^Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", info, re.M), info
    fonts = poppler("pdffonts", path)
    cjk = [line for line in fonts.splitlines() if "notosanscjksc" in re.sub(r"[\s-]", "", line.lower())]
    assert cjk, fonts
    assert all(re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+$", line) for line in cjk), fonts  # emb, sub
    text = poppler("pdftotext", path)
    for expected in (
        "张小三",
        "Zhang Xiaosan",
        certificate.display_code,
        certificate.completion.course_title,
        "某市外事办公室",
        "Municipal Foreign Affairs Office",
        "李四",
        "Certificate of completion",
        f"portal.example.org/verify/{certificate.display_code}",
    ):
        assert expected in text, expected
    images = poppler("pdfimages", path, "-list")
    assert len(images.strip().splitlines()) >= 3, images  # heading lines and the seal
    print(f"certificate: {certificate.size} bytes; completion and render in {seconds:.2f} s")


@needs_cjk_font
@pytest.mark.skipif(
    not shutil.which("zbarimg") or not shutil.which("pdftoppm"), reason="needs zbar-tools, poppler"
)
def test_the_qr_code_scans_to_the_verify_url(course, quiz, tmp_path):
    _user, certificate = certified_learner(course, quiz)
    certificate.refresh_from_db()
    (tmp_path / "c.pdf").write_bytes(certificate.file.open("rb").read())
    subprocess.run(  # noqa: S603
        [
            shutil.which("pdftoppm"),
            "-r",
            "150",
            "-png",
            "-singlefile",
            str(tmp_path / "c.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    scanned = subprocess.run(  # noqa: S603
        [shutil.which("zbarimg"), "--quiet", "--raw", str(tmp_path / "p.png")], capture_output=True, text=True
    ).stdout.strip()
    assert scanned == certificates.verify_url(certificate.code)


def test_the_html_escapes_the_name(course, quiz):
    _user, certificate = certified_learner(course, quiz, render=False, name="<b>张三</b>")
    html = certificates.render_certificate_html(certificates.certificate_context(certificate))
    assert "<b>张三" not in html and "&lt;b&gt;张三" in html
    assert "font-family" not in html  # the stylesheet names the font; nothing inline
    assert "css/certificate.css" in html


# Private storage ----------------------------------------------------------------------------------


@needs_cjk_font
def test_no_certificate_file_is_under_media_root_or_media_url(client, course, quiz):
    _user, certificate = certified_learner(course, quiz)
    certificate.refresh_from_db()
    path = Path(certificate.file.path).resolve()
    assert path.is_file()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    with pytest.raises(ValueError, match="no public URL"):
        certificate.file.url  # noqa: B018
    assert client.get(settings.MEDIA_URL + certificate.file.name).status_code == 404
    assert not list(Path(settings.MEDIA_ROOT).rglob(Path(certificate.file.name).name))


# Owner's page and download ------------------------------------------------------------------------


@needs_cjk_font
def test_the_owner_downloads_the_pdf(client, course, quiz):
    user, certificate = certified_learner(course, quiz)
    client.force_login(user)
    response = client.get(download_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert f"certificate-{certificate.display_code.lower()}.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_another_persons_certificate_is_not_found(client, course, quiz):
    _user, certificate = certified_learner(course, quiz, render=False)
    client.force_login(UserFactory())
    assert client.get(download_url(certificate)).status_code == 404
    assert client.get(page_url(certificate)).status_code == 404
    certificate.refresh_from_db()
    assert certificate.rendered_at is None  # nothing was rendered for the stranger


def test_anonymous_visitors_are_sent_to_sign_in(client, course, quiz):
    _user, certificate = certified_learner(course, quiz, render=False)
    for url in (download_url(certificate), page_url(certificate)):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_says_being_prepared_until_the_file_exists(client, course, quiz, monkeypatch):
    user, certificate = certified_learner(course, quiz, render=False)
    client.force_login(user)
    response = client.get(page_url(certificate))
    assert response.status_code == 200
    assert "正在生成" in response.content.decode()
    assert certificate.display_code in response.content.decode()
    # Rendered: the page offers the PDF instead.
    monkeypatch.setattr(certificates, "certificate_pdf", lambda certificate: b"%PDF-1.7 test")
    monkeypatch.setattr(pdf, "cjk_font_available", lambda: True)
    certificates.render_certificate(certificate.pk)
    body = client.get(page_url(certificate)).content.decode()
    assert "正在生成" not in body and download_url(certificate) in body


def test_a_certificate_never_rendered_is_rendered_once_on_first_download(client, course, quiz, monkeypatch):
    user, certificate = certified_learner(course, quiz, render=False)
    renders = []

    def fake_pdf(certificate):
        renders.append(certificate.pk)
        return b"%PDF-1.7 test"

    monkeypatch.setattr(certificates, "certificate_pdf", fake_pdf)
    client.force_login(user)
    for _time in range(2):
        response = client.get(download_url(certificate))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.7 test"
    assert renders == [certificate.pk]
    certificate.refresh_from_db()
    assert certificate.rendered_at is not None and certificate.size == len(b"%PDF-1.7 test")


def test_without_the_cjk_font_the_download_says_being_prepared(client, course, quiz, monkeypatch):
    user, certificate = certified_learner(course, quiz, render=False)
    monkeypatch.setattr(pdf, "cjk_font_available", lambda: False)
    client.force_login(user)
    response = client.get(download_url(certificate))
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "正在生成" in response.content.decode()
    certificate.refresh_from_db()
    assert not certificate.file


def test_the_worker_task_renders_and_releases_memory(course, quiz, monkeypatch):
    _user, certificate = certified_learner(course, quiz, render=False)
    released = []
    monkeypatch.setattr(certificates, "certificate_pdf", lambda certificate: b"%PDF-1.7 test")
    monkeypatch.setattr(pdf, "release_pdf_memory", lambda: released.append(True))
    certificates.render_certificate_later(certificate)
    certificate.refresh_from_db()
    assert certificate.rendered_at is not None and released


def test_the_certificate_is_rendered_when_the_completion_commits(course, quiz, monkeypatch):
    queued = []
    monkeypatch.setattr(certificates, "render_certificate_later", queued.append)
    user = UserFactory()
    enrol(user, course)
    for lesson in LessonPage.objects.child_of(course):
        mark_done(user, lesson, course)
    f.pass_quiz(quiz, user)
    assert queued == [Certificate.objects.get(completion__user=user)]


# Revoking -----------------------------------------------------------------------------------------


def revoke_url(certificate):
    return reverse("training_revoke_certificate", args=[certificate.pk])


def test_revoking_needs_the_permission(client, course, quiz):
    _user, certificate = certified_learner(course, quiz, render=False)
    client.force_login(staff_user(permissions=["training.view_completions"]))
    assert client.get(reverse("training_certificates")).status_code in (302, 403)
    response = client.post(revoke_url(certificate), {"reason": "冒名顶替"})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] != reverse("training_certificates")
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_revoking_needs_a_reason(client, course, quiz):
    _user, certificate = certified_learner(course, quiz, render=False)
    client.force_login(staff_user(permissions=["training.revoke_certificate"]))
    response = client.post(revoke_url(certificate), {"reason": "   "})
    assert response.status_code == 400
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_officers_revoke_with_a_reason_and_the_record_stays(client, course, quiz):
    user, certificate = certified_learner(course, quiz, render=False)
    officer = staff_user(group="Officers")
    client.force_login(officer)
    listing = client.get(reverse("training_certificates"), {"q": certificate.display_code.lower()})
    assert listing.status_code == 200 and revoke_url(certificate) in listing.content.decode()
    assert client.get(revoke_url(certificate)).status_code == 200
    response = client.post(revoke_url(certificate), {"reason": "  发现\n考试作弊  "})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_by == officer and certificate.revoke_reason == "发现 考试作弊"
    assert certificate.status == Certificate.Status.REVOKED
    assert Completion.objects.filter(user=user).exists()
    revoked_at = certificate.revoked_at
    # Again: nothing changes.
    client.post(revoke_url(certificate), {"reason": "别的理由"})
    certificate.refresh_from_db()
    assert (certificate.revoked_at, certificate.revoke_reason) == (revoked_at, "发现 考试作弊")


def test_an_unknown_certificate_is_not_found_in_the_admin(client):
    client.force_login(staff_user(group="Officers"))
    response = client.get(reverse("training_revoke_certificate", args=[999999]), follow=True)
    assert response.status_code == 404


# Racing (PostgreSQL) ------------------------------------------------------------------------------


@pytest.mark.engine
@CONCURRENT[0]
@CONCURRENT[1]
@CONCURRENT[2]
@CONCURRENT[3]
def test_racing_record_completion_gives_one_completion_and_one_certificate(home_zh, monkeypatch):
    monkeypatch.setattr(certificates, "render_certificate_later", lambda certificate: None)
    index = f.CourseIndexPageFactory(parent=home_zh)
    quiz = f.final_quiz(home_zh)
    course = f.CoursePageFactory(parent=index, final_quiz=quiz, lessons=2)
    learner = UserFactory()
    enrol(learner, course)
    for lesson in LessonPage.objects.child_of(course):
        mark_done(learner, lesson, course)
    f.AttemptFactory(quiz=quiz, user=learner, answers="right")
    Completion.objects.all().delete()  # as if the attempt's signal had been missed

    def complete():
        return record_completion(learner, CoursePage.objects.get(pk=course.pk)).certificate.pk

    recorded = at_once(complete, threads=4)
    assert Completion.objects.count() == 1
    assert Certificate.objects.count() == 1
    assert set(recorded) == {Certificate.objects.get().pk}


def test_a_persons_certificates_in_one_query(course, quiz, django_assert_num_queries):
    user, certificate = certified_learner(course, quiz, render=False)
    certified_learner(course, quiz, render=False, email="someone-else@example.org")
    with django_assert_num_queries(1):
        mine = certificates.certificates_for(user)
        assert [c.completion.course_title for c in mine] == [certificate.completion.course_title]
    assert certificates.certificates_for(UserFactory()) == []


def test_deleting_the_account_deletes_the_certificate_file(
    course, quiz, monkeypatch, django_capture_on_commit_callbacks
):
    user, certificate = certified_learner(course, quiz, render=False)
    monkeypatch.setattr(certificates, "certificate_pdf", lambda certificate: b"%PDF-1.7 test")
    certificate = certificates.render_certificate(certificate.pk)
    storage, name = certificate.file.storage, certificate.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        user.delete()
    assert not Certificate.objects.exists()
    assert not storage.exists(name)


def test_the_pdf_fetcher_takes_data_urls_and_still_nothing_outside():
    fetcher = pdf.static_files_only()
    response = fetcher.fetch("data:image/png;base64,iVBORw0KGgo=")
    assert response.headers["Content-Type"] == "image/png"
    refused = (
        "http://example.org/seal.png",
        "file:///etc/passwd",
        "data:no-comma",
        "data:image/svg+xml,<svg/>",
    )
    for url in (*refused, "data:text/css;base64,Ym9keXt9", "data:image/png,%89PNG"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
