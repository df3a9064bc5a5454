"""A new page with a Chinese title gets a short pinyin slug; published pages keep theirs; a first save that
fails after autosave lands on the autosaved draft, never on "slug already in use" (home/slugs.py)."""

import json

import pytest
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home import slugs
from home.models import ArticlePage, StandardPage
from tests.accounts.factories import staff_user
from tests.factories import publish, translate

from .factories import ArticlePageFactory, ContentIndexPageFactory

pytestmark = pytest.mark.django_db

TITLE = "防范电信诈骗"
PINYIN = "fangfan-dianxin-zhapian"
EMPTY_FORMSET = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}
PUBLISH = "action-publish"


@pytest.fixture
def index(home_zh):
    return ContentIndexPageFactory(parent=home_zh, slug="zhishi-test")


@pytest.fixture
def moderator(make_user):
    return staff_user(group="Moderators", admin_language="en")  # assertions read the admin's English


def add_url(parent, model="articlepage"):
    return f"/admin/pages/add/home/{model}/{parent.pk}/"


def article_form(title=TITLE, slug=TITLE, summary="出国前请了解常见的电信诈骗手法。", action=None, **extra):
    """What the page editor posts: by default the slug Wagtail's own script makes of a Chinese title
    (the title itself) and a body, so only the summary decides whether a publish may go through."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": summary,
            "hero_image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>接到自称公检法的电话，请先挂断核实。</p>"))]),
            "related_links": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
            "comments": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
        }
    )
    if action:
        data[action] = action
    data.update(extra)
    return data


def autosave(client, url, data):
    """Wagtail 8's background save: a JSON post with the form as it is."""
    return client.post(url, data, HTTP_ACCEPT="application/json")


def articles(index, **filters):
    return ArticlePage.objects.child_of(index).filter(**filters)


# The slug itself ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, slug",
    [
        (TITLE, PINYIN),
        ("2026年暑期出国安全讲座", "2026-nian-shuqi-chuguo-anquan-jiangzuo"),
        ("领事保护进万家：走进社区", "lingshi-baohu-jinwanjia-zoujin-shequ"),
        ("女生出国留学安全须知", "nvsheng-chuguo-liuxue-anquan-xuzhi"),
        ("ＡＢＣ旅行团", "abc-lvxingtuan"),
    ],
)
def test_pinyin_slug_of_a_chinese_text(text, slug):
    assert slugs.pinyin_slug(text) == slug


def test_a_long_title_is_cut_between_words():
    slug = slugs.pinyin_slug("出国留学前必须了解的目的地国家法律法规、风俗习惯和安全形势以及紧急求助方式汇总")
    assert len(slug) <= slugs.MAX_LENGTH
    assert slug == "chuguo-liuxue-qian-bixu-liaojie-de-mudidi-guojia-falvfagui"
    assert not slug.endswith("-")


@pytest.mark.parametrize(
    "slug, title, source",
    [
        ("", TITLE, TITLE),  # no slug: the title's
        (TITLE, TITLE, TITLE),  # Wagtail's own copy of the title
        ("诈骗", TITLE, "诈骗"),  # a Chinese slug the editor chose: its own pinyin
        ("scams", TITLE, None),  # an ASCII slug is kept
        ("", "Phone scams", None),  # English titles: Wagtail's slug
        ("café", "Café", None),
    ],
)
def test_what_a_slug_is_made_from(slug, title, source):
    assert slugs.slug_source(slug, title) == source


# New pages made by code (the demo seeder, other rooms) ---------------------------------------------------


def test_a_page_made_by_code_gets_the_pinyin_slug(home_zh):
    page = publish(home_zh, StandardPage(title="领事保护进万家：走进社区"))
    assert page.slug == "lingshi-baohu-jinwanjia-zoujin-shequ"
    assert page.url_path == f"{home_zh.url_path}lingshi-baohu-jinwanjia-zoujin-shequ/"
    assert Client().get("/zh-hans/lingshi-baohu-jinwanjia-zoujin-shequ/").status_code == 200


