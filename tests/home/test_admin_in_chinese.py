"""The admin is wholly Chinese for a Chinese editor (issue 15, item 3).

One walk through the screens an office uses, as editors whose admin language is zh-hans: the
dashboard, the page explorer, adding and editing a page, a failed save (the validation banner),
submitting for moderation and approving, snippets, images, documents, media, Wagtail's reports,
settings, and every staff screen of ours (each menu entry and one of each of their detail screens).
Each page's visible text (and the text of placeholders, labels, titles and the sidebar's menu) is
searched for English words; what is English by design is allowed below: what editors typed (page
titles, demo content in English), brand and technical names, key names. The strings Wagtail,
wagtail-localize and wagtailmedia leave untranslated or translate wrongly are in the project's
override catalogue, locale/overrides (README, "Translations").
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.db import models
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Task, Workflow

from events.models import Registration
from home.models import StandardPage
from tests.accounts.factories import staff_user

pytestmark = pytest.mark.django_db

# Words that are English on purpose: names of products and formats, keys on the keyboard, units.
ALLOWED_WORDS = set(
    re.findall(
        r"\w+",
        """
    wagtail localize api url urls pdf csv xlsx docx pptx txt zip vtt webvtt po qr id html javascript
    json jpeg jpg png gif webp avif svg heic ico mp4 mp3 ctrl alt shift esc cmd enter tab option px
    kb mb gb utc ip seo wechat sms ics rss atom zh hans en iso oembed nbsp tel mailto https http www
    ok vs icp app wps excel
    """,
    )
)
# Text shown only inside these elements may be English: each language names itself in a language menu.
OWN_LANGUAGE_NAMES = {name for _code, name in settings.LANGUAGES}
# Whole texts Wagtail writes in English that no catalogue can reach (they are not marked for translation).
WAGTAIL_UNTRANSLATABLE = {
    # The hidden submit button of the search forms (value="Search" in wagtailadmin/shared/header.html and
    # wagtailadmin/home.html): screen readers only; the field itself is labelled in Chinese.
    "Search",
    # Python's None printed for an empty value: the last publisher of a page the demo published without a
    # user (aging pages), a hidden counter on the explorer's side panel.
    "None",
    # The sites listing labels two columns with their field names (a superuser's screen).
    "Port",
    "Site name",
    "按“Port”升序排列。",
    "按“Port”降序排列。",
    "按“Site name”升序排列。",
    "按“Site name”降序排列。",
    # wagtail-localize's translations report labels two filters with their field names, and so does its
    # locale synchronisation on a locale's screen.
    "Source locale",
    "Target locale",
    "Enabled",
    "Sync from",
    # Form fields without a label, named by their field (page permissions, workflow pages, promoted results).
    "Page",
    "External link text",
}
# On one screen only: the groups' permission table names two models by verbose names that Wagtail
# (Locale: verbose_name = "locale") and wagtail-localize (Translation) do not mark for translation.
UNTRANSLATABLE_ON = {("/admin/groups/", "Locale"), ("/admin/groups/", "Translation")}
# A permission as Django prints it ("Wagtail 核心组件 | 页面 | Can change page"): its name is stored in
# English by the migration that made it; Wagtail shows it to screen readers only, by a translated column.
PERMISSION = re.compile(r"^[^|]+ \| [^|]+ \| [^|]+$")
# A time zone in the account's time zone menu is named as the IANA database names it (Asia/Shanghai).
TIME_ZONE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")

WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]")
NOT_WORDS = re.compile(
    r"https?://\S+|www\.\S+|/\S*|\S+@\S+|\S+\.(?:pdf|docx|pptx|xlsx|csv|txt|zip|vtt|jpe?g|png|gif|webp|svg|mp4)\b"
    r"|\b\d+(?:\.\d+)+\b|#\w+"
    r"|\{\w+\}"  # a placeholder a script fills in: 已于 {date}（{age}）保存
    r"|\b[A-Za-z]*\d[A-Za-z0-9]*\b"  # codes: K7M2QX, A4, 12308
    r"|\b[a-z]+(?:-[a-z]+)+\b",  # a pinyin slug: fangfan-dianxin-zhapian
    re.IGNORECASE,
)
# A code of capitals only (a registration code "BFSTRWCT" draws no digit now and then), case-sensitive.
CAPITALS_CODE = re.compile(r"\b[A-Z]{6,}\b")
ATTRIBUTES = (
    "placeholder", "aria-label", "aria-description", "title", "alt", "data-w-tooltip-content-value",
    "data-w-progress-active-value", "data-clicked-text",
)  # fmt: skip


VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class VisibleText(HTMLParser):
    """The text a person sees or hears: text nodes, button values and the attributes above, and the
    labels in the sidebar's JSON; never scripts, styles, what a form field holds, or what is marked
    lang="en" (the language switcher names English in English)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks, self.links, self.skip, self.sidebar, self.in_option = [], set(), [], False, 0
        self.english_on_purpose = []  # the tags open inside an element marked lang="en"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.english_on_purpose or (attrs.get("lang") or "").startswith("en"):
            if tag not in VOID_ELEMENTS:
                self.english_on_purpose.append(tag)
            return
        if tag in ("script", "style", "textarea", "svg"):
            self.skip.append(tag)
            self.sidebar = attrs.get("id") == "wagtail-sidebar-props"
        if tag == "option":
            self.in_option += 1
        for name in ATTRIBUTES:
            if attrs.get(name):
                self.chunks.append((f"@{name}", attrs[name], False))
        is_button = tag == "input" and attrs.get("type") in ("submit", "button", "reset")
        if is_button and attrs.get("value"):
            self.chunks.append(("@value", attrs["value"], False))
        href = attrs.get("href") or ""
        if tag == "a" and href.startswith("/admin/"):
            self.links.add(href.split("#")[0])

    def handle_endtag(self, tag):
        if self.english_on_purpose:
            if self.english_on_purpose[-1] == tag:
                self.english_on_purpose.pop()
            return
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()
            self.sidebar = False
        if tag == "option" and self.in_option:
            self.in_option -= 1

    def handle_data(self, data):
        if self.english_on_purpose:
            return
        if self.skip:
            if self.sidebar:
                for label in sidebar_labels(json.loads(data)):
                    self.chunks.append(("menu", label, False))
            return
        if data.strip():
            self.chunks.append(("text", " ".join(data.split()), bool(self.in_option)))


