"""English pages in English: districts named in the reader's language, and every record a person sees
(My events, the cancel page) through the live copy of its event in their language, when there is one."""

import datetime
import importlib
import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone, translation

from events.districts import district_choices, district_name, find_district
from events.models import EventPage
from tests.events import factories as f

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def main_of(html):
    return re.search(r"<main\b.*?</main>", html, re.S).group(0)


def chinese_in(text):
    return CJK.findall(text)


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


@pytest.fixture
def index(home_zh, home_en):
    index = f.EventIndexPageFactory(parent=home_zh)
    f.translate(index, "en", title="Events", intro="Talks and sessions near you.")
    return index


def bilingual_event(index, n=1, **facts):
    """A Chinese event page and its live English copy in English words."""
    page = f.EventPageFactory(
        parent=index,
        title=f"海外安全讲座 {n}",
        venue="东四街道社区文化活动中心",
        address="北京市东城区东四北大街 107 号",
        summary="海外安全与领事保护知识讲座。",
        **{"district": "dongcheng", "starts_at": days(n), **facts},
    )
    english = f.translate(
        page,
        "en",
        title=f"Staying safe abroad {n}",
        venue="Dongsi Community Centre",
        address="107 Dongsi North Street, Dongcheng, Beijing",
        summary="A talk on staying safe abroad and consular protection.",
    )
    return page, english


@pytest.fixture
def person(make_user):
    user = make_user(email="lilei@example.org", name="Li Lei")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


# Districts ----------------------------------------------------------------------------------------


def test_a_district_is_named_in_the_readers_language():
    with translation.override("en"):
        assert district_name("dongcheng") == "Dongcheng"
        assert ("xicheng", "Xicheng") in district_choices()
    with translation.override("zh-hans"):
        assert district_name("dongcheng") == "东城区"


@pytest.mark.parametrize("text", ["东城区", "东城", "Dongcheng", "dongcheng district", " DONGCHENG "])
def test_free_text_names_of_a_district_find_its_value(text):
    assert find_district(text) == "dongcheng"


def test_text_naming_no_district_finds_none():
    assert find_district("Shanghai") is None
    assert find_district("") is None


def test_the_migration_turns_the_old_free_text_into_values():
    migration = importlib.import_module("events.migrations.0005_district_values")
    assert migration.value_of("朝阳区") == "chaoyang"
    assert migration.value_of("Haidian District") == "haidian"
    assert migration.value_of("somewhere else") == ""


def test_the_english_index_names_districts_in_english_and_filters_by_them(client, index):
    bilingual_event(index, 1)
    bilingual_event(index, 2, district="xicheng")

    html = client.get("/en/events-test/").content.decode()
    filtered = client.get("/en/events-test/", {"district": "xicheng"})

    assert "Dongcheng" in html and "Xicheng" in html
    assert "?district=xicheng" in html
    assert [card.page.title for card in filtered.context["cards"]] == ["Staying safe abroad 2"]


def test_the_chinese_index_names_districts_in_chinese(client, index):
    bilingual_event(index)
    html = client.get(index.url).content.decode()
    assert "东城区" in html
    assert "Dongcheng" not in main_of(html)


def test_search_finds_an_event_by_its_district_in_either_language(index):
    page, _english = bilingual_event(index)
    text = EventPage.objects.get(pk=page.pk).search_text()
    assert "东城区" in text and "Dongcheng" in text


# No Chinese on English pages when an English copy exists -------------------------------------------


def test_the_english_event_index_has_no_chinese(client, index):
    for n in range(1, 4):
        bilingual_event(index, n)
    html = main_of(client.get("/en/events-test/").content.decode())
    assert "Staying safe abroad 1" in html
    assert chinese_in(html) == []


def test_the_english_event_page_has_no_chinese(client, index, django_assert_max_num_queries):
    _page, english = bilingual_event(index)
    client.get(english.url)
    with django_assert_max_num_queries(15):
        response = client.get(english.url)
    html = main_of(response.content.decode())
    assert "Staying safe abroad 1" in html
    assert chinese_in(html) == []


def test_the_english_homes_events_have_no_chinese(client, index):
    for n in range(1, 4):
        bilingual_event(index, n)
    html = client.get("/en/").content.decode()
    events = re.search(r'<ul class="[^"]*home-events.*?</ul>', html, re.S).group(0)
    assert "Staying safe abroad 1" in events and "Dongcheng" in events
    assert chinese_in(events) == []


def register_on_english_page(client, english, person):
    client.force_login(person)
    response = client.post(
        english.url + "register/", {"name": "Li Lei", "email": person.email, "phone": "", "organisation": ""}
    )
    assert response.status_code == 302


def test_english_my_events_shows_english_titles_and_places(client, index, person):
    _page, english = bilingual_event(index)
    register_on_english_page(client, english, person)

    with translation.override("en"):
        html = main_of(client.get(reverse("events:my_events")).content.decode())

    assert "Staying safe abroad 1" in html and "Dongsi Community Centre" in html
    assert chinese_in(html) == []


def test_my_events_falls_back_to_the_chinese_words_without_an_english_copy(client, index, person):
    page = f.EventPageFactory(parent=index, title="只有中文的讲座")
    f.RegistrationFactory(event=f.event_of(page), user=person, email=person.email, language="en")
    client.force_login(person)
    with translation.override("en"):
        html = client.get(reverse("events:my_events")).content.decode()
    assert "只有中文的讲座" in html


def test_chinese_my_events_shows_the_chinese_copy_of_an_english_registration(client, index, person):
    _page, english = bilingual_event(index)
    register_on_english_page(client, english, person)
    with translation.override("zh-hans"):
        html = main_of(client.get(reverse("events:my_events")).content.decode())
    assert "海外安全讲座 1" in html
    assert "Staying safe abroad" not in html


@pytest.mark.parametrize("count", [3, 30])
def test_english_my_events_stays_within_its_bound(
    client, index, person, count, django_assert_max_num_queries
):
    for n in range(1, count + 1):
        page, _english = bilingual_event(index, n)
        f.RegistrationFactory(
            event=f.event_of(page), user=person, name=person.name, email=person.email, language="en"
        )
    client.force_login(person)
    with translation.override("en"):
        url = reverse("events:my_events")
    client.get(url)
    with django_assert_max_num_queries(9):
        html = main_of(client.get(url).content.decode())
    assert html.count("Staying safe abroad") == count
    assert chinese_in(html) == []


def test_the_cancel_page_describes_the_event_in_the_readers_language(client, index):
    page, _english = bilingual_event(index)
    registration = f.RegistrationFactory(event=f.event_of(page), language="zh-hans")
    with translation.override("en"):
        url = reverse("events:cancel", args=[registration.cancel_token])
    html = main_of(client.get(url).content.decode())
    assert "Staying safe abroad 1" in html and "Dongsi Community Centre" in html
    assert "海外安全讲座" not in html