def test_every_rooms_pages_get_pinyin_slugs(home_zh):
    """The rule is on every page type: events, quizzes and safety alerts made by code, as their rooms do."""
    from tests.destinations.factories import AlertIndexPageFactory, SafetyAlertPageFactory
    from tests.events.factories import EventIndexPageFactory, EventPageFactory
    from tests.quizzes.factories import QuizIndexPageFactory, QuizPageFactory

    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_zh), title="社区展览：防范电信诈骗", slug=""
    )
    quiz = QuizPageFactory(parent=QuizIndexPageFactory(parent=home_zh), title="安全知识问答", slug="")
    alert = SafetyAlertPageFactory(parent=AlertIndexPageFactory(parent=home_zh), title="注意防盗", slug="")
    assert (event.slug, quiz.slug, alert.slug) == (
        f"shequ-zhanlan-{PINYIN}",
        "anquan-zhishi-wenda",
        "zhuyi-fangdao",
    )


def test_a_chinese_slug_given_in_code_becomes_its_pinyin(index):
    page = ArticlePageFactory(parent=index, title=TITLE, slug="诈骗")
    assert page.slug == "zhapian"


def test_ascii_and_english_slugs_are_kept(index):
    assert ArticlePageFactory(parent=index, title=TITLE, slug="scams").slug == "scams"
    assert ArticlePageFactory(parent=index, title="Phone scams abroad", slug="").slug == "phone-scams-abroad"


def test_slugs_are_unique_among_siblings(index, home_zh):
    first = ArticlePageFactory(parent=index, title=TITLE, slug="")
    second = ArticlePageFactory(parent=index, title=TITLE, slug="")
    third = ArticlePageFactory(parent=index, title=TITLE, slug=TITLE)
    elsewhere = publish(home_zh, StandardPage(title=TITLE))
    assert [first.slug, second.slug, third.slug] == [PINYIN, f"{PINYIN}-2", f"{PINYIN}-3"]
    assert elsewhere.slug == PINYIN  # another parent: no clash


def test_the_demo_pages_keep_their_slugs(home_zh):
    """seed_demo gives every page an ASCII slug: nothing of the demo tree is rewritten."""
    assert not [page.slug for page in Page.objects.exclude(depth=1) if not page.slug.isascii()]
    assert StandardPage.objects.child_of(home_zh).filter(slug="about").exists()


def test_translation_copies_are_left_to_the_translation_rules(index):
    """A copy for translation is not given a pinyin slug by this rule (home/translation.py owns it)."""
    source = ArticlePageFactory(parent=index, title=TITLE, slug="")
    Page.objects.filter(pk=source.pk).update(slug=TITLE)  # an older page, slugged before pinyin slugs
    source.refresh_from_db()
    copy = translate(source, title="Beware of phone scams", publish_it=False)
    assert copy.slug != PINYIN


# Existing pages ------------------------------------------------------------------------------------


def test_a_published_page_keeps_its_slug_when_edited(client, moderator, index):
    page = ArticlePageFactory(parent=index, title="旧标题", slug="")
    Page.objects.filter(pk=page.pk).update(
        slug="旧标题", url_path=f"{index.url_path}旧标题/"
    )  # printed on QR codes
    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", article_form(title=TITLE, slug="旧标题", action=PUBLISH)
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.title, page.slug) == (TITLE, "旧标题")


def test_a_published_pinyin_slug_stays_when_the_title_changes(client, moderator, index):
    page = ArticlePageFactory(parent=index, title=TITLE, slug="")
    client.force_login(moderator)
    client.post(
        f"/admin/pages/{page.pk}/edit/",
        article_form(title="谨防网络诈骗", slug=PINYIN, action=PUBLISH),
    )
    page.refresh_from_db()
    assert (page.title, page.slug) == ("谨防网络诈骗", PINYIN)


def test_a_draft_never_published_keeps_an_ascii_slug(client, moderator, index):
    """The browser's slug field may still hold Wagtail's Chinese copy of the title."""
    client.force_login(moderator)
    client.post(add_url(index), article_form())
    draft = articles(index).get()
    assert draft.slug == PINYIN
    client.post(f"/admin/pages/{draft.pk}/edit/", article_form(title="谨防网络诈骗", slug="谨防网络诈骗"))
    draft.refresh_from_db()
    assert draft.slug == "jinfang-wangluo-zhapian"
    client.post(f"/admin/pages/{draft.pk}/edit/", article_form(title="谨防网络诈骗", slug="wangluo"))
    draft.refresh_from_db()
    assert draft.slug == "wangluo"  # an ASCII slug the editor chose


