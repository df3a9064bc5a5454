"""The page cache for anonymous visitors (home/page_cache.py): served without a query, never personal,
never stale, and the headers browsers and shared proxies read.

The page cache is off in the test settings (other tests change rows and read the page again); the
`page_cache` fixture turns it on here. The local-memory cache is emptied before each test (conftest).
"""

import datetime
import io
import types

import pytest
from django.core.cache import cache
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Page

from home import page_cache as page_cache_module
from home.models import Topic
from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.destinations import factories as destination_factories
from tests.events import factories as event_factories

pytestmark = pytest.mark.django_db

LOGIN_URL = "/zh-hans/accounts/login/"
PAGES = [
    "/zh-hans/",
    "/en/",
    "/zh-hans/about/",
    "/en/contact/",
    "/zh-hans/knowledge/",
    "/zh-hans/search/?q=诈骗",
]


@pytest.fixture
def page_cache():
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield


def stored():
    """The page entries the (local-memory) cache holds."""
    return [key for key in cache._cache if ":page-cache:" in key]


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def assert_served_from_cache(client, path, django_assert_num_queries):
    first = client.get(path)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(path)
    assert second.status_code == 200
    assert second.content == first.content
    return second


# Served from the cache --------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_an_anonymous_page_is_served_from_cache_on_the_second_request_without_a_query(
    client, page_cache, path, django_assert_num_queries
):
    assert_served_from_cache(client, path, django_assert_num_queries)


def test_destination_event_and_alert_pages_are_served_from_cache(
    client, page_cache, home_zh, django_assert_num_queries
):
    destinations = destination_factories.DestinationIndexPageFactory(parent=home_zh)
    place = destination_factories.DestinationPageFactory(parent=destinations)
    alerts = destination_factories.AlertIndexPageFactory(parent=home_zh)
    alert = destination_factories.SafetyAlertPageFactory(parent=alerts, destinations=[place.destination])
    events = event_factories.EventIndexPageFactory(parent=home_zh)
    event = event_factories.EventPageFactory(parent=events)
    for page in (destinations, place, alerts, alert, events, event):
        assert_served_from_cache(client, page.url, django_assert_num_queries)


def test_the_cached_copy_keeps_every_header_the_page_had(client, page_cache):
    first = client.get("/zh-hans/about/")
    second = client.get("/zh-hans/about/")
    for name in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Content-Type"):
        assert second[name] == first[name]


def test_the_cache_is_off_unless_enabled(client, django_assert_max_num_queries):
    client.get("/zh-hans/about/")
    assert stored() == []


# Headers ----------------------------------------------------------------------------------------


def test_a_cacheable_page_tells_browsers_to_ask_again_and_a_shared_proxy_a_few_seconds(client, page_cache):
    for response in (client.get("/zh-hans/about/"), client.get("/zh-hans/about/")):  # rendered, then a hit
        assert cache_control(response) == {"max-age=0", "public", "s-maxage=5"}
        assert "cookie" in vary(response)


def test_a_signed_in_persons_page_is_private_and_not_stored(client, page_cache):
    client.force_login(UserFactory())
    response = client.get("/zh-hans/about/")
    assert {"private", "no-store"} <= cache_control(response)
    assert "public" not in cache_control(response)
    assert not any(word.startswith("s-maxage") for word in cache_control(response))
    assert "cookie" in vary(response)
    assert stored() == []


