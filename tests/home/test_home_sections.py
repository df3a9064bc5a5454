import pytest
from django.template.loader import render_to_string
from django.utils import translation
from wagtail import hooks

from accounts.sections import HOME_PAGE_SECTIONS, Section

pytestmark = pytest.mark.django_db


def upcoming(request):
    return Section(
        order=20, title="Upcoming events", template_name="home/tests/section.html", context={"note": "B"}
    )


def alerts(request):
    return Section(
        order=10, title="Safety alerts", template_name="home/tests/section.html", context={"note": "A"}
    )


def test_other_rooms_add_sections_to_the_home_page_in_order(client):
    with (
        hooks.register_temporarily(HOME_PAGE_SECTIONS, upcoming),
        hooks.register_temporarily(HOME_PAGE_SECTIONS, alerts),
    ):
        html = client.get("/en/").content.decode()
    assert html.index("Safety alerts") < html.index("Upcoming events")
    assert '<p class="test-home-section">A</p>' in html


def test_a_section_that_returns_none_is_left_out(client):
    with hooks.register_temporarily(HOME_PAGE_SECTIONS, lambda request: None):
        assert client.get("/en/").status_code == 200


def test_server_error_page_needs_no_database_and_shows_the_hotline():
    with translation.override("en"):
        html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert 'href="tel:+861012308"' in html
    with translation.override("zh-hans"):
        assert "出错了" in render_to_string("500.html")
