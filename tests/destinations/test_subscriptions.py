"""Subscribing to email alerts: double opt-in, opaque expiring confirmation links, tokens, rate limits."""

import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation

from destinations import subscriptions
from destinations.models import AlertConfirmation, AlertSubscription
from outbox.models import Message
from tests.destinations import factories

pytestmark = pytest.mark.django_db


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"destinations:{name}", kwargs=kwargs)


def subscribe(
    client, email="ann@example.org", language="en", places=("FR",), every=False, address="10.0.0.1"
):
    data = {"email": email, "language": language, "destinations": list(places)}
    if every:
        data["all_destinations"] = "on"
    return client.post(url("subscribe", language), data, REMOTE_ADDR=address)


def confirm_path_in(message):
    found = re.search(r"https://portal\.example\.org(/[a-z-]+/alerts/confirm/[^/\s]+/)", message.body)
    return found.group(1)


@pytest.fixture
def france(db):
    return factories.DestinationFactory(country="FR")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_subscribing_sends_only_a_confirmation_email_and_leaves_the_address_unconfirmed(
    client, france, run_on_commit
):
    with run_on_commit():
        response = subscribe(client)

    assert response.status_code == 302
    assert response["Location"] == url("subscribe_sent")
    subscription = AlertSubscription.objects.get()
    assert subscription.confirmed_at is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ann@example.org"]
    assert "/en/alerts/confirm/" in mail.outbox[0].body
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers


def test_the_confirmation_link_confirms_and_applies_the_chosen_destinations_and_language(
    client, france, run_on_commit
):
    factories.DestinationFactory(country="JP", region="asia")
    with run_on_commit():
        subscribe(client, language="zh-hans", places=("FR", "JP"))
    path = confirm_path_in(mail.outbox[0])

    shown = client.get(path)
    assert shown.status_code == 200
    assert AlertSubscription.objects.get().confirmed_at is None  # opening the link only asks
    response = client.post(path)

    assert response.status_code == 200
    subscription = AlertSubscription.objects.get()
    assert subscription.confirmed_at is not None
    assert subscription.language == "zh-hans"
    assert sorted(str(c) for c in subscription.destinations.values_list("country", flat=True)) == ["FR", "JP"]


def test_an_expired_link_says_so_offers_a_new_one_and_changes_nothing(client, france, run_on_commit):
    with run_on_commit():
        subscribe(client)
    path = confirm_path_in(mail.outbox[0])
    sent = timezone.now() - subscriptions.CONFIRM_MAX_AGE - timedelta(minutes=1)
    AlertConfirmation.objects.update(created_at=sent)

    response = client.post(path)

    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert url("subscribe") + "?destination=FR" in response.content.decode()
    assert AlertSubscription.objects.get().confirmed_at is None
    assert AlertConfirmation.objects.get().confirmed_at is None