def sidebar_labels(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "label" and isinstance(item, str):
                yield item
            else:
                yield from sidebar_labels(item)
    elif isinstance(value, list):
        for item in value:
            yield from sidebar_labels(item)


def typed_by_people():
    """What editors and the demo typed (titles, names, questions...): English content stays English.
    Fields with choices are left out, since their labels are the interface's."""
    values = set()
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField) and not field.choices
        ]
        if fields:
            for row in model._default_manager.values_list(*fields)[:5000]:
                values.update(value.strip() for value in row if isinstance(value, str) and WORD.search(value))
    for page in Page.objects.all():
        values.add(page.get_admin_display_title())
    return sorted(values, key=len, reverse=True)


class Walk:
    def __init__(self):
        self.client = Client()
        self.english = []  # (url, where, text)
        self.visited = set()
        self._typed = None

    def login(self, user):
        self.client.force_login(user)

    def typed(self):
        if self._typed is None:
            self._typed = typed_by_people()
        return self._typed

    def check(self, url, response):
        assert response.status_code == 200, (url, response.status_code)
        if "html" not in response.get("Content-Type", ""):
            return set()
        content = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            content = json.loads(content).get("html", "")
        parser = VisibleText()
        parser.feed(content)
        for where, text, in_option in parser.chunks:
            if in_option and (text in OWN_LANGUAGE_NAMES or TIME_ZONE_NAME.match(text)):
                continue
            if text in WAGTAIL_UNTRANSLATABLE or PERMISSION.match(text):
                continue
            if any(url.startswith(prefix) and text == known for prefix, known in UNTRANSLATABLE_ON):
                continue
            if not self.english_words(NOT_WORDS.sub(" ", text)):
                continue
            rest = text
            for value in self.typed():
                if value in rest:
                    rest = rest.replace(value, " ")
            if self.english_words(NOT_WORDS.sub(" ", CAPITALS_CODE.sub(" ", rest))):
                self.english.append((url, where, text))
        return parser.links

    @staticmethod
    def english_words(text):
        return [word for word in WORD.findall(text) if word.lower() not in ALLOWED_WORDS]

    def get(self, url, **kwargs):
        self.visited.add(url)
        response = self.client.get(url, follow=True, **kwargs)
        return self.check(url, response)

    def post(self, url, data):
        self.visited.add(url)
        response = self.client.post(url, data, follow=True)
        self.check(url, response)
        return response


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


