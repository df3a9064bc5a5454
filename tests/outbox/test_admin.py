import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from outbox.models import Message
from tests.accounts.factories import staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _urls(settings):
    settings.ROOT_URLCONF = "tests.outbox.urls"


@pytest.fixture
def message():
    return Message.objects.create(
        recipient="ann@example.org",
        subject="Safety alert",
        body_text="Take care",
        body_html="<script>alert(1)</script>",
    )


def test_only_the_view_permission_exists():
    codenames = set(
        Permission.objects.filter(content_type__app_label="outbox").values_list("codename", flat=True)
    )
    assert codenames == {"view_message"}


def test_a_superuser_sees_messages_but_cannot_change_them(client, admin_user, message):
    client.force_login(admin_user)

    index = client.get(reverse("outbox:index"))
    assert index.status_code == 200
    assert b"Safety alert" in index.content
    assert b"ann@example.org" in index.content
    assert reverse("outbox:inspect", args=[message.pk]).encode() in index.content
    assert reverse("outbox:add").encode() not in index.content

    dashboard = client.get(reverse("wagtailadmin_home"))
    assert reverse("outbox:index").encode() in dashboard.content  # in the Settings menu

    inspect = client.get(reverse("outbox:inspect", args=[message.pk]))
    assert inspect.status_code == 200
    assert b"Take care" in inspect.content
    assert b"<script>alert(1)</script>" not in inspect.content

    for name, args in [("add", []), ("edit", [message.pk]), ("delete", [message.pk])]:
        response = client.get(reverse(f"outbox:{name}", args=args))
        assert response.status_code in (302, 403), name
    assert client.post(reverse("outbox:delete", args=[message.pk])).status_code in (302, 403)
    assert Message.objects.filter(pk=message.pk).exists()


def test_someone_with_the_view_permission_sees_messages(client, message):
    user = staff_user(
        permissions=["outbox.view_message"], admin_language="zh-hans", email="officer@example.org"
    )
    client.force_login(user)

    assert client.get(reverse("outbox:index")).status_code == 200
    assert client.get(reverse("outbox:inspect", args=[message.pk])).status_code == 200


def test_an_editor_without_the_permission_does_not(client, message):
    user = staff_user(admin_language="zh-hans", email="editor@example.org")
    client.force_login(user)

    response = client.get(reverse("outbox:index"))
    assert response.status_code == 302
    assert client.get(reverse("outbox:inspect", args=[message.pk])).status_code == 302
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert reverse("outbox:index").encode() not in dashboard.content


@pytest.mark.parametrize(
    ("language", "listed"), [("en", "(written when sent)"), ("zh-hans", "（发送时生成）")]
)
def test_an_email_not_yet_written_is_listed_as_written_when_sent(client, language, listed):
    Message.objects.create(recipient="bob@example.org", composer="events.registration-email")
    client.force_login(staff_user(permissions=["outbox.view_message"], admin_language=language))
    index = client.get(reverse("outbox:index"))
    assert index.status_code == 200
    assert listed in index.content.decode()
