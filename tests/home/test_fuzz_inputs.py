"""Hostile input never breaks a public page: control characters (every C0 with NUL, DEL, C1),
undecodable bytes, 10,000-character values and unusual Unicode, sent to the search, every listing's
filters, every public form, the token links and the staff check-in and result-code look-ups.

Each payload travels percent-encoded, as a browser or a script sends it, in a query string, in an
application/x-www-form-urlencoded body or in a URL path (undecodable bytes can travel no other way).
It goes into one field at a time, the other fields holding valid values (so a form that accepts the
value saves it), and once as a parameter's name. What holds: never a 5xx; a form answers with its
page, a redirect or an error for the person; no saved row holds a control character. The module
runs on whichever database is active and is marked `engine`, so CI runs it on SQLite and again on
PostgreSQL, where a NUL byte reaching a query is a server error.
"""

import itertools
import json
import re
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import translation

from destinations.models import AlertSubscription
from events.models import Registration
from home.models import UnansweredSearch
from quizzes.models import Attempt
from tests.accounts.factories import DEFAULT_PASSWORD
from tests.destinations import factories as destination_factories
from tests.events import factories as event_factories
from tests.quizzes import factories as quiz_factories

pytestmark = [pytest.mark.django_db, pytest.mark.engine]  # database errors such as a NUL byte


def encoded(text):
    return quote(text, safe="")


CONTROL_CODES = [*range(0x20), 0x7F, 0x80, 0x85, 0x9F]

# name -> percent-encoded bytes. Each control character alone goes to the search (the case);
# the forms get NUL alone and every control character at once between letters, with and without NUL
# (Django's form fields refuse a NUL by themselves). The three undecodable byte sequences travel in
# one value (the decoder replaces each alike), and so do the five kinds of unusual but valid
# characters (they meet the same length and validation code together as alone): one value each cost a
# request per field. A byte order mark and the digits int() refuses stay alone: each is the whole trap.
EVERY_CONTROL_CHARACTER = {f"U+{code:04X}": encoded(f"a{chr(code)}b") for code in CONTROL_CODES}
PAYLOADS = {
    "NUL": "%00",
    "every C0, DEL and some C1": encoded("".join(f"{chr(code)}z" for code in CONTROL_CODES)),
    "the same without NUL": encoded("".join(f"{chr(code)}z" for code in CONTROL_CODES if code)),
    "ED A0 80 (a lone surrogate), FF, C0 AF (an overlong slash)": "%ED%A0%80z%FFz%C0%AF",
    "right-to-left override, zero-width joiner, combining marks, skin-tone modifier, astral-plane CJK": (
        encoded("\u202etxt.exe 👩\u200d💻 e\u0301\u0308\u0323 👍🏽 \U00020000\U0002a6d6")
    ),
    "byte order mark": encoded("\ufeff"),
    "superscript and full-width digits": encoded("²２"),
    "10,000 digits": "9" * 10_000,  # int() refuses more than 4,300
    "10,000 Chinese characters": encoded("诈" * 10_000),
}
# The characters no saved text may hold (tab and line breaks included: every field we save is one line).
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")
SERVER_ERROR = 500

_request_numbers = itertools.count(1)