def test_a_tampered_link_says_so_and_changes_nothing(client, france, run_on_commit):
    with run_on_commit():
        subscribe(client)
    path = confirm_path_in(mail.outbox[0])
    token = path.rstrip("/").rsplit("/", 1)[1]
    tampered = path.replace(token, token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"))

    response = client.post(tampered)

    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    assert AlertSubscription.objects.get().confirmed_at is None


def test_a_link_from_before_tokens_says_it_expired_and_changes_nothing(client, france):
    """Links still in mailboxes carried the choices and the address, signed: they no longer confirm."""
    subscription = factories.AlertSubscriptionFactory(email="ann@example.org", confirmed=False)
    payload = {"s": subscription.pk, "e": "ann@example.org", "l": "en", "a": True, "d": []}
    old_link = signing.dumps(payload, salt="destinations.subscriptions.confirm", compress=True)

    response = client.post(url("confirm", token=old_link))

    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_confirming_twice_changes_nothing_the_second_time(client, france, run_on_commit):
    japan = factories.DestinationFactory(country="JP", region="asia")
    with run_on_commit():
        subscribe(client, places=("FR",))
    path = confirm_path_in(mail.outbox[0])
    assert client.post(path).status_code == 200
    subscription = AlertSubscription.objects.get()
    confirmed_at = subscription.confirmed_at
    client.post(url("preferences", token=subscription.token), {"destinations": ["JP"], "language": "en"})

    again = client.post(path)

    assert again.status_code == 200
    assert "Already confirmed" in again.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at == confirmed_at
    assert list(subscription.destinations.all()) == [japan]  # the later choice stays
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_confirmation_email_links_carry_no_email_address_in_any_encoding(
    client, france, run_on_commit, language
):
    existing = factories.AlertSubscriptionFactory(
        email="Ann.Lee+trip@Example.org", destinations=[france]
    )  # gets a preferences link too
    with run_on_commit():
        subscribe(client, email="ann.lee+trip@example.org", language=language)
        subscribe(client, email="bob.wu@example.org", language=language)

    assert len(mail.outbox) == 2
    for message, address in zip(mail.outbox, (existing.email, "bob.wu@example.org"), strict=True):
        html = message.alternatives[0][0]
        links = set(re.findall(r"https?://[^\s\"'<>]+", message.body + html))
        assert any("/alerts/confirm/" in link for link in links)
        for link in links:
            assert not revealed_in(address, link), (address, link)


def encodings_of(address):
    """The address as a URL could show it: plain, percent-encoded, base64 and URL-safe base64 (at each
    of the three byte offsets a longer encoded value could hold it)."""
    import base64
    from urllib.parse import quote

    found = set()
    for text in {address, address.lower()}:
        found |= {text, quote(text, safe=""), quote(text)}
        for offset in range(3):
            encoded = base64.b64encode(b"x" * offset + text.encode()).decode().rstrip("=")
            stable = encoded[(offset * 4 + 2) // 3 + 1 : -2]  # the characters that depend on the address only
            found |= {stable, stable.replace("+", "-").replace("/", "_")}
    return found


def revealed_in(address, link):
    import base64
    import zlib
    from urllib.parse import unquote

    if any(encoded.lower() in link.lower() for encoded in encodings_of(address)):
        return True
    for part in re.split(r"[/:?&=.]", unquote(link)):
        try:
            raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except ValueError:
            continue
        for data in (raw, _inflated(zlib, raw)):
            if data and address.lower().encode() in data.lower():
                return True
    return False


def _inflated(zlib, raw):
    try:
        return zlib.decompress(raw)
    except zlib.error:
        return b""


def test_the_encodings_check_finds_the_address_in_a_signed_link_of_the_old_kind():
    address = "ann.lee+trip@example.org"
    payload = {"s": 7, "e": address, "l": "en", "a": False, "d": ["FR"]}
    old_link = "https://portal.example.org/en/alerts/confirm/" + signing.dumps(payload, compress=True) + "/"

    assert revealed_in(address, old_link)
    assert not revealed_in(address, "https://portal.example.org/en/alerts/confirm/" + "A" * 43 + "/")


def test_the_form_gives_the_same_answer_for_a_subscribed_address_and_changes_nothing_yet(
    client, france, run_on_commit
):
    japan = factories.DestinationFactory(country="JP", region="asia")
    existing = factories.AlertSubscriptionFactory(
        email="Ann@Example.org", language="zh-hans", destinations=[japan]
    )

    with run_on_commit():
        response = subscribe(client, email="ann@example.org", places=("FR",))

    assert response.status_code == 302
    assert response["Location"] == url("subscribe_sent")
    assert AlertSubscription.objects.count() == 1
    existing.refresh_from_db()
    assert list(existing.destinations.all()) == [japan]
    assert len(mail.outbox) == 1
    assert url("preferences", "en", token=existing.token) in mail.outbox[0].body


def test_a_second_submission_of_the_same_address_creates_no_second_subscription(
    client, france, run_on_commit
):
    with run_on_commit():
        subscribe(client, email="ann@example.org")
        subscribe(client, email="ANN@example.org ")

    assert AlertSubscription.objects.count() == 1


@pytest.mark.engine  # a unique constraint
def test_a_race_on_the_unique_email_ends_with_one_subscription(france, monkeypatch):
    """The other request inserted the row between our look-up and our insert."""
    other = factories.AlertSubscriptionFactory(email="ann@example.org", confirmed=False)
    lookups = []

    def not_found_the_first_time(email):
        lookups.append(email)
        return None if len(lookups) == 1 else other

    monkeypatch.setattr(subscriptions, "find_subscription", not_found_the_first_time)
    choices = subscriptions.Choices(language="en", codes=("FR",))

    assert subscriptions.subscription_for("ann@example.org", choices) == other
    assert AlertSubscription.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "", "destinations": ["FR"]}, "email", "Please enter your email address."),
        ({"email": "not-an-address", "destinations": ["FR"]}, "email", "Please enter a valid email address"),
        ({"email": "a" * 250 + "@example.org", "destinations": ["FR"]}, "email", "too long"),
        (
            {"email": "ann@example.org", "destinations": ["XX"]},
            "destinations",
            "Choose destinations from the list.",
        ),
        ({"email": "ann@example.org"}, None, "Choose at least one destination"),
    ],
)
def test_bad_input_redisplays_the_form_with_a_clear_message_and_sends_nothing(
    client, france, run_on_commit, data, field, message
):
    with run_on_commit():
        response = client.post(url("subscribe"), {"language": "en", **data})

    assert response.status_code == 400
    form = response.context["form"]
    errors = form.errors[field] if field else form.non_field_errors()
    assert any(message in error for error in errors)
    assert AlertSubscription.objects.count() == 0
    assert Message.objects.count() == 0


def test_form_errors_are_in_the_language_of_the_page(client, france):
    response = client.post(
        url("subscribe", "zh-hans"), {"email": "", "destinations": ["FR"], "language": "zh-hans"}
    )

    assert response.status_code == 400
    assert "请输入您的电子邮件地址。" in response.content.decode()


