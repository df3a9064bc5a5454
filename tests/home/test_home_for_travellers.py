"""The home page for someone about to travel: its sections in HomeOrder, one emergency box, the language
switch and the large-text switch outside the collapsed menu, the consular tasks first in the menu."""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from accounts.sections import HOME_PAGE_SECTIONS, HomeOrder, Section
from destinations.finder import FINDER_ORDER
from destinations.sections import HOME_ALERTS_ORDER
from events.sections import HOME_EVENTS_ORDER
from home.models import HomePageFeature
from quizzes.sections import HOME_QUIZ_ORDER
from tests.home import factories as cf

pytestmark = pytest.mark.django_db


def stub_section(order, marker):
    def section_for(request):
        return Section(
            order=order, title=marker, template_name="home/tests/section.html", context={"note": marker}
        )

    return section_for


def test_each_room_takes_its_place_from_home_order():
    assert FINDER_ORDER == HomeOrder.DESTINATION_FINDER
    assert HOME_ALERTS_ORDER == HomeOrder.SAFETY_ALERTS
    assert HOME_QUIZ_ORDER == HomeOrder.FEATURED_QUIZ
    assert HOME_EVENTS_ORDER == HomeOrder.UPCOMING_EVENTS
    assert list(HomeOrder) == sorted(HomeOrder)
    assert (
        HomeOrder.DESTINATION_FINDER
        < HomeOrder.SAFETY_ALERTS
        < HomeOrder.FEATURED_QUIZ
        < HomeOrder.FEATURED_CONTENT
        < HomeOrder.UPCOMING_EVENTS
    )


def test_finder_then_alerts_then_quiz_and_content_then_events_in_the_markup(client, home_zh):
    featured = cf.ArticlePageFactory(parent=cf.ContentIndexPageFactory(parent=home_zh), title="编辑精选文章")
    HomePageFeature.objects.create(home=home_zh, page=featured, sort_order=0)
    # Registered in the wrong order on purpose: HomeOrder decides, not the order of registration.
    with (
        hooks.register_temporarily(
            HOME_PAGE_SECTIONS, stub_section(HomeOrder.UPCOMING_EVENTS, "STUB-EVENTS")
        ),
        hooks.register_temporarily(HOME_PAGE_SECTIONS, stub_section(HomeOrder.FEATURED_QUIZ, "STUB-QUIZ")),
        hooks.register_temporarily(HOME_PAGE_SECTIONS, stub_section(HomeOrder.SAFETY_ALERTS, "STUB-ALERTS")),
        hooks.register_temporarily(
            HOME_PAGE_SECTIONS, stub_section(HomeOrder.DESTINATION_FINDER, "STUB-FINDER")
        ),
    ):
        html = client.get("/zh-hans/").content.decode()
    positions = [
        html.index(marker)
        for marker in (
            'id="destination-finder-heading"',
            'id="safety-alerts-heading"',
            "海外遇险怎么办？",  # the demo's emergency box (the page's body)
            'id="featured-quiz-heading"',
            'id="featured-content-heading"',
            "编辑精选文章",
            'id="upcoming-events-heading"',
            'id="latest-content-heading"',
        )
    ]
    assert positions == sorted(positions)
    assert html.index("<h1") < positions[0]  # the hero's title, then the finder


@pytest.mark.parametrize("path", ["/zh-hans/", "/en/"])
def test_the_hotline_is_shown_by_the_bar_and_one_emergency_box_only(client, path):
    html = client.get(path).content.decode()
    above_footer = html[: html.index("<footer")] if "<footer" in html else html
    main = html[html.index("<main") : html.index("</main>")]
    hero = main[main.index('<section class="hero') : main.index("</section>")]
    assert "12308" not in hero  # neither in its text nor as a second "Call 12308" button
    assert main.count("callout--emergency") == 1
    box = re.search(r'<div class="callout callout--emergency".*?</div>', main, re.DOTALL).group(0)
    assert "12308" in box
    # One link that dials it above the footer: the emergency bar's.
    assert above_footer.count('href="tel:+861012308"') == 1
    bar = above_footer[above_footer.index('<aside class="emergency-bar"') :]
    assert 'href="tel:+861012308"' in bar[: bar.index("</aside>")]


def test_the_hero_text_is_set_regular_and_dark_not_light():
    css = Path("static/css/portal.css").read_text(encoding="utf-8")
    hero_rules = "".join(re.findall(r"\.hero__(?:title|text)\s*\{[^}]*\}", css))
    assert "font-weight: 700" in hero_rules and "font-weight: 400" in hero_rules
    assert "300" not in hero_rules
    template = Path("templates/home/home_page.html").read_text(encoding="utf-8")
    assert "lead" not in template and "display-6" not in template  # Bootstrap's light (300) styles


