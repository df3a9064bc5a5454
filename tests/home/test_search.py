import pytest

from home.models import StandardPage, UnansweredSearch
from home.search import segment

pytestmark = [pytest.mark.django_db, pytest.mark.engine]  # the search backend


def publish_child(parent, **fields):
    page = StandardPage(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_segment_splits_chinese_into_words():
    words = segment("防范电信诈骗").split()
    assert "诈骗" in words
    assert "电信" in words


@pytest.mark.parametrize("query", ["诈骗", "电信诈骗", "防范电信诈骗"])
def test_chinese_search_finds_a_word_inside_a_longer_phrase(client, home_zh, query):
    publish_child(home_zh, title="防范电信诈骗", slug="fraud", intro="留学生如何识别冒充公检法的电话")
    html = client.get("/zh-hans/search/", {"q": query}).content.decode()
    assert 'href="/zh-hans/fraud/"' in html


def test_chinese_search_finds_words_in_the_body(client, home_zh):
    publish_child(home_zh, title="出行提示", slug="tips", intro="遇到抢劫时首先保证人身安全")
    assert 'href="/zh-hans/tips/"' in client.get("/zh-hans/search/", {"q": "抢劫"}).content.decode()


def test_search_shows_only_the_current_language(client, home_zh):
    html = client.get("/en/search/", {"q": "privacy"}).content.decode()
    assert 'href="/en/privacy/"' in html
    assert 'href="/zh-hans/privacy/"' not in html


def test_search_does_not_show_drafts(client, home_zh):
    draft = StandardPage(title="草稿诈骗页面", slug="draft", live=False)
    home_zh.add_child(instance=draft)
    assert 'href="/zh-hans/draft/"' not in client.get("/zh-hans/search/", {"q": "诈骗"}).content.decode()


def test_admin_search_segments_chinese_queries(client, home_zh, make_user):
    publish_child(home_zh, title="防范电信诈骗", slug="fraud")
    admin = make_user(is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = client.get("/admin/pages/search/", {"q": "诈骗"}).content.decode()
    assert "防范电信诈骗" in html


def test_overlong_query_is_shortened_to_200_characters_with_a_notice(client):
    response = client.get("/en/search/", {"q": "privacy " + "x" * 500})
    assert response.status_code == 200
    assert response.context["search_query"] == ("privacy " + "x" * 500)[:200]
    assert "Your search was shortened to the first 200 characters." in response.content.decode()


def test_a_query_within_the_limit_has_no_notice(client):
    response = client.get("/en/search/", {"q": "x" * 200})
    assert response.context["notices"] == []


@pytest.mark.engine  # PostgreSQL refuses a NUL byte in a query
def test_control_characters_are_dropped_from_a_query(client, home_zh):
    publish_child(home_zh, title="防范电信诈骗", slug="fraud-nul")
    response = client.get("/zh-hans/search/?q=%00%E8%AF%88%E9%AA%97%1B")
    assert response.status_code == 200
    assert response.context["search_query"] == "诈骗"
    assert 'href="/zh-hans/fraud-nul/"' in response.content.decode()


@pytest.mark.engine  # PostgreSQL refuses a NUL byte in a query
def test_a_search_that_finds_nothing_is_recorded_without_control_characters(client):
    client.get("/zh-hans/search/?q=%00%E7%81%AB%E6%98%9F%07%E7%AD%BE%E8%AF%81")
    assert UnansweredSearch.objects.get(language="zh-hans").query_string == "火星签证"


def test_out_of_range_page_number_shows_the_last_page(client):
    response = client.get("/en/search/", {"q": "privacy", "page": "999"})
    assert response.status_code == 200
    response = client.get("/en/search/", {"q": "privacy", "page": "abc"})
    assert response.status_code == 200


def test_search_page_renders_in_bounded_queries(client, home_zh, django_assert_max_num_queries):
    for n in range(12):
        publish_child(home_zh, title=f"诈骗案例 {n}", slug=f"case-{n}")
    with django_assert_max_num_queries(15):
        response = client.get("/zh-hans/search/", {"q": "诈骗"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query", ['"', "'", "%", "😀", "。，！", "*", "(", "NEAR(", '诈骗"', "\\", "x" * 1000]
)
def test_odd_queries_get_a_page_never_an_error(client, query):
    response = client.get("/zh-hans/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("query", ['"', "😀😀", "。，！"])
def test_a_query_without_words_gets_a_friendly_message(client, query):
    html = client.get("/en/search/", {"q": query}).content.decode()
    assert "Please type a word to search for" in html


def test_punctuation_around_words_is_ignored(client, home_zh):
    publish_child(home_zh, title="防范电信诈骗", slug="fraud-quoted")
    html = client.get("/zh-hans/search/", {"q": '"诈骗"！'}).content.decode()
    assert 'href="/zh-hans/fraud-quoted/"' in html


def test_admin_search_survives_a_double_quote(client, make_user):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    assert client.get("/admin/pages/search/", {"q": '"'}).status_code == 200
