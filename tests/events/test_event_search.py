"""Event pages are found by the site search, by a Chinese word inside a longer phrase; invitation-only
events never are."""

import pytest

from tests.events import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.engine]  # the search backend


@pytest.fixture
def index(home_zh):
    return f.EventIndexPageFactory(parent=home_zh)


def search(client, query):
    return client.get("/zh-hans/search/", {"q": query}).content.decode()


def test_a_public_event_is_found_by_a_chinese_word(client, index):
    page = f.EventPageFactory(parent=index, title="海外安全知识讲座", summary="留学生如何防范电信诈骗")
    assert f'href="{page.url}"' in search(client, "诈骗")
    assert f'href="{page.url}"' in search(client, "讲座")


def test_a_private_event_is_not_found(client, index):
    page = f.EventPageFactory(
        parent=index, title="走进企业海外安全培训", summary="外派员工防范电信诈骗", is_private=True
    )
    assert f'href="{page.url}"' not in search(client, "诈骗")
    assert f'href="{page.url}"' not in search(client, "走进企业")


def test_an_event_made_private_leaves_the_search(client, index):
    page = f.EventPageFactory(parent=index, title="走进企业海外安全培训", summary="外派员工防范电信诈骗")
    assert f'href="{page.url}"' in search(client, "诈骗")
    page.is_private = True
    page.save_revision().publish()
    assert f'href="{page.url}"' not in search(client, "诈骗")
