import pytest
from django.core import mail
from django.utils import translation

import outbox
from outbox.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _templates(email_templates):
    pass


def send(language, **kwargs):
    context = {"name": "O'Brien", "event_id": 42}
    return outbox.send("ann@example.org", "outbox_tests/greeting", context, language, **kwargs)


def test_send_renders_in_the_requested_language_with_links_to_the_portal(run_on_commit, settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    with translation.override("en"), run_on_commit():
        chinese = send("zh-hans")
        english = send("en")
        assert translation.get_language() == "en"

    assert chinese.subject == "是 O'Brien"
    assert chinese.body_text == "[zh-hans] 是, O'Brien.\nhttps://portal.example.org/events/42/\n"
    assert chinese.language == "zh-hans"
    assert english.subject == "Yes O'Brien"
    assert english.body_text.startswith("[en] Yes, O'Brien.\n")

    zh_email, en_email = mail.outbox
    assert zh_email.subject == "是 O'Brien"
    assert zh_email.extra_headers["Content-Language"] == "zh-hans"
    html, mimetype = zh_email.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="zh-Hans">' in html
    assert "<p>是, O&#x27;Brien.</p>" in html
    assert 'href="https://portal.example.org/events/42/"' in html
    assert '<html lang="en">' in en_email.alternatives[0][0]


def test_send_without_an_html_template_sends_plain_text(run_on_commit):
    with run_on_commit():
        message = outbox.send("ann@example.org", "outbox_tests/plain", {"name": "Ann"}, "en")

    assert message.subject == "Plain Ann"
    assert message.body_text == "Hello Ann\n"
    assert message.body_html == ""
    assert mail.outbox[0].alternatives == []


def test_send_with_a_known_dedupe_key_sends_nothing(run_on_commit):
    with run_on_commit():
        first = send("en", dedupe_key="greeting:42")
        second = send("zh-hans", dedupe_key="greeting:42")

    assert first is not None
    assert second is None
    assert Message.objects.count() == 1
    assert len(mail.outbox) == 1
