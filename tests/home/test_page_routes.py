"""Routes from path to page kept until a route changes (home/page_routes.py).

A page first reached through the kept route of a page above it (the home page, visited first on any
site) keeps its own route too, so its next request loads it in one query instead of walking the tree
again; the kept route still follows a renamed parent, and a sub-route still starts from its page.
The paths under a view restriction are kept under the same version: only a change of route changes
them, so a publish does not read them again.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.home.factories import ArticlePageFactory, ContentIndexPageFactory

pytestmark = pytest.mark.django_db


def routing_queries(client, path):
    """The queries of a request that look a page up by slug or read its view restrictions."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return [
        query["sql"]
        for query in captured.captured_queries
        if '"slug" =' in query["sql"] or "wagtailcore_pageviewrestriction" in query["sql"]
    ]


@pytest.fixture
def article(home_zh):
    index = ContentIndexPageFactory(parent=home_zh, slug="knowledge-routes")
    return ArticlePageFactory(parent=index, slug="phone-scams-routes")


def test_a_page_first_reached_from_the_home_pages_kept_route_keeps_its_own(client, article):
    client.get("/zh-hans/")  # the home page's route is kept first, as on any site
    assert routing_queries(client, article.url)  # walked from the home page once
    assert routing_queries(client, article.url) == []


def test_a_kept_route_follows_a_renamed_parent(client, article):
    client.get("/zh-hans/")
    client.get(article.url)
    old_url = article.url
    index = article.get_parent().specific
    index.slug = "knowledge-renamed"
    index.save_revision().publish()
    article.refresh_from_db()
    assert article.url != old_url
    assert client.get(article.url).status_code == 200
    assert client.get(old_url).status_code == 404


def test_a_sub_route_of_a_page_kept_from_above_starts_from_its_page(client, home_zh):
    index = EventIndexPageFactory(parent=home_zh)
    event = EventPageFactory(parent=index, capacity=30)
    client.get("/zh-hans/")
    client.get(event.url)
    client.get(event.url)
    assert client.get(f"{event.url}register/").status_code == 200
    assert routing_queries(client, f"{event.url}register/") == []


def restriction_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return [query for query in captured.captured_queries if "wagtailcore_pageviewrestriction" in query["sql"]]


def test_a_publish_does_not_read_the_paths_under_a_view_restriction_again(client, article):
    index = article.get_parent().specific
    client.get(index.url)
    ArticlePageFactory(parent=index, title="新发布的文章")  # a publish: the listing is built again
    assert restriction_queries(client, index.url) == []


def test_a_view_restriction_added_or_removed_shows_in_listings_at_once(client, article):
    index = article.get_parent().specific
    assert article.title in client.get(index.url).content.decode()
    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert article.title not in client.get(index.url).content.decode()
    restriction.delete()
    assert article.title in client.get(index.url).content.decode()


def test_a_page_moved_under_a_view_restriction_leaves_listings_at_once(client, home_zh, article):
    index = article.get_parent().specific
    private = ContentIndexPageFactory(parent=home_zh, slug="members-only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    moved = ArticlePageFactory(parent=index, title="将被移走的文章")
    assert moved.title in client.get("/zh-hans/").content.decode()
    moved.move(private, pos="last-child")
    assert moved.title not in client.get("/zh-hans/").content.decode()
