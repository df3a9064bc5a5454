"""The demo privacy notice says what is collected, why, for how long, who is responsible and what
rights people have, in both languages; seeding again brings an untouched notice up to date."""

import io

import pytest

from home.demo import DemoSeeder, load_demo_data
from home.models import StandardPage

pytestmark = pytest.mark.django_db

MENTIONS = {
    "zh-hans": [
        "账户",
        "测验记录",
        "活动报名",
        "电话",
        "工作单位",
        "安全提醒订阅",
        "为什么收集",
        "保存多久",
        "不会自动删除",
        "活动结束后 1 年",
        "退订",
        "外事办公室是您个人信息的处理者",
        "consular@example.org",
        "个人信息保护法",
        "查阅、复制",
        "更正、补充",
        "删除",
        "撤回同意",
    ],
    "en": [
        "Your account",
        "Quiz attempts",
        "Event registrations",
        "phone number",
        "organisation",
        "Alert subscriptions",
        "What we collect and why",
        "How long we keep it",
        "does not delete them by itself",
        "until one year after the event",
        "unsubscribe",
        "responsible for (the “controller” of) your personal information",
        "consular@example.org",
        "Personal Information Protection Law",
        "to see and copy",
        "to correct and complete",
        "to have it deleted",
        "to withdraw your consent",
    ],
}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_privacy_notice_names_each_kind_of_data_its_purpose_retention_controller_and_rights(client, language):
    html = client.get(f"/{language}/privacy/").content.decode()
    missing = [words for words in MENTIONS[language] if words not in html]
    assert missing == []


def privacy_pages(home_zh, en):
    page = StandardPage.objects.child_of(home_zh).get(slug="privacy")
    return page, page.get_translation(en)


def set_words(page, intro, user=None):
    page.intro = intro
    page.save_revision(user=user).publish()


def seed():
    DemoSeeder(io.StringIO()).run()


def test_seeding_again_brings_an_untouched_privacy_notice_up_to_date(home_zh, en):
    chinese, english = privacy_pages(home_zh, en)
    set_words(chinese, "旧的声明")
    set_words(english, "The old notice")
    seed()
    pages = load_demo_data("home", "site")["standard_pages"]
    spec = next(page for page in pages if page["slug"] == "privacy")
    chinese.refresh_from_db()
    english.refresh_from_db()
    assert chinese.intro == spec["zh-hans"]["intro"]
    assert english.intro == spec["en"]["intro"]
    assert chinese.live_revision.content["intro"] == spec["zh-hans"]["intro"]


def test_seeding_again_leaves_a_notice_an_editor_changed(home_zh, en, make_user):
    chinese, _english = privacy_pages(home_zh, en)
    set_words(chinese, "编辑改过的声明", user=make_user())
    seed()
    chinese.refresh_from_db()
    assert chinese.intro == "编辑改过的声明"


def test_seeding_an_up_to_date_site_makes_no_new_revision(home_zh, en):
    chinese, english = privacy_pages(home_zh, en)
    revisions = chinese.revisions.count(), english.revisions.count()
    seed()
    assert (chinese.revisions.count(), english.revisions.count()) == revisions


def test_demo_settings_choose_the_accessibility_and_contact_pages_and_name_the_host(portal_settings, home_zh):
    assert portal_settings.accessibility_page.slug == "accessibility"
    assert portal_settings.contact_page.slug == "contact"
    assert portal_settings.host_organisation_zh
    assert portal_settings.host_organisation_en
    # A made-up number would claim a filing that does not exist.
    assert portal_settings.icp_filing_number == ""
