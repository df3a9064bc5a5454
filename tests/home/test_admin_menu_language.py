"""Menu items that Wagtail and wagtail-localize put into words once per process (home/admin_menu.py):
an editor reading the admin in Chinese sees them in Chinese even when the menu was first built in
English, and the English editor still sees English."""

import pytest
from django.utils import translation
from wagtail.admin.menu import help_menu, reports_menu

from tests.accounts.factories import staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def menus_built_in_english():
    """The help and reports menus built afresh while English is active, as when the first admin
    request of a process comes from an English editor."""
    for menu in (help_menu, reports_menu):
        menu.__dict__.pop("registered_menu_items", None)
    with translation.override("en"):
        for menu in (help_menu, reports_menu):
            assert menu.registered_menu_items
    yield
    for menu in (help_menu, reports_menu):
        menu.__dict__.pop("registered_menu_items", None)


def test_a_chinese_editor_reads_them_in_chinese(client, menus_built_in_english):
    client.force_login(staff_user(group="Editors", admin_language="zh-hans", is_superuser=True))
    html = client.get("/admin/").content.decode()
    assert "Translations" not in html and "What's new in Wagtail" not in html
    assert "Editor Guide" not in html


def test_an_english_editor_still_reads_english(client, menus_built_in_english):
    client.force_login(staff_user(group="Editors", admin_language="en", is_superuser=True))
    html = client.get("/admin/").content.decode()
    assert "What&#x27;s new in Wagtail" in html or "What's new in Wagtail" in html
