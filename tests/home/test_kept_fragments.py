"""Rendered fragments kept per site version (home/templatetags/kept_fragments.py): the header and
footer, the head's meta tags, a content page's body and related content, a content index's list and
a destination page's facts are rendered once, then reused until an edit; never stale, never personal,
never in place of a preview's draft.

The page cache is off in the test settings, so every request here renders its page; what the kept
fragments save shows in the templates a response rendered (Django's test client records each one).
"""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from tests.accounts.factories import UserFactory
from tests.destinations import factories as destination_factories
from tests.home import factories as cf

pytestmark = pytest.mark.django_db

PERSON = "Zebulon Quixotefragment"
HEADER_AND_FOOTER = ("includes/header.html", "includes/footer.html", "includes/meta_tags.html")


def rendered(response):
    return {template.name for template in response.templates}


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response


@pytest.fixture
def index(home_zh):
    return cf.ContentIndexPageFactory(parent=home_zh)


@pytest.fixture
def article(index):
    page = cf.ArticlePageFactory(parent=index, title="保管好护照", summary="护照丢失怎么办")
    page.body = [("paragraph", "<p>正文第一版</p>")]
    page.save_revision().publish()
    return page


@pytest.fixture
def place(home_zh):
    destinations = destination_factories.DestinationIndexPageFactory(parent=home_zh)
    return destination_factories.DestinationPageFactory(parent=destinations)


# Used: the second request renders none of them again ---------------------------------------------


@pytest.mark.parametrize(
    ("page", "inside"),
    [
        (
            "article",
            ("includes/content_meta.html", "includes/share_tools.html", "includes/related_content.html"),
        ),
        ("index", ("includes/content_card.html", "includes/filter_links.html", "includes/pagination.html")),
        (
            "place",
            (
                "destinations/includes/emergency_numbers.html",
                "destinations/includes/consular_contact.html",
                "destinations/includes/entry_rules.html",
            ),
        ),
    ],
)
def test_the_second_request_renders_no_kept_fragment_again(client, request, page, inside):
    url = request.getfixturevalue(page).url
    if page == "index":
        request.getfixturevalue("article")  # a card to show
    first = rendered(get(client, url))
    assert set(HEADER_AND_FOOTER + inside) <= first
    second = rendered(get(client, url))
    assert not set(HEADER_AND_FOOTER + inside) & second


def test_the_home_page_keeps_its_header_and_footer(client):
    get(client, "/zh-hans/")
    assert not set(HEADER_AND_FOOTER) & rendered(get(client, "/zh-hans/"))


def test_each_language_and_each_page_has_its_own(client, index, article):
    chinese, english = get(client, "/zh-hans/").content.decode(), get(client, "/en/").content.decode()
    assert "Consular hotline" in english and "Consular hotline" not in chinese
    other = cf.ArticlePageFactory(parent=index, title="另一篇文章")
    get(client, article.url), get(client, other.url)
    assert "<h1>保管好护照</h1>" in get(client, article.url).content.decode()
    page = get(client, other.url).content.decode()
    assert "<h1>另一篇文章</h1>" in page and "保管好护照" not in page


def test_a_kept_page_looks_the_same_as_a_fresh_one(client, article, index, place):
    for url in ("/zh-hans/", "/en/", article.url, index.url, place.url, f"{index.url}?topic=nothing&page=9"):
        fresh = get(Client(), url).content
        kept = get(Client(), url).content
        assert kept == fresh, url


# Never stale: an edit shows on the next request --------------------------------------------------


def test_publishing_a_page_shows_its_new_body_at_once(client, article):
    assert "正文第一版" in get(client, article.url).content.decode()
    article.body = [("paragraph", "<p>正文第二版</p>")]
    article.title = "保管好护照和签证"
    article.save_revision().publish()
    page = get(client, article.url).content.decode()
    assert "正文第二版" in page and "正文第一版" not in page
    assert "保管好护照和签证" in page


def test_a_new_article_shows_in_the_index_list_at_once(client, index, article):
    assert "新发布的文章" not in get(client, index.url).content.decode()
    cf.ArticlePageFactory(parent=index, title="新发布的文章")
    assert "新发布的文章" in get(client, index.url).content.decode()


def test_settings_saved_show_in_the_header_and_footer_at_once(client, portal_settings, article):
    get(client, article.url)
    portal_settings.office_name_zh = "驻新城总领事馆"
    portal_settings.hotline_abroad_display = "+86 10 9999 0000"
    portal_settings.save()
    page = get(client, article.url).content.decode()
    assert page.count("驻新城总领事馆") >= 2  # the header's brand and the footer
    assert "+86 10 9999 0000" in page


def test_a_new_menu_page_shows_in_the_header_at_once(client, home_zh, article):
    get(client, article.url)
    cf.ContentIndexPageFactory(parent=home_zh, title="新的菜单栏目", slug="new-menu", show_in_menus=True)
    assert "新的菜单栏目" in get(client, article.url).content.decode()


def test_destination_facts_saved_show_at_once(client, place):
    get(client, place.url)
    destination = place.destination
    destination.police_number = "112233"
    destination.save()
    assert "112233" in get(client, place.url).content.decode()


