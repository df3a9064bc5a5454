"""The alert subscription form says what it keeps, for how long, and links to the privacy notice."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "kept", "link"),
    [
        ("zh-hans", "直到您退订", '<a href="/zh-hans/privacy/">隐私声明</a>'),
        ("en", "until you unsubscribe", '<a href="/en/privacy/">Privacy notice</a>'),
    ],
)
def test_subscribe_form_says_what_is_kept_and_links_to_the_privacy_notice(client, language, kept, link):
    html = client.get(f"/{language}/alerts/subscribe/").content.decode()
    notice = html[html.index('class="personal-data-notice') :]
    notice = notice[: notice.index("</p>")]
    assert kept in notice
    assert link in notice
