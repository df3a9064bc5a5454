"""The optional name in Latin letters a certificate prints beside the name as the person wrote it."""

import pytest

pytestmark = pytest.mark.django_db


def post_profile(client, **data):
    return client.post("/en/my/profile/", {"name": "张三", "preferred_language": "zh-hans", **data})


@pytest.mark.parametrize(
    "romanised_name, saved",
    [
        ("Zhang San", "Zhang San"),
        ("  Lǚ   Xiǎo-Míng ", "Lǚ Xiǎo-Míng"),
        ("O'Brien", "O'Brien"),
        ("J. R. Müller", "J. R. Müller"),
        ("Ngô Bảo Châu", "Ngô Bảo Châu"),
        ("Zoe\u0301", "Zoé"),  # a combining accent is composed into one letter
        ("", ""),
    ],
)
def test_a_romanised_name_is_saved(client, make_user, romanised_name, saved):
    user = make_user(name="原名", preferred_language="zh-hans")
    client.force_login(user)
    response = post_profile(client, romanised_name=romanised_name)
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.name, user.romanised_name) == ("张三", saved)


@pytest.mark.parametrize(
    "romanised_name",
    [
        "张三",  # not Latin letters
        "Zhang 三",
        "Иван Петров",  # Cyrillic
        "Zhang_San",
        "Zhang San 2",
        "zhang@san",
        "<b>Zhang</b>",
        "- . '",  # no letter at all
        "Zhang\u202eSan",  # a direction override
        "x" * 151,
    ],
)
def test_a_romanised_name_with_other_characters_is_refused_and_nothing_changes(
    client, make_user, romanised_name
):
    user = make_user(name="原名", preferred_language="zh-hans")
    client.force_login(user)
    response = post_profile(client, romanised_name=romanised_name)
    assert response.status_code == 200
    assert response.context["form"].errors["romanised_name"]
    user.refresh_from_db()
    assert (user.name, user.romanised_name) == ("原名", "")


def test_the_refusal_says_what_is_allowed_in_the_readers_language(client, make_user):
    client.force_login(make_user(preferred_language="zh-hans"))
    html = client.post(
        "/zh-hans/my/profile/", {"name": "张三", "romanised_name": "张三", "preferred_language": "zh-hans"}
    ).content.decode()
    assert "拉丁字母" in html


def test_the_profile_form_explains_where_the_romanised_name_is_printed(client, make_user):
    client.force_login(make_user())
    assert "Certificates print it beside your name" in client.get("/en/my/profile/").content.decode()
    assert "证书" in client.get("/zh-hans/my/profile/").content.decode()


def test_the_saved_romanised_name_is_shown_on_the_form_and_in_my_portal(client, make_user):
    user = make_user(name="张三", romanised_name="Zhang San")
    client.force_login(user)
    form_html = client.get("/en/my/profile/").content.decode()
    assert 'value="Zhang San"' in form_html
    portal_html = client.get("/en/my/").content.decode()
    assert "Name in Latin letters" in portal_html
    assert "Zhang San" in portal_html


def test_my_portal_leaves_out_an_empty_romanised_name(client, make_user):
    client.force_login(make_user())
    assert "Name in Latin letters" not in client.get("/en/my/").content.decode()
