"""Every email the project sends, rendered in Chinese and in English, names the office and the portal
and reads wholly in the recipient's language.

The emails are found by walking the template folders, never from a hand list: every
`<name>_subject.txt` under the project's templates/ (our rooms' emails, allauth's under
account/email/, Wagtail's moderation notifications under wagtailadmin/notifications/ and the admin's
password reset under wagtailadmin/account/), and every email allauth ships and Wagtail sends (each must
be overridden here). Each is rendered the way it is sent (ours through
`outbox.render_email`, allauth's through the account adapter into the outbox, Wagtail's as Wagtail
renders them, in the recipient's language) with a context built from factories, once with every
optional value filled and once with the optional values missing, and fails on:

- an office or portal name missing from the body (text and HTML) or an account email's subject;
- a doubled space inside a line, a space before Chinese punctuation or between Chinese characters,
  empty quotes or brackets, a signature line with a name missing: what a missing value leaves;
- in a Chinese email, an English sentence (three ASCII words in a row) or an English greeting;
- in an English email, a Chinese character.

URLs, email addresses, "12308" and the data the context carries (titles, people's names, a browser's
user agent...) are left out of the language checks.
"""

import datetime
import html
import re
from pathlib import Path
from types import SimpleNamespace

import allauth
import pytest
from allauth.core import context as allauth_context
from django.conf import settings
from django.core import mail
from django.template.loader import get_template, render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.admin import signal_handlers as wagtail_notifiers
from wagtail.admin.mail import EmailNotificationMixin
from wagtail.admin.views.account import PasswordResetView
from wagtail.coreutils import camelcase_to_underscore
from wagtail.models import Workflow

import outbox
from accounts.adapter import AccountAdapter
from destinations.alert_email import alert_context, change_context, links_for
from destinations.models import ChangeNote
from events.details import event_details
from events.notifications import registration_context
from home.models import PortalSettings, StandardPage
from outbox.models import Message
from tests.accounts.factories import UserFactory, staff_user
from tests.destinations import factories as destination_factories
from tests.events import factories as event_factories
from tests.factories import translate
from tests.organizations.email_contexts import CONTEXTS as ORGANIZATION_CONTEXTS

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
ALLAUTH_EMAILS = Path(allauth.__file__).parent / "templates" / "account" / "email"
LANGUAGES = ("zh-hans", "en")
ACCOUNT_DIR = "account/email"
WAGTAIL_DIR = "wagtailadmin/notifications"


# Discovery ---------------------------------------------------------------------------------------


def email_prefixes(folder, base=TEMPLATES):
    """`<prefix>` of every `<prefix>_subject.txt` under `folder` (a partial, "_...", is no email)."""
    return sorted(
        str(path.relative_to(base))[: -len("_subject.txt")]
        for path in folder.rglob("*_subject.txt")
        if not path.name.startswith("_")
    )


def project_emails():
    """(kind, prefix) of every email template in the project's templates/."""
    found = []
    for prefix in email_prefixes(TEMPLATES):
        if prefix.startswith(f"{ACCOUNT_DIR}/"):
            found.append(("allauth", prefix))
        elif prefix.startswith("wagtailadmin/"):
            found.append(("wagtail", prefix))
        else:
            found.append(("outbox", prefix))
    return found


def allauth_shipped():
    return [f"{ACCOUNT_DIR}/{Path(prefix).name}" for prefix in email_prefixes(ALLAUTH_EMAILS, ALLAUTH_EMAILS)]


def wagtail_sent():
    """The notifications Wagtail's moderation sends: one per notifier connected in its signal
    handlers, and the comments email its page editor sends (wagtail/admin/views/pages/edit.py);
    and the admin's password reset email (Django's form, Wagtail's templates)."""
    reset = Path(PasswordResetView.email_template_name).with_suffix("")
    assert PasswordResetView.subject_template_name == f"{reset}_subject.txt"
    names = {"updated_comments"}
    for notifier in vars(wagtail_notifiers).values():
        if isinstance(notifier, EmailNotificationMixin):
            for model in notifier.valid_classes:
                names.add(f"{camelcase_to_underscore(model.__name__)}_{notifier.notification}")
    return sorted([*(f"{WAGTAIL_DIR}/{name}" for name in names), str(reset)])