@dataclass
class Fuzzer:
    """Sends payloads to one URL and remembers every answer that breaks the rule."""

    client: object
    failures: list = field(default_factory=list)

    def send(self, method, url, params, allowed, label):
        """`params`: [(name, percent-encoded value)]. The answer's status must be in `allowed`."""
        number = next(_request_numbers)
        address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"  # no rate limit
        body = "&".join(f"{name}={value}" for name, value in params)
        where = f"{method.upper()} {url[:100]} {label}"
        try:
            with transaction.atomic():  # a database error rolls back to here, not the whole test
                if method == "get":
                    response = self.client.get(f"{url}?{body}" if body else url, REMOTE_ADDR=address)
                else:
                    response = self.client.post(
                        url, body, content_type="application/x-www-form-urlencoded", REMOTE_ADDR=address
                    )
        except DatabaseError as error:  # PostgreSQL: the view's error left the transaction aborted
            self.failures.append(f"{where}: {error!r}")
            return None
        if response.status_code >= SERVER_ERROR or response.status_code not in allowed:
            error = getattr(response, "exc_info", None)
            detail = repr(error[1])[:300] if error else ""
            self.failures.append(f"{where}: {response.status_code} {detail}")
        elif response.status_code == 400 and "form" in (response.context or {}) and not form_errors(response):
            self.failures.append(f"{where}: 400 without a form error")
        return response

    def fields(self, method, url, valid, fuzzed, allowed, payloads=PAYLOADS, after=None):
        """Each payload in front of each `fuzzed` field's valid value, then as a parameter's name.

        `valid` holds the valid fields ({name: value or [values]}), or makes them fresh for each
        request (a new email address, so that no form meets its rate limit or a duplicate)."""
        for payload_name, payload in payloads.items():
            for name in [*fuzzed, None]:
                params = []
                for key, values in (valid() if callable(valid) else valid).items():
                    for value in values if isinstance(values, list) else [values]:
                        value = encoded(value)
                        params.append((key, payload + value if key == name else value))
                if name is None:
                    params.append((payload, "1"))
                label = f"{name or 'parameter name'} = {payload_name}"
                self.send(method, url, params, allowed, label)
                if after:
                    after()

    def path(self, url_for, allowed, payloads=PAYLOADS):
        """Each payload as the variable part of a URL path (a token, a code)."""
        for payload_name, payload in payloads.items():
            self.send("get", url_for(payload + "abc"), [], allowed, f"path = {payload_name}")

    def check(self):
        assert self.failures == [], "\n".join(self.failures[:40])


def form_errors(response):
    return response.context["form"].errors


def unique_email():
    return f"fuzz{next(_request_numbers)}@example.org"


def assert_no_control_characters(model, *names):
    for row in model.objects.values(*names):
        for name in names:
            assert not CONTROL_CHARACTER.search(row[name] or ""), (model.__name__, name, row[name][:80])


@pytest.fixture
def fuzzer(client):
    client.raise_request_exception = False
    return Fuzzer(client)


# Search and listings


def test_search_survives_every_control_character_in_the_query(fuzzer):
    for name, payload in EVERY_CONTROL_CHARACTER.items():
        fuzzer.send("get", "/zh-hans/search/", [("q", payload)], {200}, f"q = {name}")
    fuzzer.check()
    assert_no_control_characters(UnansweredSearch, "query_string")


def test_search_survives_hostile_query_kind_and_page(fuzzer, home_zh):
    valid = {"q": "诈骗", "kind": "article", "page": "1"}
    fuzzer.fields("get", "/zh-hans/search/", valid, ["q", "kind", "page"], {200})
    fuzzer.check()
    assert_no_control_characters(UnansweredSearch, "query_string")


def test_raw_bytes_that_are_not_utf8_are_read_as_latin_1_and_their_controls_dropped(client):
    # Django decodes a query string or form body that is not UTF-8 as ISO-8859-1, so the raw bytes
    # 0x80-0x9F arrive as C1 control characters; percent-encoded, they arrive as U+FFFD.
    raw = b"\x85\x9b\xff\xe8\xaf\x88\xe9\xaa\x97".decode("iso-8859-1")  # not UTF-8 as a whole
    response = client.get("/zh-hans/search/", QUERY_STRING=f"q={raw}")
    assert response.status_code == 200
    assert response.context["search_query"] == CONTROL_CHARACTER.sub("", raw)  # "ÿè¯éª"


@pytest.fixture
def listings(home_zh):
    """Every index page with filters or page numbers, with something listed in each."""
    event_index = event_factories.EventIndexPageFactory(parent=home_zh)
    event_factories.EventPageFactory(parent=event_index)
    destination_index = destination_factories.DestinationIndexPageFactory(parent=home_zh)
    destination_factories.DestinationPageFactory(
        parent=destination_index, destination=destination_factories.DestinationFactory(country="FR")
    )
    alert_index = destination_factories.AlertIndexPageFactory(parent=home_zh)
    quiz_index = quiz_factories.QuizIndexPageFactory(parent=home_zh)
    return {
        "content index": (
            "/zh-hans/knowledge/",
            {"topic": "fraud", "audience": "students", "kind": "article"},
        ),
        "event index": (event_index.url, {"type": "lecture", "audience": "students", "district": "东城区"}),
        "destination index": (destination_index.url, {"level": "1", "group": "region", "q": "法国"}),
        "alert archive": (alert_index.url, {}),
        "quiz index": (quiz_index.url, {}),
    }