def test_an_alert_ending_leaves_the_destination_page_on_time_while_its_facts_stay_kept(
    client, home_zh, place, monkeypatch
):
    alerts = destination_factories.AlertIndexPageFactory(parent=home_zh)
    ends = timezone.now() + datetime.timedelta(seconds=90)
    destination_factories.SafetyAlertPageFactory(
        parent=alerts, destinations=[place.destination], title="即将结束的提醒", valid_until=ends
    )
    assert "即将结束的提醒" in get(client, place.url).content.decode()
    later = timezone.now() + datetime.timedelta(seconds=91)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = get(client, place.url)
    assert "即将结束的提醒" not in response.content.decode()
    assert "destinations/includes/emergency_numbers.html" not in rendered(response)


def test_a_preview_renders_its_own_draft_not_the_kept_page(client, article):
    get(Client(), article.url)  # kept
    editor = UserFactory(is_superuser=True, is_staff=True)
    draft = Page.objects.get(pk=article.pk).specific
    draft.body = [("paragraph", "<p>草稿里的正文</p>")]
    draft.summary = "草稿里的摘要"
    revision = draft.save_revision(user=editor)
    client.force_login(editor)
    preview = client.get(f"/admin/pages/{article.pk}/revisions/{revision.pk}/view/").content.decode()
    assert "草稿里的正文" in preview and "草稿里的摘要" in preview
    live = get(Client(), article.url).content.decode()
    assert "草稿里的正文" not in live and "正文第一版" in live


# Never personal -------------------------------------------------------------------------------


@pytest.mark.parametrize("signed_in_first", [True, False])
def test_a_signed_in_persons_name_never_reaches_anyone_else(article, index, place, signed_in_first):
    person = UserFactory(name=PERSON)
    other = UserFactory(name="Another Reader")
    urls = ["/zh-hans/", "/en/", article.url, index.url, place.url]
    signed_in, someone_else = Client(), Client()
    signed_in.force_login(person)
    someone_else.force_login(other)
    order = [signed_in, Client(), someone_else] if signed_in_first else [Client(), someone_else, signed_in]
    for visitor in order + order:
        for url in urls:
            page = get(visitor, url).content.decode()
            if visitor is signed_in:
                assert PERSON in page and "Another Reader" not in page, url
            else:
                assert PERSON not in page, url
                assert ("Another Reader" in page) is (visitor is someone_else), url


def test_a_signed_in_person_gets_their_own_header_and_an_anonymous_visitor_the_log_in_links(article):
    person = UserFactory(name=PERSON)
    signed_in = Client()
    signed_in.force_login(person)
    get(Client(), article.url)
    mine = get(signed_in, article.url).content.decode()
    assert "/accounts/logout/" in mine and "/accounts/login/" not in mine.split("</header>")[0]
    anonymous = get(Client(), article.url).content.decode()
    assert "/accounts/login/" in anonymous and "/accounts/logout/" not in anonymous


def test_a_kept_fragment_holds_no_message_and_no_form_token(client, article):
    """Messages and the CSRF token are hidden inside a kept fragment, kept or not."""
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get(article.url)
    request.user = UserFactory(name=PERSON)
    template = Template(
        "{% load kept_fragments %}{% kept 'probe' %}"
        "[{{ user.name }}|{{ messages }}|{{ csrf_token }}]{% endkept %}"
    )
    context = Context({"request": request, "user": request.user, "messages": ["a note"], "csrf_token": "tok"})
    assert template.render(context) == "[||]"
    assert template.render(context) == "[||]"


def test_a_destination_pages_facts_are_read_once_per_site_version(client, place):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    get(client, place.url)
    with CaptureQueriesContext(connection) as warm:
        get(client, place.url)
    tables = ('"destinations_destination"', '"destinations_consularcontact"', '"destinations_changenote"')
    assert not [query for query in warm.captured_queries if any(table in query["sql"] for table in tables)]


def test_a_consular_contact_saved_shows_on_the_destination_page_at_once(client, place):
    get(client, place.url)
    contact = place.destination.contacts.first()
    contact.phone = "+33199998888"
    contact.save()
    assert "+33199998888" in get(client, place.url).content.decode()


def test_a_pages_own_row_is_read_once_per_site_version(client, article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    get(client, article.url)  # keeps its route and the page (home/page_routes.py)
    with CaptureQueriesContext(connection) as warm:
        get(client, article.url)
    assert not [query for query in warm.captured_queries if "home_articlepage" in query["sql"]]


def test_a_live_page_saved_without_publishing_shows_at_once(client, article):
    get(client, article.url)
    article.title = "脚本改过的标题"
    article.save()
    assert "脚本改过的标题" in get(client, article.url).content.decode()


def test_a_kept_content_index_list_reads_no_card(client, index, article):
    from django.utils.functional import empty

    get(client, index.url)
    response = get(client, index.url)
    assert "保管好护照" in response.content.decode()
    assert response.context["items"]._wrapped is empty  # the cards were never read


def test_a_made_up_path_or_search_keeps_no_fragment_of_its_own(client):
    from django.core.cache import cache

    def fragments():
        return [key for key in cache._cache if ":fragment:" in key]

    get(client, "/zh-hans/")
    kept = fragments()
    made_up = ["/zh-hans/no-such-page-1/", "/zh-hans/no-such-page-2/", "/zh-hans/no/such/page/"]
    for path in made_up:
        response = client.get(path)
        assert response.status_code == 404
        assert "includes/header.html" in rendered(response)
    for query in ("护照", "签证", "zzqq"):
        response = get(client, f"/zh-hans/search/?q={query}")
        assert "includes/header.html" in rendered(response)
        assert f'value="{query}"' in response.content.decode()
    assert len(fragments()) <= len(kept) + 1  # the search page's meta tags, whatever the query
