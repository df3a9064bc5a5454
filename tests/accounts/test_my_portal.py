import pytest
from django.core import mail
from wagtail import hooks

from accounts.models import User
from accounts.sections import MY_PORTAL_SECTIONS, Section

pytestmark = pytest.mark.django_db


def test_my_portal_needs_login(client):
    response = client.get("/zh-hans/my/")
    assert response.status_code == 302
    assert response["Location"].startswith("/zh-hans/accounts/login/")


def test_my_portal_shows_the_profile(client, make_user):
    user = make_user(name="张三", email="zhangsan@example.org")
    client.force_login(user)
    html = client.get("/en/my/").content.decode()
    assert "张三" in html
    assert "zhangsan@example.org" in html


def test_signed_in_pages_are_private(client, make_user):
    client.force_login(make_user())
    cache_control = client.get("/en/my/")["Cache-Control"]
    assert "private" in cache_control
    assert "private" in client.get("/en/")["Cache-Control"]


def test_anonymous_public_pages_are_not_marked_private(client):
    assert "private" not in client.get("/en/").get("Cache-Control", "")


def test_sections_from_other_apps_appear_in_order(client, make_user):
    def later(request):
        return Section(order=20, title="My events", template_name="accounts/tests/section.html", context={})

    def earlier(request):
        return Section(order=10, title="My quizzes", template_name="accounts/tests/section.html", context={})

    def nothing(request):
        return None

    client.force_login(make_user())
    with (
        hooks.register_temporarily(MY_PORTAL_SECTIONS, later),
        hooks.register_temporarily(MY_PORTAL_SECTIONS, earlier),
        hooks.register_temporarily(MY_PORTAL_SECTIONS, nothing),
    ):
        html = client.get("/en/my/").content.decode()
    assert html.index("My quizzes") < html.index("My events")


def test_profile_edit_changes_name_and_language(client, make_user):
    user = make_user(preferred_language="zh-hans")
    client.force_login(user)
    response = client.post("/zh-hans/my/profile/", {"name": "新名字", "preferred_language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/en/my/"
    user.refresh_from_db()
    assert (user.name, user.preferred_language) == ("新名字", "en")


@pytest.mark.parametrize(
    "data",
    [
        {"name": "", "preferred_language": "en"},
        {"name": "x" * 151, "preferred_language": "en"},
        {"name": "a"},
    ],
)
def test_profile_edit_with_bad_input_changes_nothing(client, make_user, data):
    user = make_user(name="原名", preferred_language="zh-hans")
    client.force_login(user)
    response = client.post(
        "/en/my/profile/", {**data, "preferred_language": data.get("preferred_language", "xx")}
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.name, user.preferred_language) == ("原名", "zh-hans")


def test_password_reset_email_goes_through_the_outbox_in_the_users_language(
    client, make_user, django_capture_on_commit_callbacks
):
    from outbox.models import Message

    make_user(email="reset.me@example.org", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/zh-hans/accounts/password/reset/", {"email": "reset.me@example.org"})
    assert response.status_code == 302
    message = Message.objects.get(recipient="reset.me@example.org")
    assert message.language == "en"
    assert message.status == Message.Status.SENT
    assert len(mail.outbox) == 1
    assert "Reset your password" in mail.outbox[0].subject
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_change_with_wrong_old_password_changes_nothing(client, make_user):
    user = make_user()
    client.force_login(user)
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": "not-it", "password1": "brand-new-Secret-1", "password2": "brand-new-Secret-1"},
    )
    assert response.status_code == 200
    assert User.objects.get(pk=user.pk).check_password("correct-horse-battery-9")
