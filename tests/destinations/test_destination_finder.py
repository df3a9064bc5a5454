"""The home page's destination finder ("我要去…"): a GET form to the destination index that works
without JavaScript (one match goes straight to its page), and the data its script suggests from."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.sections import HomeOrder
from destinations.finder import FINDER_ORDER
from destinations.levels import Region
from destinations.models import DestinationPage
from tests.destinations.factories import (
    DestinationFactory,
    DestinationIndexPageFactory,
    DestinationPageFactory,
)
from tests.factories import translate

pytestmark = pytest.mark.django_db

# Codes the demo does not use, for growing the list of destinations.
MORE_CODES = [
    *("AD", "AG", "AL", "AM", "AO", "AZ", "BB", "BF", "BI", "BJ", "BS", "BT", "BW", "BZ", "CF"),
    *("CM", "CV", "DJ", "DM", "ER", "FJ", "GA", "GD", "GH", "GM", "GN", "GQ", "GW", "GY", "HT"),
]


PLACES = {"TH": "泰国", "AU": "澳大利亚", "MY": "马来西亚", "KE": "肯尼亚", "FR": "法国"}


@pytest.fixture
def index_zh(home_zh):
    """A destination index with five destinations, in Chinese."""
    index = DestinationIndexPageFactory(parent=home_zh, slug="destinations")
    for code, name in PLACES.items():
        DestinationPageFactory(parent=index, destination=DestinationFactory(country=code), title=name)
    return index


@pytest.fixture
def index_en(index_zh):
    """The same, in English too."""
    index = translate(index_zh, "en", title="Destinations")
    for page in DestinationPage.objects.child_of(index_zh):
        with translation.override("en"):
            title = str(page.destination)
        translate(page, "en", title=title)
    return index


def thailand_url(locale):
    return DestinationPage.objects.live().get(locale=locale, destination__country="TH").url


def finder_data(html):
    found = re.search(r'<script id="destination-finder-data" type="application/json">(.*?)</script>', html)
    assert found, "the finder's data is not on the page"
    return json.loads(found.group(1))


def test_the_finder_comes_first_among_the_home_page_sections():
    assert FINDER_ORDER == HomeOrder.DESTINATION_FINDER
    assert min(HomeOrder) == HomeOrder.DESTINATION_FINDER


def test_home_page_offers_the_finder_as_a_get_form_to_the_destination_index(client, index_zh):
    html = client.get("/zh-hans/").content.decode()
    assert "我要去…" in html
    form = html[html.index('<form class="destination-finder"') :]
    form = form[: form.index("</form>")]
    assert 'method="get"' in form and f'action="{index_zh.url}"' in form
    assert 'name="q"' in form and '<input type="hidden" name="go" value="1">' in form
    assert '<label class="form-label destination-finder__label" for="destination-finder-input">' in form
    assert 'src="/static/js/destination-match.js" defer' in html
    assert 'src="/static/js/destination-finder.js" defer' in html


def test_finder_data_names_each_destination_in_both_languages_with_its_pinyin(client, zh, en, index_en):
    chinese = {entry["name"]: entry for entry in finder_data(client.get("/zh-hans/").content.decode())}
    assert chinese["泰国"]["other"] == "Thailand"
    assert chinese["泰国"]["url"] == thailand_url(zh)
    assert chinese["泰国"]["match"] == "泰国 thailand th taiguo"
    english = {entry["name"]: entry for entry in finder_data(client.get("/en/").content.decode())}
    assert english["Thailand"]["other"] == "泰国"
    assert english["Thailand"]["url"] == thailand_url(en)


def test_finder_data_is_escaped_for_a_script_element(client, index_zh):
    html = client.get("/zh-hans/").content.decode()
    data = html[html.index('id="destination-finder-data"') :]
    data = data[data.index(">") + 1 : data.index("</script>")]
    assert "<" not in data and "&" not in data


@pytest.mark.parametrize("query", ["泰国", "Thailand", "taiguo", " TaiGuo ", "泰"])
def test_one_match_goes_straight_to_the_destination_page_without_javascript(client, zh, index_zh, query):
    response = client.get(index_zh.url, {"q": query, "go": "1"})
    assert response.status_code == 302
    assert response["Location"] == thailand_url(zh)


def test_the_english_finder_goes_to_the_english_page(client, en, index_en):
    response = client.get(index_en.url, {"q": "泰国", "go": "1"})
    assert response["Location"] == thailand_url(en)


def test_several_matches_are_listed_on_the_index(client, index_zh):
    response = client.get(index_zh.url, {"q": "亚", "go": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("澳大利亚", "马来西亚", "肯尼亚"):
        assert f">{name}</a>" in html
    assert ">泰国</a>" not in html
    assert 'value="亚"' in html  # the box keeps what was typed


def test_no_match_says_so_on_the_index(client, index_en):
    response = client.get(index_en.url, {"q": "Atlantis", "go": "1"})
    assert response.status_code == 200
    assert "No destination matches." in response.content.decode()


def test_an_empty_query_lists_every_destination(client, index_zh):
    response = client.get(index_zh.url, {"q": "  ", "go": "1"})
    assert response.status_code == 200
    assert ">泰国</a>" in response.content.decode()


def test_the_index_filter_itself_still_lists_a_single_match(client, index_zh):
    """Only the finder's form (go=1) jumps: the index's own filter keeps showing its list."""
    response = client.get(index_zh.url, {"q": "泰国"})
    assert response.status_code == 200
    assert ">泰国</a>" in response.content.decode()


def test_no_finder_when_no_destination_has_a_page_in_the_language(client, index_en):
    index_en.unpublish()
    html = client.get("/en/").content.decode()
    assert "destination-finder" not in html
    assert "Where are you going?" not in html


def home_queries(client, path):
    with CaptureQueriesContext(connection) as cold:
        assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get(path).status_code == 200
    return len(cold.captured_queries), len(warm.captured_queries)


def test_home_page_queries_do_not_grow_with_destinations(client, index_zh):
    client.get("/zh-hans/")  # Wagtail's per-process caches (site root paths)
    DestinationPageFactory(parent=index_zh, destination=DestinationFactory(country=MORE_CODES[0]))
    few_cold, few_warm = home_queries(client, "/zh-hans/")
    for code in MORE_CODES[1:]:
        DestinationPageFactory(
            parent=index_zh, destination=DestinationFactory(country=code, region=Region.AFRICA)
        )
    many_cold, many_warm = home_queries(client, "/zh-hans/")
    assert len(finder_data(client.get("/zh-hans/").content.decode())) == len(PLACES) + len(MORE_CODES)
    assert many_cold == few_cold  # after a publish every cached section is rebuilt, the finder's in two
    assert many_warm == few_warm <= 15