EMAILS = project_emails()


def is_ours(template_name):
    return Path(get_template(template_name).origin.name).is_relative_to(TEMPLATES)


def test_the_walk_finds_the_emails_of_every_kind():
    kinds = {kind for kind, _prefix in EMAILS}
    assert kinds == {"outbox", "allauth", "wagtail"}
    assert ("outbox", "events/email/confirmed") in EMAILS
    assert ("allauth", "account/email/password_reset_key") in EMAILS


@pytest.mark.parametrize("prefix", allauth_shipped())
def test_every_email_allauth_can_send_is_ours(prefix):
    """Whatever allauth setting is switched on later (codes, notifications), its email is ours."""
    assert ("allauth", prefix) in EMAILS
    for suffix in ("_subject.txt", "_message.txt", "_message.html"):
        assert is_ours(prefix + suffix), prefix + suffix


@pytest.mark.parametrize("prefix", wagtail_sent())
def test_every_email_wagtail_sends_is_ours(prefix):
    assert ("wagtail", prefix) in EMAILS
    assert is_ours(f"{prefix}_subject.txt") and is_ours(f"{prefix}.txt")


def test_wagtail_sends_its_notifications_as_text():
    """Wagtail renders a notification's HTML outside the recipient's language (wagtail/admin/mail.py):
    with HTML switched on, a Chinese editor would get an English HTML part. Only the text is sent."""
    assert not getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False)


# Contexts ----------------------------------------------------------------------------------------


class Built:
    """A context for one language and one variant, and the data strings it carries."""

    def __init__(self, context, data=(), user=None):
        self.context = context
        self.data = [str(value) for value in data if value]
        self.user = user


@pytest.fixture
def names(portal_settings):
    portal_settings.office_name_zh = "某市人民政府外事办公室"
    portal_settings.office_name_en = "Foreign Affairs Office of the City"
    portal_settings.campaign_name_zh = "领事保护进万家"
    portal_settings.campaign_name_en = "Consular Protection for All"
    portal_settings.save()
    return {
        "zh-hans": ("某市人民政府外事办公室", "领事保护进万家"),
        "en": ("Foreign Affairs Office of the City", "Consular Protection for All"),
    }


@pytest.fixture
def event_world(home_zh):
    index = event_factories.EventIndexPageFactory(parent=home_zh)
    page = event_factories.EventPageFactory(
        parent=index,
        title="海外安全讲座",
        capacity=10,
        map_url="https://uri.amap.com/marker?position=116.4,39.9",
        online_url="https://meeting.example.org/room/1",
    )
    translate(page, title="Staying safe abroad", venue="Community centre", summary="A talk on safety abroad.")
    return event_factories.event_of(page)


def events_context(event, language, full):
    user = UserFactory(preferred_language=language) if full else None
    registration = event_factories.RegistrationFactory(
        event=event, language=language, user=user, name="王小明" if language == "zh-hans" else "Wang Xiaoming"
    )
    details = event_details(event, language)
    message = ("请带上身份证。", "Please bring your ID.")[language == "en"]
    reason = ("场地容量调整。", "The room is smaller than planned.")[language == "en"]
    context = registration_context(
        registration,
        details,
        position=3 if full else None,
        promotion_deadline=event.starts_at - datetime.timedelta(hours=2),
        was_confirmed=full,
        registration_confirmed=full,
        message_subject=message,
        message_body=message,
        sender_name="李老师" if full else "",
        invitation_url=f"{settings.PORTAL_BASE_URL}/{language}/events/invitation/abc/",
        reason=reason if full else "",
    )
    data = [registration.name, details.title, details.venue, details.address, message, reason]
    data += ["李老师", registration.check_in_code]
    return Built(context, data)