@pytest.mark.parametrize(
    "listing", ["content index", "event index", "destination index", "alert archive", "quiz index"]
)
def test_listing_filters_and_page_numbers_survive_hostile_values(fuzzer, listings, listing):
    url, filters = listings[listing]
    extra = {"when": "past"} if listing == "event index" else {}
    valid = {**filters, **extra, "page": "1"}
    fuzzer.fields("get", url, valid, [*filters, *extra, "page"], {200})
    fuzzer.check()


# Public forms


@pytest.fixture
def event_page(home_zh):
    return event_factories.EventPageFactory(
        parent=event_factories.EventIndexPageFactory(parent=home_zh), capacity=None
    )


def test_event_registration_form_survives_hostile_input(fuzzer, event_page):
    def valid():
        return {
            "name": "李雷",
            "email": unique_email(),
            "phone": "+86 138 0000 0000",
            "organisation": "某公司",
        }

    fuzzer.fields(
        "post", event_page.url + "register/", valid, ["name", "email", "phone", "organisation"], {302, 400}
    )
    fuzzer.check()
    assert Registration.objects.exists()  # the valid values around the payloads did register
    assert_no_control_characters(Registration, "name", "email", "phone", "organisation")
    raw = fuzzer.client.post(
        event_page.url + "register/",
        b"name=\x85\x9b\xff%E6%9D%8E&email=raw%40example.org",
        content_type="application/x-www-form-urlencoded",
    )
    assert raw.status_code == 302
    assert Registration.objects.get(email="raw@example.org").name == "\xff李"  # 0x85, 0x9B: C1


def test_alert_subscription_form_survives_hostile_input(fuzzer, db):
    destination_factories.DestinationFactory(country="FR")
    destination_factories.DestinationFactory(country="DE")

    def valid():
        return {"email": unique_email(), "language": "zh-hans", "destinations": ["FR", "DE"]}

    url = "/zh-hans/alerts/subscribe/"
    fuzzer.fields("post", url, valid, ["email", "language", "destinations"], {302, 400})
    fuzzer.fields("post", url, lambda: valid() | {"all_destinations": "on"}, ["all_destinations"], {302, 400})
    fuzzer.fields("get", url, {"destination": "FR"}, ["destination"], {200})
    fuzzer.check()
    assert AlertSubscription.objects.exists()
    assert_no_control_characters(AlertSubscription, "email", "language")


def test_alert_preferences_form_survives_hostile_input(fuzzer, db):
    subscription = destination_factories.AlertSubscriptionFactory(
        destinations=[destination_factories.DestinationFactory(country="FR")]
    )
    with translation.override("zh-hans"):
        url = reverse("destinations:preferences", args=[subscription.token])

    valid = {"language": "en", "destinations": ["FR"], "all_destinations": "on"}
    fuzzer.fields("post", url, valid, ["language", "destinations", "all_destinations"], {302, 400})
    fuzzer.check()
    assert_no_control_characters(AlertSubscription, "email", "language")


# allauth's forms: log-in and password reset are allauth's own, sign-up is accounts.forms.PortalSignupForm.


def test_login_form_survives_hostile_input(fuzzer, make_user):
    make_user(email="li.hua@example.org")
    valid = {"login": "li.hua@example.org", "password": "not-the-password"}
    # 200: the form again with its error; 429: django-axes' lockout page.
    fuzzer.fields("post", "/zh-hans/accounts/login/", valid, ["login", "password"], {200, 429})
    fuzzer.check()


def test_password_reset_form_survives_hostile_input(fuzzer, make_user):
    make_user(email="li.hua@example.org")
    valid = {"email": "li.hua@example.org"}
    # 429: allauth's limit on reset emails to one address.
    fuzzer.fields("post", "/zh-hans/accounts/password/reset/", valid, ["email"], {200, 302, 429})
    fuzzer.check()


def test_signup_form_survives_hostile_input(fuzzer, client):
    def valid():
        return {
            "name": "李雷",
            "email": unique_email(),
            "password1": DEFAULT_PASSWORD + "-x",
            "password2": DEFAULT_PASSWORD + "-x",
            "preferred_language": "zh-hans",
            "accept_privacy_notice": "on",
        }

    fuzzer.fields(
        "post",
        "/zh-hans/accounts/signup/",
        valid,
        ["name", "email", "password1", "password2", "preferred_language", "accept_privacy_notice"],
        {200, 302},
        after=client.logout,  # a new account is signed in: sign out to fill the form again
    )
    fuzzer.check()
    users = list(get_user_model().objects.filter(email__startswith="fuzz").values_list("name", "email"))
    assert users
    assert_no_control_characters(EmailAddress, "email")
    assert not [email for _name, email in users if CONTROL_CHARACTER.search(email)]
    assert not [name for name, _email in users if "\x00" in name]