# The admin's create view -----------------------------------------------------------------------------


@pytest.mark.parametrize("posted_slug", [TITLE, ""])
def test_the_create_view_gives_the_pinyin_slug(client, moderator, index, posted_slug):
    client.force_login(moderator)
    response = client.post(add_url(index), article_form(slug=posted_slug, action=PUBLISH))
    assert response.status_code == 302
    page = articles(index).get()
    assert (page.slug, page.live) == (PINYIN, True)
    assert Client().get(f"/zh-hans/zhishi-test/{PINYIN}/").status_code == 200


def test_the_create_view_makes_the_slug_unique(client, moderator, index):
    ArticlePageFactory(parent=index, title=TITLE, slug="")
    client.force_login(moderator)
    client.post(add_url(index), article_form(action=PUBLISH))
    assert set(articles(index).values_list("slug", flat=True)) == {PINYIN, f"{PINYIN}-2"}


def test_an_english_title_keeps_wagtails_slug(client, moderator, index):
    client.force_login(moderator)
    client.post(add_url(index), article_form(title="Phone scams", slug="phone-scams", action=PUBLISH))
    assert articles(index).get().slug == "phone-scams"


def test_the_editor_loads_the_slug_script(client, moderator, index):
    client.force_login(moderator)
    html = client.get(add_url(index)).content.decode()
    assert 'src="/static/js/admin-slug.js"' in html
    assert 'data-slug-url="/admin/pinyin-slug/"' in html


# The slug the editor's script asks for -----------------------------------------------------------------


def test_the_slug_endpoint_gives_a_free_pinyin_slug(client, moderator, index):
    page = ArticlePageFactory(parent=index, title=TITLE, slug="")
    client.force_login(moderator)
    asked = client.get("/admin/pinyin-slug/", {"title": TITLE, "parent": index.pk}).json()
    assert asked == {"slug": f"{PINYIN}-2"}
    own = client.get("/admin/pinyin-slug/", {"title": TITLE, "page": page.pk}).json()
    assert own == {"slug": PINYIN}  # the page's own slug is not taken from itself
    assert client.get("/admin/pinyin-slug/", {"title": "Phone scams", "parent": index.pk}).json() == {
        "slug": ""
    }


def test_the_slug_endpoint_needs_the_right_to_add_there(client, make_user, index):
    response = Client().get("/admin/pinyin-slug/", {"title": TITLE, "parent": index.pk})
    assert response.status_code == 302  # to the admin's sign-in
    client.force_login(staff_user(admin_language="zh-hans"))  # admin access, no page permissions
    assert client.get("/admin/pinyin-slug/", {"title": TITLE, "parent": index.pk}).status_code == 403
    assert client.get("/admin/pinyin-slug/", {"title": TITLE, "parent": 999999}).status_code == 403
    assert client.get("/admin/pinyin-slug/", {"title": TITLE}).status_code == 400


# A failed first save after autosave ---------------------------------------------------------------------


def test_without_the_fix_wagtail_answers_slug_already_in_use(client, moderator, index, monkeypatch):
    """The failure itself, as Wagtail 8.0 has it: autosave made the draft while "Publish" was on its way
    to the create view, whose form then finds the slug taken."""
    monkeypatch.setattr(slugs, "autosaved_draft", lambda *args: None)
    client.force_login(moderator)
    autosave(client, add_url(index), article_form(slug=PINYIN, summary=""))
    response = client.post(add_url(index), article_form(slug=PINYIN, summary="", action=PUBLISH))
    assert "already in use" in response.content.decode()


