"""Scratch: prove each browser test fails without its behaviour (HTML rewritten in flight)."""
import pytest
from tests.browser import test_accessibility as a11y, test_keyboard_and_layout as kl, test_csp as csp, test_language_switcher as ls


def rewrite(page_at_factory, *pairs, css=None):
    def make(*args, **kwargs):
        page = page_at_factory(*args, **kwargs)
        def handle(route):
            response = route.fetch()
            body = response.text()
            if "text/html" in response.headers.get("content-type", ""):
                for old, new in pairs:
                    body = body.replace(old, new)
            elif css and route.request.url.endswith("portal.css"):
                body += css
            route.fulfill(response=response, body=body)
        page.route("**/*", handle)
        return page
    return make


def expect_fail(fn, *args):
    with pytest.raises(AssertionError) as info:
        fn(*args)
    print("\n  FAILED AS EXPECTED:", str(info.value).splitlines()[0][:300])


def test_axe_catches_missing_label(page_at):
    expect_fail(a11y.test_home_page_has_no_serious_axe_violations, rewrite(page_at, ('<label class="visually-hidden" for="site-search">', '<label class="visually-hidden">')), "en", 1280)

def test_axe_catches_low_contrast(page_at):
    expect_fail(a11y.test_home_page_has_no_serious_axe_violations, rewrite(page_at, css=".emergency-bar{background:#ff9999 !important}"), "zh-hans", 360)

def test_skip_link_missing(page_at):
    expect_fail(kl.test_skip_link_moves_focus_to_main_content, rewrite(page_at, ('class="skip-link"', 'class="x"')), "en")

def test_skip_link_no_tabindex(page_at):
    expect_fail(kl.test_skip_link_moves_focus_to_main_content, rewrite(page_at, ('id="main" tabindex="-1"', 'id="main"')), "en")

def test_skip_link_not_shown_on_focus(page_at):
    expect_fail(kl.test_skip_link_moves_focus_to_main_content, rewrite(page_at, css=".skip-link:focus{top:-3rem}"), "en")

def test_wide_element(page_at):
    expect_fail(kl.test_no_horizontal_scroll_at_360px, rewrite(page_at, css=".hero{min-width:420px}"), "zh-hans")

def test_bar_wrong_href(page_at):
    expect_fail(kl.test_emergency_bar_call_link_dials_12308, rewrite(page_at, ('href="tel:+86', 'href="tel:0')), "en")

def test_bar_below_fold(page_at):
    expect_fail(kl.test_emergency_bar_call_link_dials_12308, rewrite(page_at, css=".emergency-bar{margin-top:300px}"), "en")

def test_switcher_to_home(page_at):
    expect_fail(ls.test_language_switcher_leads_to_translation_at_1280px, rewrite(page_at, ('href="/en/about/"', 'href="/en/"')))

def test_switcher_mobile_hidden(page_at):
    expect_fail(ls.test_language_switcher_behind_the_menu_button_at_360px, rewrite(page_at, ('data-bs-toggle="collapse"', 'data-x="y"')))

def test_inline_script(page_at):
    expect_fail(csp.test_no_csp_violations_on_public_pages, rewrite(page_at, ("</body>", "<script>document.title='x'</script></body>")), "/en/", 1280)

def test_inline_style(page_at):
    expect_fail(csp.test_no_csp_violations_on_public_pages, rewrite(page_at, ("</head>", "<style>body{color:red}</style></head>")), "/en/", 1280)
