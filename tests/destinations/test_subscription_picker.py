"""The alert subscription's destinations: checkboxes that work without JavaScript, each carrying what
a reader may type to find it (Chinese, English, pinyin, ISO code) for the type-to-find picker."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from destinations.models import AlertSubscription
from tests.destinations.factories import AlertSubscriptionFactory, DestinationFactory

pytestmark = pytest.mark.django_db


def url(name, language="zh-hans", **kwargs):
    with translation.override(language):
        return reverse(f"destinations:{name}", kwargs=kwargs)


@pytest.fixture
def places(db):
    return [DestinationFactory(country="FR"), DestinationFactory(country="TH")]


def checkbox(html, code):
    found = re.search(rf'<input type="checkbox"[^>]*name="destinations" value="{code}"[^>]*>', html)
    assert found, f"no checkbox for {code}"
    return found.group(0)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_destination_is_a_checkbox_carrying_its_names_code_and_pinyin(client, places, language):
    html = client.get(url("subscribe", language)).content.decode()
    assert 'data-match="泰国 thailand th taiguo"' in checkbox(html, "TH")
    assert 'data-match="法国 france fr faguo"' in checkbox(html, "FR")


def test_the_find_box_is_hidden_until_its_script_runs(client, places):
    html = client.get(url("subscribe")).content.decode()
    assert '<div class="destination-picker__finder" hidden data-destination-picker-finder>' in html
    # The find box sends nothing: only the checkboxes are the form's answer.
    box = re.search(r"<input[^>]*data-destination-picker-input[^>]*>", html).group(0)
    assert "name=" not in box
    assert '<label class="form-label" for="destination-picker-input">查找国家或地区</label>' in html
    assert 'src="/static/js/destination-match.js" defer' in html
    assert 'src="/static/js/destination-picker.js" defer' in html
    assert 'data-remove-label="移除%(name)s"' in html


def test_a_destination_in_the_link_is_ticked_already(client, places):
    html = client.get(url("subscribe"), {"destination": "th"}).content.decode()
    assert "checked" in checkbox(html, "TH")
    assert "checked" not in checkbox(html, "FR")


def test_subscribing_with_ticked_checkboxes_works_without_javascript(client, places):
    response = client.post(
        url("subscribe"), {"email": "ann@example.org", "language": "zh-hans", "destinations": ["TH", "FR"]}
    )
    assert response.status_code == 302
    assert response["Location"] == url("subscribe_sent")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"destinations": ["XX"]}, "Choose destinations from the list."),
        ({"destinations": []}, "Choose at least one destination, or “All destinations”."),
    ],
)
def test_bad_choices_say_what_is_wrong_keep_the_picker_and_change_nothing(client, places, data, message):
    response = client.post(url("subscribe", "en"), {"email": "ann@example.org", "language": "en", **data})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "data-destination-picker-input" in html
    assert 'data-match="泰国 thailand th taiguo"' in checkbox(html, "TH")
    assert not AlertSubscription.objects.exists()


def test_the_preferences_page_offers_the_same_picker(client, places):
    subscription = AlertSubscriptionFactory(destinations=[places[1]])
    html = client.get(url("preferences", token=subscription.token)).content.decode()
    assert "data-destination-picker-input" in html
    assert "checked" in checkbox(html, "TH")