def test_confirmation_emails_are_limited_per_address_and_email_together(client, france, run_on_commit):
    limit = subscriptions.RATE_LIMITS.address_and_email[0]
    with run_on_commit():
        for _attempt in range(limit + 2):
            response = subscribe(client, email="ann@example.org", address="10.0.0.1")
            assert response["Location"] == url("subscribe_sent")

    assert len(mail.outbox) == limit
    with run_on_commit():
        subscribe(client, email="bob@example.org", address="10.0.0.1")  # a classmate on the same network
    assert len(mail.outbox) == limit + 1


def test_one_inbox_cannot_be_flooded_from_many_addresses(client, france, run_on_commit):
    limit = subscriptions.RATE_LIMITS.email[0]
    with run_on_commit():
        for number in range(limit + 3):
            subscribe(client, email="ann@example.org", address=f"10.0.1.{number}")

    assert len(mail.outbox) == limit


def test_the_subscribe_form_preselects_the_destination_of_the_link(client, france):
    factories.DestinationFactory(country="JP", region="asia")

    response = client.get(url("subscribe") + "?destination=fr&destination=XX")

    assert response.context["form"].initial["destinations"] == ["FR"]
    checked = re.findall(r'<input[^>]*name="destinations"[^>]*>', response.content.decode())
    assert [tag for tag in checked if "checked" in tag] == [tag for tag in checked if 'value="FR"' in tag]


def test_the_subscribe_form_renders_in_bounded_queries(client, france, django_assert_max_num_queries):
    for code in ("JP", "DE", "IT", "ES", "TH"):
        factories.DestinationFactory(country=code, region="asia")

    with django_assert_max_num_queries(15):
        response = client.get(url("subscribe", "zh-hans"))

    assert response.status_code == 200


def test_one_post_to_the_unsubscribe_link_unsubscribes_at_once(client, france):
    subscription = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[france])

    response = client.post(url("unsubscribe", token=subscription.token), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None


def test_the_one_click_post_needs_no_csrf_token(france):
    from django.test import Client

    subscription = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[france])
    client = Client(enforce_csrf_checks=True)

    response = client.post(url("unsubscribe", token=subscription.token), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None


def test_opening_the_unsubscribe_link_only_asks(client, france):
    subscription = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[france])

    response = client.get(url("unsubscribe", token=subscription.token))

    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None


@pytest.mark.parametrize("name", ["unsubscribe", "preferences"])
def test_an_unknown_or_altered_token_is_not_found(client, france, name):
    subscription = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[france])
    altered = subscription.token[:-1] + ("A" if subscription.token[-1] != "A" else "B")

    assert client.get(url(name, token="no-such-token")).status_code == 404
    assert client.post(url(name, token=altered)).status_code == 404
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None


def test_the_preferences_page_changes_destinations_and_language(client, france):
    japan = factories.DestinationFactory(country="JP", region="asia")
    subscription = factories.AlertSubscriptionFactory(
        email="ann@example.org", language="zh-hans", destinations=[france]
    )

    response = client.post(
        url("preferences", token=subscription.token), {"destinations": ["JP"], "language": "en"}
    )

    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.language == "en"
    assert list(subscription.destinations.all()) == [japan]


def test_token_pages_are_never_cached_and_keep_their_referrer_on_this_site(client, france):
    subscription = factories.AlertSubscriptionFactory(email="ann@example.org", destinations=[france])

    response = client.get(url("preferences", token=subscription.token))

    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_destinations_on_the_form_are_in_pinyin_order_in_chinese(client):
    from django.utils import translation

    from destinations.forms import destination_choices

    from .factories import DestinationFactory

    for code in ("RU", "EG", "AU", "FR"):  # 俄罗斯 eluosi, 埃及 aiji, 澳大利亚 aodaliya, 法国 faguo
        DestinationFactory(country=code)
    with translation.override("zh-hans"):
        names = [
            name for _code, name in destination_choices() if name in {"俄罗斯", "埃及", "澳大利亚", "法国"}
        ]
    assert names == ["埃及", "澳大利亚", "俄罗斯", "法国"]


def test_confirmations_older_than_a_month_are_forgotten_when_someone_subscribes(
    client, france, run_on_commit
):
    old = factories.AlertSubscriptionFactory(email="old@example.org", confirmed=False)
    stale = subscriptions.new_confirmation(old, subscriptions.Choices(language="en", codes=("FR",)))
    recent = subscriptions.new_confirmation(old, subscriptions.Choices(language="en", codes=("FR",)))
    long_ago = timezone.now() - subscriptions.CONFIRMATIONS_KEPT - timedelta(minutes=1)
    AlertConfirmation.objects.filter(pk=stale.pk).update(created_at=long_ago)

    with run_on_commit():
        subscribe(client, email="new@example.org")

    assert not AlertConfirmation.objects.filter(pk=stale.pk).exists()
    assert AlertConfirmation.objects.filter(pk=recent.pk).exists()
    assert AlertConfirmation.objects.count() == 2