# Our own admin screens: their URLs start with these (menus link to them, and to one of each detail).
OUR_SCREENS = (
    "/admin/events/",
    "/admin/quizzes/",
    "/admin/destinations/",
    "/admin/outbox/",
    "/admin/reports/alert-subscribers/",
    "/admin/reports/unanswered-searches/",
    "/admin/snippets/home/",
    "/admin/snippets/quizzes/",
    "/admin/snippets/destinations/",
    "/admin/settings/",
    "/admin/organisations/",
)


# Links a GET would act on, or downloads.
NOT_FOLLOWED = (
    r"\.(csv|xlsx|pdf|ics)$|/(delete|stop|resume|cancel|export|unpublish|revisions|history|usage)/|export="
)


def url_shape(url):
    """/admin/events/registrations/12/ and .../13/ are one screen."""
    return re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}|\d+", "N", url.split("?")[0])


def test_a_chinese_editor_sees_the_admin_in_chinese(home_zh, about_zh):
    walk = Walk()
    moderator = staff_user(group="Moderators", admin_language="zh-hans", email="moderator@example.org")
    editor = staff_user(group="Editors", admin_language="zh-hans")

    # Signing in (the label "Password*" once), and the password reset.
    walk.get("/admin/login/")
    walk.get("/admin/password_reset/")

    # An editor: dashboard, explorer, a new page, a failed save, submitting for moderation.
    walk.login(editor)
    walk.get("/admin/")
    walk.get(f"/admin/pages/{home_zh.pk}/")
    walk.get(f"/admin/pages/add/home/standardpage/{home_zh.pk}/")
    walk.get(f"/admin/pages/{about_zh.pk}/edit/")
    failed = walk.post(f"/admin/pages/{about_zh.pk}/edit/", edit_form_data(about_zh, title=""))
    assert "页面未能保存" in failed.content.decode()
    walk.post(
        f"/admin/pages/{about_zh.pk}/edit/",
        edit_form_data(about_zh, title="提交审核的标题", **{"action-submit": "action-submit"}),
    )
    walk.get(f"/admin/pages/{about_zh.pk}/edit/")
    walk.get("/admin/")
    walk.get("/admin/pages/search/", data={"q": "关于"})

    # A moderator: the dashboard's list awaiting review, the approve dialog, approving.
    walk.login(moderator)
    walk.get("/admin/")
    state = about_zh.current_workflow_task_state
    action = f"/admin/pages/workflow/action/{about_zh.pk}/approve/{state.pk}/"
    walk.get(f"/admin/pages/workflow/collect_action_data/{about_zh.pk}/approve/{state.pk}/")
    walk.post(action, {"comment": ""})
    about_zh.refresh_from_db()
    assert about_zh.title == "提交审核的标题"
    walk.get(f"/admin/pages/{about_zh.pk}/history/")
    walk.get(f"/admin/pages/{about_zh.pk}/workflow_history/")
    walk.get(f"/admin/pages/{about_zh.pk}/workflow_history/detail/{state.workflow_state_id}/")

    # Every menu entry as an administrator whose admin is Chinese, and one of each of our detail screens,
    # with something in them: registrations, a quiz answered, an alert sent, an email in the outbox.
    details = set(our_records())
    walk.login(staff_user(admin_language="zh-hans", is_superuser=True))
    menu = walk.get("/admin/")
    sidebar = re.search(
        r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', walk.client.get("/admin/").content.decode(), re.S
    )
    entries = {url for url in json_urls(json.loads(sidebar.group(1))) if url.startswith("/admin/")}
    entries -= {"/admin/logout/"}
    shapes = {url_shape(url) for url in details}
    for url in sorted(entries | menu):
        if url in walk.visited:
            continue
        for link in sorted(walk.get(url)):
            ours = url.startswith(OUR_SCREENS) and link.startswith(OUR_SCREENS)
            form = re.search(r"/(add|edit)/", link)  # from Wagtail's listings too: one add and one edit form
            if (ours or form) and url_shape(link) not in shapes and not re.search(NOT_FOLLOWED, link):
                shapes.add(url_shape(link))
                details.add(link)
    for url in sorted(details - walk.visited):
        walk.get(url)

    # The officers' check-in screens on the site: an event's list, and one registration's code.
    registration = Registration.objects.order_by("pk").first()
    walk.get(f"/zh-hans/events/{registration.event_id}/check-in/")
    walk.get(f"/zh-hans/events/check-in/{registration.check_in_code}/")

    english = "\n".join(f"{url} [{where}] {text}" for url, where, text in walk.english)
    assert not walk.english, f"English in the Chinese admin:\n{english}"
    assert len(walk.visited) > 40