@pytest.fixture
def destination_world(home_zh):
    place = destination_factories.DestinationFactory(country="FR")
    alerts = destination_factories.AlertIndexPageFactory(parent=home_zh)
    alert = destination_factories.SafetyAlertPageFactory(
        parent=alerts, title="法国巴黎治安提醒", destinations=[place]
    )
    alert_en = translate(
        alert,
        title="Paris: crime warning",
        summary="Thefts are frequent in Paris.",
        source="Embassy in France",
    )
    note = ChangeNote.objects.create(
        destination=place, summary_zh="更新紧急电话", summary_en="Emergency numbers updated", risk_level=2
    )
    return SimpleNamespace(place=place, copies=[alert, alert_en], note=note)


def destinations_context(world, language, full):
    unsubscribe, preferences = links_for(language, "token")
    context = {
        **alert_context(world.copies, language),
        **change_context(world.note, [], language),
        "unsubscribe_url": unsubscribe,
        "preferences_url": preferences,
        "confirm_url": f"{settings.PORTAL_BASE_URL}/{language}/alerts/confirm/xyz/",
        "already_subscribed": full,
        "all_destinations": not full,
        "valid_days": 7,
    }
    data = [value for copy in world.copies for value in (copy.title, copy.summary, copy.source)]
    data += [context["summary"], context["destination_name"], *context["destination_names"]]
    return Built(context, data)


def organizations_context(prefix, language, full):
    """Each part of the organisations room builds its emails' contexts in tests/organizations."""
    name = prefix.split("/")[-1]
    if name not in ORGANIZATION_CONTEXTS:
        pytest.fail(f"No context for {prefix}: add a builder in tests/organizations/email_contexts.py")
    context, data = ORGANIZATION_CONTEXTS[name](language, full, name)
    return Built(context, data)


def account_context(language, full):
    user = UserFactory(
        name="王小明" if language == "zh-hans" else "Wang Xiaoming", preferred_language=language
    )
    base = f"{settings.PORTAL_BASE_URL}/{language}/accounts"
    agent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0"
    context = {
        "activate_url": f"{base}/confirm-email/Mg:abc/",
        "key": "Mg:abc",
        "password_reset_url": f"{base}/password/reset/key/1-abc/",
        "signup_url": f"{base}/signup/",
        "code": "K7P2QX" if full else "",
        "from_email": "old@example.org",
        "to_email": "new@example.org",
        "deleted_email": "old@example.org",
        "ip": "203.0.113.7",
        "user_agent": agent,
        "timestamp": timezone.now(),
    }
    if full:
        context["user"] = user
    return Built(context, [user.name, agent], user=user)


@pytest.fixture
def moderation_world(home_zh):
    page = StandardPage.objects.child_of(home_zh).get(slug="about")
    workflow = Workflow.objects.filter(active=True).first()
    task = workflow.tasks.first().specific
    editor = staff_user(group="Editors", name="编辑小张", admin_language="zh-hans")
    moderator = staff_user(group="Moderators", name="审核员老李", admin_language="zh-hans")
    return SimpleNamespace(page=page, workflow=workflow, task=task, editor=editor, moderator=moderator)


def wagtail_context(world, language, full):
    recipient = staff_user(name="收件人" if language == "zh-hans" else "Recipient", admin_language=language)
    comment = SimpleNamespace(text="请核对电话号码。")
    context = {
        "settings": settings,
        "user": recipient,
        "page": world.page,
        "object": world.page,
        "model_name": world.page._meta.verbose_name,
        "workflow": world.workflow,
        "task": world.task,
        "task_state": SimpleNamespace(finished_by=world.moderator if full else None),
        "comment": "请补充信息来源。" if full else "",
        "requested_by": world.editor if full else None,
        "editor": world.editor,
        "new_comments": [comment] if full else [],
        "resolved_comments": [comment] if full else [],
        "deleted_comments": [comment] if full else [],
        "replied_comments": [SimpleNamespace(comment=comment, replies=[SimpleNamespace(text="已核对。")])]
        if full
        else [],
        # the admin's password reset (django.contrib.auth.forms.PasswordResetForm)
        "email": recipient.email,
        "domain": "portal.example.org",
        "site_name": "portal.example.org",
        "uid": "MQ",
        "token": "cz2x1k-abcdef",
        "protocol": "https",
    }
    data = [world.page.title, world.workflow.name, world.task.name, recipient.name, world.editor.name]
    data += [world.moderator.name, recipient.email, world.editor.email, world.moderator.email]
    data += ["请核对电话号码。", "请补充信息来源。", "已核对。"]
    return Built(context, data, user=recipient)