@pytest.mark.parametrize("posted_slug", [PINYIN, TITLE, ""])
def test_a_failed_first_publish_lands_on_the_autosaved_draft(client, moderator, index, posted_slug):
    client.force_login(moderator)
    saved = autosave(client, add_url(index), article_form(slug=posted_slug, summary=""))
    assert saved.status_code == 200 and saved.json()["success"]
    draft = articles(index).get()

    response = client.post(add_url(index), article_form(slug=posted_slug, summary="", action=PUBLISH))
    html = response.content.decode()
    assert response.status_code == 200
    assert "already in use" not in html
    assert f'action="/admin/pages/{draft.pk}/edit/"' in html  # the draft's own editor
    assert "This field is required" in html
    assert "already been saved as a draft automatically" in html
    assert articles(index).count() == 1
    draft.refresh_from_db()
    assert not draft.live

    # The editor fills in the summary and publishes from where they landed.
    response = client.post(f"/admin/pages/{draft.pk}/edit/", article_form(slug=PINYIN, action=PUBLISH))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.live, draft.slug, articles(index).count()) == (True, PINYIN, 1)


def test_a_publish_from_the_create_form_after_autosave_publishes_the_draft(client, moderator, index):
    client.force_login(moderator)
    autosave(client, add_url(index), article_form(slug=TITLE, summary=""))
    response = client.post(add_url(index), article_form(slug=TITLE, action=PUBLISH))
    assert response.status_code == 302
    page = articles(index).get()
    assert (page.live, page.slug, page.summary) == (True, PINYIN, "出国前请了解常见的电信诈骗手法。")


def test_a_later_autosave_of_the_create_form_saves_the_draft(client, moderator, index):
    """The create form shown again (with the error) autosaves to the create view: it saves the draft and
    tells the browser to post to the draft's editor from now on."""
    client.force_login(moderator)
    autosave(client, add_url(index), article_form(slug=PINYIN, summary=""))
    draft = articles(index).get()
    response = autosave(client, add_url(index), article_form(slug=PINYIN, summary="新的摘要"))
    data = json.loads(response.content)
    assert data["success"] and data["pk"] == draft.pk
    assert data["url"] == f"/admin/pages/{draft.pk}/edit/"
    assert data["hydrate_url"] == f"/admin/pages/{draft.pk}/edit/?_w_hydrate_create_view=1"
    assert articles(index).count() == 1
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().summary == "新的摘要"


def test_a_draft_from_another_session_is_never_taken_over(client, moderator, index):
    client.force_login(moderator)
    autosave(client, add_url(index), article_form(slug=TITLE, summary=""))
    other = Client()
    other.force_login(staff_user(group="Moderators"))
    response = other.post(add_url(index), article_form(slug=TITLE, action=PUBLISH))
    assert response.status_code == 302
    assert set(articles(index).values_list("slug", flat=True)) == {PINYIN, f"{PINYIN}-2"}


def test_a_published_draft_or_a_second_new_page_is_not_landed_on(client, moderator, index):
    client.force_login(moderator)
    autosave(client, add_url(index), article_form(slug=TITLE, summary=""))
    draft = articles(index).get()
    client.post(f"/admin/pages/{draft.pk}/edit/", article_form(slug=PINYIN, action=PUBLISH))
    response = client.post(add_url(index), article_form(slug=TITLE, action=PUBLISH))
    assert response.status_code == 302
    assert articles(index).count() == 2


def test_opening_the_drafts_editor_ends_the_race(client, moderator, index):
    """Once the editor has opened the draft's editor, a new create form is a new page."""
    client.force_login(moderator)
    autosave(client, add_url(index), article_form(slug=TITLE, summary=""))
    draft = articles(index).get()
    client.get(f"/admin/pages/{draft.pk}/edit/?_w_hydrate_create_view=1")  # autosave's own refresh: no
    assert str(draft.pk) in client.session[slugs.AUTOSAVED_KEY]
    client.get(f"/admin/pages/{draft.pk}/edit/")
    assert str(draft.pk) not in client.session[slugs.AUTOSAVED_KEY]
    client.post(add_url(index), article_form(slug=TITLE, action=PUBLISH))
    assert articles(index).count() == 2


def test_an_editor_submitting_lands_on_the_draft_too(client, make_user, index):
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    autosave(client, add_url(index), article_form(slug=TITLE, summary=""))
    draft = articles(index).get()
    response = client.post(add_url(index), article_form(slug=TITLE, action="action-submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert articles(index).count() == 1
    assert draft.current_workflow_state is not None and not draft.live
