"""The strict Content-Security-Policy breaks nothing: no inline scripts or styles on public pages."""

import pytest

CSP_WORDS = ("content security policy", "refused to")


@pytest.mark.parametrize(
    ("path", "width"),
    [("/zh-hans/", 360), ("/en/", 1280), ("/zh-hans/about/", 1280), ("/en/accounts/signup/", 360)],
)
def test_no_csp_violations_on_public_pages(page_at, path, width):
    page = page_at(width)
    messages, errors = [], []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(path)
    assert "default-src 'self'" in response.headers.get("content-security-policy", "")
    page.wait_for_load_state("load")
    if width < 992:  # exercise Bootstrap's script under the CSP: open the collapsed menu
        page.locator("button.navbar-toggler").click()
        page.locator("#site-nav.show").wait_for()
    csp_messages = [text for text in messages + errors if any(word in text.lower() for word in CSP_WORDS)]
    assert csp_messages == [], "\n".join(csp_messages)
    assert errors == [], "\n".join(errors)
