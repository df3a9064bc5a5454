"""allauth's emails, end to end: signing up and asking for a new password put a message in the outbox
that names the office and the portal from the site settings, in the recipient's language, in the
outbox's layout (tests/outbox/test_every_email.py renders every template; this follows the real path)."""

from email.utils import parseaddr

import pytest
from django.conf import settings
from django.core import mail

from outbox.models import Message

pytestmark = pytest.mark.django_db

OFFICE_ZH, OFFICE_EN = "某市人民政府外事办公室", "Foreign Affairs Office of the City"
PORTAL_ZH, PORTAL_EN = "领事保护进万家", "Consular Protection for All"
# What the emails looked like with an empty site name.
EMPTY_NAME = ("来自的", "Hello from", "在  上", "使用 ！", "example.com", "Email地址")


@pytest.fixture(autouse=True)
def names(portal_settings):
    portal_settings.office_name_zh = OFFICE_ZH
    portal_settings.office_name_en = OFFICE_EN
    portal_settings.campaign_name_zh = PORTAL_ZH
    portal_settings.campaign_name_en = PORTAL_EN
    portal_settings.save()


def sign_up(client, language="zh-hans", email="xiaoming@example.org"):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "name": "王小明",
            "email": email,
            "password1": "a-long-Secret-2026",
            "password2": "a-long-Secret-2026",
            "preferred_language": language,
            "accept_privacy_notice": "on",
        },
    )


def only_message(recipient):
    return Message.objects.get(recipient=recipient)


def assert_names(message, office, portal):
    for text in (message.subject, message.body_text, message.body_html):
        assert office in text and portal in text, text
        assert not [artefact for artefact in EMPTY_NAME if artefact in text], text
    assert not [line for line in (message.subject, *message.body_text.splitlines()) if "  " in line.strip()]


def test_signing_up_in_chinese_sends_a_chinese_confirmation_naming_the_office_and_the_portal(client):
    assert sign_up(client).status_code == 302
    message = only_message("xiaoming@example.org")
    assert message.language == "zh-hans"
    assert message.subject == f"【{OFFICE_ZH}·{PORTAL_ZH}】请确认您的邮箱地址"
    assert_names(message, OFFICE_ZH, PORTAL_ZH)
    assert message.body_text.startswith("王小明，您好：")
    assert f"感谢您在{PORTAL_ZH}注册账户。" in message.body_text
    assert "/accounts/confirm-email/" in message.body_text
    assert f"{OFFICE_ZH}的工作人员绝不会通过邮件、短信或电话向您索要密码" in message.body_text
    # the outbox's layout: the portal's header and footer around allauth's words
    assert "border-top: 4px solid #b71c1c" in message.body_html
    assert "本邮件由系统自动发送，请勿直接回复。" in message.body_html


def test_signing_up_in_english_sends_an_english_confirmation(client):
    assert sign_up(client, language="en").status_code == 302
    message = only_message("xiaoming@example.org")
    assert message.language == "en"
    assert message.subject == f"[{OFFICE_EN} · {PORTAL_EN}] Confirm your email address"
    assert_names(message, OFFICE_EN, PORTAL_EN)
    assert f"Thank you for creating an account on {PORTAL_EN}." in message.body_text


def test_a_password_reset_asked_for_in_chinese_names_the_office_and_the_portal(
    client, make_user, django_capture_on_commit_callbacks
):
    make_user(email="reset.me@example.org", name="李华", preferred_language="zh-hans")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/zh-hans/accounts/password/reset/", {"email": "reset.me@example.org"})
    assert response.status_code == 302
    message = only_message("reset.me@example.org")
    assert message.subject == f"【{OFFICE_ZH}·{PORTAL_ZH}】重置密码"
    assert_names(message, OFFICE_ZH, PORTAL_ZH)
    assert message.body_text.startswith("李华，您好：")
    assert f"有人（很可能是您本人）申请重置您在{PORTAL_ZH}的账户密码。" in message.body_text
    assert "/accounts/password/reset/key/" in message.body_text
    # delivered with the portal's name as the sender's display name
    assert message.status == Message.Status.SENT
    assert mail.outbox[-1].subject == message.subject
    assert mail.outbox[-1].from_email == settings.DEFAULT_FROM_EMAIL
    assert parseaddr(settings.DEFAULT_FROM_EMAIL)[0] == PORTAL_ZH


def test_a_reset_for_an_unknown_address_says_so_in_the_readers_language(client):
    client.post("/zh-hans/accounts/password/reset/", {"email": "nobody@example.org"})
    message = only_message("nobody@example.org")
    assert message.subject == f"【{OFFICE_ZH}·{PORTAL_ZH}】此邮箱地址尚未注册账户"
    assert_names(message, OFFICE_ZH, PORTAL_ZH)
    assert "nobody@example.org" in message.body_text  # allauth's `email`, which the adapter once dropped
    assert "/zh-hans/accounts/signup/" in message.body_text


def test_an_office_renamed_in_the_settings_signs_the_next_email(client, portal_settings):
    portal_settings.office_name_zh = "区外事办"
    portal_settings.save()
    sign_up(client)
    message = only_message("xiaoming@example.org")
    assert "区外事办" in message.subject and "区外事办" in message.body_text
    assert OFFICE_ZH not in message.body_text


def test_signing_up_again_with_a_taken_address_says_so_when_verification_is_mandatory(
    client, make_user, settings
):
    """With ACCOUNT_EMAIL_VERIFICATION=mandatory, allauth hides that an address is taken and emails it."""
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    make_user(email="xiaoming@example.org", preferred_language="zh-hans")
    sign_up(client)
    message = only_message("xiaoming@example.org")
    assert message.subject == f"【{OFFICE_ZH}·{PORTAL_ZH}】此邮箱地址已注册账户"
    assert_names(message, OFFICE_ZH, PORTAL_ZH)
    assert "/zh-hans/accounts/password/reset/" in message.body_text


def test_the_admins_password_reset_email_names_the_office_and_the_portal(client, make_user):
    """Wagtail's own password reset (Django's form, sent at once, not through the outbox)."""
    staff = make_user(email="editor@example.org", name="编辑小张", is_staff=True)
    mail.outbox.clear()
    response = client.post("/admin/password_reset/", {"email": staff.email}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 302
    [sent] = mail.outbox
    assert sent.subject == f"【{OFFICE_ZH}·{PORTAL_ZH}】重置管理后台密码"
    assert sent.body.startswith("编辑小张，您好：")
    assert f"有人（很可能是您本人）申请重置您在{PORTAL_ZH}管理后台的密码。" in sent.body
    assert f"{OFFICE_ZH} · {PORTAL_ZH}" in sent.body
    assert "/admin/password_reset/confirm/" in sent.body
    assert sent.from_email == settings.DEFAULT_FROM_EMAIL
