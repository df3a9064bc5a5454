"""Exhibition mode: the short link (/q/<code>/) in the visitor's language, the A4 poster with its QR
code, and the staff result-code look-up where a prize is marked given exactly once."""

import datetime
import re
import shutil
import subprocess
import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from home import pdf
from quizzes import exhibition
from quizzes.exhibition import find_attempt, give_prize
from quizzes.models import Attempt, ExhibitionLink
from tests.accounts.factories import staff_user

from . import factories

pytestmark = pytest.mark.django_db

needs_poppler = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="needs poppler-utils (pdfinfo, pdftotext, pdftoppm)"
)


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def index_zh(home_zh):
    return factories.QuizIndexPageFactory(parent=home_zh)


@pytest.fixture
def quiz(index_zh):
    return factories.QuizPageFactory(
        parent=index_zh,
        questions=[factories.QuestionFactory(), factories.QuestionFactory()],
        title="海外安全知识问答",
    )


@pytest.fixture
def quiz_en(quiz):
    return factories.translate(quiz, title="Overseas safety quiz")


def refused(response):
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard (or a 403)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


# --- the link -------------------------------------------------------------------------------------


def test_link_is_made_once_and_shared_by_every_language(quiz, quiz_en):
    link = exhibition.link_for(quiz)
    assert exhibition.link_for(quiz) == link
    assert exhibition.link_for(quiz_en) == link
    assert ExhibitionLink.objects.count() == 1
    assert re.fullmatch(r"[A-Z2-9]{6}", link.code)
    assert exhibition.short_url(link) == f"https://portal.example.org/q/{link.code}/"


@pytest.mark.engine  # a unique constraint
def test_link_for_reads_back_the_link_another_request_just_made(quiz, monkeypatch):
    """The race: our look-up finds nothing, then the insert clashes with the other request's row."""
    theirs = ExhibitionLink.objects.create(quiz_key=quiz.translation_key)
    real_filter = ExhibitionLink.objects.filter
    calls = []

    def first_look_finds_nothing(*args, **kwargs):
        calls.append(kwargs)
        found = real_filter(*args, **kwargs)
        return found.none() if len(calls) == 1 else found

    monkeypatch.setattr(ExhibitionLink.objects, "filter", first_look_finds_nothing)
    assert exhibition.link_for(quiz) == theirs
    assert ExhibitionLink.objects.count() == 1


# --- the short link ---------------------------------------------------------------------------


