import pytest
from allauth.account.models import EmailAddress

from accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/{lang}/accounts/signup/"


def signup_data(**overrides):
    data = {
        "name": "王小明",
        "email": "xiaoming@example.org",
        "password1": "a-long-Secret-2026",
        "password2": "a-long-Secret-2026",
        "preferred_language": "zh-hans",
        "accept_privacy_notice": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_signup_creates_the_account_with_name_language_and_consent(client, home_zh):
    privacy = home_zh.get_children().get(slug="privacy")
    response = client.post(SIGNUP_URL.format(lang="en"), signup_data(preferred_language="en"))
    assert response.status_code == 302
    user = User.objects.get(email="xiaoming@example.org")
    assert user.name == "王小明"
    assert user.preferred_language == "en"
    assert user.privacy_notice_revision == privacy.live_revision_id
    assert user.privacy_notice_accepted_at is not None
    assert user.check_password("a-long-Secret-2026")


def test_signup_page_links_to_the_privacy_notice_in_the_readers_language(client):
    html = client.get(SIGNUP_URL.format(lang="en")).content.decode()
    assert 'href="/en/privacy/"' in html


def test_duplicate_email_in_other_letter_case_is_refused(client, make_user):
    make_user(email="Xiaoming@Example.org")
    response = client.post(SIGNUP_URL.format(lang="en"), signup_data(email="XIAOMING@example.ORG"))
    assert response.status_code == 200
    assert "A user is already registered with this email address." in response.content.decode()
    assert User.objects.count() == 1


def test_duplicate_email_message_is_in_chinese_on_the_chinese_site(client, make_user):
    make_user(email="xiaoming@example.org")
    response = client.post(SIGNUP_URL.format(lang="zh-hans"), signup_data(email="XiaoMing@example.org"))
    assert "此电子邮件地址已被其他用户注册" in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.engine  # a unique constraint
def test_database_refuses_a_second_email_differing_only_in_case(make_user):
    from django.db import IntegrityError

    make_user(email="same@example.org")
    with pytest.raises(IntegrityError):
        make_user(email="SAME@example.org")


@pytest.mark.parametrize(
    ("password", "message_en", "message_zh"),
    [
        ("short1", "This password is too short.", "密码太短，至少需要 10 个字符"),
        ("password123", "This password is too common.", "这个密码太常见了"),
        ("3141592653589", "This password is entirely numeric.", "密码只包含数字"),
    ],
)
def test_weak_password_is_refused_with_a_translated_message(client, password, message_en, message_zh):
    response = client.post(SIGNUP_URL.format(lang="en"), signup_data(password1=password, password2=password))
    assert message_en in response.content.decode()
    response = client.post(
        SIGNUP_URL.format(lang="zh-hans"), signup_data(password1=password, password2=password)
    )
    assert message_zh in response.content.decode()
    assert not User.objects.exists()


def test_signup_without_consent_is_refused(client):
    response = client.post(SIGNUP_URL.format(lang="en"), signup_data(accept_privacy_notice=None))
    assert response.status_code == 200
    assert "Please agree to the privacy notice to create an account." in response.content.decode()
    response = client.post(SIGNUP_URL.format(lang="zh-hans"), signup_data(accept_privacy_notice=None))
    assert "请同意隐私声明后再创建账户。" in response.content.decode()
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()


def test_blank_name_is_refused(client):
    response = client.post(SIGNUP_URL.format(lang="en"), signup_data(name="   "))
    assert response.status_code == 200
    assert not User.objects.exists()


def test_overlong_name_is_refused(client):
    response = client.post(SIGNUP_URL.format(lang="en"), signup_data(name="名" * 151))
    assert response.status_code == 200
    assert not User.objects.exists()


def test_unknown_language_is_refused(client):
    response = client.post(SIGNUP_URL.format(lang="en"), signup_data(preferred_language="fr"))
    assert response.status_code == 200
    assert not User.objects.exists()