# Rendering ---------------------------------------------------------------------------------------


def render_allauth(prefix, built, language):
    """Through the account adapter into the outbox, as allauth sends it."""
    request = RequestFactory().get(f"/{language}/accounts/")
    request.user = built.user
    context = dict(built.context)
    with translation.override(language), allauth_context.request_context(request):
        AccountAdapter(request).send_mail(prefix, "someone@example.org", context)
    message = Message.objects.order_by("-pk").first()
    assert message.language == language
    return message.subject, message.body_text, message.body_html


def render_wagtail(prefix, built, language):
    """As wagtail.admin.mail renders a notification: in the recipient's admin language, text only."""
    with translation.override(built.user.wagtail_userprofile.get_preferred_language()):
        subject = render_to_string(f"{prefix}_subject.txt", built.context).strip()
        body = render_to_string(f"{prefix}.txt", built.context).strip()
    return subject, body, ""


# Checks ------------------------------------------------------------------------------------------

CJK = "\u3400-\u9fff\uf900-\ufaff"
CHINESE_PUNCTUATION = "，。！？：；、）」』】”"
URL = re.compile(r"https?://\S+|\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}")
ENGLISH_WORDS = re.compile(r"\b(Hello|Dear|Thank|Thanks|Please|Your|You|From)\b")
CHINESE = re.compile(f"[{CJK}\u3000-\u303f\uff00-\uffef]")
ARTEFACTS = [
    (re.compile(f" [{CHINESE_PUNCTUATION}]"), "a space before Chinese punctuation"),
    (re.compile(f"[{CJK}] +[{CJK}]"), "a space between Chinese characters"),
    (
        re.compile(r"【\s*】|“\s*”|「\s*」|（\s*）|\(\s*\)|\[\s*\]|\"\s*\"|《\s*》"),
        "empty quotes or brackets",
    ),
    (re.compile(r"(^|\n)[ \t]*·|·[ \t]*($|\n)"), "a signature with a name missing"),
    (re.compile(r"来自的|在\s+上|使用\s*！|的 Hello"), "an empty site name"),
]


BLOCK_TAG = re.compile(
    r"(?i)<(br|p|div|td|tr|li|ul|ol|table|h\d)\b[^>]*>|</(p|div|td|tr|li|ul|ol|table|h\d)>"
)