def test_the_language_redirect_varies_on_accept_language_and_is_not_stored(page_cache):
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get("/")
    chinese = Client(HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9").get("/")
    assert english.status_code == chinese.status_code == 302
    assert english["Location"].startswith("/en/")
    assert chinese["Location"].startswith("/zh-hans/")
    assert "accept-language" in vary(english)
    assert stored() == []
    assert Client(HTTP_ACCEPT_LANGUAGE="en").get("/")["Location"].startswith("/en/")


# Never personal ---------------------------------------------------------------------------------

DISTINCTIVE = "Zebulon Quixotewright"
VISITED = ["/zh-hans/", "/zh-hans/about/", "/zh-hans/knowledge/", "/en/"]


def test_a_signed_in_persons_pages_are_never_served_to_anyone_else(page_cache):
    person = UserFactory(name=DISTINCTIVE, email="zebulon@example.org")
    other = UserFactory(name="Another Reader")
    signed_in = Client()
    # Signing in through the form, and the page after it.
    after_login = signed_in.post(
        LOGIN_URL, {"login": person.email, "password": DEFAULT_PASSWORD}, follow=True
    )
    assert after_login.status_code == 200
    assert DISTINCTIVE in after_login.content.decode()
    assert {"private", "no-store"} <= cache_control(after_login)
    # An anonymous visitor warms the cache first for half the pages.
    anonymous = Client()
    for path in VISITED[:2]:
        anonymous.get(path)
    for path in VISITED:
        assert DISTINCTIVE in html(signed_in, path), path  # their own page, never the anonymous copy
    assert all(DISTINCTIVE not in str(cache._cache[key]) for key in stored())
    another = Client()
    another.force_login(other)
    for client in (anonymous, Client(), another):
        for path in VISITED:
            assert DISTINCTIVE not in html(client, path), path
    assert "Another Reader" in html(another, "/zh-hans/about/")


def test_a_form_page_is_never_stored(page_cache):
    for path in (LOGIN_URL, "/zh-hans/accounts/signup/"):
        response = Client().get(path)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert {"private", "no-store"} <= cache_control(response)
    assert stored() == []


def test_a_visitor_with_a_session_is_neither_served_nor_stored(
    client, page_cache, django_assert_max_num_queries
):
    Client().get("/zh-hans/about/")
    entries = stored()
    client.cookies["sessionid"] = "a-guest-session"
    response = client.get("/zh-hans/about/")
    assert {"private", "no-store"} <= cache_control(response)
    assert stored() == entries


def test_a_preview_is_never_stored_nor_served_to_others(client, page_cache, about_zh):
    editor = UserFactory(is_superuser=True, is_staff=True)
    draft = Page.objects.get(pk=about_zh.pk).specific
    draft.title = "预览草稿标题 Quixote"
    revision = draft.save_revision(user=editor)
    client.force_login(editor)
    preview = client.get(f"/admin/pages/{about_zh.pk}/revisions/{revision.pk}/view/")
    assert preview.status_code == 200
    assert "预览草稿标题 Quixote" in preview.content.decode()
    assert stored() == []
    assert "预览草稿标题 Quixote" not in html(Client(), "/zh-hans/about/")


def test_a_response_that_asks_not_to_be_stored_is_not(client, page_cache, monkeypatch):
    """An unanswered search is counted each time (home/site_search.py): none is kept."""
    client.get("/zh-hans/search/?q=zzqqxxnothing")
    client.get("/zh-hans/search/?q=zzqqxxnothing")
    from home.models import UnansweredSearch

    assert UnansweredSearch.objects.get(query_string__icontains="zzqqxxnothing").count == 2
    assert stored() == []


# Never stale: each change shows on the next request ---------------------------------------------


def warm(path):
    """Renders and stores `path` for anonymous visitors; returns its HTML."""
    first = html(Client(), path)
    assert len(stored()) >= 1
    return first


def test_publishing_shows_at_once(page_cache, about_zh):
    assert "新的关于页标题" not in warm("/zh-hans/about/")
    about_zh.title = "新的关于页标题"
    about_zh.save_revision().publish()
    assert "新的关于页标题" in html(Client(), "/zh-hans/about/")


def test_unpublishing_shows_at_once(page_cache, about_zh):
    warm("/zh-hans/about/")
    about_zh.unpublish()
    html(Client(), "/zh-hans/about/", status=404)


def test_moving_shows_at_once(page_cache, about_zh, home_zh):
    knowledge = Page.objects.child_of(home_zh).get(slug="knowledge")
    warm("/zh-hans/about/")
    about_zh.move(knowledge, pos="last-child")
    moved = Client().get("/zh-hans/about/")  # Wagtail leaves a redirect behind
    assert (moved.status_code, moved["Location"]) == (301, "/zh-hans/knowledge/about/")
    html(Client(), "/zh-hans/knowledge/about/")


def test_deleting_shows_at_once(page_cache, about_zh):
    warm("/zh-hans/about/")
    about_zh.delete()
    html(Client(), "/zh-hans/about/", status=404)


def test_site_settings_show_at_once(page_cache, portal_settings):
    warm("/zh-hans/about/")
    portal_settings.hotline = "99887"
    portal_settings.save()
    assert "99887" in html(Client(), "/zh-hans/about/")


def test_a_topic_shows_at_once(page_cache, zh):
    home = warm("/zh-hans/")
    topic = next(topic for topic in Topic.objects.filter(locale=zh) if topic.name in home)
    topic.name = "改名后的主题"
    topic.save()
    assert "改名后的主题" in html(Client(), "/zh-hans/")


def test_a_question_renews_every_page(page_cache, django_assert_max_num_queries):
    from tests.quizzes.factories import QuestionFactory

    warm("/zh-hans/about/")
    version = cache.get(page_cache_module.VERSION_KEY)
    QuestionFactory()
    assert cache.get(page_cache_module.VERSION_KEY) > version


def test_destination_facts_show_at_once(page_cache, home_zh):
    index = destination_factories.DestinationIndexPageFactory(parent=home_zh)
    place = destination_factories.DestinationPageFactory(parent=index)
    assert "19119" not in warm(place.url)
    destination = place.destination
    destination.police_number = "19119"
    destination.save()
    assert "19119" in html(Client(), place.url)


def test_an_events_capacity_shows_at_once(page_cache, home_zh):
    index = event_factories.EventIndexPageFactory(parent=home_zh)
    event = event_factories.EventPageFactory(parent=index, capacity=30)
    # The capacity as the page words it (a bare "45" can be in the factory's title or a time of day).
    assert "共 30 个名额" in warm(event.url)
    event.capacity = 45
    event.save_revision().publish()
    page = html(Client(), event.url)
    assert "共 45 个名额" in page and "共 30 个名额" not in page


class Clock:
    """Moves the clock the page cache and the pages read, `seconds` on from now."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch

    def advance(self, seconds):
        now = timezone.now() + datetime.timedelta(seconds=seconds)
        stamp = now.timestamp()
        self.monkeypatch.setattr(timezone, "now", lambda: now)
        self.monkeypatch.setattr(page_cache_module, "time", types.SimpleNamespace(time=lambda: stamp))


def entry_lifetime():
    (key,) = stored()
    return cache.get(key.split(":", 2)[2])[1]


def test_an_alert_expiring_leaves_the_page_on_time(page_cache, home_zh, monkeypatch):
    alerts = destination_factories.AlertIndexPageFactory(parent=home_zh)
    place = destination_factories.DestinationFactory(country="IS")
    ends = timezone.now() + datetime.timedelta(seconds=90)
    destination_factories.SafetyAlertPageFactory(
        parent=alerts, destinations=[place], title="即将结束的提醒", valid_until=ends
    )
    assert "即将结束的提醒" in warm("/zh-hans/")
    assert entry_lifetime() <= ends.timestamp()
    Clock(monkeypatch).advance(91)
    assert "即将结束的提醒" not in html(Client(), "/zh-hans/")


def test_an_alert_starting_later_shows_on_time(page_cache, home_zh, monkeypatch):
    alerts = destination_factories.AlertIndexPageFactory(parent=home_zh)
    place = destination_factories.DestinationFactory(country="IS")
    starts = timezone.now() + datetime.timedelta(seconds=90)
    destination_factories.SafetyAlertPageFactory(
        parent=alerts, destinations=[place], title="稍后生效的提醒", valid_from=starts
    )
    assert "稍后生效的提醒" not in warm("/zh-hans/")
    Clock(monkeypatch).advance(91)
    assert "稍后生效的提醒" in html(Client(), "/zh-hans/")


def test_an_event_passing_leaves_the_home_page_on_time(page_cache, home_zh, monkeypatch):
    index = event_factories.EventIndexPageFactory(parent=home_zh)
    now = timezone.now()
    ends = now + datetime.timedelta(seconds=90)
    event_factories.EventPageFactory(
        parent=index, title="即将结束的讲座", starts_at=now - datetime.timedelta(hours=1), ends_at=ends
    )
    assert "即将结束的讲座" in warm("/zh-hans/")
    assert entry_lifetime() <= ends.timestamp()
    Clock(monkeypatch).advance(91)
    assert "即将结束的讲座" not in html(Client(), "/zh-hans/")


def test_places_left_on_an_event_page_live_a_few_seconds_only(page_cache, home_zh):
    from events.page_views import PLACES_LEFT_SECONDS

    index = event_factories.EventIndexPageFactory(parent=home_zh)
    event = event_factories.EventPageFactory(parent=index, capacity=30, registration_required=True)
    warm(event.url)
    assert entry_lifetime() <= timezone.now().timestamp() + PLACES_LEFT_SECONDS


def test_every_page_ends_at_beijing_midnight(page_cache):
    warm("/zh-hans/about/")
    midnight = page_cache_module._next_beijing_midnight(timezone.now())
    assert entry_lifetime() <= midnight


def test_renewing_after_a_release_serves_no_page_rendered_before_it(
    page_cache, django_assert_num_queries, django_assert_max_num_queries
):
    # A release changes templates and code without an editorial change (README, Deploy).
    from django.core.management import call_command

    assert_served_from_cache(Client(), "/zh-hans/about/", django_assert_num_queries)
    call_command("renew_cached_pages", stdout=io.StringIO())
    with django_assert_max_num_queries(20) as renewed:
        assert Client().get("/zh-hans/about/").status_code == 200
    assert len(renewed.captured_queries) > 0
