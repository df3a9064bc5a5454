import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page

from home.models import StandardPage
from tests.accounts.factories import staff_user

pytestmark = pytest.mark.django_db


def edit_form_data(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_editor_cannot_publish(client, make_user, about_zh):
    live_revision = about_zh.live_revision_id
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    client.post(
        f"/admin/pages/{about_zh.pk}/edit/",
        edit_form_data(about_zh, title="编辑擅自发布", **{"action-publish": "action-publish"}),
    )
    about_zh.refresh_from_db()
    assert about_zh.title == "关于我们"
    assert about_zh.live_revision_id == live_revision
    assert "编辑擅自发布" not in Client().get("/zh-hans/about/").content.decode()


def test_editor_permissions_exclude_publish(make_user, about_zh):
    editor = staff_user(group="Editors", admin_language="zh-hans")
    permissions = about_zh.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_editor_can_submit_for_moderation(client, make_user, about_zh):
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    client.post(
        f"/admin/pages/{about_zh.pk}/edit/",
        edit_form_data(about_zh, title="提交审核的标题", **{"action-submit": "action-submit"}),
    )
    about_zh.refresh_from_db()
    assert about_zh.title == "关于我们"  # still the live title
    assert about_zh.current_workflow_state is not None
    assert about_zh.get_latest_revision().content["title"] == "提交审核的标题"


def test_moderator_can_publish(client, make_user, about_zh):
    moderator = staff_user(group="Moderators", admin_language="zh-hans")
    assert about_zh.permissions_for_user(moderator).can_publish()


def test_the_default_moderation_workflow_covers_the_site(home_zh, home_en):
    for page in (home_zh, home_en, StandardPage.objects.child_of(home_zh).first()):
        workflow = page.get_workflow()
        assert workflow is not None
        assert workflow.name == "审核"


def test_officers_group_exists_with_admin_access():
    officers = Group.objects.get(name="Officers")
    assert officers.permissions.filter(codename="access_admin").exists()


def test_groups_are_not_duplicated():
    for name in ("Editors", "Moderators", "Officers"):
        assert Group.objects.filter(name=name).count() == 1


def test_root_has_one_home_page_per_language():
    root = Page.get_first_root_node()
    assert sorted(root.get_children().values_list("locale__language_code", flat=True)) == ["en", "zh-hans"]