def test_signup_keeps_no_control_character_in_the_name(client):
    client.post(
        "/zh-hans/accounts/signup/",
        {
            "name": "李\x01雷\x1b",
            "email": "control@example.org",
            "password1": DEFAULT_PASSWORD + "-x",
            "password2": DEFAULT_PASSWORD + "-x",
            "preferred_language": "zh-hans",
            "accept_privacy_notice": "on",
        },
    )
    assert get_user_model().objects.get(email="control@example.org").name == "李雷"


# Quizzes: start, the answer sheet, autosave


@pytest.fixture
def quiz(home_zh):
    questions = [quiz_factories.QuestionFactory() for _ in range(2)]
    return quiz_factories.QuizPageFactory(
        parent=quiz_factories.QuizIndexPageFactory(parent=home_zh), questions=questions, time_limit_minutes=30
    )


def test_quiz_start_answer_sheet_and_autosave_survive_hostile_input(fuzzer, client, quiz):
    start_url = quiz.url + quiz.reverse_subpage("start")
    fuzzer.fields("post", start_url, {}, [], {302})
    attempt = Attempt.objects.get()
    with translation.override("zh-hans"):
        take_url = reverse("quizzes:take", args=[attempt.public_id])
        save_url = reverse("quizzes:save", args=[attempt.public_id])
    answer_fields = [f"q-{question['key']}" for question in attempt.snapshot]

    answers = dict.fromkeys(answer_fields, "")
    # 302: saved (back to the sheet); 400: the sheet with "not one of this question's choices".
    fuzzer.fields("post", take_url, answers | {"action": "save"}, [*answer_fields, "action"], {302, 400})
    fuzzer.fields("post", save_url, answers, answer_fields, {200, 400})
    fuzzer.check()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS
    assert set(attempt.draft) <= {question["key"] for question in attempt.snapshot}
    assert not CONTROL_CHARACTER.search(json.dumps(attempt.draft, ensure_ascii=False))


# Links keyed by a token or a code


def test_token_and_code_links_survive_hostile_tokens(fuzzer, db):
    def in_chinese(path):
        return lambda token: f"/zh-hans/{path.format(token)}"

    for path in [
        "alerts/confirm/{}/",
        "alerts/preferences/{}/",
        "alerts/unsubscribe/{}/",
        "events/registrations/{}/cancel/",
        "events/registrations/{}/decline/",
        "events/registrations/{}/event.ics",
        "events/invitation/{}/",
        "destinations/{}/emergency-card.pdf",
    ]:
        fuzzer.path(in_chinese(path), {400, 404, 410})
    fuzzer.path(lambda code: f"/q/{code}/", {200, 404})
    fuzzer.check()


# Staff: check-in by code at the door, the quiz result-code look-up


@pytest.fixture
def officer(fuzzer, make_user):
    user = make_user(is_staff=True, is_superuser=True)
    fuzzer.client.force_login(user)
    return user


def test_check_in_by_code_survives_hostile_codes(fuzzer, officer, event_page):
    event = event_factories.event_of(event_page)
    event_factories.RegistrationFactory(event=event)
    with translation.override("zh-hans"):
        list_url = reverse("events:event_check_in", args=[event.pk])
    fuzzer.path(lambda code: f"/zh-hans/events/check-in/{code}/", {404})
    check_in = {"action": "check_in", "code": "ABCD2345", "q": "李"}
    fuzzer.fields("post", list_url, check_in, ["code", "q"], {404})
    fuzzer.fields("get", list_url, {"q": "李", "page": "1"}, ["q", "page"], {200})

    def walk_in():
        return {"action": "walk_in", "walk_in-name": "王芳", "walk_in-email": unique_email()}

    fuzzer.fields("post", list_url, walk_in, ["walk_in-name", "walk_in-email"], {302, 400})
    fuzzer.check()
    assert_no_control_characters(Registration, "name", "email", "check_in_code")


def test_result_code_look_up_survives_hostile_codes(fuzzer, officer):
    url = reverse("quizzes_result_codes")
    fuzzer.fields("get", url, {"code": "K7M2QX"}, ["code"], {200})
    fuzzer.fields("post", url, {"code": "K7M2QX"}, ["code"], {302})
    fuzzer.check()