def html_text(body_html):
    """What a reader sees of the HTML part: one line per block, inline tags gone, spaces collapsed."""
    body_html = " ".join(re.sub(r"(?is)<(style|head)\b.*?</\1>", " ", body_html).split())
    text = html.unescape(re.sub(r"<[^>]+>", "", BLOCK_TAG.sub("\n", body_html)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def without(text, data):
    text = URL.sub(" ", text)
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    return text.replace("12308", " ")


def check(subject, body_text, body_html, *, kind, language, office, portal, data):
    problems = []
    html_body = html_text(body_html) if body_html else None
    if not subject.strip():
        problems.append("empty subject")
    for part, text in (("text", body_text), ("HTML", html_body)):
        if text is None:
            continue
        for name in (office, portal):
            if name not in text:
                problems.append(f"{part} does not name {name!r}")
    if kind == "allauth":
        for name in (office, portal):
            if name not in subject:
                problems.append(f"subject does not name {name!r}")
    for line in body_text.splitlines():
        if "  " in line.strip():
            problems.append(f"a doubled space: {line!r}")
    for part, text in (("subject", subject), ("text", body_text), ("HTML", html_body)):
        if not text:
            continue
        for pattern, what in ARTEFACTS:
            for found in pattern.finditer(text):
                problems.append(f"{part}: {what}: {found.group(0)!r}")
        rest = without(text, data)
        if language == "zh-hans":
            for pattern in (ENGLISH_RUN, ENGLISH_WORDS):
                problems += [
                    f"{part}: English in a Chinese email: {m.group(0)!r}" for m in pattern.finditer(rest)
                ]
        else:
            problems += [
                f"{part}: Chinese in an English email: {m.group(0)!r}" for m in CHINESE.finditer(rest)
            ]
    return problems


# The test ----------------------------------------------------------------------------------------


@pytest.fixture
def build(request, names):
    """build(kind, prefix, language, full) -> Built, from the room the template belongs to."""

    def build(kind, prefix, language, full):
        if kind == "allauth":
            return account_context(language, full)
        if kind == "wagtail":
            return wagtail_context(request.getfixturevalue("moderation_world"), language, full)
        room = prefix.split("/")[0]
        if room == "events":
            return events_context(request.getfixturevalue("event_world"), language, full)
        if room == "destinations":
            return destinations_context(request.getfixturevalue("destination_world"), language, full)
        if room == "organizations":
            return organizations_context(prefix, language, full)
        pytest.fail(f"No context for {prefix}: add its room to build() in {__file__}")

    return build


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("kind", "prefix"), EMAILS, ids=[prefix for _kind, prefix in EMAILS])
def test_every_email_names_the_office_and_the_portal_in_the_recipients_language(
    kind, prefix, language, build, names
):
    office, portal = names[language]
    problems = []
    for full in (True, False):
        built = build(kind, prefix, language, full)
        if kind == "outbox":
            rendered = outbox.render_email(prefix, built.context, language)
        elif kind == "allauth":
            rendered = render_allauth(prefix, built, language)
        else:
            rendered = render_wagtail(prefix, built, language)
        found = check(*rendered, kind=kind, language=language, office=office, portal=portal, data=built.data)
        problems += [f"[{'full' if full else 'bare'}] {problem}" for problem in found]
    assert not problems, "\n".join(problems)


def test_the_checks_catch_what_the_issue_saw(names):
    """The sign-up email as it went out before: an empty site name, English in a Chinese email."""
    office, portal = names["zh-hans"]
    body = "来自的 Hello!\n\n用户 王小明 在  上注册了一个账户。\n\n感谢您使用 ！\n"
    problems = check("请确认您的Email地址", body, "", kind="allauth", language="zh-hans", office=office,
                     portal=portal, data=["王小明"])  # fmt: skip
    text = "\n".join(problems)
    for expected in ("does not name", "doubled space", "empty site name", "English in a Chinese email"):
        assert expected in text


def test_an_english_office_name_left_blank_falls_back_to_the_chinese_one(names, portal_settings):
    portal_settings.office_name_en = ""
    portal_settings.save()
    assert outbox.email_context({}, "en")["office_name"] == "某市人民政府外事办公室"
    assert outbox.email_context({}, "en")["portal_name"] == "Consular Protection for All"


def test_the_names_come_from_the_site_settings_as_soon_as_they_are_saved(names, portal_settings):
    assert outbox.email_context({}, "zh-hans")["office_name"] == "某市人民政府外事办公室"
    portal_settings.office_name_zh = "区外事办"
    portal_settings.save()
    assert outbox.email_context({}, "zh-hans")["office_name"] == "区外事办"


# Wagtail's own sending path, end to end ----------------------------------------------------------


def test_a_chinese_moderator_gets_the_submission_in_chinese_naming_the_portal(moderation_world, names):
    world = moderation_world
    PortalSettings.objects.all()  # the names fixture saved them
    mail.outbox.clear()
    world.page.save_revision(user=world.editor)
    world.workflow.start(world.page, world.editor)
    sent = [message for message in mail.outbox if world.moderator.email in message.to]
    assert sent, [message.to for message in mail.outbox]
    office, portal = names["zh-hans"]
    for message in sent:
        problems = check(message.subject, message.body, "", kind="wagtail", language="zh-hans", office=office,
                         portal=portal, data=[world.page.title, world.workflow.name, world.task.name,
                                              world.editor.name, world.moderator.name])  # fmt: skip
        assert not problems, "\n".join(problems)
        assert world.page.title in message.subject
