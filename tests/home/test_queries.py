import pytest

from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/zh-hans/", "/en/", "/zh-hans/about/", "/en/contact/"])
def test_public_pages_render_in_at_most_15_queries(client, path, django_assert_max_num_queries):
    client.get(path)  # the first request warms Wagtail's per-process caches (site root paths)
    with django_assert_max_num_queries(15):
        assert client.get(path).status_code == 200


def test_home_page_queries_do_not_grow_with_menu_pages(client, home_zh, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/zh-hans/")
    with CaptureQueriesContext(connection) as before:
        client.get("/zh-hans/")
    for n in range(30):
        page = StandardPage(title=f"菜单页 {n}", slug=f"menu-{n}", show_in_menus=True)
        home_zh.add_child(instance=page)
        page.save_revision().publish()
    client.get("/zh-hans/")
    with CaptureQueriesContext(connection) as after:
        html = client.get("/zh-hans/").content.decode()
    assert "菜单页 29" in html
    assert len(after.captured_queries) == len(before.captured_queries)