def our_records():
    """Records for our staff screens to show, and those screens: an event's registrations (one on the
    waitlist), a quiz's report and its poster screen, an alert's sending, a message in the outbox."""
    from destinations import fanout as fanouts
    from destinations.admin_views import FANOUTS_URL_NAMESPACE
    from outbox.models import Message
    from tests.destinations.factories import AlertIndexPageFactory, SafetyAlertPageFactory
    from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory, event_of
    from tests.quizzes import factories as quizzes

    home = Page.objects.get(depth=2, locale__language_code="zh-hans")
    event_page = EventPageFactory(parent=EventIndexPageFactory(parent=home))
    event = event_of(event_page)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    questions = [quizzes.QuestionFactory() for _ in range(2)]
    quiz = quizzes.QuizPageFactory(parent=quizzes.QuizIndexPageFactory(parent=home), questions=questions)
    quizzes.AttemptFactory(quiz=quiz, answers="right")
    alert = SafetyAlertPageFactory(parent=AlertIndexPageFactory(parent=home))
    Message.objects.create(recipient="ann@example.org", subject="安全提醒", body_text="请注意安全。")
    return [
        reverse("events_registrations", args=[event.pk]),
        reverse("quizzes_report", args=[quiz.translation_key]),
        reverse("quizzes_exhibition", args=[quiz.pk]),
        reverse(f"{FANOUTS_URL_NAMESPACE}:detail", args=[fanouts.start_alert_fanout(alert).pk]),
        *organisation_screens(event_page),
    ]


def organisation_screens(event_page):
    """An application awaiting a decision, and a service request scheduled to a published event."""
    from organizations.models import Organization, ServiceRequest
    from tests.organizations.factories import OrganizationFactory, member_of

    applied = OrganizationFactory(status=Organization.Status.PENDING, decided_at=None)
    organization = OrganizationFactory()
    member_of(organization, group_label="一班")
    request = ServiceRequest.objects.create(
        organization=organization,
        kind=ServiceRequest.Kind.BRIEFING,
        preferred_dates="三月下旬",
        audience_size=30,
        language="zh-hans",
        status=ServiceRequest.Status.SCHEDULED,
        event_page=event_page,
    )
    return [
        reverse("organizations_admin_decide", args=[applied.pk]),
        reverse("organizations_service_request", args=[request.pk]),
        reverse("organizations_service_request_invite", args=[request.pk]),
    ]


