"""A translation never goes live unreviewed (issue 15, item 2).

Through the real wagtail-localize views: "Translate" makes a draft, the translation editor's
"Publish" of an editor without publish permission submits it for moderation, a moderator's approval
publishes it, and its slug comes from its English title.
"""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.translation import SLUG_FROM_TITLE, slug_of
from home.translation_workflow import SUBMIT_ACTION
from tests.accounts.factories import staff_user
from tests.factories import translate
from tests.home import factories as cf
from tests.shared_data import made_once

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_content")]


@pytest.fixture(scope="module")
def without_demo_content(django_db_setup, django_db_blocker):
    """The conftest's fixture of the same name (the demo's content index and its pages removed), done
    once for the module (a page tree's deletion costs seconds) and rolled back after it."""
    from home.models import ContentIndexPage

    def remove():
        for index in ContentIndexPage.objects.filter(slug="knowledge", depth=3):
            index.delete()

    with made_once(django_db_blocker, remove):
        yield


CHINESE_TITLE = "警惕冒充公检法的电信诈骗"
ENGLISH_TITLE = "Beware of Callers Posing as Police"


@pytest.fixture
def index_zh(home_zh, home_en, en):
    index = cf.ContentIndexPageFactory(parent=home_zh, title="知识", slug="zhi-shi")
    translate(index, "en", title="Knowledge", slug="knowledge")
    return index


@pytest.fixture
def article(index_zh):
    return cf.ArticlePageFactory(parent=index_zh, title=CHINESE_TITLE, slug="1744", summary="诈骗摘要")


@pytest.fixture
def editor():
    return staff_user(group="Editors")


@pytest.fixture
def moderator():
    return staff_user(group="Moderators")


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def translate_in_admin(client, page, en):
    """The "Translate" form of wagtail-localize, into English; the English copy it made."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = post(client, url, {"locales": [en.pk]})
    assert response.status_code == 302
    return Page.objects.get(translation_key=page.translation_key, locale=en).specific


def translation_of(page):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)


def translate_string(client, page, path, value):
    """What the translation editor sends when the translator saves one field (PUT)."""
    translation = translation_of(page)
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201), response.content
    return response


def post(client, url, data):
    """A POST whose on-commit work runs (wagtail-localize publishes a translation on commit)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data)


def press(client, page, action):
    """A button of the translation editor: it posts `action` to the page's edit address."""
    return post(client, reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": action})


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def public_pages_of_english(client):
    """The English listings, home page, feed, sitemap and search, as one text."""
    pages = [
        client.get("/en/knowledge/"),
        client.get("/en/"),
        client.get("/en/feeds/latest/"),
        client.get("/sitemap.xml"),
        client.get("/en/search/", {"q": "诈骗"}),
        client.get("/en/search/", {"q": "Police"}),
    ]
    for response in pages:
        assert response.status_code == 200
    return "\n".join(response.content.decode() for response in pages)


def approve(client, page):
    state = page.current_workflow_state
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302), response.content


def test_wagtail_localize_does_not_publish_a_new_translation_at_once():
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


def test_translating_a_live_article_makes_a_draft_nobody_reads_in_english(article, editor, en):
    english = translate_in_admin(logged_in(editor), article, en)
    assert article.live
    assert not english.live
    assert english.first_published_at is None
    assert english.title == CHINESE_TITLE  # nothing translated yet: this is why it must not be read
    reader = Client()
    assert reader.get(f"/en/knowledge/{english.slug}/").status_code == 404
    text = public_pages_of_english(reader)
    assert CHINESE_TITLE not in text
    assert "诈骗摘要" not in text
    assert f"/en/knowledge/{english.slug}/" not in text
    assert "/zh-hans/knowledge/" not in reader.get("/en/knowledge/").content.decode()


def test_the_editor_sees_submit_for_moderation_and_no_publish(article, editor, en):
    client = logged_in(editor)
    english = translate_in_admin(client, article, en)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert f'value="{SUBMIT_ACTION}"' in html
    assert "&quot;canPublish&quot;: false" in html


def test_the_editors_publish_becomes_a_submission_for_moderation(article, editor, en):
    client = logged_in(editor)
    english = translate_in_admin(client, article, en)
    translate_string(client, english, "title", ENGLISH_TITLE)
    response = press(client, english, "publish")
    assert response.status_code == 302
    english = fresh(english)
    assert not english.live
    state = english.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    assert english.get_latest_revision().content["title"] == ENGLISH_TITLE
    assert ENGLISH_TITLE not in public_pages_of_english(Client())


def test_the_submit_button_submits_and_a_second_press_changes_nothing(article, editor, en):
    client = logged_in(editor)
    english = translate_in_admin(client, article, en)
    translate_string(client, english, "title", ENGLISH_TITLE)
    press(client, english, SUBMIT_ACTION)
    english = fresh(english)
    state = english.current_workflow_state
    revisions = english.revisions.count()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]), follow=True).content.decode()
    assert f'value="{SUBMIT_ACTION}"' not in html
    press(client, english, SUBMIT_ACTION)
    english = fresh(english)
    assert english.current_workflow_state == state
    assert english.revisions.count() == revisions
    assert WorkflowState.objects.filter(object_id=str(english.pk)).count() == 1


