"""The destination index (A–Z, by region, by level, quick filter) and a destination page's facts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from destinations.facts import facts_saved
from destinations.levels import Region, RiskLevel
from destinations.models import ChangeNote, ConsularContact, VisaRequirement
from tests.destinations import factories as f
from tests.home.factories import CaseStudyPageFactory, ContentIndexPageFactory

pytestmark = pytest.mark.django_db

# Codes unlikely to be among the demo destinations, named differently in pinyin and in English.
NAMES = {
    "IS": ("冰岛", "Iceland"),
    "LU": ("卢森堡", "Luxembourg"),
    "MT": ("马耳他", "Malta"),
    "EE": ("爱沙尼亚", "Estonia"),
    "PE": ("秘鲁", "Peru"),
}
MANY_CODES = [
    *("AD", "AG", "AI", "AL", "AM", "AO", "AS", "AW", "AX", "AZ", "BB", "BF", "BI", "BJ", "BL"),
    *("BM", "BQ", "BS", "BT", "BW", "BZ", "CC", "CF", "CK", "CM", "CV", "DJ", "DM", "ER", "FK"),
]


def build(index, code, level=RiskLevel.PAY_ATTENTION, region=Region.EUROPE, english=True, **facts):
    place = f.DestinationFactory(country=code, risk_level=level, region=region, **facts)
    zh_name, en_name = NAMES.get(code, (None, None))
    page = f.DestinationPageFactory(parent=index, destination=place, title=zh_name or place.country.name)
    en_page = f.translate(page, "en", title=en_name or page.title) if english else None
    return place, page, en_page


@pytest.fixture
def index(home_zh):
    return f.DestinationIndexPageFactory(parent=home_zh)


@pytest.fixture
def index_en(index):
    return f.translate(index, "en", title="Destinations")


def links_in_order(html, names):
    found = {name: html.find(f">{name}</a>") for name in names}
    assert all(position >= 0 for position in found.values()), found
    return sorted(names, key=found.get)


def test_index_in_chinese_orders_destinations_by_pinyin(client, index):
    for code in NAMES:
        build(index, code, english=False)
    html = client.get(index.url).content.decode()
    assert links_in_order(html, [zh for zh, _en in NAMES.values()]) == [
        "爱沙尼亚",
        "秘鲁",
        "冰岛",
        "卢森堡",
        "马耳他",
    ]


def test_index_in_english_orders_destinations_a_to_z(client, index, index_en):
    for code in NAMES:
        build(index, code)
    html = client.get(index_en.url).content.decode()
    english = [en for _zh, en in NAMES.values()]
    assert links_in_order(html, english) == ["Estonia", "Iceland", "Luxembourg", "Malta", "Peru"]


def test_index_groups_destinations_under_their_first_letter(client, index):
    build(index, "PE", english=False)
    build(index, "IS", english=False)
    html = client.get(index.url).content.decode()
    assert '<h2 id="letter-b" class="destination-group__heading h5">B</h2>' in html
    assert html.index('id="letter-b"') < html.index(">秘鲁</a>") < html.index(">冰岛</a>")


def test_index_groups_destinations_by_region_on_request(client, index, index_en):
    build(index, "IS", region=Region.EUROPE)
    build(index, "PE", region=Region.LATIN_AMERICA)
    html = client.get(index_en.url, {"group": "region"}).content.decode()
    assert html.index(">Europe</h2>") < html.index(">Iceland</a>")
    assert html.index(">Latin America and the Caribbean</h2>") < html.index(">Peru</a>")
    assert html.index(">Iceland</a>") < html.index(">Latin America and the Caribbean</h2>")


def test_index_shows_each_destinations_current_level(client, index, index_en):
    build(index, "IS", level=RiskLevel.DO_NOT_TRAVEL)
    html = client.get(index_en.url).content.decode()
    item = html[html.index(">Iceland</a>") :]
    item = item[: item.index("</li>")]
    assert "Do not travel for now" in item
    assert "level-icon-octagon-stop" in item


def test_index_lists_only_destinations_with_a_live_page_in_the_readers_language(client, index, index_en):
    build(index, "IS")
    build(index, "PE", english=False)
    _place, _page, withdrawn = build(index, "MT")
    withdrawn.unpublish()
    html = client.get(index_en.url).content.decode()
    assert ">Iceland</a>" in html
    assert "Peru" not in html and "秘鲁" not in html
    assert "Malta" not in html
    assert 'href="/en/destinations-test/is/"' in html


def test_index_filters_by_risk_level_with_links(client, index, index_en):
    build(index, "IS", level=RiskLevel.DO_NOT_TRAVEL)
    build(index, "PE", level=RiskLevel.NONE)
    html = client.get(index_en.url, {"level": "3"}).content.decode()
    assert ">Iceland</a>" in html
    assert ">Peru</a>" not in html
    assert 'href="?level=0"' in html


def test_unknown_risk_level_shows_everything_and_says_so(client, index, index_en):
    build(index, "IS")
    html = client.get(index_en.url, {"level": "9"}).content.decode()
    assert ">Iceland</a>" in html
    assert "That risk level does not exist" in html


@pytest.mark.parametrize("query", ["卢森", "luxem", "LU", "lusen"])
def test_quick_filter_works_without_javascript_by_chinese_english_code_or_pinyin(client, index, query):
    build(index, "LU", english=False)
    build(index, "IS", english=False)
    html = client.get(index.url, {"q": query}).content.decode()
    assert ">卢森堡</a>" in html
    assert ">冰岛</a>" not in html


def test_quick_filter_says_when_nothing_matches(client, index, index_en):
    build(index, "IS")
    html = client.get(index_en.url, {"q": "atlantis"}).content.decode()
    assert "No destination matches." in html
    assert "0 destinations shown" in html


def test_quick_filter_script_is_deferred_and_announces_counts_politely(client, index, index_en):
    build(index, "IS")
    html = client.get(index_en.url).content.decode()
    assert 'src="/static/js/destination-filter.js" defer' in html
    assert 'role="status" aria-live="polite" data-destination-filter-status' in html
    assert 'data-count-other="%(count)s destinations shown"' in html
    # Chinese and English names, ISO code and pinyin, each once (the English page's title is Iceland).
    assert 'data-filter-text="冰岛 iceland is bingdao"' in html
    assert 'src="/static/js/destination-match.js" defer' in html


def queries_for(client, url):
    client.get(url)  # warms the caches (site root paths, alert list, settings)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_index_queries_do_not_grow_with_destinations(client, index):
    for code in MANY_CODES[:3]:
        build(index, code, english=False)
    few = queries_for(client, index.url)
    for code in MANY_CODES[3:30]:
        build(index, code, english=False)
    many = queries_for(client, index.url)
    assert few == many <= 15


# A destination page


def test_page_shows_level_summary_and_prose_sections_skipping_empty_ones(client, index):
    _place, page, _en = build(index, "IS", level=RiskLevel.TRAVEL_WITH_CAUTION, english=False)
    page.health = "<p>冬季注意防寒。</p>"
    page.money = ""
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "level-icon-triangle-warning" in html
    assert "安全形势总体稳定" in html
    assert 'id="safety-heading"' in html and 'id="health-heading"' in html
    assert 'id="money-heading"' not in html and 'id="local-laws-heading"' not in html


def test_page_links_every_number_for_dialling(client, index, index_en):
    _place, _page, en_page = build(index, "IS", police_number="112", ambulance_number="112", fire_number="")
    html = client.get(en_page.url).content.decode()
    assert 'href="tel:112">112</a>' in html
    assert "Fire" not in html.split('class="emergency-numbers')[1].split("</ul>")[0]
    assert 'href="tel:+33149536750"' in html  # the 24-hour consular protection phone
    assert 'href="tel:+33149521950"' in html
    assert 'href="mailto:consular0@example.org"' in html
    assert 'href="https://uri.amap.com/marker?position=2.30,48.87"' in html


def test_page_always_gives_the_12308_hotline_from_china_and_abroad(client, index, index_en):
    _place, _page, en_page = build(index, "IS")
    html = client.get(en_page.url).content.decode()
    section = html[html.index('class="emergency-numbers') :]
    assert 'href="tel:12308">12308</a>' in section
    assert 'href="tel:+861012308">+86-10-12308</a>' in section


def test_page_names_the_embassy_in_the_readers_language(client, index, index_en):
    place, page, en_page = build(index, "IS")
    assert "Chinese Embassy IS 0" in client.get(en_page.url).content.decode()
    assert "中国驻IS使馆0" in client.get(page.url).content.decode()


def test_page_shows_entry_rules_as_structured_facts(client, index, index_en):
    _place, _page, en_page = build(
        index,
        "IS",
        visa_requirement=VisaRequirement.VISA_FREE,
        visa_free_days=30,
        passport_validity_months=6,
        entry_rules_checked_on=datetime.date(2026, 10, 15),
    )
    html = client.get(en_page.url).content.decode()
    assert "Visa-free for stays of up to 30 days" in html
    assert "Valid for at least 6 months beyond the stay" in html
    assert '<time datetime="2026-10-15">' in html


def test_page_says_when_the_facts_are_demo_data(client, index, index_en):
    _place, _page, en_page = build(index, "IS", is_demo=True)
    _other, _page2, en_real = build(index, "PE")
    assert "Demo data." in client.get(en_page.url).content.decode()
    assert "Demo data." not in client.get(en_real.url).content.decode()


def test_a_fact_changed_once_shows_in_both_languages_at_once(client, index, index_en):
    place, page, en_page = build(index, "IS", police_number="112")
    client.get(page.url), client.get(en_page.url)  # both rendered (and anything cacheable cached)
    place.police_number = "1999"
    place.risk_level = RiskLevel.DO_NOT_TRAVEL
    place.save()
    for url in (page.url, en_page.url):
        html = client.get(url).content.decode()
        assert 'href="tel:1999"' in html
        assert 'class="level-badge risk-level-3 level-badge--large"' in html


def test_page_shows_the_latest_change_and_the_history_newest_first(client, index, index_en):
    place, _page, en_page = build(index, "IS")
    facts_saved(place, minor=False, summary_zh="旧", summary_en="Older change")
    note = facts_saved(place, minor=False, summary_zh="新", summary_en="Newest change")
    ChangeNote.objects.filter(pk=note.pk).update(created_at=timezone.now() + datetime.timedelta(days=1))
    html = client.get(en_page.url).content.decode()
    latest = html[html.index("destination-history__latest") :]
    assert latest.index("Newest change") < latest.index("Older change")
    assert "Older change" in latest.split("Earlier changes")[1]


def test_history_is_bounded(client, index, index_en):
    place, _page, en_page = build(index, "IS")
    ChangeNote.objects.bulk_create(
        ChangeNote(destination=place, summary_en=f"Change {n:02d}", risk_level=1) for n in range(25)
    )
    html = client.get(en_page.url).content.decode()
    assert html.count("Change ") == 20
    assert "Older changes are not shown." in html


def test_page_shows_real_life_cases_from_this_country_in_the_readers_language(client, index, home_zh):
    _place, page, _en = build(index, "IS", english=False)
    knowledge = ContentIndexPageFactory(parent=home_zh, slug="knowledge-for-is")
    CaseStudyPageFactory(parent=knowledge, title="冰岛自驾遇暴风雪", country="IS")
    CaseStudyPageFactory(parent=knowledge, title="法国地铁被盗", country="FR")
    html = client.get(page.url).content.decode()
    assert "冰岛自驾遇暴风雪" in html
    assert "法国地铁被盗" not in html


def test_page_offers_the_alert_subscription_and_the_emergency_card(client, index, index_en):
    _place, _page, en_page = build(index, "IS")
    html = client.get(en_page.url).content.decode()
    assert 'href="/en/alerts/subscribe/?destination=IS"' in html
    assert 'href="/en/destinations/is/emergency-card.pdf"' in html


def test_page_links_its_alert_feed(client, index, index_en):
    _place, _page, en_page = build(index, "IS")
    html = client.get(en_page.url).content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/en/feeds/alerts/is/"' in html


def test_page_queries_do_not_grow_with_contacts_or_change_notes(client, index):
    place, page, _en = build(index, "IS", contacts=1, english=False)
    facts_saved(place, minor=False, summary_zh="一次变化")
    few = queries_for(client, page.url)
    for number in range(1, 10):
        ConsularContact.objects.create(
            destination=place,
            sort_order=number,
            name_zh=f"领馆{number}",
            name_en=f"Consulate {number}",
            address="Reykjavik",
            phone="+3545526688",
            emergency_phone="+3545526689",
        )
    for number in range(30):
        facts_saved(place, minor=False, summary_zh=f"变化{number}")
    many = queries_for(client, page.url)
    assert "领馆9" in client.get(page.url).content.decode()
    assert few == many <= 15


# Found by the site search


@pytest.mark.engine  # the search backend
def test_search_finds_a_destination_page_by_its_chinese_name(client, index):
    _place, page, _en = build(index, "IS")
    html = client.get("/zh-hans/search/", {"q": "冰岛"}).content.decode()
    assert f'href="{page.url}"' in html


@pytest.mark.engine  # the search backend
def test_search_finds_a_destination_page_by_its_english_name(client, index, index_en):
    _place, _page, en_page = build(index, "IS")
    html = client.get("/en/search/", {"q": "Iceland"}).content.decode()
    assert f'href="{en_page.url}"' in html