def relative_luminance(hex_colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(foreground, background):
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_hero_text_and_title_contrast_at_least_4_5_to_1_with_the_pink():
    css = Path("static/css/portal.css").read_text(encoding="utf-8")
    variables = dict(re.findall(r"(--portal-[a-z-]+):\s*(#[0-9a-f]{6})", css))

    def colour_in(rule_name, prop):
        rule = re.search(rf"\.{rule_name}\s*\{{([^}}]*)\}}", css).group(1)
        value = re.search(rf"(?<![-\w]){prop}:\s*([^;]+);", rule).group(1).strip()
        return variables[value[4:-1]] if value.startswith("var(") else value

    pink = colour_in("hero", "background")
    assert contrast(colour_in("hero", "color"), pink) >= 4.5  # the text
    assert contrast(colour_in("hero__title", "color"), pink) >= 4.5


def header_parts(html):
    header = html[html.index("<header") : html.index("</header>")]
    collapsed = header[header.index('id="site-nav"') :]
    outside = header[: header.index('id="site-nav"')]
    return outside, collapsed


@pytest.mark.parametrize(("path", "other"), [("/zh-hans/", "English"), ("/en/", "简体中文")])
def test_language_switch_and_large_text_switch_sit_outside_the_collapsed_menu(client, path, other):
    outside, collapsed = header_parts(client.get(path).content.decode())
    assert 'class="language-switcher' in outside and "language-switcher" not in collapsed
    assert re.search(
        r'<span aria-hidden="true">中</span><span class="visually-hidden">简体中文</span>', outside
    )
    assert re.search(
        r'<span aria-hidden="true">EN</span><span class="visually-hidden">English</span>', outside
    )
    assert f'<span class="visually-hidden">{other}</span></a>' in outside  # a link to the other language
    switch = re.search(r"<button[^>]*data-large-text-toggle[^>]*>([^<]*)</button>", outside)
    assert switch and 'type="button"' in switch.group(0) and 'aria-pressed="false"' in switch.group(0)
    assert switch.group(1) == ("大字" if path == "/zh-hans/" else "Larger text")


def test_large_text_script_is_static_and_runs_in_head_before_the_stylesheets(client):
    html = client.get("/zh-hans/").content.decode()
    head = html[: html.index("</head>")]
    script = re.search(r'<script src="([^"]*large-text[^"]*\.js)"([^>]*)></script>', head)
    assert script, "large-text.js must load in <head>"
    assert "defer" not in script.group(2) and "async" not in script.group(2)
    assert head.index(script.group(0)) < head.index('rel="stylesheet"')
    assert re.search(r'<link rel="stylesheet" href="[^"]*large-text[^"]*\.css">', head)
    assert "<script>" not in html  # no inline script: the CSP allows none
    # The same HTML for everyone: nothing about the mode is in the markup the server sends.
    assert re.search(r"<html[^>]*>", html).group(0) == '<html lang="zh-Hans">'


def test_large_text_css_enlarges_text_and_touch_targets():
    css = Path("static/css/large-text.css").read_text(encoding="utf-8")
    assert re.search(r"html\.large-text\s*\{\s*font-size:\s*125%", css)
    assert re.search(r"html\.large-text \.btn,[^{]*\{\s*min-height:\s*2\.5rem", css)
    script = Path("static/js/large-text.js").read_text(encoding="utf-8")
    assert "localStorage" in script and "aria-pressed" in script and "classList" in script


def test_menu_leads_with_the_consular_tasks_and_ends_with_about_and_contact(client):
    from destinations.models import AlertIndexPage, DestinationIndexPage
    from events.models import EventIndexPage
    from home.models import HomePage
    from quizzes.models import QuizIndexPage

    home_zh = HomePage.objects.get(locale__language_code="zh-hans", depth=2)
    # Added after the about and contact pages, and in another order than the menu's.
    for model, slug in (
        (EventIndexPage, "events-menu"),
        (QuizIndexPage, "quizzes-menu"),
        (AlertIndexPage, "alerts-menu"),
        (DestinationIndexPage, "destinations-menu"),
    ):
        page = model(title=slug, slug=slug, show_in_menus=True)
        home_zh.add_child(instance=page)
        page.save_revision().publish()
    html = client.get("/zh-hans/").content.decode()
    _, collapsed = header_parts(html)
    menu = collapsed[: collapsed.index("</ul>")]
    hrefs = re.findall(r'class="nav-link[^"]*" href="([^"]+)"', menu)
    assert hrefs == [
        "/zh-hans/destinations-menu/",
        "/zh-hans/alerts-menu/",
        "/zh-hans/knowledge/",
        "/zh-hans/quizzes-menu/",
        "/zh-hans/events-menu/",
        "/zh-hans/about/",
        "/zh-hans/contact/",
    ]


@pytest.mark.parametrize("path", ["/zh-hans/", "/en/"])
def test_home_page_size_and_queries(client, path, django_assert_max_num_queries, capsys):
    client.get(path)  # warm: Wagtail's site root paths, the site cache
    with CaptureQueriesContext(connection) as warm:
        response = client.get(path)
    assert response.status_code == 200
    assert len(warm.captured_queries) <= 15
    size = len(response.content)
    assert size < 60_000
    with capsys.disabled():
        print(f"\nhome page {path}: {size} bytes, {len(warm.captured_queries)} queries warm")