def test_a_moderator_approving_it_publishes_it_under_its_english_slug(article, editor, moderator, en):
    client = logged_in(editor)
    english = translate_in_admin(client, article, en)
    assert english.slug == "1744"  # wagtail-localize keeps the source's slug at first
    translate_string(client, english, "title", ENGLISH_TITLE)
    press(client, english, SUBMIT_ACTION)
    approve(logged_in(moderator), fresh(english))
    english = fresh(english)
    assert english.live
    assert english.title == ENGLISH_TITLE
    assert english.slug == "beware-of-callers-posing-as-police"
    assert english.current_workflow_state is None
    reader = Client()
    assert reader.get("/en/knowledge/beware-of-callers-posing-as-police/").status_code == 200
    assert ENGLISH_TITLE in reader.get("/en/knowledge/").content.decode()
    assert ENGLISH_TITLE in reader.get("/en/feeds/latest/").content.decode()
    assert "/en/knowledge/beware-of-callers-posing-as-police/" in reader.get("/sitemap.xml").content.decode()


def test_a_moderator_asking_for_changes_lets_the_editor_submit_again(article, editor, moderator, en):
    client = logged_in(editor)
    english = translate_in_admin(client, article, en)
    translate_string(client, english, "title", ENGLISH_TITLE)
    press(client, english, SUBMIT_ACTION)
    english = fresh(english)
    task_state = english.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "reject", task_state.pk])
    logged_in(moderator).post(url, {"comment": "Title too long"})
    state = fresh(english).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    translate_string(client, english, "title", "Beware of Fake Police")
    press(client, english, SUBMIT_ACTION)
    english = fresh(english)
    assert english.current_workflow_state.pk == state.pk
    assert english.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert english.get_latest_revision().content["title"] == "Beware of Fake Police"
    assert english.get_latest_revision().content["slug"] == "beware-of-fake-police"
    assert not english.live


def test_a_user_who_may_publish_still_publishes_from_the_translation_editor(article, moderator, en):
    client = logged_in(moderator)
    english = translate_in_admin(client, article, en)
    translate_string(client, english, "title", ENGLISH_TITLE)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert "&quot;canPublish&quot;: true" in html
    press(client, english, "publish")
    english = fresh(english)
    assert english.live
    assert english.slug == "beware-of-callers-posing-as-police"
    assert english.current_workflow_state is None


def test_the_slug_is_free_among_its_english_siblings(index_zh, article, editor, en):
    english_index = Page.objects.get(translation_key=index_zh.translation_key, locale=en)
    cf.ArticlePageFactory(parent=english_index, title="Older", slug="beware-of-callers-posing-as-police")
    client = logged_in(editor)
    english = translate_in_admin(client, article, en)
    translate_string(client, english, "title", ENGLISH_TITLE)
    press(client, english, SUBMIT_ACTION)
    assert fresh(english).get_latest_revision().content["slug"] == "beware-of-callers-posing-as-police-1"


def test_a_slug_the_translator_wrote_is_kept(article, editor, en):
    client = logged_in(editor)
    english = translate_in_admin(client, article, en)
    translate_string(client, english, "slug", "fake-police")
    translate_string(client, english, "title", ENGLISH_TITLE)
    press(client, english, SUBMIT_ACTION)
    assert fresh(english).get_latest_revision().content["slug"] == "fake-police"


def test_once_published_the_slug_no_longer_follows_the_title(article, moderator, en):
    client = logged_in(moderator)
    english = translate_in_admin(client, article, en)
    translate_string(client, english, "title", ENGLISH_TITLE)
    press(client, english, "publish")
    translate_string(client, english, "title", "A New Title for a Printed Page")
    press(client, english, "publish")
    english = fresh(english)
    assert english.title == "A New Title for a Printed Page"
    assert english.slug == "beware-of-callers-posing-as-police"
    slug = StringTranslation.objects.get(context__object_id=english.translation_key, context__path="slug")
    assert slug.tool_name == SLUG_FROM_TITLE


def test_a_long_title_gives_a_short_slug_cut_between_words():
    slug = slug_of("How to Keep Your Passport, Phone and Bank Cards Safe While Studying Abroad in Europe")
    assert slug == "how-to-keep-your-passport-phone-and-bank-cards-safe-while"
    assert len(slug) <= 60
    assert slug_of("护照") == ""  # a title that is not English leaves the slug as it is


def test_sync_translated_pages_cannot_publish_for_an_editor(article, editor, en):
    client = logged_in(editor)
    english = translate_in_admin(client, article, en)
    translate_string(client, english, "title", ENGLISH_TITLE)
    source = translation_of(english).source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    form = client.get(url).context["form"]
    assert form.fields["publish_translations"].disabled
    response = post(client, url, {"publish_translations": "on"})
    assert response.status_code == 302
    assert not fresh(english).live
    assert ENGLISH_TITLE not in public_pages_of_english(Client())