def json_urls(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from json_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_urls(item)
    elif isinstance(value, str) and value.startswith("/"):
        yield value


def test_the_moderation_email_subject_is_chinese(about_zh):
    """What Wagtail sends the moderators when an editor submits a page (its subject comes from
    Wagtail's strings, or from our templates under templates/wagtailadmin/notifications)."""
    staff_user(group="Moderators", admin_language="zh-hans", email="moderator@example.org")
    client = Client()
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    mail.outbox.clear()
    client.post(
        f"/admin/pages/{about_zh.pk}/edit/",
        edit_form_data(about_zh, title="提交审核的标题", **{"action-submit": "action-submit"}),
    )
    subjects = [message.subject for message in mail.outbox if "moderator@example.org" in message.to]
    assert subjects
    for subject in subjects:
        assert not Walk.english_words(NOT_WORDS.sub(" ", subject)), subject


CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def javascript_catalog(client, url_name):
    text = client.get(reverse(url_name)).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", text, re.S).group(1))


@pytest.mark.parametrize(
    ("url_name", "source"),
    [
        ("wagtailadmin_javascript_catalog", "wagtail/admin"),
        ("wagtail_localize:javascript_catalog", "wagtail_localize"),
    ],
)
def test_the_javascript_strings_are_chinese(url_name, source):
    """The admin's scripts (and wagtail-localize's translation editor) read their strings from Django's
    JavaScript catalogues: every string of the package's djangojs catalogue has Chinese."""
    import polib
    import wagtail

    client = Client()
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    data = javascript_catalog(client, url_name)
    site_packages = Path(wagtail.__file__).parent.parent
    untranslated = []
    for entry in polib.pofile(str(site_packages / source / "locale" / "en" / "LC_MESSAGES" / "djangojs.po")):
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        value = data.get(key)
        value = value[0] if isinstance(value, list) else value
        if not value or not CHINESE.search(value):
            untranslated.append(entry.msgid)
    assert untranslated == []


def test_every_admin_string_of_wagtail_and_its_addons_has_chinese():
    """Each string of Wagtail's apps we install, wagtail-localize's and wagtailmedia's has Chinese,
    upstream, in our override catalogue or in our own (which Django reads before the apps'): after an
    upgrade, this names the new strings to translate (locale/overrides, README "Translations")."""
    import polib
    import wagtail

    site_packages = Path(wagtail.__file__).parent.parent
    installed = [app.path for app in apps.get_app_configs()]
    overrides = Path(settings.BASE_DIR) / "locale" / "overrides" / "zh_Hans" / "LC_MESSAGES"
    missing = []
    for domain in ("django", "djangojs"):
        chinese = set()
        upstream = [
            po
            for package in ("wagtail", "wagtail_localize", "wagtailmedia")
            for po in (site_packages / package).glob(f"**/locale/zh_Hans/LC_MESSAGES/{domain}.po")
        ]
        ours = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / f"{domain}.po"
        for po in [overrides / f"{domain}.po", *([ours] if ours.exists() else []), *upstream]:
            chinese.update((e.msgctxt, e.msgid) for e in polib.pofile(str(po)) if e.translated())
        for package in ("wagtail", "wagtail_localize", "wagtailmedia"):
            for po in (site_packages / package).glob(f"**/locale/en/LC_MESSAGES/{domain}.po"):
                if str(po).split("/locale/")[0] not in installed:
                    continue
                missing += [e.msgid for e in polib.pofile(str(po)) if (e.msgctxt, e.msgid) not in chinese]
    assert missing == []


def test_the_explorer_says_pages_not_pagination():
    """Our public pagination's "Pages" (分页) once took Wagtail's "Pages" with it: the page explorer
    read 分页. Now the pagination's has its own context."""
    from django.utils import translation

    client = Client()
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    assert javascript_catalog(client, "wagtailadmin_javascript_catalog")["Pages"] == "页面"
    with translation.override("zh-hans"):
        assert translation.gettext("Pages") == "页面"
        assert translation.pgettext("pagination", "Pages") == "分页"


def test_our_words_keep_out_of_wagtails_senses():
    """Our catalogue comes before Wagtail's, so a msgid we share with it takes our Chinese there too:
    a quiz attempt's "In progress" (作答中) once named every workflow in progress, and the report's date
    range "From"/"To" (起始日期/结束日期) the redirects' columns. Ours have contexts now."""
    from django.utils import translation

    with translation.override("zh-hans"):
        assert translation.gettext("In progress") == "进行中"
        assert translation.pgettext("quiz attempt", "In progress") == "作答中"
        assert translation.gettext("From") != "起始日期"
        assert translation.pgettext("date range", "From") == "起始日期"


def test_workflow_and_task_have_chinese_names(home_zh):
    workflow = home_zh.get_workflow()
    assert workflow.name == "审核"
    assert [task.name for task in workflow.tasks] == ["审核员审核"]
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_the_submit_button_reads_as_chinese(about_zh):
    client = Client()
    client.force_login(staff_user(group="Editors", admin_language="zh-hans"))
    html = client.get(f"/admin/pages/{about_zh.pk}/edit/").content.decode()
    assert "提交审核</button>" in html or '提交审核"' in html
    assert "Moderators approval" not in html


def test_content_languages_are_named_in_the_editors_language(about_zh):
    from django.utils import translation

    with translation.override("zh-hans"):
        assert about_zh.locale.get_display_name() == "中文"
        english_page = StandardPage.objects.filter(locale__language_code="en").first()
        assert english_page.locale.get_display_name() == "英文"
    with translation.override("en"):
        assert about_zh.locale.get_display_name() == "Chinese"


def test_the_admin_never_calls_out_to_the_internet(client):
    """No check for new Wagtail releases (which asks releases.wagtail.io from the browser) and no
    "what's new" banner."""
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_ENABLE_WHATS_NEW_BANNER is False
    client.force_login(staff_user(admin_language="zh-hans", is_superuser=True))
    html = client.get("/admin/").content.decode()
    assert "data-w-upgrade" not in html
    assert "releases.wagtail" not in html
    assert "w-whats-new" not in html


def test_the_overrides_never_shadow_our_own_strings():
    """The override catalogue comes first in LOCALE_PATHS: a msgid of ours in it with other Chinese would
    silently take the admin's sense (as our pagination's "Pages", 分页, once took Wagtail's). A string
    used in two senses gets a context in our code (pgettext, {% translate "..." context "..." %})."""
    import polib

    def chinese(po):
        return {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in polib.pofile(str(po))}

    base = Path(settings.BASE_DIR) / "locale"
    ours = chinese(base / "zh_Hans" / "LC_MESSAGES" / "django.po")
    overrides = chinese(base / "overrides" / "zh_Hans" / "LC_MESSAGES" / "django.po")
    shadowed = {key: (ours[key], text) for key, text in overrides.items() if ours.get(key, text) != text}
    assert shadowed == {}


def test_makemessages_never_writes_into_the_overrides():
    """makemessages puts a file's strings into the first locale path whose parent folder holds the file:
    the overrides' parent (locale/) holds no source, so every string of ours goes to locale/zh_Hans, and
    `make messages` (--no-obsolete) never touches the hand-written overrides."""
    first, second = (Path(path) for path in settings.LOCALE_PATHS)
    assert first == Path(settings.BASE_DIR) / "locale" / "overrides"
    assert second == Path(settings.BASE_DIR) / "locale"
    sources = [path for path in first.parent.rglob("*") if path.suffix in (".py", ".html", ".txt", ".js")]
    assert sources == []