def test_short_link_opens_the_quiz_in_the_browser_language(client, quiz, quiz_en):
    code = exhibition.link_for(quiz).code
    english = client.get(f"/q/{code}/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert english.status_code == 302
    assert english["Location"].endswith(quiz_en.url)
    assert quiz_en.url.startswith("/en/")
    chinese = client.get(f"/q/{code}/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert chinese.status_code == 302
    assert chinese["Location"].endswith(quiz.url)
    assert quiz.url.startswith("/zh-hans/")
    assert "Accept-Language" in english["Vary"]


def test_short_link_follows_the_language_cookie_first(client, quiz, quiz_en, settings):
    code = exhibition.link_for(quiz).code
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(f"/q/{code}/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response["Location"].endswith(quiz_en.url)


def test_short_link_is_case_insensitive(client, quiz):
    code = exhibition.link_for(quiz).code
    response = client.get(f"/q/{code.lower()}/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 302
    assert response["Location"].endswith(quiz.url)


def test_without_an_english_copy_english_visitors_get_the_chinese_quiz(client, quiz):
    code = exhibition.link_for(quiz).code
    response = client.get(f"/q/{code}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"].endswith(quiz.url)


def test_an_unpublished_english_copy_is_skipped(client, quiz, quiz_en):
    quiz_en.unpublish()
    code = exhibition.link_for(quiz).code
    response = client.get(f"/q/{code}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"].endswith(quiz.url)


def test_unknown_code_is_a_friendly_404_in_the_visitor_language(client, quiz):
    response = client.get("/q/NOSUCH/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    text = response.content.decode()
    assert "This quiz is not available" in text
    assert "may be mistyped" in text
    # The link on to the other quizzes (the index has no English copy here: none shown).
    chinese = client.get("/q/NOSUCH/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert chinese.status_code == 404
    assert 'lang="zh-Hans"' in chinese.content.decode()
    assert "/zh-hans/quizzes-test/" in chinese.content.decode()


def test_quiz_no_longer_live_is_a_404(client, quiz, quiz_en):
    code = exhibition.link_for(quiz).code
    quiz.unpublish()
    quiz_en.unpublish()
    response = client.get(f"/q/{code}/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 404
    assert "Location" not in response


def test_short_link_queries_are_few(client, quiz, quiz_en, django_assert_max_num_queries):
    code = exhibition.link_for(quiz).code
    with django_assert_max_num_queries(6):
        client.get(f"/q/{code}/", HTTP_ACCEPT_LANGUAGE="en")


# --- the poster -------------------------------------------------------------------------------


def poppler(tool, pdf, tmp_path, *arguments):
    path = tmp_path / "poster.pdf"
    path.write_bytes(pdf)
    command = [shutil.which(tool), *arguments, str(path)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


def test_poster_html_has_both_titles_the_calls_the_url_and_the_qr_code(quiz, quiz_en):
    context = exhibition.poster_context(quiz)
    html = exhibition.render_poster_html(context)
    url = exhibition.short_url(exhibition.link_for(quiz))
    assert "海外安全知识问答" in html and "Overseas safety quiz" in html
    assert "Scan to take the safety quiz" in html
    assert url.removeprefix("https://").rstrip("/") in html
    assert "12308" in html
    # The QR code is segno's for exactly the short URL.
    assert exhibition.qr_svg(url) in html
    assert "<svg" in html and "<path" in html


def test_poster_escapes_what_editors_typed(quiz):
    quiz.title = '<img src="file:///etc/passwd">问答'
    quiz.save_revision().publish()
    html = exhibition.render_poster_html(exhibition.poster_context(quiz))
    assert "<img" not in html
    assert "&lt;img" in html


def test_poster_of_a_chinese_only_quiz_shows_the_chinese_title(quiz):
    context = exhibition.poster_context(quiz)
    assert [item["title"] for item in context["titles"]] == ["海外安全知识问答"]
    # The call to action is there in both languages all the same.
    assert len(context["lines"]) == 2


@needs_poppler
def test_poster_is_a_one_page_a4_pdf_with_both_titles_and_the_short_url(quiz, quiz_en, tmp_path):
    started = time.perf_counter()
    pdf = exhibition.poster_pdf(quiz)
    seconds = time.perf_counter() - started
    assert pdf.startswith(b"%PDF-")
    info = poppler("pdfinfo", pdf, tmp_path)
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert re.search(r"^Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", info, re.M), info
    text = poppler("pdftotext", pdf, tmp_path)
    assert "海外安全知识问答" in text
    assert "Overseas safety quiz" in text
    assert "Scan to take the safety quiz" in text
    code = exhibition.link_for(quiz).code
    assert f"portal.example.org/q/{code}" in text
    assert "12308" in text
    print(f"poster: {len(pdf)} bytes, rendered in {seconds:.2f} s")


@pytest.mark.skipif(
    not shutil.which("zbarimg") or not shutil.which("pdftoppm"), reason="needs zbar-tools, poppler"
)
def test_poster_qr_code_scans_to_the_short_url(quiz, tmp_path):
    pdf = exhibition.poster_pdf(quiz)
    (tmp_path / "poster.pdf").write_bytes(pdf)
    subprocess.run(  # noqa: S603
        [
            shutil.which("pdftoppm"),
            "-r",
            "100",
            "-png",
            "-singlefile",
            str(tmp_path / "poster.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    scanned = subprocess.run(  # noqa: S603
        [shutil.which("zbarimg"), "--quiet", "--raw", str(tmp_path / "p.png")], capture_output=True, text=True
    ).stdout.strip()
    assert scanned == exhibition.short_url(exhibition.link_for(quiz))


@needs_poppler
def test_editor_downloads_the_poster(client, make_user, quiz, tmp_path):
    editor = staff_user(group="Editors")
    client.force_login(editor)
    response = client.get(reverse("quizzes_poster", args=[quiz.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    code = exhibition.link_for(quiz).code
    assert f'filename="quiz-poster-{code.lower()}.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")


def test_without_the_chinese_font_the_poster_is_refused_with_a_reason(client, quiz, monkeypatch):
    monkeypatch.setattr(pdf, "cjk_font_files", lambda: ())
    monkeypatch.setattr(exhibition, "poster_pdf", lambda quiz: pytest.fail("rendered without the font"))
    client.force_login(staff_user(group="Editors"))
    response = client.get(reverse("quizzes_poster", args=[quiz.pk]), follow=True)
    assert response.redirect_chain == [(reverse("quizzes_exhibition", args=[quiz.pk]), 302)]
    assert "fonts-noto-cjk" in response.content.decode()


def test_officer_with_reports_sees_the_exhibition_page(client, make_user, quiz, quiz_en):
    officer = staff_user(group="Officers")
    client.force_login(officer)
    response = client.get(reverse("quizzes_exhibition", args=[quiz.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    url = exhibition.short_url(exhibition.link_for(quiz))
    assert url in text
    assert reverse("quizzes_poster", args=[quiz.pk]) in text
    assert "<svg" in text


def test_poster_is_refused_without_edit_rights_or_report_permission(client, make_user, quiz):
    nobody = staff_user()
    client.force_login(nobody)
    assert refused(client.get(reverse("quizzes_poster", args=[quiz.pk])))
    assert refused(client.get(reverse("quizzes_exhibition", args=[quiz.pk])))


def test_poster_follows_page_permissions(client, make_user, quiz):
    """Someone allowed to edit pages only under the quiz index may print its quizzes."""
    group = Group.objects.create(name="Quiz stand")
    GroupPagePermission.objects.create(
        group=group,
        page=Page.objects.get(pk=quiz.get_parent().pk),
        permission=Permission.objects.get(codename="change_page"),
    )
    user = staff_user()
    user.groups.add(group)
    client.force_login(user)
    assert client.get(reverse("quizzes_exhibition", args=[quiz.pk])).status_code == 200


def test_header_button_on_the_quiz_edit_view(client, make_user, quiz):
    client.force_login(staff_user(group="Editors"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    assert response.status_code == 200
    assert reverse("quizzes_exhibition", args=[quiz.pk]) in response.content.decode()
    # Not on other pages.
    other = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.get_parent().pk]))
    assert "/exhibition/" not in other.content.decode()


# --- the result-code look-up --------------------------------------------------------------------


@pytest.fixture
def volunteer(db):
    return staff_user(permissions=["quizzes.check_result_codes"])


@pytest.fixture
def submitted(quiz):
    return factories.AttemptFactory(quiz=quiz, answers="right")


def look_up(client, code):
    return client.get(reverse("quizzes_result_codes"), {"code": code})


def spaced_lower(code):
    return f"  {code[:3].lower()} {code[3:].lower()} "


def test_code_typed_in_lower_case_with_spaces_is_found(client, volunteer, submitted):
    client.force_login(volunteer)
    response = look_up(client, spaced_lower(submitted.result_code))
    assert response.status_code == 200
    text = response.content.decode()
    assert submitted.quiz_title in text
    assert "2 of 2 (100%)" in text
    assert "Mark prize given" in text
    assert "Not given yet" in text
    local = timezone.localtime(submitted.submitted_at)
    assert f"{local:%Y-%m-%d %H:%M:%S} UTC+08:00" in text


def test_unknown_code_says_so(client, volunteer, submitted):
    client.force_login(volunteer)
    text = look_up(client, "ZZZZZZ").content.decode()
    assert "No result found" in text
    assert "No submitted quiz has the result code ZZZZZZ" in text
    assert "Mark prize given" not in text
    malformed = look_up(client, "K7*2QX").content.decode()
    assert "letters and digits only" in malformed


def test_an_unfinished_attempt_has_no_code_to_find(quiz):
    started = factories.AttemptFactory(quiz=quiz, submit=False)
    assert started.result_code is None
    assert find_attempt("") is None


def test_prize_is_given_once(client, volunteer, submitted):
    client.force_login(volunteer)
    url = reverse("quizzes_result_codes")
    first = client.post(url, {"code": spaced_lower(submitted.result_code)}, follow=True)
    submitted.refresh_from_db()
    given = submitted.prize_given_at
    assert given is not None
    assert "marked as given at" in first.content.decode()
    second = client.post(url, {"code": submitted.result_code}, follow=True)
    submitted.refresh_from_db()
    assert submitted.prize_given_at == given
    text = second.content.decode()
    assert f"already given at {timezone.localtime(given):%H:%M}" in text
    assert "Mark prize given" not in text  # the page shows it given, without the button


def test_give_prize_is_a_conditional_update(submitted):
    moment = timezone.now() - datetime.timedelta(hours=1)
    assert give_prize(submitted.pk, now=moment) is True
    assert give_prize(submitted.pk) is False
    assert Attempt.objects.get(pk=submitted.pk).prize_given_at == moment


def test_look_up_is_refused_without_the_permission(client, make_user, submitted):
    client.force_login(staff_user(group="Editors"))
    assert refused(look_up(client, submitted.result_code))
    assert refused(client.post(reverse("quizzes_result_codes"), {"code": submitted.result_code}))
    submitted.refresh_from_db()
    assert submitted.prize_given_at is None


def test_moderators_and_officers_may_look_codes_up(client, make_user, submitted):
    for group in ("Moderators", "Officers"):
        client.force_login(staff_user(group=group))
        assert look_up(client, submitted.result_code).status_code == 200


def test_look_up_menu_item_only_for_those_allowed(client, make_user, volunteer):
    client.force_login(volunteer)
    assert reverse("quizzes_result_codes") in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff_user(group="Editors"))
    assert reverse("quizzes_result_codes") not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("attempts", [1, 30])
def test_look_up_queries_do_not_grow_with_attempts(
    client, volunteer, quiz, attempts, django_assert_max_num_queries
):
    made = [
        factories.AttemptFactory(quiz=quiz, guest_token=f"guest-{n}", answers="right")
        for n in range(attempts)
    ]
    client.force_login(volunteer)
    with django_assert_max_num_queries(14):
        response = look_up(client, made[-1].result_code)
    assert made[-1].quiz_title in response.content.decode()