def test_sync_translated_pages_still_publishes_for_a_moderator(article, moderator, en):
    client = logged_in(moderator)
    english = translate_in_admin(client, article, en)
    translate_string(client, english, "title", ENGLISH_TITLE)
    source = translation_of(english).source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    post(client, url, {"publish_translations": "on"})
    assert fresh(english).live


def test_someone_who_may_not_edit_the_translation_cannot_submit_it(article, editor, en):
    english = translate_in_admin(logged_in(editor), article, en)
    translate_string(logged_in(editor), english, "title", ENGLISH_TITLE)
    revisions = english.revisions.count()
    response = press(logged_in(staff_user()), english, SUBMIT_ACTION)
    assert response.status_code in (302, 403)  # refused: the admin's "no permission" answer
    english = fresh(english)
    assert english.current_workflow_state is None
    assert english.revisions.count() == revisions


def test_a_moderator_reviews_it_from_the_translation_editor(article, editor, moderator, en):
    client = logged_in(editor)
    english = translate_in_admin(client, article, en)
    translate_string(client, english, "title", ENGLISH_TITLE)
    press(client, english, SUBMIT_ACTION)
    english = fresh(english)
    task_state = english.current_workflow_state.current_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "approve", task_state.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert f'formaction="{approve_url}"' not in client.get(edit_url).content.decode()  # not the editor's
    reviewer = logged_in(moderator)
    html = reviewer.get(edit_url).content.decode()
    assert f'formaction="{approve_url}"' in html
    assert f'value="{SUBMIT_ACTION}"' not in html  # already in moderation
    response = post(reviewer, approve_url, {"comment": "Good translation"})
    assert response.status_code == 302
    english = fresh(english)
    assert english.live
    assert english.title == ENGLISH_TITLE


def test_a_translation_cannot_become_a_live_alias_of_the_chinese_page(article, editor, en):
    client = logged_in(editor)
    english = translate_in_admin(client, article, en)
    url = reverse("wagtail_localize:convert_to_alias", args=[english.pk])
    assert client.get(url).status_code == 302
    response = post(client, url, {})
    assert response.status_code == 302
    english = fresh(english)
    assert english.alias_of_id is None
    assert not english.live
    assert Translation.objects.filter(source__object_id=english.translation_key, target_locale=en).exists()
    assert CHINESE_TITLE not in public_pages_of_english(Client())
    assert logged_in(staff_user()).post(url, {}).status_code in (302, 403)


def test_a_chinese_editor_reads_the_moderation_panel_in_chinese(article, en):
    client = logged_in(staff_user(group="Editors", admin_language="zh-hans"))
    english = translate_in_admin(client, article, en)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    panel = html.split('class="translation-moderation', 1)[1].split("</form>", 1)[0]
    assert "此译文须经审核员批准才会上线。翻译完成后，请提交审核。" in panel
    assert ">提交审核</button>" in panel
    response = press(client, english, SUBMIT_ACTION)
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == [f"“{CHINESE_TITLE}”的英文版已提交审核，但仍有部分文字未翻译（将以原文显示）。"]


def test_a_snippets_translation_editor_has_no_moderation_panel(editor, en, zh):
    from home.models import Topic

    topic = Topic.objects.create(locale=zh, name="新话题", slug="xin-huati")
    client = logged_in(editor)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "topic", topic.pk])
    assert post(client, url, {"locales": [en.pk]}).status_code == 302
    english = Topic.objects.get(translation_key=topic.translation_key, locale=en)
    response = client.get(reverse("wagtailsnippets_home_topic:edit", args=[english.pk]))
    assert response.status_code == 200
    assert "translation-moderation" not in response.content.decode()
    assert "js-translation-editor" in response.content.decode()


@pytest.mark.parametrize("kind", ["event", "alert"])
def test_an_untranslated_event_or_alert_stays_out_of_the_english_lists_and_feeds(kind, home_zh, editor, en):
    from tests.destinations import factories as df
    from tests.events import factories as ef

    if kind == "event":
        index = ef.EventIndexPageFactory(parent=home_zh)
        page = ef.EventPageFactory(parent=index, title="防诈骗讲座（仅中文）")
        feed = "/en/events/feed.ics"
    else:
        index = df.AlertIndexPageFactory(parent=home_zh)
        page = df.SafetyAlertPageFactory(parent=index, title="当地治安提醒（仅中文）")
        feed = "/en/feeds/alerts/"
    english_index = translate(index, "en", title="English index", slug=index.slug)
    english = translate_in_admin(logged_in(editor), page, en)
    assert not english.live
    reader = Client()
    for url in (english_index.url, feed, "/en/", "/sitemap.xml"):
        response = reader.get(url)
        assert response.status_code == 200, url
        assert page.title not in response.content.decode(), url
