import pytest

pytestmark = pytest.mark.django_db


def test_admin_user_screens_use_the_single_name_field(client, make_user):
    from accounts.models import User

    client.force_login(make_user(is_superuser=True, is_staff=True))
    assert client.get("/admin/users/new/").status_code == 200
    response = client.post(
        "/admin/users/new/",
        {
            "email": "New.Officer@Example.org",
            "name": "新官员",
            "preferred_language": "zh-hans",
            "password1": "officer-Secret-2026",
            "password2": "officer-Secret-2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    officer = User.objects.get(email="new.officer@example.org")
    assert officer.name == "新官员"
    assert client.get(f"/admin/users/edit/{officer.pk}/").status_code == 200
