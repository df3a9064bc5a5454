"""The editor's guide (/admin/guide/), in the editor's admin language, linked from the dashboard."""

import re

import pytest
from django.test import Client

from tests.accounts.factories import staff_user

pytestmark = pytest.mark.django_db

GUIDE = "/admin/guide/"

SECTIONS = {
    "zh-hans": [
        "页面类型",
        "页面网址与草稿",
        "审核发布",
        "翻译",
        "立即发布安全提醒",
        "展览海报",
        "成绩码",
        "单位",
    ],
    "en": [
        "Page types",
        "The page address and drafts",
        "Moderation",
        "Translation",
        "Safety alerts at once",
        "Exhibition posters",
        "Result codes",
        "Organisations",
    ],
}

# What the guide says, named with the words the admin's own buttons and menus use in that language.
KEY_WORDS = {
    "zh-hans": [
        "提交审核",
        "保存草稿",
        "翻译",
        "海报和短链接",
        "测验成绩码查询",
        "预览安全提醒邮件",
        "fangfan-dianxin-zhapian",
    ],
    "en": [
        "Submit for moderation",
        "Save draft",
        "Translate",
        "Poster and short link",
        "Quiz result codes",
        "Preview alert email",
        "fangfan-dianxin-zhapian",
    ],
}


def main_text(html):
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("group", ["Editors", "Moderators", "Officers"])
def test_the_guide_reads_in_the_admin_language(client, make_user, language, group):
    client.force_login(staff_user(group=group, admin_language=language))
    response = client.get(GUIDE)
    assert response.status_code == 200
    text = main_text(response.content.decode())
    for heading in SECTIONS[language]:
        assert f'">{heading}</h2>' in response.content.decode() or heading in text
    for word in KEY_WORDS[language]:
        assert word in text, word


def test_the_chinese_guide_has_no_english_sentence(client, make_user):
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    text = main_text(client.get(GUIDE).content.decode())
    english = re.findall(r"[A-Za-z]{3,}(?: [A-Za-z]{2,}){2,}", text)
    assert english == []
    assert "编辑指南" in client.get(GUIDE).content.decode()  # the page's title
    assert "你" not in text  # 您, never 你


def test_the_guide_explains_organisations_and_service_requests(client, make_user):
    client.force_login(staff_user(group="Officers", admin_language="en"))
    text = main_text(client.get(GUIDE).content.decode())
    for words in ("unified social credit code", "Service requests", "Schedule and make the event page"):
        assert words in text, words
    client.force_login(staff_user(group="Officers", admin_language="zh-hans"))
    text = main_text(client.get(GUIDE).content.decode())
    for words in ("统一社会信用代码", "服务包申请", "安排时间并创建活动页面", "邀请成员"):
        assert words in text, words


def test_the_guide_explains_courses_and_certificates(client, make_user):
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    text = main_text(client.get(GUIDE).content.decode())
    assert "行前培训课程" in text
    assert "证书" in text


def test_the_dashboard_links_to_the_guide(client, make_user):
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    html = client.get("/admin/").content.decode()
    assert f'href="{GUIDE}"' in html
    assert "阅读编辑指南" in html


def test_the_guide_needs_admin_access(make_user):
    anonymous = Client().get(GUIDE)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    visitor = Client()
    visitor.force_login(make_user())
    assert visitor.get(GUIDE).status_code in (302, 403)
